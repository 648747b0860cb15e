import { DateTime } from 'luxon';
import { errorIssue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { carriesCancellationReason, holdsTime, type Appointment, type AppointmentStatus } from './appointment.js';
import type { BookOptions } from './book.js';
import { checkBooking } from './checkBooking.js';
import type { AppointmentType } from './clinic.js';
import { occupyAppointment, occupyPatientOnly } from './occupancy.js';
import { overbookIssues } from './overbooking.js';
import { overbookMismatch } from './overbookReferences.js';
import { releaseTime } from './releaseTime.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import { StatusChangeSchema, type StatusChange } from './statusChange.js';
import { canMove, nextStatuses } from './statusTransitions.js';

// A cancellation needs a reason; a no-show may have one, but not a blank one, and a note needs one.
function reasonIssue(to: AppointmentStatus, reason: string | undefined, note: string | undefined): SchedulingIssue | undefined {
  const blank = reason === undefined || reason.trim() === '';
  if (to === 'cancelled' && blank) return errorIssue('booking.reason_required', ['reason'], 'a cancellation needs a reason');
  if (to === 'noshow' && blank && (reason !== undefined || note !== undefined)) {
    return errorIssue('booking.reason_required', ['reason'], 'a no-show given a note (or a blank reason) needs a reason');
  }
  return undefined;
}

/**
 * Moves an appointment to another status, following the transition table ({@link nextStatuses}).
 * Leaving a time-holding status frees the time (promoting any overbooking that shared it);
 * entering one (a waitlist or proposed appointment becoming booked) checks for conflicts first,
 * and with `change.now` the urgent hold too, as `book` does with `now` (an appointment marked
 * `urgent` may use held time on the day of `now`); without `now` no hold applies.
 * An overbooking entering a time-holding status while its holder still holds that time (a proposed
 * overbooking confirmed, say) is checked as `book` checks an overbooking: availability, the show
 * threshold (so it needs `options.showProbability`), the holder's resources and the daily cap.
 * Returns a new schedule; the input is never changed.
 *
 * @param schedule - the clinic
 * @param id - the appointment
 * @param to - the new status
 * @param change - `reason` and `note` of a cancellation or a no-show (kept as the appointment's
 *   `cancellation`; a cancellation needs a reason, a no-show may have one, and a note needs one), and
 *   `now`, the moment of the move (an ISO instant with offset or a DateTime)
 * @param options - the show predictor, for an overbooking that comes back to share its holder's time
 * @returns the new schedule, or `booking.request` (a `change` of the wrong shape, paths into it),
 *   `booking.not_found`, `booking.illegal_transition`, `booking.reason_required`, or the conflicts
 *   (or overbooking refusals) of re-entering the schedule
 * @example
 * ```ts
 * const arrived = changeStatus(schedule, 'a1', 'arrived');
 * const promoted = changeStatus(schedule, 'w1', 'booked', { now: '2026-11-02T08:00:00-05:00' });
 * const confirmed = changeStatus(schedule, 'o1', 'booked', {}, { showProbability: (a) => showModel(a) });
 * ```
 */
export function changeStatus(
  schedule: Schedule,
  id: string,
  to: AppointmentStatus,
  change?: StatusChange,
  options: BookOptions = {},
): Checked<Schedule, SchedulingIssue> {
  const parsed = StatusChangeSchema.optional().safeParse(change);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'booking.request'));
  const { reason, note, now } = parsed.data ?? {};
  const index = schedule.appointments.findIndex((a) => a.id === id);
  const current = schedule.appointments[index];
  if (current === undefined) return fail([errorIssue('booking.not_found', ['id'], `no appointment ${id}`)]);
  if (!canMove(current.status, to)) {
    return fail([errorIssue('booking.illegal_transition', ['status'], `${current.status} cannot become ${to}; allowed: ${nextStatuses(current.status).join(', ') || 'none'}`)]);
  }
  const refused = reasonIssue(to, reason, note);
  if (refused !== undefined) return fail([refused]);
  const moved: Appointment = {
    ...current,
    status: to,
    ...(carriesCancellationReason(to) && reason !== undefined ? { cancellation: { reason, ...(note !== undefined ? { note } : {}) } } : {}),
  };
  const replace = (appointments: readonly Appointment[]): Appointment[] => appointments.map((a, i) => (i === index ? moved : a));
  if (holdsTime(current.status) && !holdsTime(to)) {
    const released = releaseTime(schedule, current);
    return ok({ ...schedule, appointments: replace(released.appointments), occupancy: released.occupancy });
  }
  if (!holdsTime(current.status) && holdsTime(to)) return reenter(schedule, index, moved, now, options);
  return ok({ ...schedule, appointments: replace(schedule.appointments) });
}

