import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/records/canonicalJson.js';
import { chainWriter, entryHeaderText } from '../../src/records/chainEntry.js';
import { GENESIS_HASH, sha256Hex } from '../../src/records/hashing.js';

describe('chain entries', () => {
  it('link each entry to the one before and hash the canonical header', () => {
    const chain = chainWriter({ sequence: 0, hash: GENESIS_HASH, at: '' }, '2026-11-02T12:30:00.000Z');
    const first = chain.add('audit', 'Patient/p1', null, { action: 'read' });
    const second = chain.add('version', 'Patient/p1', 1, { b: 1, a: 2 });
    expect(first).toMatchObject({ sequence: 1, prevHash: GENESIS_HASH, data: '{"action":"read"}', contentHash: sha256Hex('{"action":"read"}') });
    expect(second).toMatchObject({ sequence: 2, prevHash: first.hash, data: '{"a":2,"b":1}' });
    expect(second.hash).toBe(sha256Hex(entryHeaderText(second)));
  });

  describe('properties', () => {
    it('the hand-written header is exactly the RFC 8785 canonical JSON of the header fields', () => {
      fc.assert(
        fc.property(
          fc.nat(), fc.constantFrom('version', 'audit', 'amendment', 'correction', 'disclosure', 'expunge' as const),
          fc.option(fc.stringMatching(/^[A-Za-z]{1,10}\/[A-Za-z0-9\-.]{1,64}$/), { nil: null }), fc.option(fc.nat(), { nil: null }),
          fc.stringMatching(/^[0-9a-f]{64}$/),
          (sequence, kind, recordId, version, contentHash) => {
            const header = { sequence, kind, recordId, version, at: '2026-11-02T12:30:00.000Z', contentHash, prevHash: GENESIS_HASH };
            expect(entryHeaderText(header)).toBe(canonicalJson(header));
          },
        ),
      );
    });

    it('the hand-written header escapes any text as RFC 8785 does (quotes, backslashes, controls, non-ASCII)', () => {
      const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary-ascii', maxLength: 12 }));
      fc.assert(
        fc.property(fc.nat(), anyText, fc.option(anyText, { nil: null }), anyText, anyText, (sequence, at, recordId, contentHash, prevHash) => {
          const header = { sequence, kind: 'audit' as const, recordId, version: null, at, contentHash, prevHash };
          expect(entryHeaderText(header)).toBe(canonicalJson(header));
        }),
      );
    });
  });
});
