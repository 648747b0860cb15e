import type { DateTime } from 'luxon';
import { errorIssue } from '../core/issue.js';
import type { Appointment } from './appointment.js';
import { providerMaySee, type AppointmentType } from './clinic.js';
import { dayBounds, providerDayWindows, resourceBlocksAround } from './dayAvailability.js';
import type { ResourceId } from './ids.js';
import type { Interval } from './intervals.js';
import { EMPTY_LOAD, peakLoad } from './loadProfile.js';
import { firstClash, footprintsIn } from './providerTimeline.js';
import { footprintOf } from './occupancy.js';
import { patientConflictIssue } from './patientConflict.js';
import type { Schedule } from './schedule.js';
import { conflictIssue, type SchedulingIssue } from './schedulingIssue.js';
import { epochMinuteOf, localDateAt, wallInstant } from './time/epochMinutes.js';
import { zoneTimeline, type ZoneTimeline } from './time/zoneTimeline.js';
import { heldStretches } from './urgentHold.js';
import { minutesOfWallTime } from './wallTime.js';
import { outsideAvailability } from './withinAvailability.js';

/** How a booking is checked besides the appointment itself. */
export interface BookingCheckOptions {
  /** True when the appointment's `resourceIds` were chosen by the caller rather than left to the check. */
  readonly explicitResources?: boolean;
  /** The moment of booking: when given, urgent holds apply. */
  readonly now?: DateTime;
  /** An urgent booking may use held time. */
  readonly urgent?: boolean;
}

/** What {@link checkBooking} found: the problems, and the resources it would use. */
export interface BookingCheck {
  readonly issues: readonly SchedulingIssue[];
  readonly resourceIds: readonly ResourceId[];
}

/**
 * Checks whether an appointment can be added to a schedule: known provider and type, the provider
 * may see the type, the time lies inside availability and outside exceptions, its footprint (with
 * buffers) clashes with no other appointment of the provider, the patient has no other time-holding
 * appointment then (with any provider; buffers do not count), every required resource has room,
 * daily caps hold, and (with `now`) urgent holds are respected. Binary searches over the occupancy
 * index: logarithmic in the number of appointments.
 *
 * @param schedule - the clinic
 * @param appointment - the appointment to add (not yet in the schedule)
 * @param options - see {@link BookingCheckOptions}
 * @returns the issues (conflicts name what they clash with) and the resources chosen
 * @example
 * ```ts
 * const { issues } = checkBooking(schedule, appointment);
 * if (issues.length === 0) console.log('free');
 * ```
 */
export function checkBooking(schedule: Schedule, appointment: Appointment, options: BookingCheckOptions = {}): BookingCheck {
  const type = schedule.appointmentTypes.find((t) => t.id === appointment.typeId);
  const provider = schedule.providers.find((p) => p.id === appointment.providerId);
  if (type === undefined) return { issues: [errorIssue('booking.unknown_type', ['typeId'], `no appointment type ${appointment.typeId}`)], resourceIds: [] };
  if (provider === undefined) return { issues: [errorIssue('booking.unknown_provider', ['providerId'], `no provider ${appointment.providerId}`)], resourceIds: [] };
  if (!providerMaySee(type, provider.id)) {
    return { issues: [errorIssue('booking.provider_not_allowed', ['providerId'], `${provider.id} may not see ${type.id}`)], resourceIds: [] };
  }
  const footprint = footprintOf(appointment, type);
  const timeline = zoneTimeline(schedule.zone, footprint.start - 1440, footprint.end + 1440);
  const date = localDateAt(footprint.appointmentStart, timeline);
  const own = { start: footprint.appointmentStart, end: footprint.end - type.bufferAfterMinutes };
  const issues: SchedulingIssue[] = [];
  const outside = outsideAvailability(schedule, provider.id, own, timeline, appointment.start);
  if (outside !== undefined) issues.push(outside);
  const clash = firstClash(schedule.occupancy.providers.get(provider.id) ?? [], footprint);
  if (clash !== undefined) issues.push(conflictIssue('booking.provider_conflict', ['start'], clash.id, `${provider.id} is busy with appointment ${clash.id}`));
  const patientBusy = patientConflictIssue(schedule, appointment);
  if (patientBusy !== undefined) issues.push(patientBusy);
  const resources = chooseResources(schedule, type, appointment, footprint, date, timeline, options.explicitResources === true);
  issues.push(...resources.issues, ...capIssues(schedule, type, provider.id, provider.dailyCap, date, timeline));
  if (options.now !== undefined && schedule.policy.urgentHold !== undefined && !urgentToday(options.now, options.urgent, date, schedule)) {
    const hold = schedule.policy.urgentHold;
    const release = wallInstant(date, minutesOfWallTime(hold.release), timeline);
    const held = heldStretches(providerDayWindows(schedule, provider.id, date, timeline), hold, schedule.policy.alignmentMinutes);
    if (epochMinuteOf(options.now) < release && held.some((h) => h.start < own.end && own.start < h.end)) {
      issues.push(errorIssue('booking.held_for_urgent', ['start'], `that time is held for urgent booking until ${hold.release}`));
    }
  }
  return { issues, resourceIds: resources.resourceIds };
}