/**
 * Cancels an appointment with a reason (a code such as `pat` or `prov` from FHIR's
 * appointment-cancellation-reason value set, or free text), freeing its time. A missing or blank
 * reason is `booking.reason_required`; a reason or note that is not text is `booking.request`.
 *
 * @example
 * ```ts
 * const cancelled = cancel(schedule, 'a1', { reason: 'pat', note: 'called in sick' });
 * ```
 */
export function cancel(schedule: Schedule, id: string, cancellation: { readonly reason: string; readonly note?: string }): Checked<Schedule, SchedulingIssue> {
  return changeStatus(schedule, id, 'cancelled', cancellation);
}

/**
 * Checks a patient in (from booked or arrived).
 *
 * @example
 * ```ts
 * const next = checkIn(schedule, 'a1');
 * ```
 */
export function checkIn(schedule: Schedule, id: string): Checked<Schedule, SchedulingIssue> {
  return changeStatus(schedule, id, 'checked-in');
}

/**
 * Records that the patient did not come (from booked), freeing the time, optionally with a reason
 * (a code such as `pat-lt` from FHIR's appointment-cancellation-reason value set, or free text) and
 * a note, kept as a cancellation's are. A blank reason, or a note without a reason, is
 * `booking.reason_required`.
 *
 * @example
 * ```ts
 * const next = markNoShow(schedule, 'a1');
 * const explained = markNoShow(schedule, 'a1', { reason: 'pat-lt', note: 'no ride' });
 * ```
 */
export function markNoShow(schedule: Schedule, id: string, reason?: { readonly reason: string; readonly note?: string }): Checked<Schedule, SchedulingIssue> {
  return changeStatus(schedule, id, 'noshow', reason);
}

// An appointment coming back into a time-holding status: an overbooking whose holder still holds the
// time shares it again, checked as `book` checks an overbooking; anything else is checked as a booking.
function reenter(schedule: Schedule, index: number, moved: Appointment, now: string | DateTime | undefined, options: BookOptions): Checked<Schedule, SchedulingIssue> {
  const replaceWith = (appointment: Appointment): Appointment[] => schedule.appointments.map((a, i) => (i === index ? appointment : a));
  if (moved.overbooks !== undefined && stillShares(schedule, moved)) {
    const check = overbookIssues(schedule, moved, options.showProbability);
    if (check.issues.length > 0) return fail(check.issues);
    if (check.holder?.id !== moved.overbooks || check.resourceIds === undefined) {
      return fail([errorIssue('booking.overbook_not_allowed', ['overbooks'], `${moved.id} no longer falls within ${moved.overbooks} alone`)]);
    }
    const shared: Appointment = { ...moved, resourceIds: [...check.resourceIds] };
    return ok({ ...schedule, appointments: replaceWith(shared), occupancy: occupyPatientOnly(schedule.occupancy, shared) });
  }
  // An overbooking whose holder has gone (or is taken) comes back as a booking of its own, checked as one.
  const { overbooks: _gone, ...own } = moved;
  const at = now === undefined ? undefined : typeof now === 'string' ? DateTime.fromISO(now, { setZone: true }) : now;
  const check = checkBooking(schedule, own, { explicitResources: own.resourceIds.length > 0, ...(at !== undefined ? { now: at, urgent: own.urgent === true } : {}) });
  if (check.issues.length > 0) return fail(check.issues);
  const placed: Appointment = { ...own, resourceIds: [...check.resourceIds] };
  const type = schedule.appointmentTypes.find((t) => t.id === placed.typeId);
  if (type === undefined) return fail([errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${placed.typeId}`)]);
  return ok({ ...schedule, appointments: replaceWith(placed), occupancy: occupyAppointment(schedule.occupancy, placed, type) });
}

// Whether an overbooking coming back to a time-holding status can share its holder's time again. The
// rooms it listed before do not count: the holder may have moved room since, and `overbookIssues`
// shares out the holder's current ones (keeping the listed ones where they still serve).
function stillShares(schedule: Schedule, overbooking: Appointment): boolean {
  const holder = schedule.appointments.find((a) => a.id === overbooking.overbooks);
  if (holder === undefined) return false;
  const taken = schedule.appointments.some((a) => a.id !== overbooking.id && a.overbooks === holder.id && holdsTime(a.status));
  const types = new Map<string, AppointmentType>(schedule.appointmentTypes.map((t) => [t.id, t]));
  return !taken && overbookMismatch({ ...overbooking, resourceIds: [] }, holder, types) === undefined;
}
