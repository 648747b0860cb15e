import { requireAmounts } from '../core/requireAmount.js';
import { requireLots } from './requireLots.js';
import { dayNumber } from '../core/calendarDay.js';
import { MedofficeUsageError } from '../core/result.js';
import type { IsoDate } from '../core/time.js';
import type { ItemId, LocationId, LotId } from './model.js';

/** Units of one lot of one item at one location. */
export interface LotStock {
  readonly itemId: ItemId;
  readonly lotId: LotId;
  readonly locationId: LocationId;
  /** Last day the lot may be used, or `null` when it does not expire. */
  readonly expires: IsoDate | null;
  readonly quantity: number;
}

/** Units taken from one lot by {@link pickFirstExpiry}. */
export interface Pick {
  readonly lotId: LotId;
  readonly locationId: LocationId;
  readonly quantity: number;
}

/** What {@link pickFirstExpiry} chose: the picks in order, and the units it could not find. */
export interface FefoPicks {
  readonly picks: readonly Pick[];
  readonly shortfall: number;
}

/**
 * The day number of a planning day written `YYYY-MM-DD`, for functions that take one: anything
 * else (`2026-11-2`, `11/02/2026`, a date-time) is the caller's mistake and throws.
 *
 * @param asOf - the planning day
 * @param caller - the public function that was given it, for the error message
 * @returns whole days since 1970-01-01
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD`
 * @example
 * ```ts
 * planningDay('2026-11-02', 'stockPosition'); // 20759
 * planningDay('2026-11-2', 'stockPosition');  // throws MedofficeUsageError
 * ```
 */
export function planningDay(asOf: unknown, caller: string): number {
  const day = typeof asOf === 'string' ? dayNumber(asOf) : undefined;
  if (day === undefined) {
    throw new MedofficeUsageError(`${caller}: asOf must be a calendar date YYYY-MM-DD, not ${typeof asOf === 'string' ? `'${asOf}'` : String(asOf)}`);
  }
  return day;
}

/**
 * True when a lot may no longer be used on `asOf` (it is usable through its expiry date).
 *
 * @param expires - the lot's last usable day, or null
 * @param asOf - the day, `YYYY-MM-DD`
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD`
 * @example
 * ```ts
 * isExpired('2026-11-01' as IsoDate, '2026-11-02'); // true
 * ```
 */
export function isExpired(expires: IsoDate | null, asOf: string): boolean {
  planningDay(asOf, 'isExpired');
  return expiredOn(expires, asOf);
}

/**
 * {@link isExpired} for an `asOf` already checked by {@link planningDay}: ISO dates compare as
 * strings, so a loop over many lots need not check the day again.
 *
 * @param expires - the lot's last usable day, or null
 * @param asOf - a checked day, `YYYY-MM-DD`
 * @example
 * ```ts
 * expiredOn('2026-11-02' as IsoDate, '2026-11-02'); // false: usable through its expiry day
 * ```
 */
export function expiredOn(expires: IsoDate | null, asOf: string): boolean {
  return expires !== null && expires < asOf;
}

/**
 * Orders lots first-expiry-first-out: earliest expiry first, lots that never expire last, ties by
 * lot id then location so the order is stable.
 *
 * @example
 * ```ts
 * const ordered = [...lots].sort(compareExpiry);
 * ```
 */
export function compareExpiry(a: LotStock, b: LotStock): number {
  if (a.expires !== b.expires) {
    if (a.expires === null) return 1;
    if (b.expires === null) return -1;
    return a.expires < b.expires ? -1 : 1;
  }
  if (a.lotId !== b.lotId) return a.lotId < b.lotId ? -1 : 1;
  return a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0;
}

/**
 * Chooses which lots to issue `quantity` units from, first expiry first out, never touching an
 * expired lot. A later-expiring lot is opened only when every earlier unexpired one is empty.
 *
 * @param stock - the lots to choose from (one item; other items' lots are ignored by the caller)
 * @param quantity - units wanted
 * @param asOf - the day of the issue, `YYYY-MM-DD`
 * @returns the picks, earliest expiry first, and any units the unexpired stock could not cover
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD`, the quantity or a
 *   lot's quantity is not a finite number at least 0, or a lot's `expires` is neither null nor a
 *   calendar date `YYYY-MM-DD`
 * @example
 * ```ts
 * const { picks, shortfall } = pickFirstExpiry(lotsOfGloves, 150, '2026-11-02');
 * ```
 */
export function pickFirstExpiry(stock: readonly LotStock[], quantity: number, asOf: string): FefoPicks {
  planningDay(asOf, 'pickFirstExpiry');
  requireAmounts('pickFirstExpiry', { quantity });
  requireLots('pickFirstExpiry', stock);
  const usable = stock.filter((lot) => lot.quantity > 0 && !expiredOn(lot.expires, asOf)).sort(compareExpiry);
  const picks: Pick[] = [];
  let remaining = quantity;
  for (const lot of usable) {
    if (remaining <= 0) break;
    const take = Math.min(lot.quantity, remaining);
    picks.push({ lotId: lot.lotId, locationId: lot.locationId, quantity: take });
    remaining -= take;
  }
  return { picks, shortfall: Math.max(0, remaining) };
}
