import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CharacterCondition } from '../../../src/claims/icd10cm/characterCondition.js';
import type { CodeRange } from '../../../src/claims/icd10cm/codeRange.js';
import { decodeNotes, encodeCodeRange } from '../../../src/claims/icd10cm/tableCoding.js';

const code = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,4}$/);
const options = fc.array(fc.stringMatching(/^[0-9A-Z]{1,2}$/), { minLength: 1, maxLength: 4 });
const condition: fc.Arbitrary<CharacterCondition> = fc.oneof(
  fc.record({ kind: fc.constant('at' as const), position: fc.integer({ min: 1, max: 7 }), anyOf: options }),
  fc.record({ kind: fc.constant('final' as const), anyOf: options }),
  fc.record({ kind: fc.constant('intent' as const), anyOf: options }),
);
const range: fc.Arbitrary<CodeRange> = fc.tuple(code, code, fc.option(condition, { nil: undefined })).map(([a, b, where]) => {
  const [low, high] = a <= b ? [a, b] : [b, a];
  return where === undefined ? { low, high } : { low, high, where };
});

describe('encodeCodeRange and decodeNotes', () => {
  it('write a qualified range compactly', () => {
    expect(encodeCodeRange({ low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } })).toBe('S62@7:B');
    expect(encodeCodeRange({ low: 'T36', high: 'T65', where: { kind: 'intent', anyOf: ['1', '6'] } })).toBe('T36-T65@i:1|6');
    expect(encodeCodeRange({ low: 'I69', high: 'I69', where: { kind: 'final', anyOf: ['23'] } })).toBe('I69@$:23');
  });

  it('read back every range they write, conditions included', () => {
    fc.assert(fc.property(fc.array(fc.tuple(code, fc.array(range, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 5 }), (sites) => {
      const unique = new Map(sites);
      const text = [...unique].map(([at, ranges]) => `${at}=${ranges.map(encodeCodeRange).join(',')}`).join(';');
      expect(decodeNotes(text)).toEqual(unique);
    }));
  });
});
