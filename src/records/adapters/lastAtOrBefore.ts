/**
 * Binary search over entries sorted by time: the index of the last one written at or before `at`,
 * or -1 when all are later.
 *
 * @param sorted - entries with non-decreasing `at`
 * @param at - ISO 8601 UTC time
 * @returns the index, or -1
 * @example
 * ```ts
 * lastAtOrBefore([{ at: '2026-01-01T00:00:00.000Z' }], '2026-06-01T00:00:00.000Z'); // 0
 * ```
 */
export function lastAtOrBefore(sorted: readonly { readonly at: string }[], at: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as { at: string }).at <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
