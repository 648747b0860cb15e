import { warningIssue } from '../core/issue.js';
import type { Appointment } from './appointment.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import { zoneTimeline } from './time/zoneTimeline.js';

/**
 * A `booking.off_grid` warning when an appointment starts off the clinic's slot grid (local
 * wall-clock times that are whole multiples of `policy.alignmentMinutes` after local midnight, the
 * starts `findSlots` offers). Booking such a time is allowed, since a front desk may place a visit by hand, but it
 * leaves gaps that no offered slot can fill, so the caller hears of it.
 *
 * @param schedule - the clinic (its zone and policy)
 * @param appointment - the appointment booked
 * @returns the warning, or nothing when the start is on the grid
 * @example
 * ```ts
 * offGridWarnings(schedule, { ...appointment, start: '2026-11-02T09:07:00-05:00' })[0]?.code; // 'booking.off_grid'
 * ```
 */
export function offGridWarnings(schedule: Schedule, appointment: Appointment): SchedulingIssue[] {
  const ms = Date.parse(appointment.start);
  const minute = Math.floor(ms / 60_000);
  const alignment = schedule.policy.alignmentMinutes;
  const local = minute + zoneTimeline(schedule.zone, minute - 1, minute + 1).offsetAt(minute);
  const minuteOfDay = ((local % 1440) + 1440) % 1440;
  if (ms % 60_000 === 0 && minuteOfDay % alignment === 0) return [];
  return [warningIssue('booking.off_grid', ['start'], `${appointment.start} is off the ${alignment}-minute grid of offered slots`)];
}
