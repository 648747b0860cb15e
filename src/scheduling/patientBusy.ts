import type { AppointmentId } from './ids.js';
import { overlappingVisit } from './patientTimes.js';
import type { Schedule } from './schedule.js';

/**
 * Whether a patient is busy over a span, asked many times: the patient's own time-holding
 * appointments (pending, booked, arrived, checked-in, fulfilled, overbookings too), with any
 * provider, as the schedule's index holds them (see `PatientTimes`), and the answer tells whether a
 * span overlaps one of them (a patient cannot be in two visits at once). Buffers are the provider's
 * and the rooms', not the patient's, so they do not count; appointments that only touch the span
 * (one ends as it starts) do not overlap it.
 *
 * @param schedule - the clinic
 * @param patientId - whose appointments
 * @param except - an appointment to leave out (the one a move would replace)
 * @returns a test of a span given as epoch milliseconds, the end exclusive: true when the patient is busy then
 * @example
 * ```ts
 * const busy = patientBusy(schedule, 'p1');
 * busy(Date.parse('2026-11-02T10:00:00-05:00'), Date.parse('2026-11-02T10:20:00-05:00')); // false when free
 * ```
 */
export function patientBusy(schedule: Schedule, patientId: string, except?: AppointmentId): (start: number, end: number) => boolean {
  return (start, end) => overlappingVisit(schedule.occupancy.patients, patientId, start, end, except) !== undefined;
}
