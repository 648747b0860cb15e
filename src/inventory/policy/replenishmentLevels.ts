import { match } from 'ts-pattern';
import type { Replenishment, ServiceTarget } from '../model.js';
import { protectionSigma, safetyStock, type DemandAndLeadTime } from './safetyStock.js';
import { safetyFactorForCycleService, safetyFactorForFillRate } from './serviceLevel.js';

/** The levels a replenishment rule works to, in units. */
export interface ReplenishmentLevels {
  readonly kind: Replenishment['kind'];
  /** Days the stock must cover after an order decision: L, or R + L for periodic review. */
  readonly protectionDays: number;
  /** Expected demand over the protection interval. */
  readonly expectedDemand: number;
  /** Standard deviation of demand over the protection interval, √(L′σ_d² + d²σ_L²). */
  readonly sigma: number;
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
 * Works out a rule's reorder point, order-up-to level and safety stock for a service target:
 * (s, Q) with s = μ_L + kσ_L; (s, S) with S = s + Q; periodic (R, S) with S = μ_{R+L} + kσ_{R+L};
 * par, whose level is given and whose implied safety stock is par − μ_{R+L}. For a fill-rate
 * target k solves G(k) = (1 − β) Q / σ with Q the units per cycle (the EOQ, or d R).
 *
 * @param input - the rule, the service target, demand and lead time, the EOQ in units, and
 *   optionally the forecast demand over the protection interval (for seasonal forecasts)
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
  const reviewDays = replenishment.kind === 'periodic' || replenishment.kind === 'par' ? replenishment.reviewDays : 0;
  const protectionDays = demand.leadTimeDays + reviewDays;
  const expectedDemand = input.expectedOver?.(protectionDays) ?? demand.demandPerDay * protectionDays;
  const sigma = protectionSigma(demand, reviewDays);
  const perCycle = reviewDays > 0 ? demand.demandPerDay * reviewDays : input.eoq;
  const solved = match(service.kind)
    .with('cycle', () => safetyFactorForCycleService(service.target))
    .with('fill', () => safetyFactorForFillRate({ fillRate: service.target, orderQuantity: perCycle, sigma }))
    .exhaustive();
  const k = Math.max(0, solved);
  const buffer = safetyStock(k, sigma);
  return match(replenishment)
    .with({ kind: 'sQ' }, () => {
      const s = expectedDemand + buffer;
      return { kind: 'sQ' as const, protectionDays, expectedDemand, sigma, k, safetyStock: buffer, reorderPoint: s, orderUpTo: s + input.eoq, orderQuantity: input.eoq };
    })
    .with({ kind: 'sS' }, () => {
      const s = expectedDemand + buffer;
      return { kind: 'sS' as const, protectionDays, expectedDemand, sigma, k, safetyStock: buffer, reorderPoint: s, orderUpTo: s + input.eoq, orderQuantity: input.eoq };
    })
    .with({ kind: 'periodic' }, () => {
      const S = expectedDemand + buffer;
      return { kind: 'periodic' as const, protectionDays, expectedDemand, sigma, k, safetyStock: buffer, reorderPoint: S - perCycle, orderUpTo: S, orderQuantity: perCycle };
    })
    .with({ kind: 'par' }, (par) => {
      const implied = par.parLevel - expectedDemand;
      const kPar = sigma > 0 ? implied / sigma : 0;
      return { kind: 'par' as const, protectionDays, expectedDemand, sigma, k: kPar, safetyStock: implied, reorderPoint: par.parLevel - perCycle, orderUpTo: par.parLevel, orderQuantity: perCycle };
    })
    .exhaustive();
}
