import { MedofficeUsageError } from '../../core/result.js';

/** What rounding did to a raw order quantity, step by step. */
export interface RoundedOrder {
  /** Units to order: a whole number of packs, at least the minimum order, or zero. */
  readonly quantity: number;
  readonly packs: number;
  /** The quantity was raised to whole packs. */
  readonly roundedUp: boolean;
  /** The quantity was raised to the minimum order. */
  readonly raisedToMinimum: boolean;
  /** The quantity was cut to what can be used before it expires. */
  readonly cappedByExpiry: boolean;
}

/**
 * Rounds a raw order up to whole packs and at least the minimum order, then cuts it to whole
 * packs that can be used before they expire. When even the minimum order would expire unused,
 * nothing is ordered. The result is always a multiple of `packSize`, zero or at least
 * `minimumOrder`, and never above `maxUsable`.
 *
 * @param raw - units wanted (may be fractional or negative, not NaN or infinite)
 * @param rules - pack size, minimum order in units, and the most units usable before expiry
 *   (`Infinity` when the item does not expire)
 * @throws MedofficeUsageError when `raw` is not finite, the pack size is not a finite number above
 *   0, the minimum order is not a finite number at least 0, or `maxUsable` is NaN or negative
 * @example
 * ```ts
 * roundOrder(130, { packSize: 50, minimumOrder: 200, maxUsable: Infinity }); // 200 units, 4 packs
 * ```
 */
export function roundOrder(raw: number, rules: { readonly packSize: number; readonly minimumOrder: number; readonly maxUsable: number }): RoundedOrder {
  const { packSize, minimumOrder, maxUsable } = rules;
  if (!Number.isFinite(raw)) throw new MedofficeUsageError(`roundOrder needs a finite quantity, got ${raw}`);
  if (!(Number.isFinite(packSize) && packSize > 0)) throw new MedofficeUsageError(`roundOrder needs a pack size above 0, got ${packSize}`);
  if (!(Number.isFinite(minimumOrder) && minimumOrder >= 0)) throw new MedofficeUsageError(`roundOrder needs a minimum order at least 0, got ${minimumOrder}`);
  if (!(maxUsable >= 0)) throw new MedofficeUsageError(`roundOrder needs maxUsable at least 0 (Infinity when the item does not expire), got ${maxUsable}`);
  const none = { quantity: 0, packs: 0, roundedUp: false, raisedToMinimum: false, cappedByExpiry: false };
  if (!(raw > 1e-9)) return none;
  let packs = Math.max(1, Math.ceil(raw / packSize - 1e-9));
  const roundedUp = packs * packSize > raw + 1e-9;
  const minimumPacks = Math.max(0, Math.ceil(minimumOrder / packSize - 1e-9));
  const raisedToMinimum = packs < minimumPacks;
  packs = Math.max(packs, minimumPacks);
  let cappedByExpiry = false;
  if (packs * packSize > maxUsable) {
    cappedByExpiry = true;
    packs = Math.floor(maxUsable / packSize);
    if (packs < minimumPacks || packs <= 0) return { ...none, cappedByExpiry: true };
  }
  return { quantity: packs * packSize, packs, roundedUp, raisedToMinimum, cappedByExpiry };
}
