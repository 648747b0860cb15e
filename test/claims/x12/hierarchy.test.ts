import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLevel, type OpenLevels } from '../../../src/claims/x12/hierarchy.js';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { validateClaims } from '../../../src/claims/validateClaims.js';
import { BILLING_LEVEL, CLAIM_SEGMENTS, LINE_SEGMENTS, SUBSCRIBER_LEVEL, x12Text } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const CLAIM = [...CLAIM_SEGMENTS, ...LINE_SEGMENTS];
const PATIENT = ['PAT*19', 'NM1*QC*1*DOE*KID', 'DMG*D8*20150101*F'];

/** Places a run of HL segments written as `id*parent*code`, returning the problems and the last level. */
function place(levels: readonly string[]): { problems: (string | undefined)[]; open: OpenLevels } {
  let open: OpenLevels = {};
  const problems = levels.map((text, i) => {
    const [id = '', parent = '', code = ''] = text.split('*');
    const placed = placeLevel(open, { id, parent, code, position: i + 10 });
    open = placed.open;
    return placed.problem;
  });
  return { problems, open };
}

describe('placeLevel', () => {
  it('places billing provider, subscriber and patient levels under the levels open above them', () => {
    const { problems, open } = place(['1**20', '2*1*22', '3*2*23', '4*2*23', '5*1*22', '6**20', '7*6*22']);
    expect(problems).toEqual(problems.map(() => undefined));
    expect(open.current).toEqual({ id: '7', code: '22', rejected: 0 });
  });

  it('rejects a parent that is not open, a patient directly under a billing provider, and a level of unknown code', () => {
    const problems = (levels: string[]) => place(levels).problems.map((p) => p !== undefined);
    expect(problems(['1**20', '2*9*22'])).toEqual([false, true]);
    expect(problems(['1**20', '2*1*23'])).toEqual([false, true]);
    expect(problems(['1**20', '2*1*22', '3*1*22', '4*2*23'])).toEqual([false, false, false, true]);
    expect(problems(['1**20', '2**22'])).toEqual([false, true]);
    expect(problems(['1*0*20'])).toEqual([true]);
    expect(problems(['1**20', '2*1*2X'])).toEqual([false, true]);
    expect(problems(['1**20', '*1*22'])).toEqual([false, true]);
  });

  it('rejects, without a problem of their own, the levels under a rejected one', () => {
    const { problems, open } = place(['1**20', '2*9*22', '3*2*23']);
    expect(problems.map((p) => p !== undefined)).toEqual([false, true, false]);
    expect(open.current?.rejected).toBe(11);
  });
});

describe('read837p: claims are placed in the HL hierarchy', () => {
  it('reports an HL whose parent is not open (HL*2*9*22) and does not read the claims under it', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM].map((s) => (s === 'HL*2*1*22*0' ? 'HL*2*9*22*0' : s)));
    const entries = await collect(read837p(text));
    expect(entries.map((e) => [e.envelope === true, e.claim === undefined, e.issues.map((i) => [i.code, i.source])])).toEqual([
      [true, true, [['x12.segment', 'X12 HL (segment 13)']]],
      [false, true, [['x12.segment', 'X12 CLM (segment 18)']]],
    ]);
    expect(entries[1]?.issues[0]?.message).toBe('CLM outside a subscriber or patient level: the HL at segment 13 was rejected');
  });

  it('reports a patient level directly under the billing provider level as an X12 error, not as a claim with no payer', async () => {
    const text = x12Text([...BILLING_LEVEL, 'HL*2*1*23*0', ...PATIENT, ...CLAIM]);
    const reports = await collect(validateClaims({ x12: text }, { asOf: '2026-11-02' }));
    expect(reports.map((r) => [r.envelope === true, r.issues.map((i) => i.code)])).toEqual([
      [true, ['x12.segment']],
      [false, ['x12.segment']],
    ]);
  });

  it('reports SV1 and DTP segments outside any claim, but not those of a claim already reported as misplaced', async () => {
    const early = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...LINE_SEGMENTS, ...CLAIM]);
    const entries = await collect(read837p(early));
    expect(entries.map((e) => [e.envelope === true, e.issues.map((i) => [i.code, i.source?.slice(0, 7)])])).toEqual([
      [true, [['x12.segment', 'X12 SV1']]],
      [true, [['x12.segment', 'X12 DTP']]],
      [false, []],
    ]);
    const misplaced = await collect(read837p(x12Text([...BILLING_LEVEL, ...CLAIM])));
    expect(misplaced.map((e) => e.issues.map((i) => i.source?.slice(0, 7)))).toEqual([['X12 CLM']]);
  });

  describe('properties', () => {
    /** A billing provider's subscribers, each with a claim of their own or with patient levels holding the claims. */
    const hierarchy = fc.array(fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

    it('reads every claim of a sound hierarchy, with no problem, however the text is cut', async () => {
      await fc.assert(
        fc.asyncProperty(hierarchy, fc.integer({ min: 1, max: 80 }), async (providers, size) => {
          const body: string[] = [];
          let next = 1;
          let claims = 0;
          for (const subscribers of providers) {
            const billing = next++;
            body.push(`HL*${billing}**20*1`, ...BILLING_LEVEL.slice(1));
            for (const patients of subscribers) {
              const subscriber = next++;
              body.push(`HL*${subscriber}*${billing}*22*${patients > 0 ? 1 : 0}`, ...SUBSCRIBER_LEVEL.slice(1));
              if (patients === 0) (body.push(...CLAIM), claims++);
              for (let p = 0; p < patients; p++) (body.push(`HL*${next++}*${subscriber}*23*0`, ...PATIENT, ...CLAIM), claims++);
            }
          }
          const text = x12Text(body);
          const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
          const entries = await collect(read837p(chunks));
          expect(entries.map((e) => e.issues)).toEqual(Array.from({ length: claims }, () => []));
          expect(entries.every((e) => e.claim !== undefined)).toBe(true);
        }),
        { numRuns: 80 },
      );
    });
  });
});
