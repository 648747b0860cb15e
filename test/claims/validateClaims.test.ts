import { describe, expect, it } from 'vitest';
import { validateClaims, type BatchClaimReport, type ClaimSource } from '../../src/claims/validateClaims.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import type { ValidateClaimOptions } from '../../src/claims/claimOptions.js';
import { claimWith, goodClaim, line } from './fixtures.js';
import { build837p } from './x12/build837p.js';

async function collect(source: ClaimSource): Promise<BatchClaimReport[]> {
  const out: BatchClaimReport[] = [];
  for await (const report of validateClaims(source, { asOf: '2026-11-02' })) out.push(report);
  return out;
}

const bad = { ...goodClaim(), id: 'C-BAD', billingProvider: { npi: '1234567890' } };

describe('validateClaims', () => {
  it('yields one report per claim in order from arrays, iterables and async iterables', async () => {
    const claims = [goodClaim(), bad, goodClaim()];
    async function* slowly() {
      for (const claim of claims) yield await Promise.resolve(claim);
    }
    for (const source of [claims, new Set(claims), claims.values(), slowly()]) {
      const reports = await collect(source as ClaimSource);
      expect(reports.map((r) => [r.index, r.place, r.valid])).toEqual([
        [0, 'item 1', true],
        [1, 'item 2', false],
        [2, 'item 3', true],
      ]);
    }
  });

  it('reports an item that cannot be read (a hostile proxy, a revoked proxy, a rejected promise) where it is and reads the rest', async () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('getter trap'); } });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const rejected = Promise.reject(new Error('no claim'));
    rejected.catch(() => undefined);
    const reports = await collect([hostile, goodClaim(), revocable.proxy, rejected, Promise.resolve(goodClaim()), null] as unknown as ClaimSource);
    expect(reports.map((r) => [r.place, r.valid])).toEqual([
      ['item 1', false],
      ['item 2', true],
      ['item 3', false],
      ['item 4', false],
      ['item 5', true],
      ['item 6', false],
    ]);
    for (const i of [0, 2, 3, 5]) expect(reports[i]?.issues.map((found) => found.code)).toContain('claim.schema');
    expect(reports[0]?.issues[0]?.message).toContain('item 1 could not be read');
  });

  it('reads NDJSON in chunks, with or without a byte-order mark: a malformed line is reported with its line number and the rest goes on', async () => {
    const text = [JSON.stringify(goodClaim()), '', '{"id": "C-2", oops', JSON.stringify(bad), ''].join('\n');
    const chunks = text.match(/[\s\S]{1,13}/g) ?? [];
    const marked = `\uFEFF${text}`;
    for (const ndjson of [text, chunks, text.replaceAll('\n', '\r\n'), marked, marked.match(/[\s\S]{1,13}/g) ?? [], ['\uFEFF', ...chunks]]) {
      const reports = await collect({ ndjson });
      expect(reports.map((r) => [r.place, r.valid, r.claimId, r.issues.map((i) => i.code)])).toEqual([
        ['line 1', true, 'C-1001', []],
        ['line 3', false, undefined, ['input.malformed']],
        ['line 4', false, 'C-BAD', ['npi.invalid']],
      ]);
    }
  });

  it('keeps memory bounded: it reads the next claim only when asked', async () => {
    let produced = 0;
    function* endless() {
      for (;;) {
        produced++;
        yield goodClaim();
      }
    }
    const iterator = validateClaims(endless())[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    await iterator.return?.(undefined);
    expect(produced).toBeLessThanOrEqual(3);
  });

  it('refuses at once, with MedofficeUsageError, a source of no known shape, text given bare, or options that are not an object', () => {
    for (const source of ['{"id":"x"}\n', null, undefined, 1, {}, { x12: 1 }, { ndjson: null }, { ndjson: {} }]) {
      expect(() => validateClaims(source as never)).toThrow(MedofficeUsageError);
    }
    expect(() => validateClaims('{"id":"x"}\n' as never)).toThrow(/pass \{ ndjson \} or \{ x12 \} or an iterable of claims/);
    expect(() => validateClaims([goodClaim()], 'options' as never)).toThrow(MedofficeUsageError);
  });

  it('reports a chunk that is not a string as a usage error, and takes null options as none', async () => {
    await expect(collect({ ndjson: [JSON.stringify(goodClaim()), 1] as never })).rejects.toThrow(MedofficeUsageError);
    const reports: BatchClaimReport[] = [];
    for await (const report of validateClaims([goodClaim()], null)) reports.push(report);
    expect(reports.map((r) => r.valid)).toEqual([true]);
  });
});

describe('validateClaims: the reader\'s findings answer to the payer\'s rules', () => {
  const diagnoses = ['E11.9', 'I10', 'E78.5', 'K21.9', 'M54.50', 'N39.0', 'R51.9', 'F41.1', 'G43.909', 'H52.4', 'L40.0', 'R05.9', 'R10.9'];
  const thirteen = { ...claimWith([line({ diagnosisPointers: [1, 2, 3, 4] })], diagnoses), billingProvider: { npi: '1234567890' } };
  const x12 = build837p([thirteen as never]);
  const reportWith = async (options: ValidateClaimOptions) => {
    const out: BatchClaimReport[] = [];
    for await (const report of validateClaims({ x12 }, options)) out.push(report);
    return out.filter((report) => report.envelope !== true).map((report) => [report.valid, report.issues.map((i) => `${i.severity} ${i.code}`)]);
  };

  it('a reader error stops the claim by default; turned off or down by the payer, the claim is checked and its other findings reported', async () => {
    expect(await reportWith({ asOf: '2026-11-02' })).toEqual([[false, ['error x12.segment']]]);
    const lenient = { severity: { 'x12.segment': 'warning', 'pointer.unused': 'off', 'icd10.excludes1': 'off' } } as const;
    expect(await reportWith({ asOf: '2026-11-02', payers: { [thirteen.payer.id]: lenient } })).toEqual([[false, ['warning x12.segment', 'error npi.invalid']]]);
    const off = { severity: { 'x12.segment': 'off', 'pointer.unused': 'off', 'icd10.excludes1': 'off', 'npi.invalid': 'warning' } } as const;
    expect(await reportWith({ asOf: '2026-11-02', defaultPayerRules: off })).toEqual([[true, ['warning npi.invalid']]]);
  });
});
