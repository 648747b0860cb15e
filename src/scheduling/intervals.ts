/**
 * A half-open span of epoch minutes `[start, end)`. Lists of intervals are kept sorted by start
 * and disjoint (touching intervals merged), so that set operations are single linear merges.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * Sorts intervals and merges those that overlap or touch; drops empty ones.
 *
 * @example
 * ```ts
 * normalizeIntervals([{ start: 5, end: 9 }, { start: 0, end: 5 }]); // [{ start: 0, end: 9 }]
 * ```
 */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, next.end) };
    else merged.push(next);
  }
  return merged;
}

/**
 * The parts of `from` not covered by `remove` (both normalized).
 *
 * @example
 * ```ts
 * subtractIntervals([{ start: 0, end: 10 }], [{ start: 3, end: 4 }]); // [0,3) and [4,10)
 * ```
 */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const piece of from) {
    let cursor = piece.start;
    while (j < remove.length && (remove[j] as Interval).end <= cursor) j++;
    let k = j;
    while (k < remove.length && (remove[k] as Interval).start < piece.end) {
      const cut = remove[k] as Interval;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      k++;
    }
    if (cursor < piece.end) out.push({ start: cursor, end: piece.end });
  }
  return out;
}

/**
 * The parts covered by both lists (both normalized).
 *
 * @example
 * ```ts
 * intersectIntervals([{ start: 0, end: 10 }], [{ start: 5, end: 20 }]); // [5,10)
 * ```
 */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/**
 * The start times (as half-open intervals of epoch minutes) at which a footprint reaching `before`
 * minutes earlier and `after` minutes later than its start fits entirely inside one of `room`.
 * For a stay `[s - before, s + after)` to fit inside `[a, b)`, `s` must lie in `[a + before, b - after]`.
 *
 * @example
 * ```ts
 * startsFitting([{ start: 0, end: 60 }], 0, 20); // starts [0, 41)
 * ```
 */
export function startsFitting(room: readonly Interval[], before: number, after: number): Interval[] {
  const out: Interval[] = [];
  for (const piece of room) {
    const start = piece.start + before;
    const end = piece.end - after + 1;
    if (start < end) out.push({ start, end });
  }
  return out;
}

/**
 * The gaps between sorted disjoint busy intervals inside `[from, to)`.
 *
 * @example
 * ```ts
 * gapsBetween([{ start: 10, end: 20 }], 0, 30); // [0,10) and [20,30)
 * ```
 */
export function gapsBetween(busy: readonly Interval[], from: number, to: number): Interval[] {
  return subtractIntervals([{ start: from, end: to }], busy);
}

/**
 * Total minutes covered by a normalized list.
 *
 * @example
 * ```ts
 * totalMinutes([{ start: 0, end: 10 }, { start: 20, end: 25 }]); // 15
 * ```
 */
export function totalMinutes(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const piece of intervals) sum += piece.end - piece.start;
  return sum;
}
