import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClaim } from '../../../src/claims/readClaim.js';
import { validateClaim } from '../../../src/claims/validateClaim.js';
import { validateClaims, type BatchClaimReport } from '../../../src/claims/validateClaims.js';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { goodClaim } from '../fixtures.js';
import { BILLING_LEVEL, LINE_SEGMENTS, SUBSCRIBER_LEVEL, build837p, x12Text } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function claimOf(text: string): Promise<Record<string, unknown> | undefined> {
  const [entry] = await collect(read837p(text));
  expect(entry?.issues).toEqual([]);
  return entry?.claim as Record<string, unknown> | undefined;
}

async function reportOf(text: string): Promise<BatchClaimReport> {
  const [report] = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
  if (report === undefined) throw new Error('no report');
  return report;
}

/** Loops 2320 and 2330B of a secondary claim: the other payer's own control number for the claim. */
const OTHER_PAYER_LOOPS = ['SBR*S*18*******CI', 'OI***Y***Y', 'NM1*IL*1*DOE*JANE****MI*XY123', 'NM1*PR*2*FIRSTPAYER*****PI*FP1', 'REF*F8*OTHERPAYER9'];

describe('read837p: claim frequency (CLM05-3) and REF*F8 of loop 2300', () => {
  it('reads CLM05-3 and REF*F8 into frequency and originalClaimId, as written by build837p', async () => {
    const replacement = { ...goodClaim(), frequency: '7', originalClaimId: '2026110212345' };
    const text = build837p([replacement]);
    expect(text).toContain('***11:B:7*');
    expect(text).toContain('REF*F8*2026110212345~');
    expect(await claimOf(text)).toMatchObject({ frequency: '7', originalClaimId: '2026110212345' });
    expect((await reportOf(text)).issues).toEqual([]);
  });

  it('leaves both out when CLM05 has no third component (or an empty one) and there is no REF*F8: an original claim', async () => {
    const text = build837p([goodClaim()]);
    expect(text).toContain('***11:B*');
    const claim = await claimOf(text);
    expect(claim).not.toHaveProperty('frequency');
    expect(claim).not.toHaveProperty('originalClaimId');
    expect(await claimOf(text.replace('***11:B*', '***11:B:*'))).not.toHaveProperty('frequency');
    expect(await claimOf(text.replace('***11:B*', '***11*'))).not.toHaveProperty('frequency');
    expect(await claimOf(text.replace('***11:B*', '***11::8*'))).toMatchObject({ placeOfService: '11', frequency: '8' });
  });

  it('points claim.frequency at CLM05 and claim.original_reference at REF02, or at the CLM when there is no REF*F8', async () => {
    const where = (report: BatchClaimReport, code: string) => report.locations?.[report.issues.findIndex((i) => i.code === code)];
    const bad = await reportOf(build837p([{ ...goodClaim(), frequency: '6' }]));
    expect(bad.issues.map((i) => [i.code, i.path])).toEqual([['claim.frequency', ['frequency']]]);
    expect(where(bad, 'claim.frequency')).toMatchObject({ segment: 'CLM', element: 5 });
    const missing = await reportOf(build837p([{ ...goodClaim(), frequency: '8' }]));
    expect(missing.issues.map((i) => [i.code, i.path])).toEqual([['claim.original_reference', ['originalClaimId']]]);
    expect(where(missing, 'claim.original_reference')).toEqual({ segment: 'CLM', position: expect.any(Number) });
    const original = await reportOf(build837p([{ ...goodClaim(), frequency: '1', originalClaimId: 'PCN-1' }]));
    expect(original.issues.map((i) => [i.code, i.severity])).toEqual([['claim.original_reference', 'warning']]);
    expect(where(original, 'claim.original_reference')).toMatchObject({ segment: 'REF', element: 2 });
  });

  it('takes REF*F8 from loop 2300 only: loop 2330B holds the other payer\'s control number', async () => {
    const claim = ['CLM*C-1*125***11:B:7*Y*A*Y*Y', 'HI*ABK:E119*ABF:I10'];
    const secondary = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...claim, ...OTHER_PAYER_LOOPS, ...LINE_SEGMENTS]);
    expect(await claimOf(secondary)).not.toHaveProperty('originalClaimId');
    expect((await reportOf(secondary)).issues.map((i) => i.code)).toEqual(['claim.original_reference']);
    const both = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, claim[0] as string, 'REF*F8*OURS1', ...claim.slice(1), ...OTHER_PAYER_LOOPS, ...LINE_SEGMENTS]);
    expect(await claimOf(both)).toMatchObject({ frequency: '7', originalClaimId: 'OURS1' });
  });

  it('keeps the first of two REF*F8 and reports the second as x12.segment', async () => {
    const text = build837p([{ ...goodClaim(), frequency: '7', originalClaimId: 'FIRST' }]).replace('REF*F8*FIRST~\n', 'REF*F8*FIRST~\nREF*F8*SECOND~\n');
    const [entry] = await collect(read837p(text));
    expect(entry?.claim).toMatchObject({ originalClaimId: 'FIRST' });
    expect(entry?.issues.map((i) => [i.code, i.path, i.source?.replace(/segment \d+/, 'segment n')])).toEqual([['x12.segment', ['originalClaimId'], 'X12 REF (segment n, element 1)']]);
  });

  it('reads the same frequency and reference from X12 as from JSON', async () => {
    const frequency = fc.option(fc.constantFrom('1', '7', '8', '6', 'A'), { nil: undefined });
    const originalClaimId = fc.option(fc.constantFrom('2026110212345', 'PCN-77', ' '), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(frequency, originalClaimId, async (f, o) => {
        const claim = { ...goodClaim(), ...(f === undefined ? {} : { frequency: f }), ...(o === undefined ? {} : { originalClaimId: o }) };
        const fromJson = readClaim(claim);
        const fromX12 = readClaim(await claimOf(build837p([claim])));
        if (!fromJson.ok || !fromX12.ok) throw new Error('unreadable');
        expect([fromJson.claim.frequency, fromJson.claim.originalClaimId]).toEqual([f, o]);
        expect([fromX12.claim.frequency, fromX12.claim.originalClaimId]).toEqual([fromJson.claim.frequency, fromJson.claim.originalClaimId]);
        const codes = (issues: readonly { code: string; severity: string }[]) => issues.map((i) => [i.code, i.severity]);
        expect(codes((await reportOf(build837p([claim]))).issues)).toEqual(codes(validateClaim(claim, { asOf: '2026-11-02' }).issues));
      }),
      { numRuns: 40 },
    );
  });
});
