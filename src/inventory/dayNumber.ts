const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * The day number (days since 1970-01-01) of a calendar date `YYYY-MM-DD`, or `undefined` when the
 * text is not a real date (`2026-02-30`, `2026-13-01`). Pure arithmetic on the proleptic Gregorian
 * calendar: fast enough to run once per usage row.
 *
 * @example
 * ```ts
 * dayNumber('1970-01-02'); // 1
 * dayNumber('2026-02-30'); // undefined
 * ```
 */
export function dayNumber(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
