import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClaim } from '../../../src/claims/readClaim.js';
import { validateClaim } from '../../../src/claims/validateClaim.js';
import { validateClaims, type BatchClaimReport } from '../../../src/claims/validateClaims.js';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { goodClaim } from '../fixtures.js';
import { BILLING_LEVEL, CLAIM_SEGMENTS, LINE_SEGMENTS, SUBSCRIBER_LEVEL, build837p, x12Text, type SampleClaim } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function reportOf(text: string): Promise<BatchClaimReport> {
  const [report] = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
  if (report === undefined) throw new Error('no report');
  return report;
}

/** The 1-based position of a segment in a test interchange (the ISA is 1). */
const positionOf = (text: string, segment: string, from = 0): number => text.split('~\n').indexOf(segment, from) + 1;

/** The good claim with two lines, a referring provider, and ordering and referring providers on its lines. */
function referredClaim(npis: { claim?: string; ordering?: string; lineReferring?: string } = {}): SampleClaim {
  const [line] = goodClaim().lines;
  if (line === undefined) throw new Error('no line');
  return {
    ...goodClaim(),
    referringProvider: { npi: npis.claim ?? '1234567893' },
    lines: [
      { ...line, orderingProvider: { npi: npis.ordering ?? '1234567893' } },
      { ...line, procedure: '36415', modifiers: [], chargeCents: 1000, referringProvider: { npi: npis.lineReferring ?? '1234567893' } },
    ],
    totalChargeCents: 13500,
  };
}

const LAB_LINE = ['LX*2', 'SV1*HC:36415*10*UN*1***1', 'DTP*472*D8*20261102'];

