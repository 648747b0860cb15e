import { dateOfDayNumber, dayNumber } from '../../core/calendarDay.js';
import { isCalendarDate } from '../calendarDay.js';

// Calendar dates as whole day numbers (days since 1970-01-01), the form the code tables use for
// their date spans.
export { dayNumber };

/**
 * The `YYYY-MM-DD` date of a day number.
 *
 * @example
 * ```ts
 * isoDate(0); // '1970-01-01'
 * ```
 */
export const isoDate: (days: number) => string = dateOfDayNumber;

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
