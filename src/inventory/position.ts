import { requireAmounts } from '../core/requireAmount.js';
import { requireLots } from './requireLots.js';
import { dayNumber } from '../core/calendarDay.js';
import { compareExpiry, expiredOn, planningDay, type LotStock } from './fefo.js';

const daysFrom = (day: number, to: string): number => (dayNumber(to) ?? Number.NaN) - day;

/** Where an item's stock stands: on hand, on order, promised, and what will spoil before use. */
export interface StockPosition {
  /** Units on hand, expired lots included. */
  readonly onHand: number;
  /** Units on hand in unexpired lots. */
  readonly usableOnHand: number;
  /** Units on open purchase orders. */
  readonly onOrder: number;
  /** Units promised and not free to use. */
  readonly allocated: number;
  /** Unexpired units that will expire before forecast demand can use them within the horizon. */
  readonly expiringBeforeUse: number;
  /** Inventory position: usable on hand + on order − allocated − expiring before use. */
  readonly position: number;
}

/**
 * Computes an item's inventory position. Allocated units take the earliest-expiring usable lots
 * first (first expiry, first out), as if already issued; what is left is consumed first expiry
 * first out at the forecast daily rate, and the part of a lot that expires within `horizonDays`
 * (review period + lead time) before demand reaches it counts as lost. A unit is therefore
 * subtracted once at most: as allocated or as expiring before use, never both.
 *
 * @param input - the item's lots, units on order and allocated, daily demand, the day and horizon
 * @returns the position and its parts
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD`, units on order,
 *   allocated or in a lot, the daily demand or the horizon are not finite numbers at least 0, or a
 *   lot's `expires` is neither null nor a calendar date `YYYY-MM-DD` (the message names the lot)
 * @example
 * ```ts
 * stockPosition({ stock: vaccineLots, onOrder: 0, allocated: 20, demandPerDay: 6, asOf: '2026-11-02', horizonDays: 10 });
 * ```
 */
export function stockPosition(input: {
  readonly stock: readonly LotStock[];
  readonly onOrder: number;
  readonly allocated: number;
  readonly demandPerDay: number;
  readonly asOf: string;
  readonly horizonDays: number;
}): StockPosition {
  const { stock, asOf } = input;
  const today = planningDay(asOf, 'stockPosition');
  requireAmounts('stockPosition', { onOrder: input.onOrder, allocated: input.allocated, demandPerDay: input.demandPerDay, horizonDays: input.horizonDays });
  requireLots('stockPosition', stock);
  const onHand = stock.reduce((sum, lot) => sum + lot.quantity, 0);
  const usable = stock.filter((lot) => lot.quantity > 0 && !expiredOn(lot.expires, asOf)).sort(compareExpiry);
  const usableOnHand = usable.reduce((sum, lot) => sum + lot.quantity, 0);
  // Allocated units are promised to a use (a clinic, a booked procedure): they take the
  // earliest-expiring lots first, so they are neither free stock nor stock that expires unused.
  let promised = input.allocated;
  let consumed = 0;
  let expiringBeforeUse = 0;
  for (const lot of usable) {
    const taken = Math.min(lot.quantity, promised);
    promised -= taken;
    const free = lot.quantity - taken;
    if (lot.expires === null || free <= 0) continue;
    const daysLeft = daysFrom(today, lot.expires) + 1;
    if (daysLeft > input.horizonDays) continue;
    const reachable = Math.max(0, input.demandPerDay * daysLeft - consumed);
    const used = Math.min(free, reachable);
    consumed += used;
    expiringBeforeUse += free - used;
  }
  const position = usableOnHand + input.onOrder - input.allocated - expiringBeforeUse;
  return { onHand, usableOnHand, onOrder: input.onOrder, allocated: input.allocated, expiringBeforeUse, position };
}

/** One lot in an expiring-soon report. */
export interface ExpiringLot extends LotStock {
  /** Days from the report day to the expiry date (negative once expired). */
  readonly daysLeft: number;
}

/**
 * Lists lots that have expired or expire within `withinDays`, soonest first.
 *
 * @param stock - lots of any items
 * @param asOf - the report day
 * @param withinDays - how far ahead to look
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD`, or a lot's quantity is
 *   not a finite number at least 0 or its `expires` is neither null nor a calendar date
 * @example
 * ```ts
 * expiringSoon(state.stock, '2026-11-02', 30).map((lot) => `${lot.lotId}: ${lot.daysLeft} days`);
 * ```
 */
export function expiringSoon(stock: readonly LotStock[], asOf: string, withinDays: number): ExpiringLot[] {
  const today = planningDay(asOf, 'expiringSoon');
  requireLots('expiringSoon', stock);
  return stock
    .filter((lot) => lot.quantity > 0 && lot.expires !== null && daysFrom(today, lot.expires) <= withinDays)
    .sort(compareExpiry)
    .map((lot) => ({ ...lot, daysLeft: lot.expires === null ? 0 : daysFrom(today, lot.expires) }));
}

/** An item's stock status, most urgent first. */
export type StockStatus = 'stock-out' | 'low' | 'reorder' | 'overstock' | 'in-stock';

/**
 * Classifies an item's stock: `stock-out` when nothing usable is on hand, `low` when on hand is
 * below safety stock, `reorder` when the position is at or below the reorder point, `overstock`
 * when the position is above the policy's maximum and covers more than `overstockDays` of demand,
 * otherwise `in-stock`.
 *
 * @example
 * ```ts
 * stockStatus({ usableOnHand: 40, position: 90, reorderPoint: 100, safetyStock: 30, maxLevel: 300, demandPerDay: 10, overstockDays: 90 });
 * // 'reorder'
 * ```
 */
export function stockStatus(input: {
  readonly usableOnHand: number;
  readonly position: number;
  readonly reorderPoint: number;
  readonly safetyStock: number;
  readonly maxLevel: number;
  readonly demandPerDay: number;
  readonly overstockDays: number;
}): StockStatus {
  if (input.usableOnHand <= 0) return 'stock-out';
  if (input.usableOnHand < input.safetyStock) return 'low';
  if (input.position <= input.reorderPoint) return 'reorder';
  if (input.position > input.maxLevel && input.position > input.demandPerDay * input.overstockDays) return 'overstock';
  return 'in-stock';
}
