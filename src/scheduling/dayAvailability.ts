import { addDays } from '../core/time.js';
import type { ScheduleException } from './availabilityRules.js';
import { normalizeIntervals, subtractIntervals, type Interval } from './intervals.js';
import type { Schedule } from './schedule.js';
import { isoWeekday, nextDate, wallInstant } from './time/epochMinutes.js';
import type { ZoneTimeline } from './time/zoneTimeline.js';
import { minutesOfWallTime } from './wallTime.js';

/**
 * When a provider is open for booking on a date: the weekly rules in effect that weekday plus any
 * extra hours, minus holidays, time off and blocked times (the clinic's and the provider's), as
 * normalized intervals of epoch minutes. Wall-clock times are read in the clinic's zone on that
 * date, so a 09:00 rule is 09:00 local on both sides of a daylight-saving change.
 *
 * @param schedule - the clinic
 * @param providerId - whose hours
 * @param date - `YYYY-MM-DD` in the clinic's zone
 * @param timeline - the clinic zone's offsets around the date
 * @example
 * ```ts
 * providerDayWindows(schedule, 'dr-lee', '2026-11-02', timeline); // [[09:00, 12:00), [13:00, 17:00)]
 * ```
 */
export function providerDayWindows(schedule: Schedule, providerId: string, date: string, timeline: ZoneTimeline): Interval[] {
  const weekday = isoWeekday(date);
  const open: Interval[] = [];
  for (const rule of schedule.rules) {
    if (rule.providerId !== providerId || rule.weekday !== weekday) continue;
    if (rule.effectiveFrom > date || (rule.effectiveTo !== undefined && rule.effectiveTo < date)) continue;
    open.push(wallSpan(date, minutesOfWallTime(rule.start), minutesOfWallTime(rule.end), timeline));
  }
  for (const extra of schedule.extraHours) {
    if (extra.providerId === providerId && extra.date === date) {
      open.push(wallSpan(date, minutesOfWallTime(extra.start), minutesOfWallTime(extra.end), timeline));
    }
  }
  if (open.length === 0) return [];
  const closed = exceptionSpans(schedule.exceptions, date, timeline, (e) => e.resourceId === undefined && (e.providerId === undefined || e.providerId === providerId));
  return subtractIntervals(normalizeIntervals(open), closed);
}

/**
 * The times a resource is blocked by exceptions on a date (room maintenance, say), normalized.
 *
 * @example
 * ```ts
 * resourceDayBlocks(schedule, 'room-2', '2026-11-02', timeline);
 * ```
 */
export function resourceDayBlocks(schedule: Schedule, resourceId: string, date: string, timeline: ZoneTimeline): Interval[] {
  return exceptionSpans(schedule.exceptions, date, timeline, (e) => e.resourceId === resourceId);
}

/**
 * A resource's exception blocks on a date and the dates either side of it: what a footprint that
 * starts on `date` may run into, since its buffers (or a visit near midnight) can cross into the next
 * day or begin on the one before.
 *
 * @example
 * ```ts
 * resourceBlocksAround(schedule, 'room-1', '2026-11-02', timeline); // blocks of 11-01, 11-02 and 11-03
 * ```
 */
export function resourceBlocksAround(schedule: Schedule, resourceId: string, date: string, timeline: ZoneTimeline): Interval[] {
  return normalizeIntervals([addDays(date, -1), date, addDays(date, 1)].flatMap((day) => resourceDayBlocks(schedule, resourceId, day, timeline)));
}

/**
 * The start (inclusive) and end (exclusive) of a local calendar day in epoch minutes. On a
 * daylight-saving change day it is 23 or 25 hours long (23.5 or 24.5 in Australia/Lord_Howe).
 *
 * @example
 * ```ts
 * dayBounds('2026-03-08', timeline); // 1380 minutes long in America/New_York
 * ```
 */
export function dayBounds(date: string, timeline: ZoneTimeline): Interval {
  return { start: wallInstant(date, 0, timeline), end: wallInstant(nextDate(date), 0, timeline) };
}

function wallSpan(date: string, from: number, to: number, timeline: ZoneTimeline): Interval {
  return { start: wallInstant(date, from, timeline), end: wallInstant(date, to, timeline) };
}

function exceptionSpans(
  exceptions: readonly ScheduleException[],
  date: string,
  timeline: ZoneTimeline,
  applies: (exception: ScheduleException) => boolean,
): Interval[] {
  const spans: Interval[] = [];
  for (const exception of exceptions) {
    if (!applies(exception) || exception.date > date || (exception.toDate ?? exception.date) < date) continue;
    if (exception.start !== undefined && exception.end !== undefined) {
      spans.push(wallSpan(date, minutesOfWallTime(exception.start), minutesOfWallTime(exception.end), timeline));
    } else {
      spans.push(dayBounds(date, timeline));
    }
  }
  return normalizeIntervals(spans);
}
