import type { IanaZone } from '../../core/time.js';
import { zoneOffsetAt } from './zoneOffset.js';

/** One stretch of constant UTC offset: from `start` (epoch minutes) until the next stretch. */
interface OffsetStretch {
  readonly start: number;
  readonly offset: number;
}

/**
 * A zone's UTC offsets over a span of time, found once so that converting between epoch minutes and
 * wall-clock time inside the span is integer arithmetic. Transitions (daylight-saving changes, the
 * 30-minute shifts of Australia/Lord_Howe) are located to the minute.
 */
export interface ZoneTimeline {
  /** The zone. */
  readonly zone: IanaZone;
  /** The UTC offset in minutes at an instant given in epoch minutes. */
  readonly offsetAt: (epochMinute: number) => number;
  /** The first transition after `epochMinute`, if one falls inside the span. */
  readonly nextTransitionAfter: (epochMinute: number) => number | undefined;
}

/**
 * Sampling step: a week. Offsets are sampled weekly and each change is then located to the minute
 * by bisection; no zone in the tz database changes its offset twice within a week.
 */
const STEP = 7 * 1440;
const PAD = 2 * 1440;

/**
 * Finds a zone's offsets from `from` to `to` (epoch minutes, padded by two days either side).
 * Outside that span `offsetAt` asks the zone database directly, and `nextTransitionAfter` knows nothing.
 *
 * @param zone - the IANA zone
 * @param from - first epoch minute of interest
 * @param to - last epoch minute of interest
 * @returns the timeline; outside the span it asks the zone database directly
 * @example
 * ```ts
 * const timeline = zoneTimeline('America/New_York' as IanaZone, 29_500_000, 29_600_000);
 * timeline.offsetAt(29_550_000); // -300 or -240
 * ```
 */
export function zoneTimeline(zone: IanaZone, from: number, to: number): ZoneTimeline {
  const lookup = (minute: number): number => zoneOffsetAt(zone, minute);
  const low = from - PAD;
  const high = to + PAD;
  const stretches: OffsetStretch[] = [{ start: low, offset: lookup(low) }];
  for (let step = low; step < high; step += STEP) {
    const at = Math.min(step + STEP, high);
    const offset = lookup(at);
    const last = stretches[stretches.length - 1] as OffsetStretch;
    if (offset !== last.offset) stretches.push({ start: firstMinuteWith(lookup, step, at, offset), offset });
  }
  const offsetAt = (minute: number): number => {
    if (minute < low || minute > high) return lookup(minute);
    return (stretches[lastStartingAtOrBefore(stretches, minute)] as OffsetStretch).offset;
  };
  const nextTransitionAfter = (minute: number): number | undefined => {
    const index = lastStartingAtOrBefore(stretches, minute) + 1;
    return stretches[index]?.start;
  };
  return { zone, offsetAt, nextTransitionAfter };
}

function firstMinuteWith(lookup: (m: number) => number, low: number, high: number, offset: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (lookup(mid) === offset) hi = mid;
    else lo = mid;
  }
  return hi;
}

function lastStartingAtOrBefore(stretches: readonly OffsetStretch[], minute: number): number {
  let lo = 0;
  let hi = stretches.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((stretches[mid] as OffsetStretch).start <= minute) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
