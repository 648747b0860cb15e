import { normalCdf, normalLoss, normalQuantile } from '../../core/normal.js';
import { MedofficeUsageError } from '../../core/result.js';

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
 * function (Silver, Pyke & Thomas; Nahmias §5.5). Solved by safeguarded Newton steps on the
 * decreasing convex G, to 1e-12.
 *
 * @param input - the target fill rate, the units that arrive per cycle `orderQuantity`, and σ of demand over the protection interval
 * @returns k (negative when the order quantity alone nearly meets the target)
 * @example
 * ```ts
 * safetyFactorForFillRate({ fillRate: 0.98, orderQuantity: 100, sigma: 25 }); // 1.02 (Nahmias' mustard)
 * ```
 */
export function safetyFactorForFillRate(input: { readonly fillRate: number; readonly orderQuantity: number; readonly sigma: number }): number {
  const { fillRate, orderQuantity, sigma } = input;
  if (!(fillRate > 0 && fillRate < 1)) throw new MedofficeUsageError(`fill rate must be in (0, 1), got ${fillRate}`);
  if (!(sigma > 0)) return 0;
  const target = ((1 - fillRate) * orderQuantity) / sigma;
  if (!(target > 0)) return normalQuantile(fillRate);
  return solveLoss(target);
}

/**
 * The k with G(k) = target, for target > 0.
 *
 * @example
 * ```ts
 * solveLoss(0.08); // 1.0194
 * ```
 */
export function solveLoss(target: number): number {
  let low = -target - 1;
  let high = 40;
  let k = target >= 0.3989422804014327 ? -target : 0;
  for (let step = 0; step < 100; step++) {
    const gap = normalLoss(k) - target;
    if (Math.abs(gap) < 1e-12) break;
    if (gap > 0) low = k;
    else high = k;
    const slope = -(1 - normalCdf(k));
    let next = slope < 0 ? k - gap / slope : (low + high) / 2;
    if (!(next > low && next < high)) next = (low + high) / 2;
    k = next;
  }
  return k;
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
