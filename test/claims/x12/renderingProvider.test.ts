import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { validateClaims } from '../../../src/claims/validateClaims.js';
import { BILLING_LEVEL, CLAIM_SEGMENTS, LINE_SEGMENTS, SUBSCRIBER_LEVEL, x12Text } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Loop 2310B: the claim's rendering provider, with its NPI and taxonomy. */
const RENDERING_2310B = ['NM1*82*1*LEE*ANNA****XX*1234567893', 'PRV*PE*PXC*207Q00000X'];

/**
 * Loops 2320 and 2330A to 2330G of a secondary claim: the other subscriber, the other payer, and the
 * other payer's rendering (2330D), service facility (2330E) and billing provider (2330G), which carry
 * only secondary identifiers (REF), never an NPI.
 */
const OTHER_PAYER_LOOPS = [
  'SBR*S*18*******CI',
  'OI***Y***Y',
  'NM1*IL*1*DOE*JANE****MI*XY123',
  'NM1*PR*2*FIRSTPAYER*****PI*FP1',
  'NM1*82*1',
  'REF*G2*OTHERID',
  'NM1*77*2',
  'REF*G2*FACILITY9',
  'NM1*85*2',
  'REF*G2*BILLING9',
];

describe('read837p: the rendering provider comes from loop 2310B only', () => {
  it('keeps the 2310B rendering provider when a secondary claim carries loop 2330D (NM1*82 with no NPI)', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...RENDERING_2310B, ...OTHER_PAYER_LOOPS, ...LINE_SEGMENTS]);
    const [entry] = await collect(read837p(text));
    expect(entry?.claim).toMatchObject({ renderingProvider: { npi: '1234567893', taxonomy: '207Q00000X' } });
    const reports = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
    expect(reports.map((r) => [r.valid, r.issues.map((i) => i.code)])).toEqual([[true, []]]);
    const rendering = text.split('~\n').indexOf(RENDERING_2310B[0] ?? '') + 1;
    expect(entry?.locate?.(['renderingProvider', 'npi'])).toEqual({ segment: 'NM1', position: rendering, element: 9 });
  });

  it('gives no rendering provider when only loop 2330D names one, and the other payer loops leave billing provider and payer alone', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...OTHER_PAYER_LOOPS, ...LINE_SEGMENTS]);
    const [entry] = await collect(read837p(text));
    const claim = entry?.claim as Record<string, unknown>;
    expect(claim['renderingProvider']).toBeUndefined();
    expect(claim['billingProvider']).toEqual({ npi: '1234567893', taxonomy: '207Q00000X', taxId: '123456789' });
    expect(claim['payer']).toEqual({ id: 'MEDICARE' });
    const reports = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
    expect(reports.map((r) => [r.valid, r.issues.map((i) => i.code)])).toEqual([[true, []]]);
  });

  it('still reads a 2310B NM1*82 that follows other 2310 loops, and ignores the line-level 2420A one', async () => {
    const referring = ['NM1*DN*1*WONG*AL****XX*1234567893'];
    const lineRendering = ['NM1*82*1*OTHER*DOC****XX*1111111111'];
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...referring, ...RENDERING_2310B, ...LINE_SEGMENTS, ...lineRendering]);
    const [entry] = await collect(read837p(text));
    expect(entry?.claim).toMatchObject({ renderingProvider: { npi: '1234567893' } });
  });

  describe('properties', () => {
    it('whatever other payer loops follow loop 2310B, the claim read is the one without them', async () => {
      const withoutOthers = (await collect(read837p(x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...RENDERING_2310B, ...LINE_SEGMENTS]))))[0]?.claim;
      const otherPayer = fc.array(fc.constantFrom(...OTHER_PAYER_LOOPS, 'NM1*82*1*X*Y****XX*1111111111', 'PRV*PE*PXC*999999999X', 'NM1*PR*2*X*****PI*OTHER'), { maxLength: 12 });
      await fc.assert(
        fc.asyncProperty(otherPayer, fc.integer({ min: 1, max: 60 }), async (others, size) => {
          const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...RENDERING_2310B, 'SBR*S*18*******CI', ...others, ...LINE_SEGMENTS]);
          const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
          const [entry] = await collect(read837p(chunks));
          expect(entry?.claim).toEqual(withoutOthers);
        }),
        { numRuns: 60 },
      );
    });
  });
});
