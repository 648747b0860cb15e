import { DateTime } from 'luxon';
import { errorIssue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import type { Appointment } from './appointment.js';
import { draftAppointment, type Booked } from './book.js';
import { checkBooking } from './checkBooking.js';
import { occupies, occupyAppointment } from './occupancy.js';
import { offGridWarnings } from './offGrid.js';
import { releaseTime } from './releaseTime.js';
import { RescheduleToSchema, type RescheduleTo } from './rescheduleTo.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';

export type { RescheduleTo } from './rescheduleTo.js';

/**
 * Moves a pending or booked appointment to a new time, atomically: the old time is freed only if
 * the new one books, the appointment keeps its id, and on failure the input schedule is returned
 * untouched with the issues. An overbooking that is moved becomes an ordinary booking. With
 * `to.now` the new time must also respect the urgent hold, as `book` does with `now` (an
 * appointment marked `urgent` may use held time on the day of `now`); without `now` no hold applies.
 *
 * @param schedule - the clinic
 * @param id - the appointment
 * @param to - the new start (and provider or resources), and `now`, the moment of the move
 * @returns the moved appointment and the new schedule, or `booking.request` (a `to` of the wrong
 *   shape, paths into it), `booking.not_found`, `booking.not_reschedulable` or the conflicts of the new time
 * @example
 * ```ts
 * const moved = reschedule(schedule, 'a1', { start: '2026-11-03T10:00:00-05:00', now: '2026-11-02T08:00:00-05:00' });
 * ```
 */
export function reschedule(schedule: Schedule, id: string, to: RescheduleTo): Checked<Booked, SchedulingIssue> {
  const parsed = RescheduleToSchema.safeParse(to);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'booking.request'));
  const target = parsed.data;
  const index = schedule.appointments.findIndex((a) => a.id === id);
  const current = schedule.appointments[index];
  if (current === undefined) return fail([errorIssue('booking.not_found', ['id'], `no appointment ${id}`)]);
  if (current.status !== 'booked' && current.status !== 'pending') {
    return fail([errorIssue('booking.not_reschedulable', ['status'], `a ${current.status} appointment cannot be rescheduled`)]);
  }
  const freed = occupies(current) ? releaseTime(schedule, current) : schedule;
  const others = { ...schedule, ...freed, appointments: freed.appointments.filter((a) => a.id !== id) };
  const drafted = draftAppointment(others, {
    id: current.id,
    patientId: current.patientId,
    providerId: target.providerId ?? current.providerId,
    typeId: current.typeId,
    start: target.start,
    status: current.status,
    ...(target.resourceIds !== undefined ? { resourceIds: [...target.resourceIds] } : {}),
  });
  if (!drafted.ok) return drafted;
  const now = target.now === undefined ? undefined : typeof target.now === 'string' ? DateTime.fromISO(target.now, { setZone: true }) : target.now;
  const check = checkBooking(others, drafted.value.appointment, {
    explicitResources: target.resourceIds !== undefined,
    ...(now !== undefined ? { now, urgent: current.urgent === true } : {}),
  });
  if (check.issues.length > 0) return fail(check.issues);
  const { overbooks: _shared, ...base } = current;
  const moved: Appointment = { ...base, providerId: drafted.value.appointment.providerId, start: drafted.value.appointment.start, end: drafted.value.appointment.end, resourceIds: [...check.resourceIds] };
  const type = schedule.appointmentTypes.find((t) => t.id === moved.typeId);
  if (type === undefined) return fail([errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${moved.typeId}`)]);
  const appointments = freed.appointments.map((a) => (a.id === id ? moved : a));
  return ok({ schedule: { ...schedule, appointments, occupancy: occupyAppointment(freed.occupancy, moved, type) }, appointment: moved }, offGridWarnings(schedule, moved));
}
