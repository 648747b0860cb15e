/**
 * The largest figures an item, a usage row or an order may hold: far beyond any clinic's supplies,
 * and small enough that every plan computed from them stays finite and quick (a lead time of
 * 10^300 days would otherwise loop over every day of it, and a usage row of 10^200 overflow the
 * variance). Input past a limit is reported (`inventory.item_schema` at its field,
 * `inventory.csv_number` at a usage cell) rather than planned.
 *
 * @example
 * ```ts
 * ITEM_LIMITS.leadTimeDays; // 3660: ten years
 * ```
 */
export const ITEM_LIMITS = {
  /** Lead time, its standard deviation and the review period, in days (ten years). */
  leadTimeDays: 3660,
  /** Shelf life in days (a hundred years). */
  shelfLifeDays: 36_600,
  /** Units used of one item on one day, in total. */
  dailyUnits: 1e9,
  /** Pack size, minimum order and par level, in units. */
  units: 1e9,
  /** Unit, order and shortage costs, in cents ($10 million). */
  cents: 1e9,
} as const;