describe('read837p: referring (2310A, 2420F) and ordering (2420E) providers', () => {
  it('reads NM1*DN of loop 2310A and NM1*DK / NM1*DN of loops 2420E / 2420F, as build837p writes them, with their NM109', async () => {
    const text = build837p([referredClaim()]);
    const [entry] = await collect(read837p(text));
    expect(entry?.issues).toEqual([]);
    expect(entry?.claim).toMatchObject({
      referringProvider: { npi: '1234567893' },
      lines: [{ orderingProvider: { npi: '1234567893' } }, { referringProvider: { npi: '1234567893' } }],
    });
    const lines = (entry?.claim as { lines: Record<string, unknown>[] }).lines;
    expect([lines[0]?.['referringProvider'], lines[1]?.['orderingProvider']]).toEqual([undefined, undefined]);
    const referring = positionOf(text, 'NM1*DN*1*WONG*AL****XX*1234567893');
    const ordering = positionOf(text, 'NM1*DK*1*PATEL*RAJ****XX*1234567893');
    const lineReferring = positionOf(text, 'NM1*DN*1*WONG*AL****XX*1234567893', referring);
    expect([referring < ordering, ordering < lineReferring]).toEqual([true, true]);
    expect(entry?.locate?.(['referringProvider', 'npi'])).toEqual({ segment: 'NM1', position: referring, element: 9 });
    expect(entry?.locate?.(['lines', 0, 'orderingProvider', 'npi'])).toEqual({ segment: 'NM1', position: ordering, element: 9 });
    expect(entry?.locate?.(['lines', 1, 'referringProvider', 'npi'])).toEqual({ segment: 'NM1', position: lineReferring, element: 9 });
  });

  it('points each NPI issue at NM109 of the provider\'s NM1', async () => {
    const text = build837p([referredClaim({ claim: '1234567890', ordering: '3000000000', lineReferring: '123' })]);
    const report = await reportOf(text);
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([
      ['npi.invalid', ['referringProvider', 'npi']],
      ['npi.first_digit', ['lines', 0, 'orderingProvider', 'npi']],
      ['npi.invalid', ['lines', 1, 'referringProvider', 'npi']],
    ]);
    expect(report.locations).toEqual([
      { segment: 'NM1', position: positionOf(text, 'NM1*DN*1*WONG*AL****XX*1234567890'), element: 9 },
      { segment: 'NM1', position: positionOf(text, 'NM1*DK*1*PATEL*RAJ****XX*3000000000'), element: 9 },
      { segment: 'NM1', position: positionOf(text, 'NM1*DN*1*WONG*AL****XX*123'), element: 9 },
    ]);
  });

  it('reads an NM1 whose NM108 is not XX with an empty NPI, reported as npi.invalid', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, 'NM1*DN*1*WONG*AL****24*123456789', ...LINE_SEGMENTS]);
    const report = await reportOf(text);
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([['npi.invalid', ['referringProvider', 'npi']]]);
  });

  it('takes the claim\'s referring provider from loop 2310A only: not loop 2330C\'s, nor an NM1*DK before any line', async () => {
    const otherPayer = ['SBR*S*18*******CI', 'OI***Y***Y', 'NM1*IL*1*DOE*JANE****MI*XY123', 'NM1*PR*2*FIRSTPAYER*****PI*FP1', 'NM1*DN*1', 'REF*G2*OTHERREF'];
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, 'NM1*DK*1*PATEL*RAJ****XX*1234567890', ...otherPayer, ...LINE_SEGMENTS]);
    const [entry] = await collect(read837p(text));
    const claim = entry?.claim as Record<string, unknown> & { lines: Record<string, unknown>[] };
    expect([claim['referringProvider'], claim['orderingProvider'], claim.lines[0]?.['orderingProvider']]).toEqual([undefined, undefined, undefined]);
    expect((await reportOf(text)).issues).toEqual([]);
  });

  it('keeps the first of two providers for one place and reports the second as x12.segment', async () => {
    const text = x12Text([
      ...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS,
      'NM1*DN*1*WONG*AL****XX*1234567893', 'NM1*DN*1*ROSS*BO****XX*1234567890',
      ...LINE_SEGMENTS, 'NM1*DK*1*PATEL*RAJ****XX*1234567893', 'NM1*DK*1*KIM*SU****XX*1234567890',
      ...LAB_LINE, 'NM1*DK*1*KIM*SU****XX*1234567893',
    ]);
    const [entry] = await collect(read837p(text));
    expect(entry?.claim).toMatchObject({ referringProvider: { npi: '1234567893' }, lines: [{ orderingProvider: { npi: '1234567893' } }, { orderingProvider: { npi: '1234567893' } }] });
    expect(entry?.issues.map((i) => [i.code, i.path, i.source?.replace(/segment \d+/, 'segment n')])).toEqual([
      ['x12.segment', ['referringProvider'], 'X12 NM1 (segment n, element 1)'],
      ['x12.segment', ['lines', 0, 'orderingProvider'], 'X12 NM1 (segment n, element 1)'],
    ]);
  });

  describe('properties', () => {
    it('reads the same providers from X12 as from JSON, whole or in chunks, with the same issue codes', async () => {
      const npi = fc.option(fc.constantFrom('1234567893', '1234567890', '3000000000', '12345'), { nil: undefined });
      const only = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: { npi: value } });
      await fc.assert(
        fc.asyncProperty(npi, npi, npi, npi, fc.integer({ min: 1, max: 80 }), async (claimNpi, ordering, lineReferring, secondOrdering, size) => {
          const [line] = goodClaim().lines;
          const claim = {
            ...goodClaim(),
            ...only('referringProvider', claimNpi),
            lines: [
              { ...line, ...only('orderingProvider', ordering) },
              { ...line, procedure: '36415', modifiers: [], chargeCents: 1000, ...only('referringProvider', lineReferring), ...only('orderingProvider', secondOrdering) },
            ],
            totalChargeCents: 13500,
          } as SampleClaim;
          const text = build837p([claim]);
          const [entry] = await collect(read837p(text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? []));
          const fromJson = readClaim(claim);
          const fromX12 = readClaim(entry?.claim);
          if (!fromJson.ok || !fromX12.ok) throw new Error('unreadable');
          const providers = (c: typeof fromJson.claim) => [c.referringProvider, c.lines.map((l) => [l.orderingProvider, l.referringProvider])];
          const given = (value: string | undefined) => (value === undefined ? undefined : { npi: value });
          expect(providers(fromJson.claim)).toEqual([given(claimNpi), [[given(ordering), undefined], [given(secondOrdering), given(lineReferring)]]]);
          expect(providers(fromX12.claim)).toEqual(providers(fromJson.claim));
          const codes = (issues: readonly { code: string; path: readonly (string | number)[] }[]) => issues.map((i) => [i.code, i.path]);
          expect(codes((await reportOf(text)).issues)).toEqual(codes(validateClaim(claim, { asOf: '2026-11-02' }).issues));
        }),
        { numRuns: 60 },
      );
    });
  });
});
