import { addDays } from '../core/time.js';
import { providerMaySee } from './clinic.js';
import { dayBounds, providerDayWindows } from './dayAvailability.js';
import { intersectIntervals, normalizeIntervals, subtractIntervals, totalMinutes } from './intervals.js';
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
  /** Free minutes in gaps too short for the shortest type the provider sees (with its buffers). */
  readonly fragmentedMinutes: number;
  /** How many such gaps. */
  readonly fragments: number;
}

/**
 * Booked, buffer and free minutes per provider and day, and fragmentation: free gaps too short to
 * hold even the shortest appointment type the provider may see.
 *
 * @param schedule - the clinic
 * @param range - inclusive clinic-local dates, and optionally which providers
 * @example
 * ```ts
 * providerDayMetrics(schedule, { from: '2026-11-02', to: '2026-11-06' });
 * ```
 */
export function providerDayMetrics(
  schedule: Schedule,
  range: { readonly from: string; readonly to: string; readonly providerIds?: readonly string[] },
): ProviderDayMetrics[] {
  const zone = zoneTimeline(schedule.zone, localDayMinute(range.from) - 1440, localDayMinute(range.to) + 2880);
  const providers = schedule.providers.filter((p) => range.providerIds === undefined || range.providerIds.includes(p.id));
  const rows: ProviderDayMetrics[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
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
  const shortest = Math.min(
    ...schedule.appointmentTypes.filter((t) => providerMaySee(t, providerId)).map((t) => t.durationMinutes + t.bufferBeforeMinutes + t.bufferAfterMinutes),
  );
  const fragmentGaps = gaps.filter((g) => g.end - g.start < shortest);
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
