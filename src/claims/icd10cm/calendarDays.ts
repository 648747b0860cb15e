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
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
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
  if (dayNumber(birthDate) === undefined || dayNumber(onDate) === undefined) return undefined;
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const hadBirthday = onDate.slice(5) >= birthDate.slice(5);
  const age = hadBirthday ? years : years - 1;
  return age < 0 ? undefined : age;
}

/** The number written by the decimal digits from `start` to `end`, or -1 when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
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
