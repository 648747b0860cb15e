import { requireAmounts } from '../../core/requireAmount.js';
import { normalCdf, normalLoss, normalQuantile } from '../../core/normal.js';
import { MedofficeUsageError } from '../../core/result.js';
import { solveFalling } from './solveFalling.js';

/**
 * The safety factor k for a cycle service level (type 1): the chance of no stock-out in a
 * replenishment cycle is Φ(k), so k = Φ⁻¹(CSL).
 *
 * @param cycleServiceLevel - in (0, 1)
 * @example
 * ```ts
 * safetyFactorForCycleService(0.95); // 1.6449
 * ```
 */
export function safetyFactorForCycleService(cycleServiceLevel: number): number {
  if (!(cycleServiceLevel > 0 && cycleServiceLevel < 1)) throw new MedofficeUsageError(`cycle service level must be in (0, 1), got ${cycleServiceLevel}`);
  return normalQuantile(cycleServiceLevel);
}

/**
 * The safety factor k for a fill rate β (type 2 service): the expected shortage per cycle
 * σ G(k) must equal (1 − β) Q, so k solves G(k) = (1 − β) Q / σ, with G the standard normal loss
 * function (Silver, Pyke & Thomas; Nahmias §5.5), solved by {@link solveLoss}.
 *
 * @param input - the target fill rate, the units that arrive per cycle `orderQuantity`, and σ of demand over the protection interval
 * @returns k (negative when the order quantity alone nearly meets the target; −∞ when σ is too
 *   small for the shortage to be told from 0)
 * @throws MedofficeUsageError when the fill rate is not in (0, 1), or the order quantity or σ is
 *   not a finite number at least 0
 * @example
 * ```ts
 * safetyFactorForFillRate({ fillRate: 0.98, orderQuantity: 100, sigma: 25 }); // 1.02 (Nahmias' mustard)
 * ```
 */
export function safetyFactorForFillRate(input: { readonly fillRate: number; readonly orderQuantity: number; readonly sigma: number }): number {
  const { fillRate, orderQuantity, sigma } = input;
  if (!(fillRate > 0 && fillRate < 1)) throw new MedofficeUsageError(`fill rate must be in (0, 1), got ${fillRate}`);
  requireAmounts('safetyFactorForFillRate', { orderQuantity, sigma });
  if (sigma === 0) return 0;
  const target = ((1 - fillRate) * orderQuantity) / sigma;
  if (!(target > 0)) return normalQuantile(fillRate);
  if (!Number.isFinite(target)) return Number.NEGATIVE_INFINITY;
  return solveLoss(target);
}

/** Above this G underflows to 0, so every positive target lies below it. */
const LOSS_HIGH = 40;

/**
 * The k with G(k) = target: the safety factor whose expected shortfall is `target` standard
 * deviations.
 *
 * @param target - a finite number above 0 (G takes every positive value once and never 0)
 * @throws MedofficeUsageError when `target` is not a finite number above 0
 * @example
 * ```ts
 * solveLoss(0.08); // 1.0212
 * ```
 */
export function solveLoss(target: number): number {
  if (!(Number.isFinite(target) && target > 0)) throw new MedofficeUsageError(`solveLoss needs a finite target above 0, got ${target}`);
  return solveFalling(normalLoss, (k) => -(1 - normalCdf(k)), target, { low: -target - 1, high: LOSS_HIGH });
}

/**
 * The fill rate a safety factor gives: 1 − σ G(k) / Q.
 *
 * @example
 * ```ts
 * fillRateFor({ k: 1.02, orderQuantity: 100, sigma: 25 }); // ≈ 0.98
 * ```
 */
export function fillRateFor(input: { readonly k: number; readonly orderQuantity: number; readonly sigma: number }): number {
  if (input.orderQuantity <= 0) return 0;
  return Math.max(0, 1 - (input.sigma * normalLoss(input.k)) / input.orderQuantity);
}

/**
 * The cycle service level a safety factor gives: Φ(k).
 *
 * @example
 * ```ts
 * cycleServiceFor(1.6449); // ≈ 0.95
 * ```
 */
export function cycleServiceFor(k: number): number {
  return normalCdf(k);
}
