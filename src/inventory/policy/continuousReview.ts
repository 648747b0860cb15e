import { match } from 'ts-pattern';
import { normalCdf, normalLoss, normalQuantile } from '../../core/normal.js';
import { MedofficeUsageError } from '../../core/result.js';
import type { ServiceTarget } from '../model.js';
import type { DemandAndLeadTime } from './safetyStock.js';
import { safetyFactorForCycleService, solveLoss } from './serviceLevel.js';
import { solveFalling } from './solveFalling.js';
import { reviewUndershoot } from './undershoot.js';

/** The safety factor of an (s, Q) or (s, S) rule and the spread and undershoot it applies to. */
export interface ContinuousReviewFactor {
  /** Safety factor as solved (may be negative). */
  readonly k: number;
  /** √(σ_L² + Var U): the spread of lead-time demand plus undershoot. */
  readonly sigma: number;
  /** E[U], added to the reorder point. */
  readonly undershoot: number;
}

/**
 * The safety factor for an (s, Q) or (s, S) rule reviewed once a day. When an order is triggered
 * the position is s − U (U the undershoot, see `reviewUndershoot`), and a stock-out in the
 * cycle happens when lead-time demand D_L exceeds s − U. So X = D_L + U is taken as normal with
 * mean μ_L + E[U] and spread σ = √(σ_L² + Var U), and s = μ_L + E[U] + kσ:
 *
 * - cycle service α: k = Φ⁻¹(α);
 * - fill rate β: the units short per cycle, E[(X − s)⁺] − E[(X − s − Q)⁺] = σ (G(k) − G(k + Q/σ))
 *   (what the cycle's order does not clear), must be (1 − β) times the units used per cycle: Q for
 *   (s, Q), Q + E[U] for (s, S), whose order also makes up the undershoot.
 *
 * With Q = 0 (no demand) a fill-rate target falls back to k = Φ⁻¹(β); with σ = 0, k = 0. Assumes
 * an order of Q covers at least a day's demand, as an EOQ does.
 *
 * @param input - the rule, the target, demand and lead time, Q, and σ_L of demand over the lead time
 * @throws MedofficeUsageError when the target is not in (0, 1), or d is so small against σ_d that,
 *   with no `largestDay`, the undershoot is unbounded
 * @example
 * ```ts
 * continuousReviewFactor({ kind: 'sQ', service: { kind: 'fill', target: 0.98 },
 *   demand: { demandPerDay: 10, demandSdPerDay: 3, leadTimeDays: 5, leadTimeSdDays: 0 }, orderQuantity: 100, demandSigma: 6.7 });
 * ```
 */
export function continuousReviewFactor(input: {
  readonly kind: 'sQ' | 'sS';
  readonly service: ServiceTarget;
  readonly demand: DemandAndLeadTime;
  readonly orderQuantity: number;
  readonly demandSigma: number;
}): ContinuousReviewFactor {
  const { service, orderQuantity } = input;
  const under = reviewUndershoot(input.demand.demandPerDay, input.demand.demandSdPerDay, input.demand.largestDay);
  if (!Number.isFinite(under.variance)) throw new MedofficeUsageError(`demand of ${input.demand.demandPerDay} a day with a spread of ${input.demand.demandSdPerDay} implies an unbounded undershoot: give largestDay`);
  const sigma = Math.sqrt(input.demandSigma * input.demandSigma + under.variance);
  const k = match(service.kind)
    .with('cycle', () => safetyFactorForCycleService(service.target))
    .with('fill', () => {
      if (!(service.target > 0 && service.target < 1)) throw new MedofficeUsageError(`fill rate must be in (0, 1), got ${service.target}`);
      if (!(sigma > 0)) return 0;
      if (!(orderQuantity > 0)) return normalQuantile(service.target);
      const perCycle = orderQuantity + (input.kind === 'sS' ? under.mean : 0);
      return solveLossDifference(((1 - service.target) * perCycle) / sigma, orderQuantity / sigma);
    })
    .exhaustive();
  return { k, sigma, undershoot: under.mean };
}

/**
 * The k with G(k) − G(k + span) = target, G the standard normal loss function: the safety factor
 * whose shortage per cycle, net of what the next order clears, is `target` standard deviations.
 * The left side falls from `span` (k → −∞) to 0, so there is one answer for 0 < target < span;
 * a target at or above `span` gives −∞. Solved to a relative 1e-12.
 *
 * @param target - shortage per cycle in standard deviations (above 0)
 * @param span - Q / σ (above 0)
 * @example
 * ```ts
 * solveLossDifference(0.08, 4); // 1.02124, a hair below solveLoss(0.08): with Q four σ the next order clears little
 * ```
 */
export function solveLossDifference(target: number, span: number): number {
  if (!(target < span)) return Number.NEGATIVE_INFINITY;
  const f = (k: number): number => normalLoss(k) - normalLoss(k + span);
  const slope = (k: number): number => normalCdf(k) - normalCdf(k + span);
  // f(k) ≤ G(k) puts the answer below solveLoss(target); f(k) ≥ span (1 − Φ(k + span)) puts it above −Φ⁻¹(target / span) − span.
  return solveFalling(f, slope, target, { low: -normalQuantile(target / span) - span - 1, high: solveLoss(target) });
}
