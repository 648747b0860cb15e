import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSES } from '../../../src/claims/checkLines.js';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { validateClaims } from '../../../src/claims/validateClaims.js';
import { BILLING_LEVEL, LINE_SEGMENTS, SUBSCRIBER_LEVEL, x12Text } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** HI segments of twelve codes each (the last one shorter), `count` codes in all, alternating E10.9 and E11.9. */
function hiSegments(count: number, perSegment = 12): string[] {
  const codes = Array.from({ length: count }, (_, i) => `${i === 0 ? 'ABK' : 'ABF'}:${i % 2 === 0 ? 'E109' : 'E119'}`);
  const segments: string[] = [];
  for (let i = 0; i < codes.length; i += perSegment) segments.push(`HI*${codes.slice(i, i + perSegment).join('*')}`);
  return segments;
}

function claimText(his: readonly string[], id = 'C-1'): string[] {
  return [`CLM*${id}*125***11:B:1*Y*A*Y*Y`, ...his, ...LINE_SEGMENTS];
}

describe('read837p: at most twelve diagnosis codes per claim', () => {
  it('keeps twelve codes and reports the thirteenth, once, at its HI element', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claimText(hiSegments(14))]);
    const [entry] = await collect(read837p(text));
    expect((entry?.claim as { diagnoses: string[] }).diagnoses).toHaveLength(MAX_DIAGNOSES);
    expect(entry?.issues.map((i) => [i.code, i.path])).toEqual([['x12.segment', ['diagnoses', 12]]]);
    const secondHi = text.split('~\n').indexOf(hiSegments(14)[1] ?? '') + 1;
    expect(entry?.issues[0]?.source).toBe(`X12 HI (segment ${secondHi}, element 1)`);
    expect(entry?.locate?.(['diagnoses', 12])).toEqual({ segment: 'HI', position: secondHi, element: 1 });
    const [exact] = await collect(read837p(x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claimText(hiSegments(12, 5))])));
    expect(exact?.issues).toEqual([]);
  });

  it('counts ICD-9 codes (BK/BF) toward the twelve, but not condition codes (BG)', async () => {
    const icd9 = `HI*BK:25000*${Array.from({ length: 11 }, () => 'BF:25000').join('*')}`;
    const [entry] = await collect(read837p(x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claimText(['HI*BG:01*BG:02', icd9, 'HI*ABK:E119'])])));
    expect(entry?.issues.filter((i) => i.path[1] === MAX_DIAGNOSES).map((i) => i.message.slice(0, 20))).toEqual(['HI01 is diagnosis 13']);
    expect(entry?.issues).toHaveLength(13);
    expect((entry?.claim as { diagnoses: string[] }).diagnoses).toEqual(['BK:25000', ...Array.from({ length: 11 }, () => 'BF:25000')]);
  });

  it('reads a claim of thousands of codes in one HI or many as one issue, and the claim after it as usual', async () => {
    const huge = hiSegments(6000);
    const single = [`HI*${hiSegments(6000, 6000).join('').slice(3)}`];
    for (const his of [huge, single]) {
      const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claimText(his, 'BIG'), ...claimText(['HI*ABK:E119*ABF:I10'], 'NEXT')]);
      const reports = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
      expect(reports.map((r) => [r.claimId, r.valid, r.issues.map((i) => i.code)])).toEqual([
        ['BIG', false, ['x12.segment']],
        ['NEXT', true, []],
      ]);
    }
  });
});

describe('read837p: diagnosis positions and the principal diagnosis', () => {
  const read = async (hi: string) => {
    const [report] = await collect(validateClaims({ x12: x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claimText([hi])]) }, { asOf: '2026-11-02' }));
    return report;
  };

  it('reports an empty HI element before a diagnosis, since pointers name HI elements by position', async () => {
    const report = await read('HI*ABK:E119**ABF:I10');
    expect(report?.valid).toBe(false);
    const at = report?.issues.findIndex((i) => i.code === 'x12.segment') ?? -1;
    expect(report?.issues[at]?.message).toContain('HI02 holds no diagnosis (empty, or another qualifier) but HI03 does');
    expect(report?.issues[at]?.source).toMatch(/^X12 HI \(segment \d+, element 2\)$/);
    expect((await read('HI*ABK:E119*ABF:I10*'))?.valid).toBe(true);
    for (const between of ['BG:01', ':', 'ZZ:J449', 'BP:0JH60DZ']) expect((await read(`HI*ABK:E119*${between}*ABF:I10`))?.valid).toBe(false);
  });

  it('the first diagnosis must be principal (ABK), and only the first', async () => {
    const first = await read('HI*ABF:E119*ABF:I10');
    expect(first?.issues.map((i) => [i.code, i.path, i.message])).toEqual([['x12.segment', ['diagnoses', 0], "HI01 is the claim's first diagnosis but not marked principal: it must be ABK"]]);
    const second = await read('HI*ABK:E119*ABK:I10');
    expect(second?.issues.map((i) => [i.code, i.path])).toEqual([['x12.segment', ['diagnoses', 1]]]);
    expect((await read('HI*ABK:E119*ABF:I10'))?.issues).toEqual([]);
  });

  it('keeps an ICD-9 code (BK/BF) in its HI position, so later pointers still name their diagnosis, with one clear error for it', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, 'CLM*C-1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:E119*BF:V700*ABF:I10', 'LX*1', 'SV1*HC:99213*125*UN*1***1:3', 'DTP*472*D8*20261102']);
    const [entry] = await collect(read837p(text));
    const claim = entry?.claim as { diagnoses: string[]; lines: { diagnosisPointers: number[] }[] };
    expect(claim.diagnoses).toEqual(['E119', 'BF:V700', 'I10']);
    expect(claim.lines[0]?.diagnosisPointers.map((p) => claim.diagnoses[p - 1])).toEqual(['E119', 'I10']);
    const hi = text.split('~\n').findIndex((segment) => segment.startsWith('HI*')) + 1;
    const [report] = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
    expect(report?.issues.map((i) => [i.code, i.path, i.message])).toEqual([['x12.segment', ['diagnoses', 1], 'HI02 is an ICD-9-CM diagnosis (BF:V700); 837P claims since 2015-10-01 use ICD-10-CM (ABK/ABF)']]);
    expect(entry?.locate?.(report?.issues[0]?.path ?? [])).toEqual({ segment: 'HI', position: hi, element: 2 });
    // A payer that turns the reader's finding off gets one error for the code, not one reading V700 as ICD-10-CM V70.0.
    const lenient = { severity: { 'x12.segment': 'off', 'pointer.unused': 'off' } } as const;
    const [checked] = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02', payers: { MEDICARE: lenient } }));
    expect(checked?.issues.map((i) => [i.code, i.path])).toEqual([['icd10.format', ['diagnoses', 1]]]);
  });
});
