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

/** The parts of an X12 numeric value between two offsets: sign, whole digits and fraction digits. */
interface NumericForm {
  readonly negative: boolean;
  /** Offset of the first whole digit and just after the last one (equal when there are none). */
  readonly wholeFrom: number;
  readonly wholeTo: number;
  /** Offset of the first fraction digit and the end (equal when there is no decimal point). */
  readonly fractionFrom: number;
  readonly fractionTo: number;
}

/**
 * Reads the X12 decimal (R) form `-?\d*(\.\d+)?` with at least one digit, or undefined for anything
 * else: no spaces, signs other than a leading minus, separators, exponents or hexadecimal.
 */
function numericForm(text: string, from: number, to: number): NumericForm | undefined {
  const negative = text.charCodeAt(from) === 45;
  const wholeFrom = negative ? from + 1 : from;
  let i = wholeFrom;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  const wholeTo = i;
  if (i === to) return wholeTo > wholeFrom ? { negative, wholeFrom, wholeTo, fractionFrom: to, fractionTo: to } : undefined;
  if (text.charCodeAt(i) !== 46 || i + 1 === to) return undefined;
  for (let j = i + 1; j < to; j++) if (!isDigit(text.charCodeAt(j))) return undefined;
  return { negative, wholeFrom, wholeTo, fractionFrom: i + 1, fractionTo: to };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The X12 decimal number (data type R, e.g. SV104 units) written between two offsets, or undefined
 * when the text is not of the form `-?\d*(\.\d+)?` with at least one digit (`0x10`, ` `, `1e3`,
 * `1,5` and the empty text are not numbers). Plain digits are read in place.
 *
 * @param text - the buffer holding the element
 * @param from - offset of its first character
 * @param to - offset just after its last character
 * @example
 * ```ts
 * numberAt('SV1*HC:99213*125*UN*2', 20, 21); // 2
 * numberAt('0x10', 0, 4);                    // undefined
 * ```
 */
export function numberAt(text: string, from: number, to: number): number | undefined {
  const form = numericForm(text, from, to);
  if (form === undefined) return undefined;
  if (form.negative || form.fractionFrom < form.fractionTo || to - from > 15) return Number(text.slice(from, to));
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * The X12 integer (data type N0, e.g. an SV107 diagnosis pointer) written between two offsets, or
 * undefined when the text is not of the form `-?\d+`.
 *
 * @example
 * ```ts
 * integerAt('1:2', 0, 1);   // 1
 * integerAt('1.5', 0, 3);   // undefined
 * ```
 */
export function integerAt(text: string, from: number, to: number): number | undefined {
  const form = numericForm(text, from, to);
  return form === undefined || form.fractionTo > form.fractionFrom ? undefined : numberAt(text, from, to);
}

/**
 * A dollar amount (X12 data type R, e.g. CLM02 and SV102) written between two offsets, in cents,
 * or undefined when it is not an amount: the text must be of the form `-?\d*(\.\d+)?` with at least
 * one digit, in whole cents (`125`, `125.5`, `.50`, `-10`, `125.000`), so `$1,250`, ` 125` and
 * `1.234` are not amounts.
 *
 * @example
 * ```ts
 * amountAt('125.50', 0, 6); // 12550
 * amountAt('$1,250', 0, 6); // undefined
 * ```
 */
export function amountAt(text: string, from: number, to: number): number | undefined {
  const form = numericForm(text, from, to);
  if (form === undefined) return undefined;
  for (let i = form.fractionFrom + 2; i < form.fractionTo; i++) if (text.charCodeAt(i) !== 48) return undefined;
  let whole = 0;
  for (let i = form.wholeFrom; i < form.wholeTo; i++) whole = whole * 10 + text.charCodeAt(i) - 48;
  let fraction = 0;
  for (let i = form.fractionFrom; i < form.fractionFrom + 2; i++) fraction = fraction * 10 + (i < form.fractionTo ? text.charCodeAt(i) - 48 : 0);
  const value = whole * 100 + fraction;
  if (!Number.isSafeInteger(value)) return undefined;
  return form.negative && value !== 0 ? -value : value;
}
