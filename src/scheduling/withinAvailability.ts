import { errorIssue, type Issue } from '../core/issue.js';
import { containsMinute } from './alignedStarts.js';
import { providerDayWindows } from './dayAvailability.js';
import { normalizeIntervals, type Interval } from './intervals.js';
import type { Schedule } from './schedule.js';
import { localDateAt, nextDate } from './time/epochMinutes.js';
import type { ZoneTimeline } from './time/zoneTimeline.js';

/**
 * Whether an appointment's own time (buffers left out) lies wholly inside one stretch of its
 * provider's availability: the weekly rules and extra hours of the day it starts, joined with the
 * next day's where they meet at midnight, minus the clinic's and the provider's exceptions. The one
 * test every booking path uses, ordinary bookings and overbookings alike.
 *
 * @param schedule - the clinic
 * @param providerId - whose availability
 * @param time - the appointment's start and end in epoch minutes
 * @param timeline - the clinic zone's offsets around the time
 * @returns true when the whole time is available
 * @example
 * ```ts
 * withinAvailability(schedule, 'dr-lee', { start: footprint.appointmentStart, end }, timeline); // false at 11:50-12:10 when hours end at 12:00
 * ```
 */
export function withinAvailability(schedule: Schedule, providerId: string, time: Interval, timeline: ZoneTimeline): boolean {
  const date = localDateAt(time.start, timeline);
  const windows = normalizeIntervals([...providerDayWindows(schedule, providerId, date, timeline), ...providerDayWindows(schedule, providerId, nextDate(date), timeline)]);
  return containsMinute(windows, time.start) && windows.some((w) => w.start <= time.start && time.end <= w.end);
}

/**
 * `booking.outside_availability` at `start` when an appointment's own time is not wholly inside its
 * provider's availability ({@link withinAvailability}), for ordinary bookings and overbookings alike.
 *
 * @param schedule - the clinic
 * @param providerId - whose availability
 * @param time - the appointment's start and end in epoch minutes
 * @param timeline - the clinic zone's offsets around the time
 * @param start - the appointment's start as the caller wrote it, for the message
 * @returns the issue, or undefined when the time is available
 * @example
 * ```ts
 * const outside = outsideAvailability(schedule, 'dr-lee', own, timeline, '2026-11-02T11:50');
 * ```
 */
export function outsideAvailability(schedule: Schedule, providerId: string, time: Interval, timeline: ZoneTimeline, start: string): Issue | undefined {
  return withinAvailability(schedule, providerId, time, timeline) ? undefined : errorIssue('booking.outside_availability', ['start'], `${providerId} is not available for the whole of ${start}`);
}
