import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimEntry } from '../../../src/claims/batch/claimEntry.js';
import { validateClaims } from '../../../src/claims/validateClaims.js';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { BILLING_LEVEL, CLAIM_SEGMENTS, LINE_SEGMENTS, SUBSCRIBER_LEVEL, x12Text } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** One interchange holding one valid claim with the given id. */
function interchange(id: string): string {
  return x12Text([...BILLING_LEVEL, ...SUBSCRIBER_LEVEL, ...CLAIM_SEGMENTS, ...LINE_SEGMENTS]).replace('CLM*C-1', `CLM*${id}`);
}

/** Per entry: the claim id read, or the place, code and start of the message of each issue. */
async function summary(source: string | string[]): Promise<(string | string[])[]> {
  const entries: ClaimEntry[] = await collect(read837p(source));
  return entries.map((e) => (e.claim === undefined ? [e.place, ...e.issues.map((i) => `${i.code} ${i.message}`)] : (e.claim as { id: string }).id));
}

const chunked = (text: string, size: number): string[] => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];

describe('read837p: an ISA of the wrong widths or separators', () => {
  it('reports the element of the wrong width once, and reads nothing of that interchange', async () => {
    const text = interchange('C-1');
    for (const [bad, why] of [
      [text.replace('SUBMITTER      ', 'SUBMITTER     '), 'ISA06 is 14 characters, not 15'],
      [text.replace('SUBMITTER      ', 'SUBMITTER       '), 'ISA06 is 16 characters, not 15'],
      [text.replace('*0*P*:', '*0P*:*'), 'ISA14 is 2 characters, not 1'],
      [text.replace('*0*P*:~', '*0*P*::'), "the segment terminator (after ISA16) is ':', the same as ISA16, the component separator"],
    ] as const) {
      for (const source of [bad, bad.replaceAll('\n', '')]) {
        const found = await summary(source);
        expect(found).toEqual([['ISA at character 1', expect.stringContaining(`so its delimiters cannot be read: ${why};`)]]);
        expect(found[0]?.[1]).toMatch(/^x12\.envelope the ISA header is not 106 characters of fixed-width elements/);
      }
    }
  });
});

describe('read837p: reading on after an interchange that cannot be read', () => {
  const first = interchange('C-1');
  const bad = interchange('C-2').replace('*0*P*', '*0-P*').replace('NM1*IL*1*DOE*JANE', 'NM1*IL*1*ISA*LISA');

  it('reports a malformed ISA later in the file where it is, and reads the interchanges after it', async () => {
    const text = first + bad + interchange('C-3') + interchange('C-4');
    expect(await summary(text)).toEqual(['C-1', [`interchange 2, ISA at character ${first.length + 1}`, expect.stringContaining('ISA14 is 3 characters, not 1')], 'C-3', 'C-4']);
  });

  it('reports what the interchange before it left open, then the bad ISA', async () => {
    const cut = first.slice(0, first.indexOf('IEA'));
    expect(await summary(cut + bad + interchange('C-3'))).toEqual([
      'C-1',
      ['ISA 000000001', 'x12.envelope interchange 000000001 has no IEA trailer'],
      [`interchange 2, ISA at character ${cut.length + 1}`, expect.stringContaining('ISA14 is 3 characters')],
      'C-3',
    ]);
  });

  it('skips text before the first ISA, and reads the interchange after it', async () => {
    expect(await summary(`GS*HC*junk~\n${first}`)).toEqual([['character 1', 'x12.envelope the input does not start with an ISA interchange header'], 'C-1']);
  });

  describe('properties', () => {
    it('reads the same entries however the text is cut into chunks', async () => {
      const text = `${first}${bad}\r\n${interchange('C-3')}`;
      const whole = await summary(text);
      expect(whole.filter((e) => typeof e === 'string')).toEqual(['C-1', 'C-3']);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 300 }), async (size) => {
          expect(await summary(chunked(text, size))).toEqual(whole);
        }),
        { numRuns: 60 },
      );
    });
  });
});

describe('read837p: the places of an input holding several interchanges', () => {
  /** Every entry's place, in order. */
  const placesOf = async (text: string): Promise<string[]> => (await collect(read837p(text))).map((entry) => entry.place);

  it('names the interchange in every place after the first, since segment positions count from each ISA', async () => {
    const second = interchange('C-1').replace('*000000001*0*P*', '*000000002*0*P*').replace('IEA*1*000000001', 'IEA*1*000000002');
    expect(await placesOf(interchange('C-1') + second)).toEqual([
      'ST 0001 (segment 3), CLM C-1 (segment 18)',
      'interchange 2 (ISA 000000002), ST 0001 (segment 3), CLM C-1 (segment 18)',
    ]);
  });

  it("reports what an interchange left open in its own places, and the next one's problems in the next one's", async () => {
    const first = interchange('C-1');
    const cut = first.slice(0, first.indexOf('SE*'));
    const second = interchange('C-2').replace('GE*1*1', 'GE*2*1');
    expect(await placesOf(cut + second)).toEqual([
      'ST 0001 (segment 3), CLM C-1 (segment 18)',
      'ST 0001 (segment 3)',
      'GS 1 (segment 2)',
      'ISA 000000001',
      'interchange 2 (ISA 000000001), ST 0001 (segment 3), CLM C-2 (segment 18)',
      `interchange 2 (ISA 000000001), segment ${second.split('~').findIndex((segment) => segment.trim().startsWith('GE')) + 1}`,
    ]);
  });

  describe('properties', () => {
    it('gives every claim of every interchange its own place, whatever the controls repeat', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('C-1', 'C-2'), { minLength: 1, maxLength: 5 }), async (ids) => {
          const places = await placesOf(ids.map((id) => interchange(id)).join(''));
          expect(places).toHaveLength(ids.length);
          expect(new Set(places).size).toBe(ids.length);
        }),
        { numRuns: 30 },
      );
    });
  });
});

describe('read837p: segments that do not end with the terminator ISA declares', () => {
  const good = interchange('C-1');
  const afterIsa = good.indexOf('~') + 1;
  const lineBroken = good.slice(0, afterIsa) + good.slice(afterIsa).replaceAll('~', '');

  it('reports a file of line-broken segments under an ISA declaring ~ at once, not after 1 MiB', async () => {
    expect(await summary(lineBroken)).toEqual([['segment 2 (character 108)', expect.stringMatching(/^x12\.envelope the GS segment runs on past a line break into ST: the segments end with line breaks, not the terminator ISA declares \('~'/)]]);
  });

  it('reads the interchange after it, whatever the chunking', async () => {
    const text = lineBroken + interchange('C-2');
    const whole = await summary(text);
    expect(whole).toEqual([['segment 2 (character 108)', expect.stringContaining('runs on past a line break into ST')], 'C-2']);
    for (const size of [1, 2, 5, 64, 1000]) expect(await summary(chunked(text, size))).toEqual(whole);
  });
});

describe('read837p: input that holds no interchange', () => {
  it('reports empty input, or input of only white space and padding, as one x12.envelope entry', async () => {
    for (const source of ['', '\r\n', '\uFEFF', '\x1a\0', [], ['', ' \n']]) {
      expect(await summary(source)).toEqual([['input', 'x12.envelope the input holds no interchange: it is empty, or only white space and padding']]);
    }
    const reports = await collect(validateClaims({ x12: '' }));
    expect(reports.map((r) => [r.valid, r.envelope, r.issues.map((i) => i.code)])).toEqual([[false, true, ['x12.envelope']]]);
  });
});
