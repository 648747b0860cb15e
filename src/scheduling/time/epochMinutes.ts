import { dateOfDayNumber, dayNumber } from '../../core/calendarDay.js';
import type { DateTime } from 'luxon';
import { wallClock, type IsoDate } from '../../core/time.js';
import type { ZoneTimeline } from './zoneTimeline.js';

/**
 * Epoch minutes (whole minutes since 1970-01-01T00:00Z) of an instant.
 *
 * @example
 * ```ts
 * epochMinuteOf(DateTime.fromISO('1970-01-01T01:00Z')); // 60
 * ```
 */
export function epochMinuteOf(instant: DateTime): number {
  return Math.floor(instant.toMillis() / 60_000);
}

/**
 * Epoch minutes of an ISO 8601 date-time that carries its offset.
 *
 * @example
 * ```ts
 * epochMinuteOfIso('1970-01-01T01:00:00+01:00'); // 0
 * ```
 */
export function epochMinuteOfIso(text: string): number {
  return Math.floor(Date.parse(text) / 60_000);
}

/**
 * Epoch minutes of local midnight's calendar position: the date read as if it were UTC.
 *
 * @example
 * ```ts
 * localDayMinute('1970-01-02'); // 1440
 * ```
 */
export function localDayMinute(date: string): number {
  return (dayNumber(date) ?? Number.NaN) * 1440;
}

/**
 * The instant (epoch minutes) a wall-clock time names on a date, in the timeline's zone. Inside
 * the spring-forward gap it moves forward by the gap, as core's `wallClock` does (02:30 on a US
 * change day is 03:30 daylight time); in the fall-back repeat it is the first occurrence (01:30
 * on a US fall-back day is 01:30 daylight time, before the clocks go back).
 *
 * @param date - `YYYY-MM-DD`
 * @param minutes - minutes after local midnight, 0 to 1440
 * @param timeline - the zone's offsets around that date
 * @example
 * ```ts
 * wallInstant('2026-03-08', 150, timeline); // the instant of 03:30 EDT
 * ```
 */
export function wallInstant(date: string, minutes: number, timeline: ZoneTimeline): number {
  const local = localDayMinute(date) + minutes;
  const before = timeline.offsetAt(local - 1440);
  const after = timeline.offsetAt(local + 1440);
  const candidates = [local - before, local - after].filter((at) => timeline.offsetAt(at) === local - at);
  if (candidates.length > 0) return Math.min(...candidates);
  const day = minutes >= 1440 ? nextDate(date) : date;
  return epochMinuteOf(wallClock(day, minutes % 1440, timeline.zone));
}

/**
 * The local calendar date of an instant in the timeline's zone.
 *
 * @example
 * ```ts
 * localDateAt(0, utcTimeline); // '1970-01-01'
 * ```
 */
export function localDateAt(epochMinute: number, timeline: ZoneTimeline): IsoDate {
  return dateOfDayNumber(Math.floor((epochMinute + timeline.offsetAt(epochMinute)) / 1440));
}

/**
 * Minutes after local midnight of an instant in the timeline's zone.
 *
 * @example
 * ```ts
 * localMinuteOfDay(90, utcTimeline); // 90
 * ```
 */
export function localMinuteOfDay(epochMinute: number, timeline: ZoneTimeline): number {
  const local = epochMinute + timeline.offsetAt(epochMinute);
  return ((local % 1440) + 1440) % 1440;
}

/**
 * An instant as ISO 8601 with the timeline zone's offset, to the minute: `2026-11-02T09:00:00-05:00`.
 *
 * @example
 * ```ts
 * formatInstant(0, utcTimeline); // '1970-01-01T00:00:00+00:00'
 * ```
 */
export function formatInstant(epochMinute: number, timeline: ZoneTimeline): string {
  const offset = timeline.offsetAt(epochMinute);
  const localMinute = epochMinute + offset;
  const minuteOfDay = ((localMinute % 1440) + 1440) % 1440;
  const local = `${dateOfDayNumber(Math.floor(localMinute / 1440))}T${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
  const sign = offset < 0 ? '-' : '+';
  const size = Math.abs(offset);
  return `${local}:00${sign}${pad2(Math.floor(size / 60))}:${pad2(size % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The ISO weekday (1 = Monday ... 7 = Sunday) of a calendar date.
 *
 * @example
 * ```ts
 * isoWeekday('2026-11-02'); // 1
 * ```
 */
export function isoWeekday(date: string): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((dayNumber(date) ?? Number.NaN) + 3) % 7) + 7) % 7 + 1;
}

/**
 * The calendar date after `date`.
 *
 * @example
 * ```ts
 * nextDate('2026-12-31'); // '2027-01-01'
 * ```
 */
export function nextDate(date: string): IsoDate {
  return dateOfDayNumber((dayNumber(date) ?? Number.NaN) + 1);
}
