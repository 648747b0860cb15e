import type { Appointment } from './appointment.js';
import { patientClash } from './patientTimes.js';
import type { Schedule } from './schedule.js';
import { conflictIssue, type SchedulingIssue } from './schedulingIssue.js';

/**
 * The `booking.patient_conflict` issue when the appointment's patient already has another
 * time-holding appointment (with any provider, an overbooking too) overlapping its time, naming that
 * appointment in `conflictsWith`. Back-to-back visits are allowed, buffers do not count, and the
 * appointment's own earlier time (a move keeps the id) is not counted.
 *
 * @param schedule - the clinic
 * @param appointment - the appointment to place
 * @returns the issue, or undefined when the patient is free then
 * @example
 * ```ts
 * patientConflictIssue(schedule, draft)?.conflictsWith; // 'appt-4' when p1 is with dr-cho then
 * ```
 */
export function patientConflictIssue(schedule: Schedule, appointment: Appointment): SchedulingIssue | undefined {
  const clash = patientClash(schedule.occupancy.patients, appointment);
  if (clash === undefined) return undefined;
  return conflictIssue('booking.patient_conflict', ['patientId'], clash.id, `${appointment.patientId} already has appointment ${clash.id} then`);
}
