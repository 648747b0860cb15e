import { DateTime } from 'luxon';
import { errorIssue, type Issue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { checkZone, parseIsoDateTime } from '../core/time.js';
import type { Appointment } from './appointment.js';
import { BookingRequestSchema, type BookingRequest } from './bookingRequest.js';
import { checkBooking } from './checkBooking.js';
import type { AppointmentId } from './ids.js';
import { occupyAppointment, occupyPatientOnly } from './occupancy.js';
import { offGridWarnings } from './offGrid.js';
import { overbookIssues, type ShowPredictor } from './overbooking.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import { epochMinuteOf, formatInstant } from './time/epochMinutes.js';
import { zoneTimeline } from './time/zoneTimeline.js';

/** A schedule after a successful booking, and the appointment it now holds. */
export interface Booked {
  readonly schedule: Schedule;
  readonly appointment: Appointment;
}

/** Options of {@link book}. */
export interface BookOptions {
  /** Predicts each appointment's show probability; needed only for overbooking. */
  readonly showProbability?: ShowPredictor;
}

/**
 * Books an appointment: a pure operation that returns a new schedule holding it, or the issues
 * that stop it (a conflict names the clashing appointment or resource in `conflictsWith`). A start
 * off the slot grid is booked with a `booking.off_grid` warning. The input schedule is never changed. Without `id` the appointment gets the next free `appt-N`.
 * With `overbook: true` the appointment shares another's time instead ({@link overbookIssues}): it
 * must still lie inside availability, and it takes, for each requirement of its own type, one of the
 * holder's rooms and equipment.
 *
 * @param schedule - the clinic
 * @param request - see {@link BookingRequestSchema}
 * @param options - the show predictor, for overbooking
 * @example
 * ```ts
 * const booked = book(schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up',
 *   start: '2026-11-02T09:00:00-05:00' });
 * if (booked.ok) schedule = booked.value.schedule;
 * ```
 */
export function book(schedule: Schedule, request: BookingRequest, options: BookOptions = {}): Checked<Booked, SchedulingIssue> {
  const drafted = draftAppointment(schedule, request);
  if (!drafted.ok) return drafted;
  const { appointment, parsed } = drafted.value;
  if (parsed.overbook === true) {
    const check = overbookIssues(schedule, appointment, options.showProbability);
    if (check.issues.length > 0 || check.holder === undefined || check.resourceIds === undefined) return fail(check.issues);
    // It shares only what its own type needs of the holder's rooms and equipment, and keeps just that if promoted.
    const shared: Appointment = { ...appointment, overbooks: check.holder.id, resourceIds: [...check.resourceIds] };
    const occupancy = occupyPatientOnly(schedule.occupancy, shared);
    return ok({ schedule: { ...schedule, appointments: [...schedule.appointments, shared], occupancy }, appointment: shared }, offGridWarnings(schedule, shared));
  }
  const now = parsed.now === undefined ? undefined : typeof parsed.now === 'string' ? DateTime.fromISO(parsed.now, { setZone: true }) : parsed.now;
  const check = checkBooking(schedule, appointment, {
    explicitResources: parsed.resourceIds !== undefined,
    ...(now !== undefined ? { now } : {}),
    ...(parsed.urgent !== undefined ? { urgent: parsed.urgent } : {}),
  });
  if (check.issues.length > 0) return fail(check.issues);
  const placed: Appointment = { ...appointment, resourceIds: [...check.resourceIds] };
  const type = schedule.appointmentTypes.find((t) => t.id === placed.typeId);
  if (type === undefined) return fail([errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${placed.typeId}`)]);
  return ok(
    { schedule: { ...schedule, appointments: [...schedule.appointments, placed], occupancy: occupyAppointment(schedule.occupancy, placed, type) }, appointment: placed },
    offGridWarnings(schedule, placed),
  );
}

type ParsedRequest = ReturnType<typeof BookingRequestSchema.parse>;

/**
 * Turns a request into the appointment it asks for (times normalized to the clinic's zone),
 * without checking it against the schedule's other appointments.
 *
 * @example
 * ```ts
 * const drafted = draftAppointment(schedule, request);
 * ```
 */
export function draftAppointment(schedule: Schedule, request: BookingRequest): Checked<{ appointment: Appointment; parsed: ParsedRequest }, SchedulingIssue> {
  const parsedRequest = BookingRequestSchema.safeParse(request);
  if (!parsedRequest.success) return fail(issuesFromZod(parsedRequest.error, 'booking.request'));
  const parsed = parsedRequest.data;
  const issues: Issue[] = [];
  const start = parseIsoDateTime(parsed.start, schedule.zone, ['start']);
  if (!start.ok) issues.push(...start.issues);
  if (parsed.patientZone !== undefined) {
    const zone = checkZone(parsed.patientZone, ['patientZone']);
    if (!zone.ok) issues.push(...zone.issues);
  }
  const type = schedule.appointmentTypes.find((t) => t.id === parsed.typeId);
  if (type === undefined) issues.push(errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${parsed.typeId}`));
  const id = parsed.id ?? nextAppointmentId(schedule);
  if (schedule.appointments.some((a) => a.id === id)) issues.push(errorIssue('booking.duplicate_id', ['id'], `appointment ${id} already exists`));
  if (start.ok && (start.value.second !== 0 || start.value.millisecond !== 0)) issues.push(errorIssue('booking.request', ['start'], 'an appointment starts on a whole minute'));
  if (!start.ok || type === undefined || issues.length > 0) return fail(issues);
  const minute = epochMinuteOf(start.value);
  const timeline = zoneTimeline(schedule.zone, minute - 1440, minute + 1440);
  const appointment: Appointment = {
    id,
    patientId: parsed.patientId,
    providerId: parsed.providerId,
    typeId: parsed.typeId,
    start: formatInstant(minute, timeline),
    end: formatInstant(minute + type.durationMinutes, timeline),
    status: parsed.status,
    resourceIds: [...(parsed.resourceIds ?? [])],
    ...(parsed.patientZone !== undefined ? { patientZone: parsed.patientZone } : {}),
    ...(parsed.urgent === true ? { urgent: true } : {}),
    ...(parsed.seriesId !== undefined ? { seriesId: parsed.seriesId } : {}),
    ...(parsed.comment !== undefined ? { comment: parsed.comment } : {}),
  };
  return ok({ appointment, parsed });
}

/**
 * The next unused appointment id of the form `appt-N`.
 *
 * @example
 * ```ts
 * nextAppointmentId(schedule); // 'appt-1' for an empty schedule
 * ```
 */
export function nextAppointmentId(schedule: Schedule): AppointmentId {
  const taken = new Set<string>(schedule.appointments.map((a) => a.id));
  let n = schedule.appointments.length + 1;
  while (taken.has(`appt-${n}`)) n++;
  return `appt-${n}` as AppointmentId;
}
