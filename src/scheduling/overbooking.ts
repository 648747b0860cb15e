import { errorIssue } from '../core/issue.js';
import { holdsTime, type Appointment } from './appointment.js';
import { providerMaySee, type AppointmentType } from './clinic.js';
import type { ResourceId } from './ids.js';
import { footprintOf } from './occupancy.js';
import { overbookMisfit } from './overbookFit.js';
import { footprintsIn } from './providerTimeline.js';
import { patientConflictIssue } from './patientConflict.js';
import { resourceShare } from './resourceShare.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import { localDateAt } from './time/epochMinutes.js';
import { zoneTimeline, type ZoneTimeline } from './time/zoneTimeline.js';
import { outsideAvailability } from './withinAvailability.js';

/**
 * Predicts the probability (0 to 1) that the patient of an appointment shows up, e.g. from a
 * no-show model fitted elsewhere. Passed in: the library holds no model of its own.
 */
export type ShowPredictor = (appointment: Appointment) => number;

/**
 * What {@link overbookIssues} found: the problems, or the holder and the resources to share.
 *
 * @example
 * ```ts
 * const allowed: OverbookCheck = { issues: [], holder, resourceIds: ['room-1'] as ResourceId[] };
 * ```
 */
export interface OverbookCheck {
  /** Why the overbooking is refused; empty when it is allowed. */
  readonly issues: SchedulingIssue[];
  /** The appointment whose time it shares, when allowed. */
  readonly holder?: Appointment;
  /** When allowed, one of the holder's resources for each requirement of the overbooking's own type. */
  readonly resourceIds?: readonly ResourceId[];
}

/**
 * Checks an overbooking: the provider is known and may see its type; the overbooking's own time lies
 * inside the provider's availability (`booking.outside_availability`, as for any booking) and inside
 * the appointment time of exactly one active appointment of the provider, the holder (not in the
 * holder's buffers; the overbooking's own buffers must stay within the holder's); the holder's rooms
 * and equipment meet every requirement of the overbooking's type; the holder's predicted show
 * probability is below the policy's threshold; the holder is not already overbooked; and the
 * provider's overbookings that day stay within the daily cap.
 *
 * @param schedule - the clinic (its policy must allow overbooking)
 * @param appointment - the second booking, not yet holding time in the schedule
 * @param showProbability - the predictor
 * @returns issues (`booking.unknown_type`, `booking.unknown_provider`, `booking.provider_not_allowed`,
 *   `booking.outside_availability`, `booking.overbook_not_allowed`, `booking.overbook_cap`), or the
 *   holder and the resources the overbooking takes: for each requirement of its own type one of the
 *   holder's resources (preferring those it already lists), nothing more
 * @example
 * ```ts
 * const check = overbookIssues(schedule, draft, (a) => showModel(a));
 * if (check.issues.length === 0) console.log(check.holder?.id, check.resourceIds);
 * ```
 */
export function overbookIssues(schedule: Schedule, appointment: Appointment, showProbability: ShowPredictor | undefined): OverbookCheck {
  const policy = schedule.policy.overbooking;
  const type = schedule.appointmentTypes.find((t) => t.id === appointment.typeId);
  if (type === undefined) return { issues: [errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${appointment.typeId}`)] };
  if (!schedule.providers.some((p) => p.id === appointment.providerId)) {
    return { issues: [errorIssue('booking.unknown_provider', ['providerId'], `no provider ${appointment.providerId}`)] };
  }
  if (!providerMaySee(type, appointment.providerId)) return { issues: [errorIssue('booking.provider_not_allowed', ['providerId'], `${appointment.providerId} may not see ${type.id}`)] };
  if (policy === undefined || showProbability === undefined) return refuse('overbooking needs a policy and a show predictor');
  const span = footprintOf(appointment, type);
  const own = { start: span.appointmentStart, end: span.end - type.bufferAfterMinutes };
  const timeline = zoneTimeline(schedule.zone, span.start - 1440, span.end + 1440);
  const unavailable = outsideAvailability(schedule, appointment.providerId, own, timeline, appointment.start);
  const outside = unavailable === undefined ? [] : [unavailable];
  const found = holderOf(schedule, appointment, type, own);
  if (typeof found === 'string') return { issues: [...outside, ...refuse(found).issues] };
  if (outside.length > 0) return { issues: outside };
  const holder = found;
  const patientBusy = patientConflictIssue(schedule, appointment);
  if (patientBusy !== undefined) return { issues: [patientBusy] };
  if (schedule.appointments.some((a) => a.id !== appointment.id && a.overbooks === holder.id && holdsTime(a.status))) return refuse(`${holder.id} is already overbooked`);
  const share = resourceShare(type, holder.resourceIds, appointment.resourceIds);
  const unmet = share.unmet[0];
  if (unmet !== undefined) return refuse(`${holder.id}'s rooms and equipment do not meet requirement ${unmet + 1} of ${type.id}`);
  const show: unknown = showProbability(holder);
  if (typeof show !== 'number' || !(show >= 0 && show <= 1)) return refuse(`the show predictor gave ${String(show)} for ${holder.id}, not a probability`);
  if (show >= policy.showThreshold) return refuse(`${holder.id} is likely to show`);
  if (overbookedOn(schedule, appointment, span.appointmentStart, timeline) >= policy.dailyCap) {
    const date = localDateAt(span.appointmentStart, timeline);
    return { issues: [errorIssue('booking.overbook_cap', ['overbook'], `${appointment.providerId} already has ${policy.dailyCap} overbookings on ${date}`)] };
  }
  return { issues: [], holder, resourceIds: share.resourceIds };
}

function refuse(message: string): { issues: SchedulingIssue[] } {
  return { issues: [errorIssue('booking.overbook_not_allowed', ['overbook'], message)] };
}

// The one active appointment whose time holds the overbooking's, or why there is none.
function holderOf(schedule: Schedule, appointment: Appointment, type: AppointmentType, own: { start: number; end: number }): Appointment | string {
  const under = footprintsIn(schedule.occupancy.providers.get(appointment.providerId) ?? [], own.start, own.end);
  const only = under.length === 1 ? under[0] : undefined;
  if (only === undefined) return `an overbooking must fall within exactly one booked appointment of ${appointment.providerId} (found ${under.length})`;
  const holder = schedule.appointments.find((a) => a.id === only.id);
  const holderType = schedule.appointmentTypes.find((t) => t.id === holder?.typeId);
  if (holder === undefined || holderType === undefined) return 'the holder is missing';
  return overbookMisfit(appointment, type, holder, holderType) ?? holder;
}

// How many overbookings the provider already holds on the local day the overbooking starts.
function overbookedOn(schedule: Schedule, appointment: Appointment, start: number, timeline: ZoneTimeline): number {
  const date = localDateAt(start, timeline);
  return schedule.appointments.filter(
    (a) =>
      a.id !== appointment.id &&
      a.overbooks !== undefined &&
      holdsTime(a.status) &&
      a.providerId === appointment.providerId &&
      localDateAt(Date.parse(a.start) / 60_000, timeline) === date,
  ).length;
}
