const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True when a value is a real calendar date written `YYYY-MM-DD` (checked by hand, without
 * building a date object, because it runs for every date of every claim).
 *
 * @example
 * ```ts
 * isCalendarDate('2024-02-29'); // true
 * isCalendarDate('2023-02-29'); // false
 * ```
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const limit = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day <= limit;
}

/** The number written by the digits from `from` to `to`, or -1 when a character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date known to be valid (UTC calendar arithmetic).
 *
 * @example
 * ```ts
 * dayNumber('1970-01-02'); // 1
 * ```
 */
export function dayNumber(date: string): number {
  // Days from civil (H. Hinnant's algorithm), on the digits directly: no Date object, no slices.
  const month = digits(date, 5, 7);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digits(date, 8, 10) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Turns a compact `YYYYMMDD` date (as CMS and X12 files write them) into `YYYY-MM-DD`, or
 * undefined when it is not a calendar date.
 *
 * @example
 * ```ts
 * compactToIsoDate('20260701'); // '2026-07-01'
 * ```
 */
export function compactToIsoDate(text: string): string | undefined {
  const trimmed = text.length === 8 ? text : text.trim();
  if (trimmed.length !== 8 || digits(trimmed, 0, 8) < 0) return undefined;
  const iso = `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}`;
  return isCalendarDate(iso) ? iso : undefined;
}