// An urgent booking may use held time on the day it is made, as findSlots offers it; not days ahead.
function urgentToday(now: DateTime, urgent: boolean | undefined, date: string, schedule: Schedule): boolean {
  if (urgent !== true) return false;
  const minute = epochMinuteOf(now);
  return localDateAt(minute, zoneTimeline(schedule.zone, minute - 1, minute + 1)) === date;
}

function chooseResources(
  schedule: Schedule,
  type: AppointmentType,
  appointment: Appointment,
  footprint: Interval,
  date: string,
  timeline: ZoneTimeline,
  explicit: boolean,
): { issues: SchedulingIssue[]; resourceIds: ResourceId[] } {
  const free = (id: string): boolean => {
    const capacity = schedule.resources.find((r) => r.id === id)?.capacity ?? 1;
    const blocked = resourceBlocksAround(schedule, id, date, timeline).some((b) => b.start < footprint.end && footprint.start < b.end);
    return !blocked && peakLoad(schedule.occupancy.resources.get(id) ?? EMPTY_LOAD, footprint) < capacity;
  };
  if (explicit) {
    const issues: SchedulingIssue[] = [];
    if (appointment.resourceIds.length !== type.requiredResources.length) {
      issues.push(errorIssue('booking.resource_mismatch', ['resourceIds'], `${type.id} needs ${type.requiredResources.length} resources`));
    }
    type.requiredResources.forEach((requirement, j) => {
      const id = appointment.resourceIds[j];
      if (id === undefined) return;
      if (!requirement.anyOf.includes(id)) issues.push(errorIssue('booking.resource_mismatch', ['resourceIds', j], `${id} does not meet requirement ${j + 1} of ${type.id}`));
      else if (!free(id)) issues.push(conflictIssue('booking.resource_conflict', ['resourceIds', j], id, `${id} is in use to capacity or blocked`));
    });
    return { issues, resourceIds: [...appointment.resourceIds] };
  }
  const issues: SchedulingIssue[] = [];
  const resourceIds: ResourceId[] = [];
  type.requiredResources.forEach((requirement, j) => {
    const chosen = requirement.anyOf.find(free);
    if (chosen !== undefined) resourceIds.push(chosen);
    else issues.push(conflictIssue('booking.resource_conflict', ['typeId', 'requiredResources', j], requirement.anyOf[0] as string, `none of ${requirement.anyOf.join(', ')} is free`));
  });
  return { issues, resourceIds };
}

function capIssues(schedule: Schedule, type: AppointmentType, providerId: string, providerCap: number | undefined, date: string, timeline: ZoneTimeline): SchedulingIssue[] {
  if (providerCap === undefined && type.dailyCapPerProvider === undefined) return [];
  const day = dayBounds(date, timeline);
  const onDay = footprintsIn(schedule.occupancy.providers.get(providerId) ?? [], day.start - 1440, day.end + 1440).filter(
    (f) => f.appointmentStart >= day.start && f.appointmentStart < day.end,
  );
  const issues: SchedulingIssue[] = [];
  if (providerCap !== undefined && onDay.length >= providerCap) issues.push(errorIssue('booking.daily_cap', ['providerId'], `${providerId} already has ${providerCap} appointments on ${date}`));
  const cap = type.dailyCapPerProvider;
  if (cap !== undefined && onDay.filter((f) => f.typeId === type.id).length >= cap) issues.push(errorIssue('booking.daily_cap', ['typeId'], `${providerId} already has ${cap} ${type.id} on ${date}`));
  return issues;
}
