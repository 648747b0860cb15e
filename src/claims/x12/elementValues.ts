import { parseDollars } from '../../core/money.js';
import type { SegmentCursor } from './segmentCursor.js';

/**
 * Where the component starting at `from` in element `index` ends: the next component separator,
 * or the end of the element.
 *
 * @param segment - the cursor on the segment
 * @param index - the element (1 is SV101)
 * @param from - an offset inside the element
 * @returns an offset no further than the element's end
 * @example
 * ```ts
 * componentEnd(sv1, 1, sv1.start(1)); // the end of the qualifier `HC`
 * ```
 */
export function componentEnd(segment: SegmentCursor, index: number, from: number): number {
  const end = segment.end(index);
  const next = segment.text.indexOf(segment.delimiters.component, from);
  return next < 0 || next > end ? end : next;
}

/**
 * The number written between two offsets, as `Number()` reads it; plain digits are read in place.
 *
 * @example
 * ```ts
 * numberAt('SV1*HC:99213*125*UN*2', 20, 21); // 2
 * ```
 */
export function numberAt(text: string, from: number, to: number): number {
  if (to - from > 15) return Number(text.slice(from, to));
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(text.slice(from, to));
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A dollar amount written between two offsets, in cents, or undefined when it is not an amount.
 * The common `125`, `125.5` and `.50` forms are read in place; anything else goes through `parseDollars`.
 *
 * @example
 * ```ts
 * amountAt('125.50', 0, 6); // 12550
 * ```
 */
export function amountAt(text: string, from: number, to: number): number | undefined {
  let whole = 0;
  let i = from;
  for (; i < to && i - from < 13; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i > from && i === to) return whole * 100;
  // X12 decimals may omit the leading zero (`.50`).
  if (text.charCodeAt(i) === 46 && to - i >= 2 && to - i <= 3) {
    const tenths = text.charCodeAt(i + 1) - 48;
    const hundredths = to - i === 3 ? text.charCodeAt(i + 2) - 48 : 0;
    if (tenths >= 0 && tenths <= 9 && hundredths >= 0 && hundredths <= 9) return whole * 100 + tenths * 10 + hundredths;
  }
  const raw = text.slice(from, to).trim();
  const parsed = parseDollars(raw.startsWith('.') ? `0${raw}` : raw);
  return parsed.ok ? parsed.value : undefined;
}
