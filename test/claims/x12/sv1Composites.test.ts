import { describe, expect, it } from 'vitest';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { validateClaims } from '../../../src/claims/validateClaims.js';
import { BILLING_LEVEL, CLAIM_SEGMENTS, SUBSCRIBER_LEVEL, x12Text } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The claim read from one line with the given SV1 (and CLM02 when given). */
async function readLine(sv1: string, total = '125') {
  const claim = [CLAIM_SEGMENTS[0]?.replace('*125*', `*${total}*`) ?? '', ...CLAIM_SEGMENTS.slice(1)];
  const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claim, 'LX*1', sv1, 'DTP*472*D8*20261102']);
  const [entry] = await collect(read837p(text));
  const [report] = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
  const line = (entry?.claim as { lines: Record<string, unknown>[] } | undefined)?.lines[0];
  return { entry, report, line, sv1Position: text.split('~\n').indexOf(sv1) + 1 };
}

describe('SV1 composites', () => {
  it('reads modifiers from SV101-3 to SV101-6 only: SV101-7, the description of an unlisted code, is not a modifier', async () => {
    const unlisted = await readLine('SV1*HC:J3490:::::UNLISTED DRUG X*125*UN*1***1:2');
    expect(unlisted.line?.['modifiers']).toEqual([]);
    expect(unlisted.report?.issues.map((i) => i.code)).toEqual([]);
    const described = await readLine('SV1*HC:99213:25:59:XU:LT:LEFT KNEE*125*UN*1***1:2');
    expect(described.line?.['modifiers']).toEqual(['25', '59', 'XU', 'LT']);
    expect((await readLine('SV1*HC:99213::25*125*UN*1***1:2')).line?.['modifiers']).toEqual(['25']);
  });

  it('reads SV104 units and SV107 pointers only in the X12 numeric forms, and reports anything else at its element', async () => {
    const hex = await readLine('SV1*HC:99213*125*UN*0x10***0x1');
    expect(hex.report?.issues.map((i) => [i.code, i.path])).toEqual([
      ['x12.segment', ['lines', 0, 'units']],
      ['x12.segment', ['lines', 0, 'diagnosisPointers']],
    ]);
    expect(hex.report?.issues.map((i) => i.source)).toEqual([`X12 SV1 (segment ${hex.sv1Position}, element 4)`, `X12 SV1 (segment ${hex.sv1Position}, element 7)`]);
    expect(hex.report?.issues.map((i) => hex.entry?.locate?.(i.path))).toEqual([
      { segment: 'SV1', position: hex.sv1Position, element: 4 },
      { segment: 'SV1', position: hex.sv1Position, element: 7 },
    ]);
    for (const units of [' ', '', '1e1', '+1', '2.']) {
      const read = await readLine(`SV1*HC:99213*125*UN*${units}***1:2`);
      expect(read.report?.issues.map((i) => [i.code, i.path]), units).toEqual([['x12.segment', ['lines', 0, 'units']]]);
    }
    expect((await readLine('SV1*HC:99213*125*UN*1.5***1:2')).line?.['units']).toBe(1.5);
    expect((await readLine('SV1*HC:99213*125*UN*1***1.0')).report?.issues.map((i) => i.path)).toEqual([['lines', 0, 'diagnosisPointers']]);
  });

  it('reads amounts only as X12 writes them: no $, thousands separators or padding', async () => {
    const dollars = await readLine('SV1*HC:99213*1,250*UN*1***1:2', '$1,250');
    expect(dollars.report?.issues.map((i) => [i.code, i.path])).toEqual([
      ['x12.segment', ['lines', 0, 'chargeCents']],
      ['x12.segment', ['totalChargeCents']],
    ]);
    expect(dollars.report?.issues.map((i) => i.source?.replace(/segment \d+/, 'segment n'))).toEqual(['X12 SV1 (segment n, element 2)', 'X12 CLM (segment n, element 2)']);
    expect(dollars.report?.issues.map((i) => dollars.entry?.locate?.(i.path)?.segment)).toEqual(['SV1', 'CLM']);
    for (const amount of ['$125', ' 125', '125 ', '1.255']) {
      expect((await readLine(`SV1*HC:99213*${amount}*UN*1***1:2`)).report?.issues.map((i) => i.path), amount).toEqual([['lines', 0, 'chargeCents']]);
    }
    expect((await readLine('SV1*HC:99213*125.000*UN*1***1:2', '125.00')).line?.['chargeCents']).toBe(12_500);
  });
});
