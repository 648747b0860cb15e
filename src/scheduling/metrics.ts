import { dateOfDayNumber, dayNumber } from '../core/calendarDay.js';
import { formatPath } from '../core/issue.js';
import { MedofficeUsageError } from '../core/result.js';
import { providerMaySee } from './clinic.js';
import { dayBounds, providerDayWindows } from './dayAvailability.js';
import { intersectIntervals, normalizeIntervals, subtractIntervals, totalMinutes } from './intervals.js';
import { checkMetricsRange } from './metricsRange.js';
import { footprintsIn } from './providerTimeline.js';
import type { Schedule } from './schedule.js';
import { localDayMinute } from './time/epochMinutes.js';
import { zoneTimeline, type ZoneTimeline } from './time/zoneTimeline.js';

/** One provider's day in minutes. */
export interface ProviderDayMetrics {
  readonly providerId: string;
  readonly date: string;
  /** Minutes open for booking (rules and extra hours minus exceptions). */
  readonly availableMinutes: number;
  /** Open minutes taken by appointments themselves. */
  readonly bookedMinutes: number;
  /** Open minutes taken by buffers around appointments. */
  readonly bufferMinutes: number;
  /** Open minutes nobody holds. */
  readonly freeMinutes: number;
  /**
   * Free minutes in gaps no type the provider sees fits into, with buffers judged as findSlots
   * judges them (a buffer may reach past availability but not into another appointment's time,
   * even one just outside the gap); the slot grid is not applied.
   */
  readonly fragmentedMinutes: number;
  /** How many such gaps. */
  readonly fragments: number;
}

/**
 * Booked, buffer and free minutes per provider and day, and fragmentation: free gaps no appointment
 * type the provider may see fits into (a buffer may reach past availability, not into another
 * appointment's time, as in findSlots).
 *
 * @param schedule - the clinic
 * @param range - inclusive clinic-local dates, at most `MAX_SEARCH_DAYS` of them and none after
 *   `LAST_SEARCH_DATE`, and optionally which providers
 * @returns one row per date and provider, by date then in the clinic's provider order
 * @throws MedofficeUsageError when the range is not two calendar dates in order within those
 *   limits; its `issues` (`slots.query`, `slots.date_range`, `slots.range_too_long`) say where
 * @example
 * ```ts
 * providerDayMetrics(schedule, { from: '2026-11-02', to: '2026-11-06' });
 * ```
 */
export function providerDayMetrics(
  schedule: Schedule,
  range: { readonly from: string; readonly to: string; readonly providerIds?: readonly string[] },
): ProviderDayMetrics[] {
  const checked = checkMetricsRange(range);
  if (!checked.ok) {
    const problems = checked.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
    throw new MedofficeUsageError(`providerDayMetrics needs a range of calendar dates (${problems})`, checked.issues);
  }
  const { from, to, providerIds } = checked.value;
  const zone = zoneTimeline(schedule.zone, localDayMinute(from) - 1440, localDayMinute(to) + 2880);
  const providers = schedule.providers.filter((p) => providerIds === undefined || providerIds.includes(p.id));
  const rows: ProviderDayMetrics[] = [];
  for (let day = dayNumber(from) as number; day <= (dayNumber(to) as number); day++) {
    const date = dateOfDayNumber(day);
    for (const provider of providers) rows.push(dayMetrics(schedule, provider.id, date, zone));
  }
  return rows;
}

function dayMetrics(schedule: Schedule, providerId: string, date: string, timeline: ZoneTimeline): ProviderDayMetrics {
  const windows = providerDayWindows(schedule, providerId, date, timeline);
  const day = dayBounds(date, timeline);
  const footprints = footprintsIn(schedule.occupancy.providers.get(providerId) ?? [], day.start - 1440, day.end + 1440);
  const own = normalizeIntervals(
    footprints.map((f) => {
      const type = schedule.appointmentTypes.find((t) => t.id === f.typeId);
      return { start: f.appointmentStart, end: f.end - (type?.bufferAfterMinutes ?? 0) };
    }),
  );
  const held = normalizeIntervals(footprints);
  const gaps = subtractIntervals(windows, held);
  const types = schedule.appointmentTypes.filter((t) => providerMaySee(t, providerId));
  // As findSlots judges it: a buffer may reach past availability, never into another appointment's
  // time, even one held just outside the gap (ending before the gap's window opens).
  const fits = (gap: { readonly start: number; readonly end: number }): boolean => {
    const previousEnd = held.reduce((end, h) => (h.end <= gap.start ? Math.max(end, h.end) : end), Number.NEGATIVE_INFINITY);
    const nextStart = held.reduce((start, h) => (h.start >= gap.end ? Math.min(start, h.start) : start), Number.POSITIVE_INFINITY);
    return types.some((t) => {
      const visitEnd = Math.max(gap.start, previousEnd + t.bufferBeforeMinutes) + t.durationMinutes;
      return visitEnd <= gap.end && visitEnd + t.bufferAfterMinutes <= nextStart;
    });
  };
  const fragmentGaps = gaps.filter((g) => !fits(g));
  const available = totalMinutes(windows);
  const booked = totalMinutes(intersectIntervals(windows, own));
  const free = totalMinutes(gaps);
  return {
    providerId,
    date,
    availableMinutes: available,
    bookedMinutes: booked,
    bufferMinutes: available - booked - free,
    freeMinutes: free,
    fragmentedMinutes: totalMinutes(fragmentGaps),
    fragments: fragmentGaps.length,
  };
}
