import { match } from 'ts-pattern';
import { DistributionSchema, type Distribution } from '../core/distribution.js';
import { MedofficeUsageError } from '../core/result.js';

/** A replenishment rule with its levels fixed, as the simulator runs it. */
export type SimulatedPolicy =
  | { readonly kind: 'sQ'; readonly reorderPoint: number; readonly orderQuantity: number }
  | { readonly kind: 'sS'; readonly reorderPoint: number; readonly orderUpTo: number }
  | { readonly kind: 'periodic'; readonly reviewDays: number; readonly orderUpTo: number };

/** What to simulate: the rule, demand and lead time, shelf life, costs, and how unmet demand is treated. */
export interface SimulationSetup {
  readonly policy: SimulatedPolicy;
  readonly days: number;
  /** Units demanded per day (draws are rounded to whole units, never below zero). */
  readonly demand: Distribution;
  /** Lead time in days (draws are rounded to whole days, never below zero). */
  readonly leadTime: Distribution;
  /** Days a received lot keeps; `null` for stock that does not expire. */
  readonly shelfLifeDays?: number | null;
  /** Units on hand on day 0 (default: the rule's top level). */
  readonly initialStock?: number;
  /** `backorder` (default): unmet demand waits for the next receipt; `lost`: it goes elsewhere. */
  readonly unmet?: 'backorder' | 'lost';
  readonly unitCostCents?: number;
  readonly orderCostCents?: number;
  readonly holdingRatePerYear?: number;
}

/** What a simulated run achieved. */
export interface SimulationReport {
  readonly days: number;
  readonly demand: number;
  /** Share of demand met from the shelf the day it came. */
  readonly fillRate: number;
  /**
   * Replenishment cycles (between consecutive receipts) and the share with no unmet demand; a run
   * with no complete cycle counts as one, met (1) or not (0).
   */
  readonly cycles: number;
  readonly cycleServiceLevel: number;
  readonly stockoutDays: number;
  readonly expiredUnits: number;
  readonly averageOnHand: number;
  readonly orders: number;
  readonly costCents: { readonly holding: number; readonly ordering: number; readonly purchase: number; readonly expired: number; readonly total: number };
}

/** The longest run `simulatePolicy` accepts: a thousand years of days. */
export const MAX_SIMULATED_DAYS = 365_250;

/**
 * Refuses a setup `simulatePolicy` cannot run (see its `@throws`).
 *
 * @param setup - the setup to check
 * @throws MedofficeUsageError naming the first problem
 * @example
 * ```ts
 * checkSetup({ policy: { kind: 'periodic', reviewDays: 0, orderUpTo: 50 }, days: 365, demand, leadTime }); // throws
 * ```
 */
export function checkSetup(setup: SimulationSetup): void {
  const refuse = (message: string): never => {
    throw new MedofficeUsageError(`simulatePolicy: ${message}`);
  };
  if (!Number.isInteger(setup.days) || setup.days < 0 || setup.days > MAX_SIMULATED_DAYS) refuse(`days must be a whole number from 0 to ${MAX_SIMULATED_DAYS}, got ${setup.days}`);
  const levels = match(setup.policy)
    .with({ kind: 'sQ' }, (p) => (p.orderQuantity > 0 ? [p.reorderPoint, p.orderQuantity] : refuse(`an (s, Q) rule needs a positive order quantity, got ${p.orderQuantity}`)))
    .with({ kind: 'sS' }, (p) => [p.reorderPoint, p.orderUpTo])
    .with({ kind: 'periodic' }, (p) => (Number.isInteger(p.reviewDays) && p.reviewDays >= 1 ? [p.orderUpTo] : refuse(`the review period must be a whole number of days, got ${p.reviewDays}`)))
    .exhaustive();
  if (!levels.every(Number.isFinite)) refuse('the rule\'s levels must be finite numbers');
  const shelf = setup.shelfLifeDays;
  if (shelf !== undefined && shelf !== null && !(Number.isInteger(shelf) && shelf >= 1)) refuse(`shelf life must be a whole number of days from 1, got ${shelf}`);
  if (setup.initialStock !== undefined && !(Number.isFinite(setup.initialStock) && setup.initialStock >= 0)) refuse(`initial stock must be a number at least 0, got ${setup.initialStock}`);
  for (const [name, distribution] of [['demand', setup.demand], ['lead time', setup.leadTime]] as const) {
    const parsed = DistributionSchema.safeParse(distribution);
    if (!parsed.success) refuse(`the ${name} is not a valid distribution with finite parameters: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'kind'}: ${issue.message}`).join('; ')}`);
    if (distribution.kind === 'deterministic' && distribution.value < 0) refuse(`a fixed ${name} cannot be negative, got ${distribution.value}`);
  }
  if (!distributionNumbers(setup.leadTime).every((value) => Math.abs(value) <= MAX_SIMULATED_DAYS)) refuse(`lead-time parameters must be within ±${MAX_SIMULATED_DAYS} days, got ${JSON.stringify(setup.leadTime)}`);
  for (const [name, value] of [['unit cost', setup.unitCostCents], ['order cost', setup.orderCostCents], ['holding rate', setup.holdingRatePerYear]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) refuse(`the ${name} must be a finite number at least 0, got ${value}`);
  }
}

function distributionNumbers(distribution: Distribution): number[] {
  return Object.values(distribution).flatMap((value: unknown) => (typeof value === 'number' ? [value] : Array.isArray(value) ? value.filter((x): x is number => typeof x === 'number') : []));
}
