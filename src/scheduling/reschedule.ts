import { DateTime } from 'luxon';
import type { z } from 'zod';
import { errorIssue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { holdsTime, type Appointment } from './appointment.js';
import { draftAppointment, type Booked } from './book.js';
import { checkBooking } from './checkBooking.js';
import { occupies, occupyAppointment, vacateAppointment } from './occupancy.js';
import { offGridWarnings } from './offGrid.js';
import { releaseTime } from './releaseTime.js';
import { resourceShare } from './resourceShare.js';
import { RescheduleToSchema, type RescheduleTo } from './rescheduleTo.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';

export type { RescheduleTo } from './rescheduleTo.js';

/**
 * Moves a pending or booked appointment to a new time, atomically: the old time is freed only if
 * the new one books, the appointment keeps its id, and on failure the input schedule is returned
 * untouched with the issues. An overbooking that is moved becomes an ordinary booking. A holder
 * whose overbooking would take its place keeps it instead when it stays at its own time (a change of
 * room); the overbooking then shares what its own type needs of the new rooms and equipment
 * (`booking.resource_mismatch` when they no longer meet its needs). With
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
  const status = current.status;
  if (status !== 'booked' && status !== 'pending') {
    return fail([errorIssue('booking.not_reschedulable', ['status'], `a ${status} appointment cannot be rescheduled`)]);
  }
  const released = occupies(current) ? releaseTime(schedule, current) : schedule;
  const attempt = tryTime(schedule, current, status, target, released);
  if (attempt.ok || attempt.staysPut !== true || released.appointments === schedule.appointments) return finish(schedule, current, attempt, false);
  // The holder keeps its own time (a change of room, say): its overbooking stays an overbooking of it
  // instead of being promoted into that time and then standing in its way.
  const type = schedule.appointmentTypes.find((t) => t.id === current.typeId);
  const vacated = type === undefined ? released : { appointments: schedule.appointments, occupancy: vacateAppointment(schedule.occupancy, current, type) };
  return finish(schedule, current, tryTime(schedule, current, status, target, vacated), true);
}

type Freed = Pick<Schedule, 'appointments' | 'occupancy'>;

/**
 * The schedule as `reschedule` checks a new time for an appointment: the appointment's own time
 * freed (an overbooking of it promoted, as {@link releaseTime} does) and the appointment itself
 * left out. Shared with the waitlist, so that what it offers an entry that `replaces` an
 * appointment is what `reschedule` then accepts.
 *
 * @param schedule - the clinic
 * @param appointment - the appointment being moved
 * @param freed - the appointments and index with its time freed (by default {@link releaseTime}'s)
 * @returns the schedule without the appointment
 * @example
 * ```ts
 * const others = whileMoving(schedule, appointment);
 * findSlots(others, { typeId: appointment.typeId, from: '2026-11-02', to: '2026-11-06', now });
 * ```
 */
export function whileMoving(schedule: Schedule, appointment: Appointment, freed: Freed = releaseTime(schedule, appointment)): Schedule {
  return { ...schedule, ...freed, appointments: freed.appointments.filter((a) => a.id !== appointment.id) };
}
type Attempt =
  | { readonly ok: true; readonly freed: Freed; readonly drafted: Appointment; readonly resourceIds: ReturnType<typeof checkBooking>['resourceIds'] }
  | { readonly ok: false; readonly issues: readonly SchedulingIssue[]; readonly staysPut?: boolean };

/** Checks the new time against the schedule with the appointment's old time freed as `freed` says. */
function tryTime(schedule: Schedule, current: Appointment, status: 'booked' | 'pending', target: z.infer<typeof RescheduleToSchema>, freed: Freed): Attempt {
  const others = whileMoving(schedule, current, freed);
  const drafted = draftAppointment(others, {
    id: current.id,
    patientId: current.patientId,
    providerId: target.providerId ?? current.providerId,
    typeId: current.typeId,
    start: target.start,
    status,
    ...(target.resourceIds !== undefined ? { resourceIds: [...target.resourceIds] } : {}),
  });
  if (!drafted.ok) return { ok: false, issues: drafted.issues };
  const draft = drafted.value.appointment;
  const now = target.now === undefined ? undefined : typeof target.now === 'string' ? DateTime.fromISO(target.now, { setZone: true }) : target.now;
  const check = checkBooking(others, draft, {
    explicitResources: target.resourceIds !== undefined,
    ...(now !== undefined ? { now, urgent: current.urgent === true } : {}),
  });
  const staysPut = draft.providerId === current.providerId && Date.parse(draft.start) === Date.parse(current.start) && Date.parse(draft.end) === Date.parse(current.end);
  if (check.issues.length > 0) return { ok: false, issues: check.issues, staysPut };
  return { ok: true, freed, drafted: draft, resourceIds: check.resourceIds };
}

function finish(schedule: Schedule, current: Appointment, attempt: Attempt, keepsOverbooking: boolean): Checked<Booked, SchedulingIssue> {
  if (!attempt.ok) return fail([...attempt.issues]);
  const { freed, drafted } = attempt;
  const id = current.id;
  const { overbooks: _shared, ...base } = current;
  const moved: Appointment = { ...base, providerId: drafted.providerId, start: drafted.start, end: drafted.end, resourceIds: [...attempt.resourceIds] };
  const type = schedule.appointmentTypes.find((t) => t.id === moved.typeId);
  if (type === undefined) return fail([errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${moved.typeId}`)]);
  const kept = keepsOverbooking ? keptOverbooking(schedule, freed, moved) : undefined;
  if (kept !== undefined && 'issue' in kept) return fail([kept.issue]);
  const appointments = freed.appointments.map((a) => (a.id === id ? moved : a.id === kept?.overbooking.id ? kept.overbooking : a));
  return ok({ schedule: { ...schedule, appointments, occupancy: occupyAppointment(freed.occupancy, moved, type) }, appointment: moved }, offGridWarnings(schedule, moved));
}

// An overbooking still on the holder (it kept its time) shares the holder's new rooms and equipment as
// `book` gives them: one for each requirement of its own type. If they no longer meet its needs the move is refused.
function keptOverbooking(schedule: Schedule, freed: Freed, holder: Appointment): { overbooking: Appointment } | { issue: SchedulingIssue } | undefined {
  const overbooking = freed.appointments.find((a) => a.overbooks === holder.id && holdsTime(a.status));
  const type = schedule.appointmentTypes.find((t) => t.id === overbooking?.typeId);
  if (overbooking === undefined || type === undefined) return undefined;
  const share = resourceShare(type, holder.resourceIds, overbooking.resourceIds);
  const unmet = share.unmet[0];
  if (unmet !== undefined) {
    return { issue: errorIssue('booking.resource_mismatch', ['resourceIds'], `${overbooking.id} overbooks ${holder.id} and needs one of ${type.requiredResources[unmet]?.anyOf.join(', ') ?? ''}, which the new resources do not include`) };
  }
  return { overbooking: { ...overbooking, resourceIds: [...share.resourceIds] } };
}
