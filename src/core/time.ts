import { DateTime, IANAZone } from 'luxon';
import type { Brand } from './brand.js';
import { dateOfDayNumber, dayNumber } from './calendarDay.js';
import { describeValue } from './describeValue.js';
import { errorIssue, type Issue, type IssuePath } from './issue.js';
import { fail, MedofficeUsageError, ok, type Checked } from './result.js';

/** An IANA time-zone name that luxon knows, e.g. `America/New_York`. */
export type IanaZone = Brand<string, 'IanaZone'>;

/** A calendar date `YYYY-MM-DD` that exists. */
export type IsoDate = Brand<string, 'IsoDate'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks that a string names a time zone by its IANA region name. Accepted: exactly `UTC`, and any
 * name containing a `/` that the runtime's time-zone data (`Intl`, through luxon) knows, matched
 * without regard to letter case: `America/New_York`, links such as `US/Eastern`, `Etc/UTC` and the
 * fixed `Etc/GMT+5`. The name is kept as given (`america/new_york` passes as written). Every other
 * name is refused with `time.unknown_zone`, even those the IANA database lists: `utc`, `GMT`, `EST`,
 * `EST5EDT`, `Japan`, and bare offsets such as `-05:00`. This keeps out abbreviations and the
 * legacy names without a region, some of which (`EST`) never follow daylight-saving rules.
 *
 * @param zone - the name to check; a value that is not a string is a programming error
 * @param path - where the name is in the input, for the issue
 * @throws MedofficeUsageError when `zone` is not a string
 * @example
 * ```ts
 * checkZone('Europe/Berlin', ['clinic', 'zone']); // ok
 * checkZone('Mars/Olympus', ['clinic', 'zone']);  // issue time.unknown_zone
 * checkZone('EST', ['clinic', 'zone']);           // issue time.unknown_zone (no '/')
 * ```
 */
export function checkZone(zone: string, path: IssuePath = []): Checked<IanaZone> {
  if (typeof zone !== 'string') throw new MedofficeUsageError(`checkZone needs the zone name as a string, got ${describeValue(zone)}`);
  const known = zone === 'UTC' || (zone.includes('/') && IANAZone.isValidZone(zone));
  return known ? ok(zone as IanaZone) : fail([errorIssue('time.unknown_zone', path, `'${zone}' is not an IANA time zone`)]);
}

/**
 * Parses a calendar date `YYYY-MM-DD` as the start of that day in the given zone.
 *
 * @example
 * ```ts
 * parseIsoDate('2026-03-08', 'America/New_York' as IanaZone); // midnight local
 * parseIsoDate('2026-02-30', 'UTC' as IanaZone);              // issue time.invalid_date
 * ```
 */
export function parseIsoDate(text: string, zone: IanaZone, path: IssuePath = []): Checked<DateTime> {
  if (!ISO_DATE.test(text)) return fail([invalidDate(text, path)]);
  const parsed = DateTime.fromISO(text, { zone });
  return parsed.isValid ? ok(parsed.startOf('day')) : fail([invalidDate(text, path)]);
}

/**
 * True when a string is a real calendar date `YYYY-MM-DD` (no time part).
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * ```
 */
export function isIsoDate(text: string): text is IsoDate {
  return dayNumber(text) !== undefined;
}

// `YYYY-MM-DDTHH:mm[:ss[.sss]]` with hours 00-23, then an optional offset of at most 14 hours.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-](?:(?:0\d|1[0-3])(?::?[0-5]\d)?|14(?::?00)?))?$/i;

/**
 * True when a string is an ISO 8601 date-time on a real calendar date, with hours 00 to 23 (no
 * `24:00`) and, if it has one, an offset of at most 14 hours (no `+25:00`).
 *
 * @param text - the text
 * @param offset - `required` to insist on `Z` or `±hh:mm`, `optional` to allow wall-clock time too
 * @example
 * ```ts
 * isIsoDateTime('2026-11-02T09:00:00-05:00', 'required'); // true
 * isIsoDateTime('2026-02-30T09:00:00Z', 'required');       // false
 * isIsoDateTime('2026-11-02T24:00', 'optional');           // false
 * ```
 */
export function isIsoDateTime(text: string, offset: 'required' | 'optional'): boolean {
  const m = ISO_DATE_TIME.exec(text);
  return m !== null && dayNumber(m[1] ?? '') !== undefined && (offset === 'optional' || m[2] !== undefined);
}

