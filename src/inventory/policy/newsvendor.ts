import { normalQuantile } from '../../core/normal.js';
import { MedofficeUsageError } from '../../core/result.js';

/** The newsvendor answer: critical ratio, safety factor and quantity. */
export interface NewsvendorQuantity {
  /** c_u / (c_u + c_o). */
  readonly criticalRatio: number;
  /** Φ⁻¹ of the critical ratio. */
  readonly z: number;
  /** μ + z σ. */
  readonly quantity: number;
}

/**
 * The single-period (newsvendor) quantity for a perishable with normal demand: order up to the
 * critical-ratio quantile, Q* = μ + σ Φ⁻¹(c_u / (c_u + c_o)), where c_u is the cost of each unit
 * short and c_o the cost of each unit left to expire (Nahmias §5.3).
 *
 * @param input - mean and standard deviation of demand in the period, underage and overage cost per unit
 * @example
 * ```ts
 * newsvendorQuantity({ mean: 11.73, sd: 4.74, underageCost: 0.5, overageCost: 0.25 }); // quantity ≈ 13.8
 * ```
 */
export function newsvendorQuantity(input: {
  readonly mean: number;
  readonly sd: number;
  readonly underageCost: number;
  readonly overageCost: number;
}): NewsvendorQuantity {
  const { underageCost, overageCost } = input;
  if (!(underageCost > 0) || !(overageCost > 0)) throw new MedofficeUsageError('newsvendor costs must be positive');
  if (!(input.sd >= 0) || !Number.isFinite(input.mean)) throw new MedofficeUsageError(`newsvendor demand needs a finite mean and an sd at least 0, got ${input.mean} and ${input.sd}`);
  const criticalRatio = underageCost / (underageCost + overageCost);
  const z = normalQuantile(criticalRatio);
  return { criticalRatio, z, quantity: Math.max(0, input.mean + z * input.sd) };
}
