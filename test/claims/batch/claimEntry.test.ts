import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textLines } from '../../../src/claims/batch/claimEntry.js';

async function linesOf(source: Parameters<typeof textLines>[0]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of textLines(source)) lines.push(line);
  return lines;
}

async function* chunked(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let start = 0;
  for (const cut of [...new Set(cuts.map((at) => at % (text.length + 1)))].sort((a, b) => a - b)) {
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

describe('textLines', () => {
  it('reads chunks into the same lines as the whole text, wherever the chunks break (CR LF and a byte-order mark included)', async () => {
    const text = fc.array(fc.constantFrom('a', 'b', '{', '"', '\n', '\r', '\r\n', '\uFEFF'), { maxLength: 40 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(text, fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), async (body, marked, cuts) => {
      const whole = marked ? `\uFEFF${body}` : body;
      const expected = await linesOf(whole);
      // After a final newline (or in an empty text) the whole-text reader gives a last empty line; the chunk reader does not.
      const rest = whole.startsWith('\uFEFF') ? whole.slice(1) : whole;
      if (rest === '' || rest.endsWith('\n')) expected.pop();
      expect(await linesOf(chunked(whole, cuts))).toEqual(expected);
    }));
  });

  it('reads one long line fed in many chunks whole', async () => {
    const long = 'x'.repeat(200_000);
    expect(await linesOf(chunked(`${long}\r\nnext`, Array.from({ length: 100 }, (_, i) => i * 2_000 + 1)))).toEqual([long, 'next']);
  });
});
