import { dayNumber } from '../core/calendarDay.js';

/** An item's usage history cut to the days it was stocked, with what was cut. */
export interface StockedUsage {
  /** Daily usage from the day the item was stocked (or the whole history) to the day before the plan. */
  readonly usage: ArrayLike<number>;
  /** Units the history shows before that day, which were left out. */
  readonly unitsBefore: number;
}

/**
 * Cuts an item's daily usage (which ends the day before `asOf`) to the days since it was stocked, so
 * an item added partway through the history is forecast from its own first day, not as one that sat
 * unused before. A typed array is cut without copying.
 *
 * @param usage - daily usage, the last entry the day before `asOf`
 * @param stockedSince - the first day the item was kept, or null for the whole history
 * @param asOf - the planning day (YYYY-MM-DD)
 * @returns the kept days and the units dated before `stockedSince`
 * @example
 * ```ts
 * usageSinceStocked([4, 0, 2, 3], '2026-10-31', '2026-11-02'); // { usage: [2, 3], unitsBefore: 4 }
 * ```
 */
export function usageSinceStocked(usage: ArrayLike<number>, stockedSince: string | null, asOf: string): StockedUsage {
  const since = stockedSince === null ? undefined : dayNumber(stockedSince);
  const end = dayNumber(asOf);
  if (since === undefined || end === undefined) return { usage, unitsBefore: 0 };
  const kept = Math.max(0, Math.min(usage.length, end - since));
  const cut = usage.length - kept;
  if (cut === 0) return { usage, unitsBefore: 0 };
  let unitsBefore = 0;
  for (let day = 0; day < cut; day++) unitsBefore += usage[day] ?? 0;
  const rest = ArrayBuffer.isView(usage) ? (usage as unknown as Float64Array).subarray(cut) : Array.prototype.slice.call(usage, cut);
  return { usage: rest, unitsBefore };
}
