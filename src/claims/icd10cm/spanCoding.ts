import type { Icd10Category } from './tables.js';

const COMMA = 44;
const SEMICOLON = 59;
const DOT = 46;

/** The span columns of one category. */
export type SpanColumns = Pick<Icd10Category, 'spanStart' | 'spanFrom' | 'spanTo' | 'spanFlags'>;

/**
 * Decodes the spans of `count` codes written in `text` from `start` to `end`: per code,
 * comma-separated (empty = the same spans as the code before), `;`-separated spans, each a
 * flag-set index (the whole coverage) or `from.to.flagSet` in base-36 days after `base`, `to`
 * empty when open.
 *
 * @param flagSets - MCE flag masks by flag-set index
 * @example
 * ```ts
 * decodeSpans('0,,1', 0, 4, 3, 16_709, 21_456, [0, 2]).spanFlags; // [0, 0, 2]
 * ```
 */
export function decodeSpans(text: string, start: number, end: number, count: number, base: number, openEnd: number, flagSets: readonly number[]): SpanColumns {
  const spanStart = new Uint32Array(count + 1);
  const from: number[] = [];
  const to: number[] = [];
  const flags: number[] = [];
  let at = start;
  let previousFirst = 0;
  let previousEnd = 0;
  for (let code = 0; code < count; code += 1) {
    const first = from.length;
    spanStart[code] = first;
    if (at >= end || text.charCodeAt(at) === COMMA) {
      for (let span = previousFirst; span < previousEnd; span += 1) {
        from.push(from[span] ?? 0);
        to.push(to[span] ?? 0);
        flags.push(flags[span] ?? 0);
      }
    } else {
      at = readRecord(text, at, end, (fields) => {
        const whole = fields.length === 1;
        from.push(whole ? base : base + (fields[0] ?? 0));
        to.push(whole || (fields[1] ?? -1) < 0 ? openEnd : base + (fields[1] ?? 0));
        flags.push(flagSets[whole ? (fields[0] ?? 0) : (fields[2] ?? 0)] ?? 0);
      });
    }
    previousFirst = first;
    previousEnd = from.length;
    at += 1;
  }
  spanStart[count] = from.length;
  return { spanStart, spanFrom: Int32Array.from(from), spanTo: Int32Array.from(to), spanFlags: Uint32Array.from(flags) };
}

/** Reads one code's spans from `at`, giving each span's base-36 fields (-1 for an empty one); returns the position after them. */
function readRecord(text: string, at: number, end: number, take: (fields: readonly number[]) => void): number {
  let position = at;
  for (;;) {
    const fields: number[] = [];
    let value = -1;
    while (position < end) {
      const char = text.charCodeAt(position);
      if (char === COMMA || char === SEMICOLON) break;
      if (char === DOT) {
        fields.push(value);
        value = -1;
      } else {
        value = (value < 0 ? 0 : value * 36) + (char <= 57 ? char - 48 : char - 87);
      }
      position += 1;
    }
    fields.push(value);
    take(fields);
    if (position >= end || text.charCodeAt(position) === COMMA) return position;
    position += 1;
  }
}
