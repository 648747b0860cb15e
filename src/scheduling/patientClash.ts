import { holdsTime, type Appointment } from './appointment.js';
import type { AppointmentId } from './ids.js';
import type { Schedule } from './schedule.js';

/**
 * The first of a patient's own time-holding appointments (pending, booked, arrived, checked-in,
 * fulfilled) whose appointment time overlaps a span, with any provider: a patient cannot be in two
 * visits at once. Buffers are the provider's and the rooms', not the patient's, so they do not
 * count; appointments that only touch the span (one ends as it starts) do not overlap it.
 *
 * @param schedule - the clinic
 * @param patientId - whose appointments
 * @param span - the time to check: two instants (ISO 8601 with offsets), the end exclusive
 * @param except - an appointment to leave out (the one a move would replace)
 * @returns the clashing appointment, or `undefined` when the patient is free then
 * @example
 * ```ts
 * patientClash(schedule, 'p1', { start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' })?.id;
 * ```
 */
export function patientClash(schedule: Schedule, patientId: string, span: { readonly start: string; readonly end: string }, except?: AppointmentId): Appointment | undefined {
  const start = Date.parse(span.start);
  const end = Date.parse(span.end);
  return schedule.appointments.find(
    (a) => a.patientId === patientId && a.id !== except && holdsTime(a.status) && Date.parse(a.start) < end && start < Date.parse(a.end),
  );
}
