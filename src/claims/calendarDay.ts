import { dayNumber } from '../core/calendarDay.js';

/**
 * True when a value is a real calendar date written `YYYY-MM-DD` (read from its digits, without
 * building a date object, because it runs for every date of every claim).
 *
 * @example
 * ```ts
 * isCalendarDate('2024-02-29'); // true
 * isCalendarDate('2023-02-29'); // false
 * ```
 */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== undefined;
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
  if (trimmed.length !== 8 || !/^\d{8}$/.test(trimmed)) return undefined;
  const iso = `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}`;
  return isCalendarDate(iso) ? iso : undefined;
}
