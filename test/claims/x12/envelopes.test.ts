import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import { read837p, X12_837P_VERSION } from '../../../src/claims/x12/read837p.js';
import { BILLING_LEVEL, CLAIM_SEGMENTS, LINE_SEGMENTS, SUBSCRIBER_LEVEL, build837p, x12Text } from './build837p.js';
import { goodClaim } from '../fixtures.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Per entry: whether it is an envelope problem, its claim id, and its issues as code and the message's first four words. */
async function outline(text: string | readonly string[]) {
  const entries = await collect(read837p(typeof text === 'string' ? text : [...text]));
  return entries.map((e) => [e.envelope === true, (e.claim as { id?: string } | undefined)?.id, e.issues.map((i) => `${i.code} ${i.message.split(' ').slice(0, 4).join(' ')}`)]);
}

const GOOD = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...LINE_SEGMENTS]);

describe('read837p: functional groups', () => {
  it('reports a group with no GE, whether the interchange ends (IEA) or the input does', async () => {
    expect(await outline(GOOD.replace('GE*1*1~\n', ''))).toEqual([
      [false, 'C-1', []],
      [true, undefined, ['x12.envelope functional group 1 has']],
    ]);
    const cut = GOOD.slice(0, GOOD.indexOf('GE*'));
    expect(await outline(cut)).toEqual([
      [false, 'C-1', []],
      [true, undefined, ['x12.envelope functional group 1 has']],
      [true, undefined, ['x12.envelope interchange 000000001 has no']],
    ]);
    const [, group] = await collect(read837p(GOOD.replace('GE*1*1~\n', '')));
    expect(group?.issues[0]?.source).toBe('X12 GS (segment 2)');
  });

  it('reports an ST that no GS encloses, and a second GS while one is open', async () => {
    const noGroup = GOOD.replace(/GS\*[^~]*~\n/, '').replace('GE*1*1~\n', '');
    expect(await outline(noGroup)).toEqual([
      [true, undefined, ['x12.envelope ST 0001 lies outside']],
      [false, 'C-1', []],
      [true, undefined, ['x12.envelope IEA says 1 with']],
    ]);
    const twice = GOOD.replace(/(GS\*[^~]*~\n)/, '$1$1');
    expect((await outline(twice)).filter(([envelope]) => envelope)).toEqual([
      [true, undefined, ['x12.envelope functional group 1 has']],
      [true, undefined, ['x12.envelope IEA says 1 with']],
    ]);
  });

  it('reads whole batches of groups with no envelope problem', async () => {
    const text = build837p([goodClaim(), { ...goodClaim(), id: 'C-2' }], 1);
    expect((await outline(text)).map(([envelope, id, issues]) => [envelope, id, issues])).toEqual([
      [false, 'C-1001', []],
      [false, 'C-2', []],
    ]);
  });
});

describe('read837p: the transaction must be an 837P', () => {
  it('reports an 837I (005010X223A2) in GS08 and ST03 and reads none of its claims', async () => {
    const institutional = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, 'CLM*C-1*125***11:A:1*Y*A*Y*Y', 'HI*ABK:E119', 'LX*1', 'SV2*0450*HC:99283*125*UN*1', 'DTP*472*D8*20261102'], '005010X223A2');
    const entries = await collect(read837p(institutional));
    expect(entries.map((e) => [e.envelope, e.claim, e.issues.map((i) => [i.code, i.source])])).toEqual([
      [true, undefined, [['x12.envelope', 'X12 GS (segment 2)']]],
      [true, undefined, [['x12.envelope', 'X12 ST (segment 3)']]],
    ]);
    expect(entries[1]?.issues[0]?.message).toBe(`ST03 is 005010X223A2, not an 837P (${X12_837P_VERSION}); 005010X223A2 is an 837I, institutional: the transaction is not read`);
  });

  it('reports a missing ST03, still reading the claims when GS08 says 837P, and a transaction set that is not 837', async () => {
    expect(await outline(GOOD.replace(`ST*837*0001*${X12_837P_VERSION}`, 'ST*837*0001'))).toEqual([
      [true, undefined, ['x12.envelope ST03 (the implementation guide,']],
      [false, 'C-1', []],
    ]);
    expect(await outline(GOOD.replace(`ST*837*0001*${X12_837P_VERSION}`, `ST*835*0001*${X12_837P_VERSION}`))).toEqual([
      [true, undefined, ['x12.envelope transaction set 835 is']],
    ]);
  });

  it('still checks the trailers of a transaction it does not read', async () => {
    const text = x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...LINE_SEGMENTS], '005010X224A2').replace(/SE\*\d+/, 'SE*3');
    const entries = await collect(read837p(text));
    expect(entries.map((e) => e.issues.map((i) => i.message.slice(0, 20)))).toEqual([['GS08 is 005010X224A2'], ['ST03 is 005010X224A2'], ['SE says 3 segments, ']]);
  });
});

