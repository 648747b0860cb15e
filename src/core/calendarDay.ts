import type { IsoDate } from './time.js';

/**
 * The day number (whole days since 1970-01-01) of a calendar date `YYYY-MM-DD`, or `undefined` when
 * the text is not a real date (`2026-02-30`, `2026-13-01`, `2026-2-1`). Pure arithmetic on the
 * proleptic Gregorian calendar (Hinnant's days-from-civil) read straight from the digits: no date
 * object, no regular expression, no time zone, so it can run for every row of a large file.
 *
 * @example
 * ```ts
 * dayNumber('1970-01-02'); // 1
 * dayNumber('2026-02-30'); // undefined
 * ```
 */
export function dayNumber(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
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
 * The calendar date `YYYY-MM-DD` of a day number (Hinnant's civil-from-days).
 *
 * @example
 * ```ts
 * dateOfDayNumber(0);     // '1970-01-01'
 * dateOfDayNumber(20759); // '2026-11-02'
 * ```
 */
export function dateOfDayNumber(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/**
 * The same day of the month `months` months after a calendar date, or that month's last day when it
 * is shorter: `2024-02-29` plus 12 months is `2025-02-28`. Read from the digits, no date object.
 *
 * @param date - `YYYY-MM-DD`
 * @param months - whole months to add (may be negative)
 * @returns the date
 * @example
 * ```ts
 * addCalendarMonths('2023-03-01', 12); // '2024-03-01'
 * addCalendarMonths('2026-01-31', 1);  // '2026-02-28'
 * ```
 */
export function addCalendarMonths(date: string, months: number): IsoDate {
  const target = digits(date, 0, 4) * 12 + digits(date, 5, 7) - 1 + months;
  const year = Math.floor(target / 12);
  const month = target - year * 12 + 1;
  const day = Math.min(digits(date, 8, 10), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
