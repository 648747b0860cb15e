import { dayNumber as calendarDayNumber, isCalendarDate } from '../calendarDay.js';

/**
 * Calendar dates as whole day numbers (days since 1970-01-01), the form the code tables use for
 * their date spans. Pure arithmetic on the proleptic Gregorian calendar; no clock is read.
 */

/**
 * The day number of a `YYYY-MM-DD` date, or `undefined` when the text is not a real calendar date.
 *
 * @example
 * ```ts
 * dayNumber('1970-01-02'); // 1
 * dayNumber('2026-02-30'); // undefined
 * ```
 */
export function dayNumber(text: string): number | undefined {
  return isCalendarDate(text) ? calendarDayNumber(text) : undefined;
}

/**
 * The `YYYY-MM-DD` date of a day number.
 *
 * @example
 * ```ts
 * isoDate(0); // '1970-01-01'
 * ```
 */
export function isoDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The U.S. federal fiscal year a day falls in: fiscal year N runs from October 1 of year N-1 to
 * September 30 of year N.
 *
 * @example
 * ```ts
 * fiscalYearOf(dayNumber('2026-10-01')!); // 2027
 * ```
 */
export function fiscalYearOf(days: number): number {
  const date = isoDate(days);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 10 ? year + 1 : year;
}

/**
 * Whole years of age on a day, counting a birthday on February 29 as reached on March 1 in common years.
 *
 * @example
 * ```ts
 * ageInYears('2000-03-01', '2026-02-28'); // 25
 * ```
 */
export function ageInYears(birthDate: string, onDate: string): number | undefined {
  if (!isCalendarDate(birthDate) || !isCalendarDate(onDate)) return undefined;
  const years = yearOf(onDate) - yearOf(birthDate);
  const age = monthDayReached(onDate, birthDate) ? years : years - 1;
  return age < 0 ? undefined : age;
}

/** The year of a valid `YYYY-MM-DD` date, read from its digits. */
function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

/** True when the month and day of `date` are on or after those of `anniversary` (`MM-DD` compared as text). */
function monthDayReached(date: string, anniversary: string): boolean {
  for (let i = 5; i < 10; i += 1) {
    const difference = date.charCodeAt(i) - anniversary.charCodeAt(i);
    if (difference !== 0) return difference > 0;
  }
  return true;
}