/**
 * Parses an ISO 8601 date-time. With an offset (`Z`, `+02:00`) it names an instant, shown in `zone`;
 * without one it is read as wall-clock time in `zone`, a time that occurs twice at fall-back being its
 * first occurrence (as {@link wallClock} reads it).
 *
 * @example
 * ```ts
 * parseIsoDateTime('2026-11-02T09:00', 'America/Chicago' as IanaZone); // 09:00 Chicago time
 * ```
 */
export function parseIsoDateTime(text: string, zone: IanaZone, path: IssuePath = []): Checked<DateTime> {
  const parsed = DateTime.fromISO(text, { zone, setZone: false });
  if (!parsed.isValid || !isIsoDateTime(text.trim(), 'optional')) return fail([errorIssue('time.invalid_datetime', path, `'${text}' is not an ISO 8601 date-time`)]);
  const local = parsed.setZone(zone);
  if (/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text.trim())) return ok(local);
  // Wall-clock time: a time that occurs twice at fall-back is its first occurrence, as in wallClock.
  const first = wallClock(local.toISODate() as string, local.hour * 60 + local.minute, zone).plus({ seconds: local.second, milliseconds: local.millisecond });
  return ok(first.hour === local.hour && first.minute === local.minute ? first : local);
}

/**
 * The instant a wall-clock time names on a date in a zone, with daylight-saving time handled
 * explicitly: a time inside the spring-forward gap (02:30 on a US change day) moves forward by the
 * gap (to 03:30); a time that occurs twice at fall-back (01:30) is its first occurrence.
 *
 * @param date - `YYYY-MM-DD`
 * @param minutesAfterMidnight - wall-clock minutes, 0 to 1440
 * @example
 * ```ts
 * wallClock('2026-03-08', 9 * 60, 'America/New_York' as IanaZone).toISO(); // 2026-03-08T09:00:00.000-04:00
 * ```
 */
export function wallClock(date: string, minutesAfterMidnight: number, zone: IanaZone): DateTime {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const hour = Math.floor(minutesAfterMidnight / 60);
  const minute = minutesAfterMidnight % 60;
  const candidate = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  // At a fall-back the same wall-clock time names two instants; take the earlier one.
  const offsetBefore = IANAZone.create(zone).offset(candidate.toMillis() - 6 * 3_600_000);
  if (offsetBefore > candidate.offset) {
    const earlier = candidate.minus({ minutes: offsetBefore - candidate.offset });
    if (earlier.hour === hour && earlier.minute === minute && earlier.day === day) return earlier;
  }
  return candidate;
}

/**
 * The calendar date of an instant as seen in a zone, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * localDate(DateTime.fromISO('2026-11-02T03:00Z'), 'America/Los_Angeles' as IanaZone); // '2026-11-01'
 * ```
 */
export function localDate(instant: DateTime, zone: IanaZone): IsoDate {
  return instant.setZone(zone).toISODate() as IsoDate;
}

/**
 * Whole calendar days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier;
 * `NaN` when either is not a calendar date.
 *
 * @example
 * ```ts
 * daysBetween('2026-01-01', '2026-03-01'); // 59
 * ```
 */
export function daysBetween(from: string, to: string): number {
  return (dayNumber(to) ?? Number.NaN) - (dayNumber(from) ?? Number.NaN);
}

/**
 * Adds whole calendar days to a `YYYY-MM-DD` date (a date that does not exist is a programming
 * error: check input with {@link isIsoDate} first).
 *
 * @param date - `YYYY-MM-DD`
 * @param days - whole days to add (may be negative)
 * @throws MedofficeUsageError when the date does not exist or `days` is not a safe integer
 * @example
 * ```ts
 * addDays('2026-12-30', 3); // '2027-01-02'
 * ```
 */
export function addDays(date: string, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new MedofficeUsageError(`addDays needs a whole number of days, got ${describeValue(days)}`);
  return dateOfDayNumber(requireDay(date) + days);
}

function requireDay(date: string): number {
  const day = typeof date === 'string' ? dayNumber(date) : undefined;
  if (day === undefined) throw new MedofficeUsageError(`${describeValue(date)} is not a calendar date (YYYY-MM-DD)`);
  return day;
}

function invalidDate(text: string, path: IssuePath): Issue {
  return errorIssue('time.invalid_date', path, `'${text}' is not a calendar date (YYYY-MM-DD)`);
}
