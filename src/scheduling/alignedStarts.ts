import type { Interval } from './intervals.js';
import type { ZoneTimeline } from './time/zoneTimeline.js';

/**
 * The smallest instant at or after `from` whose local wall-clock time is a whole multiple of
 * `alignment` minutes after local midnight. Where the offset changes (a daylight-saving change or
 * Lord Howe's half-hour shift) the grid follows the wall clock, so on a fall-back day the repeated
 * hour is offered twice, once for each offset.
 *
 * @example
 * ```ts
 * nextAligned(571, 15, utcTimeline); // 585 (09:45)
 * ```
 */
export function nextAligned(from: number, alignment: number, timeline: ZoneTimeline): number {
  const local = from + timeline.offsetAt(from);
  // Counted from local midnight, so a step that does not divide the day (25 minutes) restarts each day.
  const midnight = Math.floor(local / 1440) * 1440;
  const next = Math.min(midnight + Math.ceil((local - midnight) / alignment) * alignment, midnight + 1440);
  const candidate = from + (next - local);
  const change = timeline.nextTransitionAfter(from);
  return change !== undefined && change <= candidate ? nextAligned(change, alignment, timeline) : candidate;
}

/**
 * Every aligned start inside a normalized set of allowed starts, in order.
 *
 * @param starts - half-open intervals of allowed start minutes
 * @param alignment - grid step in minutes
 * @param timeline - the clinic zone's offsets
 * @example
 * ```ts
 * alignedStarts([{ start: 540, end: 600 }], 15, utcTimeline); // [540, 555, 570, 585]
 * ```
 */
export function alignedStarts(starts: readonly Interval[], alignment: number, timeline: ZoneTimeline): number[] {
  const out: number[] = [];
  for (const allowed of starts) {
    for (let at = nextAligned(allowed.start, alignment, timeline); at < allowed.end; at = nextAligned(at + 1, alignment, timeline)) {
      out.push(at);
    }
  }
  return out;
}

/**
 * True when `minute` lies in one of the normalized intervals (binary search).
 *
 * @example
 * ```ts
 * containsMinute([{ start: 0, end: 10 }], 9); // true
 * ```
 */
export function containsMinute(intervals: readonly Interval[], minute: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const piece = intervals[mid] as Interval;
    if (minute < piece.start) hi = mid - 1;
    else if (minute >= piece.end) lo = mid + 1;
    else return true;
  }
  return false;
}
