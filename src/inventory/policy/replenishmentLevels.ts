import { requireAmounts } from '../../core/requireAmount.js';
import { match } from 'ts-pattern';
import type { Replenishment, ServiceTarget } from '../model.js';
import { MedofficeUsageError } from '../../core/result.js';
import { continuousReviewFactor } from './continuousReview.js';
import { protectionSigma, safetyStock, type DemandAndLeadTime } from './safetyStock.js';
import { safetyFactorForCycleService, safetyFactorForFillRate } from './serviceLevel.js';

/** The levels a replenishment rule works to, in units. */
export interface ReplenishmentLevels {
  readonly kind: Replenishment['kind'];
  /** Days the stock must cover after an order decision: L, or R + L for periodic review. */
  readonly protectionDays: number;
  /** Expected demand over the protection interval. */
  readonly expectedDemand: number;
  /**
   * The spread the safety stock is sized on: for periodic and par rules the standard deviation of
   * demand over the protection interval; for (s, Q) and (s, S) that of lead-time demand plus the
   * undershoot, √(σ_L² + Var U).
   */
  readonly sigma: number;
  /** Standard deviation of demand over the protection interval alone, √(L′σ_d² + d²σ_L²). */
  readonly demandSigma: number;
  /**
   * Expected undershoot E[U] added to the reorder point of (s, Q) and (s, S): how far below s a
   * daily review finds the position when it orders (0 for periodic and par rules).
   */
  readonly undershoot: number;
  /** Safety factor (never below zero). */
  readonly k: number;
  readonly safetyStock: number;
  /** Order when the position falls to or below this: s, or S − dR for periodic rules. */
  readonly reorderPoint: number;
  /** Order up to this level (S, s + Q, or the par level). */
  readonly orderUpTo: number;
  /** The fixed order quantity for (s, Q); the expected order for the others. */
  readonly orderQuantity: number;
}

/**
 * Works out a rule's reorder point, order-up-to level and safety stock for a service target.
 * Periodic (R, S): S = μ_{R+L} + kσ_{R+L}, with k = Φ⁻¹(α) for a cycle-service target and
 * G(k) = (1 − β) d R / σ for a fill rate; par, whose level is given and whose implied safety stock is
 * par − μ_{R+L}. (s, Q) and (s, S), reviewed once a day: s = μ_L + E[U] + kσ and S = s + Q, where U
 * is the undershoot and σ = √(σ_L² + Var U); k = Φ⁻¹(α), or for a fill rate
 * G(k) − G(k + Q/σ) = (1 − β) × (Q, or Q + E[U] for (s, S)) / σ. The safety factor is never below zero.
 *
 * @param input - the rule, the service target, demand and lead time, the EOQ in units, and
 *   optionally the forecast demand over the protection interval (for seasonal forecasts)
 * @throws MedofficeUsageError when a demand or lead-time figure or the EOQ is not a finite number
 *   at least 0, the service target is not in (0, 1), or (s, Q) and (s, S) demand is so small
 *   against its spread that, with no `largestDay`, the undershoot is unbounded
 * @example
 * ```ts
 * replenishmentLevels({ replenishment: { kind: 'sQ' }, service: { kind: 'cycle', target: 0.95 },
 *   demand: { demandPerDay: 10, demandSdPerDay: 3, leadTimeDays: 5, leadTimeSdDays: 1 }, eoq: 200 });
 * ```
 */
export function replenishmentLevels(input: {
  readonly replenishment: Replenishment;
  readonly service: ServiceTarget;
  readonly demand: DemandAndLeadTime;
  readonly eoq: number;
  readonly expectedOver?: (days: number) => number;
}): ReplenishmentLevels {
  const { replenishment, service, demand } = input;
  checkLevelInputs(demand, input.eoq);
  const reviewDays = replenishment.kind === 'periodic' || replenishment.kind === 'par' ? replenishment.reviewDays : 0;
  const protectionDays = demand.leadTimeDays + reviewDays;
  const expectedDemand = input.expectedOver?.(protectionDays) ?? demand.demandPerDay * protectionDays;
  const demandSigma = protectionSigma(demand, reviewDays);
  const common = { protectionDays, expectedDemand, demandSigma };
  if (replenishment.kind === 'sQ' || replenishment.kind === 'sS') {
    const solved = continuousReviewFactor({ kind: replenishment.kind, service, demand, orderQuantity: input.eoq, demandSigma });
    const k = Math.max(0, solved.k);
    const buffer = safetyStock(k, solved.sigma);
    const s = expectedDemand + solved.undershoot + buffer;
    return { kind: replenishment.kind, ...common, sigma: solved.sigma, undershoot: solved.undershoot, k, safetyStock: buffer, reorderPoint: s, orderUpTo: s + input.eoq, orderQuantity: input.eoq };
  }
  const perCycle = demand.demandPerDay * reviewDays;
  const periodic = { ...common, sigma: demandSigma, undershoot: 0, orderQuantity: perCycle };
  return match(replenishment)
    .with({ kind: 'periodic' }, () => {
      const solved = match(service.kind)
        .with('cycle', () => safetyFactorForCycleService(service.target))
        .with('fill', () => safetyFactorForFillRate({ fillRate: service.target, orderQuantity: perCycle, sigma: demandSigma }))
        .exhaustive();
      const k = Math.max(0, solved);
      const buffer = safetyStock(k, demandSigma);
      const S = expectedDemand + buffer;
      return { kind: 'periodic' as const, ...periodic, k, safetyStock: buffer, reorderPoint: S - perCycle, orderUpTo: S };
    })
    .with({ kind: 'par' }, (par) => {
      const implied = par.parLevel - expectedDemand;
      return { kind: 'par' as const, ...periodic, k: demandSigma > 0 ? implied / demandSigma : 0, safetyStock: implied, reorderPoint: par.parLevel - perCycle, orderUpTo: par.parLevel };
    })
    .exhaustive();
}

function checkLevelInputs(demand: DemandAndLeadTime, eoq: number): void {
  requireAmounts('replenishmentLevels', { demandPerDay: demand.demandPerDay, demandSdPerDay: demand.demandSdPerDay, leadTimeDays: demand.leadTimeDays, leadTimeSdDays: demand.leadTimeSdDays, eoq });
  if (demand.largestDay !== undefined && !(demand.largestDay >= 0)) throw new MedofficeUsageError(`replenishmentLevels: largestDay must be a number at least 0, got ${demand.largestDay}`);
}