describe('read837p: the SE trailer must match its ST', () => {
  it('reports an SE with the right segment count but a control number other than its ST\'s (x12.envelope)', async () => {
    const wrongControl = GOOD.replace(/SE\*(\d+)\*0001/, 'SE*$1*0009');
    expect(wrongControl).not.toBe(GOOD);
    const entries = await collect(read837p(wrongControl));
    const envelope = entries.filter((e) => e.envelope === true);
    expect(envelope.map((e) => e.issues.map((i) => i.code))).toEqual([['x12.envelope']]);
    expect(envelope[0]?.issues[0]?.message).toMatch(/^SE says \d+ segments, control 0009; ST 0001 has \d+/);
    expect(envelope[0]?.issues[0]?.source).toMatch(/^X12 SE \(segment \d+\)$/);
    expect(entries.filter((e) => e.envelope !== true).map((e) => (e.claim as { id?: string } | undefined)?.id)).toEqual(['C-1']);
    expect(await outline(GOOD)).toEqual([[false, 'C-1', []]]);
  });
});

describe('read837p misuse', () => {
  it('throws a usage error, not a TypeError, for input that is not text or chunks of text', async () => {
    const drain = async (source: unknown) => {
      for await (const entry of read837p(source as string)) void entry;
    };
    await expect(drain(42)).rejects.toThrow(MedofficeUsageError);
    await expect(drain([42])).rejects.toThrow(MedofficeUsageError);
    await expect(drain(null)).rejects.toThrow(MedofficeUsageError);
  });
});

describe('read837p: segments outside a transaction', () => {
  it('reports the first segment of each run between SE and GE, before ST or after IEA, once, and reads the claims as usual', async () => {
    const stray = GOOD.replace('GE*1*1~\n', 'LX*1~\nGE*1*1~\n').replace(/(GS\*[^~]*~\n)/, '$1BHT*0019*00*0123*20261102*0930*CH~\n') + 'NM1*85*2*STRAY~\n';
    expect(await outline(stray)).toEqual([
      [true, undefined, ['x12.envelope BHT outside a transaction,']],
      [false, 'C-1', []],
      [true, undefined, ['x12.envelope LX outside a transaction,']],
      [true, undefined, ['x12.envelope NM1 outside a transaction,']],
    ]);
    // A missing ST makes one report, not one per segment; a TA1 after ISA is allowed.
    const noSt = GOOD.replace(/ST\*837[^~]*~\n/, '').replace(/(ISA[^\n]*\n)/, '$1TA1*000000001*261102*0930*A*000~\n');
    expect((await outline(noSt)).filter(([envelope]) => envelope)).toEqual([
      [true, undefined, ['x12.envelope BHT outside a transaction,']],
      [true, undefined, ['x12.envelope SE without ST']],
      [true, undefined, ['x12.envelope GE says 1 with']],
    ]);
  });
});
