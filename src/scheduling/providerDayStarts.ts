import type { AppointmentType } from './clinic.js';
import { dayBounds, providerDayWindows, resourceBlocksAround } from './dayAvailability.js';
import { gapsBetween, intersectIntervals, normalizeIntervals, startsFitting, subtractIntervals, type Interval } from './intervals.js';
import { EMPTY_LOAD, loadAtLeast } from './loadProfile.js';
import type { UrgentHold } from './policy.js';
import { footprintsIn } from './providerTimeline.js';
import type { Schedule } from './schedule.js';
import type { ZoneTimeline } from './time/zoneTimeline.js';
import { heldStretches } from './urgentHold.js';
import { nextDate, wallInstant } from './time/epochMinutes.js';
import { minutesOfWallTime } from './wallTime.js';

/** What a search knows besides the provider and day. */
export interface StartSearch {
  readonly schedule: Schedule;
  readonly type: AppointmentType;
  readonly timeline: ZoneTimeline;
  /** No start before this epoch minute (now plus minimum notice). */
  readonly earliest: number;
  /** The moment of asking, in epoch minutes. */
  readonly now: number;
  readonly alignment: number;
  readonly urgent: boolean;
  readonly hold: UrgentHold | undefined;
}

/**
 * Allowed starts of one provider-day, and for each resource requirement the starts its alternatives
 * allow, in order (alternatives after the point where every start was covered are not computed).
 */
export interface DayStarts {
  readonly starts: Interval[];
  readonly alternatives: readonly (readonly { readonly id: string; readonly starts: Interval[] }[])[];
}

/**
 * The starts (epoch-minute intervals) at which the type fits a provider's day: starting inside the
 * day's availability and staying inside it (or inside the next day's hours that join it at midnight),
 * clear of exceptions, the footprint (with buffers) clear of other footprints, every required
 * resource below capacity, no earlier than `earliest`, and outside urgent holds unless released
 * or the search is urgent. Interval arithmetic: linear in the day's appointments, no minute scan.
 *
 * @example
 * ```ts
 * const { starts } = providerDayStarts(search, 'dr-lee', '2026-11-02');
 * ```
 */
export function providerDayStarts(search: StartSearch, providerId: string, date: string): DayStarts {
  const { schedule, type, timeline } = search;
  const none: DayStarts = { starts: [], alternatives: [] };
  let windows = providerDayWindows(schedule, providerId, date, timeline);
  if (windows.length === 0 || overCap(search, providerId, date)) return none;
  if (search.hold !== undefined && !search.urgent && search.now < wallInstant(date, minutesOfWallTime(search.hold.release), timeline)) {
    // The hold is the policy's, whatever grid this search offers, as booking checks it.
    windows = subtractIntervals(windows, heldStretches(windows, search.hold, schedule.policy.alignmentMinutes));
    if (windows.length === 0) return none;
  }
  const before = type.bufferBeforeMinutes;
  const after = type.durationMinutes + type.bufferAfterMinutes;
  // A visit starting late in the day may run on into the next day's hours when they join at
  // midnight (22:00-24:00 then 00:00-02:00), as booking allows; it starts within this day's hours.
  const reach = normalizeIntervals([...windows, ...providerDayWindows(schedule, providerId, nextDate(date), timeline)]);
  const from = (windows[0] as Interval).start - before - 1;
  const to = (reach[reach.length - 1] as Interval).end + after + 1;
  let starts = intersectIntervals(startsFitting(reach, 0, type.durationMinutes), windows);
  starts = intersectIntervals(starts, [{ start: search.earliest, end: Number.MAX_SAFE_INTEGER }]);
  const footprints = footprintsIn(schedule.occupancy.providers.get(providerId) ?? [], from, to);
  starts = intersectIntervals(starts, startsFitting(gapsBetween(footprints, from, to), before, after));
  const alternatives: { id: string; starts: Interval[] }[][] = [];
  for (const requirement of type.requiredResources) {
    const options: { id: string; starts: Interval[] }[] = [];
    let uncovered = starts;
    for (const id of requirement.anyOf) {
      if (uncovered.length === 0) break;
      const allowed = resourceStarts(search, id, date, from, to);
      options.push({ id, starts: allowed });
      uncovered = subtractIntervals(uncovered, allowed);
    }
    starts = subtractIntervals(starts, uncovered);
    alternatives.push(options);
  }
  return { starts, alternatives };
}

function resourceStarts(search: StartSearch, resourceId: string, date: string, from: number, to: number): Interval[] {
  const { schedule, type } = search;
  const capacity = schedule.resources.find((r) => r.id === resourceId)?.capacity ?? 1;
  const full = loadAtLeast(schedule.occupancy.resources.get(resourceId) ?? EMPTY_LOAD, capacity, from, to);
  const blocked = normalizeIntervals([...full, ...resourceBlocksAround(schedule, resourceId, date, search.timeline)]);
  return startsFitting(gapsBetween(blocked, from, to), type.bufferBeforeMinutes, type.durationMinutes + type.bufferAfterMinutes);
}

function overCap(search: StartSearch, providerId: string, date: string): boolean {
  const providerCap = search.schedule.providers.find((p) => p.id === providerId)?.dailyCap;
  const typeCap = search.type.dailyCapPerProvider;
  if (providerCap === undefined && typeCap === undefined) return false;
  const day = dayBounds(date, search.timeline);
  const onDay = footprintsIn(search.schedule.occupancy.providers.get(providerId) ?? [], day.start - 1440, day.end + 1440).filter(
    (f) => f.appointmentStart >= day.start && f.appointmentStart < day.end,
  );
  if (providerCap !== undefined && onDay.length >= providerCap) return true;
  return typeCap !== undefined && onDay.filter((f) => f.typeId === search.type.id).length >= typeCap;
}
