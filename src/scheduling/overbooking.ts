import { errorIssue } from '../core/issue.js';
import { holdsTime, type Appointment } from './appointment.js';
import { footprintsIn } from './providerTimeline.js';
import { fitsWithin, footprintOf } from './occupancy.js';
import { providerMaySee } from './clinic.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';
import { localDateAt } from './time/epochMinutes.js';
import { zoneTimeline } from './time/zoneTimeline.js';

/**
 * Predicts the probability (0 to 1) that the patient of an appointment shows up, e.g. from a
 * no-show model fitted elsewhere. Passed in: the library holds no model of its own.
 */
export type ShowPredictor = (appointment: Appointment) => number;

/**
 * Checks an overbooking: the provider may see its type, the new appointment must fall inside the
 * time of exactly one active appointment of the provider (the holder) whose rooms and equipment meet
 * the type's requirements, the holder's predicted show probability must be below
 * the policy's threshold, the holder must not already be overbooked, and the provider's
 * overbookings that day must stay within the daily cap.
 *
 * @param schedule - the clinic (its policy must allow overbooking)
 * @param appointment - the second booking
 * @param showProbability - the predictor
 * @returns issues (`booking.overbook_not_allowed`, `booking.overbook_cap`) and the holder when allowed
 * @example
 * ```ts
 * overbookIssues(schedule, draft, (a) => showModel(a)).holder?.id;
 * ```
 */
export function overbookIssues(
  schedule: Schedule,
  appointment: Appointment,
  showProbability: ShowPredictor | undefined,
): { issues: SchedulingIssue[]; holder?: Appointment } {
  const policy = schedule.policy.overbooking;
  const refuse = (message: string): { issues: SchedulingIssue[] } => ({ issues: [errorIssue('booking.overbook_not_allowed', ['overbook'], message)] });
  if (policy === undefined || showProbability === undefined) return refuse('overbooking needs a policy and a show predictor');
  const type = schedule.appointmentTypes.find((t) => t.id === appointment.typeId);
  if (type === undefined) return { issues: [errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${appointment.typeId}`)] };
  if (!providerMaySee(type, appointment.providerId)) return { issues: [errorIssue('booking.provider_not_allowed', ['providerId'], `${appointment.providerId} may not see ${type.id}`)] };
  const span = footprintOf(appointment, type);
  const under = footprintsIn(schedule.occupancy.providers.get(appointment.providerId) ?? [], span.start, span.end);
  const only = under.length === 1 ? under[0] : undefined;
  if (only === undefined || !fitsWithin(span, only)) return refuse('an overbooking must fall within exactly one booked appointment');
  const holder = schedule.appointments.find((a) => a.id === only.id);
  if (holder === undefined) return refuse('the holder is missing');
  if (schedule.appointments.some((a) => a.overbooks === holder.id && holdsTime(a.status))) return refuse(`${holder.id} is already overbooked`);
  // The overbooking shares the holder's rooms and equipment (and takes them over if the holder cancels).
  const unmet = type.requiredResources.findIndex((requirement) => !requirement.anyOf.some((id) => holder.resourceIds.includes(id)));
  if (unmet >= 0) return refuse(`${holder.id}'s rooms and equipment do not meet requirement ${unmet + 1} of ${type.id}`);
  const show: unknown = showProbability(holder);
  if (typeof show !== 'number' || !(show >= 0 && show <= 1)) return refuse(`the show predictor gave ${String(show)} for ${holder.id}, not a probability`);
  if (show >= policy.showThreshold) return refuse(`${holder.id} is likely to show`);
  const timeline = zoneTimeline(schedule.zone, span.start - 1440, span.end + 1440);
  const date = localDateAt(span.appointmentStart, timeline);
  const sameDay = schedule.appointments.filter(
    (a) => a.overbooks !== undefined && holdsTime(a.status) && a.providerId === appointment.providerId && localDateAt(Date.parse(a.start) / 60_000, timeline) === date,
  );
  if (sameDay.length >= policy.dailyCap) {
    return { issues: [errorIssue('booking.overbook_cap', ['overbook'], `${appointment.providerId} already has ${policy.dailyCap} overbookings on ${date}`)] };
  }
  return { issues: [], holder };
}
