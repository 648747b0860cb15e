import type { Interval } from './intervals.js';

/**
 * How many appointments use a resource over time, as a step function: `loads[i]` units are in use
 * from `times[i]` until `times[i + 1]`; zero before the first time and from the last one on.
 */
export interface LoadProfile {
  readonly times: readonly number[];
  readonly loads: readonly number[];
}

/** A resource nobody uses. */
export const EMPTY_LOAD: LoadProfile = { times: [], loads: [] };

function lastAtOrBefore(times: readonly number[], minute: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= minute) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The most units in use at any moment of `span`: a binary search to its start, then a walk over
 * the steps inside it, O(log n + steps inside).
 *
 * @example
 * ```ts
 * peakLoad(profile, { start: 600, end: 630 }); // 0 when free
 * ```
 */
export function peakLoad(profile: LoadProfile, span: Interval): number {
  let i = lastAtOrBefore(profile.times, span.start);
  let peak = i >= 0 ? (profile.loads[i] as number) : 0;
  for (i += 1; i < profile.times.length && (profile.times[i] as number) < span.end; i++) peak = Math.max(peak, profile.loads[i] as number);
  return peak;
}

/**
 * The stretches of `[from, to)` where at least `threshold` units are in use, merged.
 *
 * @example
 * ```ts
 * loadAtLeast(profile, 1, 0, 1440); // when a capacity-1 room is taken
 * ```
 */
export function loadAtLeast(profile: LoadProfile, threshold: number, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  const { times, loads } = profile;
  for (let i = Math.max(0, lastAtOrBefore(times, from)); i < times.length && (times[i] as number) < to; i++) {
    if ((loads[i] as number) < threshold) continue;
    const start = Math.max(from, times[i] as number);
    const end = Math.min(to, times[i + 1] ?? to);
    const last = out[out.length - 1];
    if (last !== undefined && last.end === start) out[out.length - 1] = { start: last.start, end };
    else if (start < end) out.push({ start, end });
  }
  return out;
}

/**
 * A new profile with `delta` units added over `span` (negative to release them); the input is not changed.
 *
 * @example
 * ```ts
 * const next = addLoad(EMPTY_LOAD, { start: 600, end: 630 }, 1);
 * ```
 */
export function addLoad(profile: LoadProfile, span: Interval, delta: number): LoadProfile {
  const times: number[] = [];
  const loads: number[] = [];
  const push = (time: number, load: number): void => {
    if (times.length > 0 && times[times.length - 1] === time) loads[loads.length - 1] = load;
    else if ((loads[loads.length - 1] ?? 0) !== load) {
      times.push(time);
      loads.push(load);
    }
  };
  const at = (minute: number): number => {
    const index = lastAtOrBefore(profile.times, minute);
    return index >= 0 ? (profile.loads[index] as number) : 0;
  };
  const points = new Set<number>([...profile.times, span.start, span.end]);
  for (const time of [...points].sort((a, b) => a - b)) {
    const inside = time >= span.start && time < span.end;
    push(time, at(time) + (inside ? delta : 0));
  }
  return { times, loads };
}

/**
 * The load profile of many intervals at once (one unit each), by a sweep: O(n log n).
 *
 * @example
 * ```ts
 * loadProfileOf([{ start: 0, end: 10 }, { start: 5, end: 15 }]); // 1 on [0,5), 2 on [5,10), 1 on [10,15)
 * ```
 */
export function loadProfileOf(intervals: readonly Interval[]): LoadProfile {
  const changes = new Map<number, number>();
  for (const span of intervals) {
    if (span.end <= span.start) continue;
    changes.set(span.start, (changes.get(span.start) ?? 0) + 1);
    changes.set(span.end, (changes.get(span.end) ?? 0) - 1);
  }
  const times: number[] = [];
  const loads: number[] = [];
  let load = 0;
  for (const time of [...changes.keys()].sort((a, b) => a - b)) {
    load += changes.get(time) as number;
    if ((loads[loads.length - 1] ?? 0) === load) continue;
    times.push(time);
    loads.push(load);
  }
  return { times, loads };
}
