import { holdsTime, type Appointment } from './appointment.js';
import type { AppointmentId } from './ids.js';

/** One time-holding appointment of a patient, in epoch milliseconds (the end exclusive, no buffers). */
export interface PatientSpan {
  readonly id: AppointmentId;
  readonly start: number;
  readonly end: number;
}

/**
 * Per patient, the time of each of their time-holding appointments (pending, booked, arrived,
 * checked-in, fulfilled), overbookings included, with any provider: a patient cannot be in two
 * visits at once. Buffers are the provider's and the rooms', not the patient's, so they do not count.
 */
export type PatientTimes = ReadonlyMap<string, readonly PatientSpan[]>;

/**
 * The patient times of a clinic's appointments.
 *
 * @param appointments - all appointments, any status
 * @returns the index
 * @example
 * ```ts
 * // p1 booked 2026-11-02 10:00–10:20 (-05:00) as a1:
 * patientTimesOf(file.appointments).get('p1'); // [{ id: 'a1', start: 1_793_631_600_000, end: 1_793_632_800_000 }]
 * ```
 */
export function patientTimesOf(appointments: readonly Appointment[]): PatientTimes {
  const times = new Map<string, PatientSpan[]>();
  for (const appointment of appointments) {
    if (!holdsTime(appointment.status)) continue;
    const own = times.get(appointment.patientId) ?? [];
    own.push(spanOf(appointment));
    times.set(appointment.patientId, own);
  }
  return times;
}

/**
 * A new index in which the appointment holds its patient's time, replacing any span it held before
 * (a moved appointment keeps its id).
 *
 * @example
 * ```ts
 * const next = holdPatientTime(times, appointment);
 * ```
 */
export function holdPatientTime(times: PatientTimes, appointment: Appointment): PatientTimes {
  const next = new Map(times);
  const others = (times.get(appointment.patientId) ?? []).filter((span) => span.id !== appointment.id);
  next.set(appointment.patientId, [...others, spanOf(appointment)]);
  return next;
}

/**
 * A new index in which the appointment no longer holds its patient's time.
 *
 * @example
 * ```ts
 * const next = releasePatientTime(times, cancelled);
 * ```
 */
export function releasePatientTime(times: PatientTimes, appointment: Appointment): PatientTimes {
  const own = times.get(appointment.patientId);
  if (own === undefined || !own.some((span) => span.id === appointment.id)) return times;
  const next = new Map(times);
  const rest = own.filter((span) => span.id !== appointment.id);
  if (rest.length === 0) next.delete(appointment.patientId);
  else next.set(appointment.patientId, rest);
  return next;
}

/**
 * The first of a patient's visits, other than `except`, whose time overlaps `[start, end)` (one
 * ending as the other starts does not overlap).
 *
 * @param times - the index
 * @param patientId - whose visits
 * @param start - epoch milliseconds
 * @param end - epoch milliseconds, exclusive
 * @param except - a visit to leave out (the one being moved)
 * @returns the overlapping span, or undefined when the patient is free then
 * @example
 * ```ts
 * overlappingVisit(times, 'p1', Date.parse('2026-11-02T10:00:00-05:00'), Date.parse('2026-11-02T10:20:00-05:00'))?.id;
 * ```
 */
export function overlappingVisit(times: PatientTimes, patientId: string, start: number, end: number, except?: AppointmentId): PatientSpan | undefined {
  return times.get(patientId)?.find((span) => span.id !== except && span.start < end && start < span.end);
}

/**
 * The first other appointment of the same patient whose time overlaps this one's; the
 * appointment's own earlier span (same id) is not counted.
 *
 * @param times - the index
 * @param appointment - the appointment to place
 * @returns the clashing span, or undefined when the patient is free then
 * @example
 * ```ts
 * patientClash(schedule.occupancy.patients, draft)?.id; // 'a7' when the patient is seen elsewhere then
 * ```
 */
export function patientClash(times: PatientTimes, appointment: Appointment): PatientSpan | undefined {
  const wanted = spanOf(appointment);
  return overlappingVisit(times, appointment.patientId, wanted.start, wanted.end, appointment.id);
}

function spanOf(appointment: Appointment): PatientSpan {
  return { id: appointment.id, start: Date.parse(appointment.start), end: Date.parse(appointment.end) };
}
