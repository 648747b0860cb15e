import { warningIssue, type Issue, type IssuePath } from '../core/issue.js';
import { HOLT_WINTERS_MIN_DAYS, MIN_SCORED_ERRORS } from './forecast/forecastDemand.js';
import type { Item } from './model.js';
import type { ItemPlan } from './planItem.js';

/**
 * Where an item's plan warnings point, and what the planner knew when it planned it.
 *
 * @example
 * ```ts
 * const context: PlanWarningContext = { path: ['items.csv', 4], days: 365, forced: false };
 * ```
 */
export interface PlanWarningContext {
  /** The item's issue path. */
  readonly path: IssuePath;
  /** Days of usage it was planned on. */
  readonly days: number;
  /** True when the caller forced a forecast method. */
  readonly forced: boolean;
}

/**
 * Warnings about one item's plan that do not stop it being planned:
 *
 * - `inventory.seasonal_history`: a seasonal item planned without the seasonal method because its
 *   history is shorter than two years (unless the caller forced a method);
 * - `inventory.spread_unknown`: a forecast whose error spread could not be measured;
 * - `inventory.par_below_demand`: a par level below the expected demand over the protection
 *   interval (lead time and review), so the buffer it implies is negative and a stock-out before
 *   each order arrives is more likely than not. A par level is set by hand, not sized for the
 *   item's service target, so nothing else says so.
 *
 * @param item - the item
 * @param plan - its plan
 * @param context - its issue path, the days of usage it was planned on, and whether the method was forced
 * @returns the warnings, each at `context.path`
 * @example
 * ```ts
 * planWarnings(gauze, planItem(gauze, usage, stock, { asOf: '2026-11-02' }), { path: ['items', 0], days: usage.length, forced: false });
 * // [{ code: 'inventory.par_below_demand', ... }] when gauze's par level is below its demand over L + R
 * ```
 */
export function planWarnings(item: Item, plan: ItemPlan, context: PlanWarningContext): Issue[] {
  const found: Issue[] = [];
  const { forecast, levels } = plan;
  const { path } = context;
  if (item.seasonal && !context.forced && forecast.method !== 'holt-winters' && forecast.method !== 'none') {
    found.push(warningIssue('inventory.seasonal_history', path, `${item.id} is seasonal, but weekly Holt-Winters needs two years (${HOLT_WINTERS_MIN_DAYS} days) of usage and it has ${context.days}: it is planned with ${forecast.method} for its ${forecast.pattern.demandClass} demand, which follows the season only as it happens`));
  }
  if (!forecast.spreadKnown) {
    found.push(warningIssue('inventory.spread_unknown', path, `fewer than ${MIN_SCORED_ERRORS} forecast errors of ${item.id} could be measured (too little usage history), so the spread of its demand is not known: its safety stock assumes at least Poisson spread, σ = ${forecast.sigmaPerDay.toFixed(2)} a day (√d or more), and the service target it names rests on that assumption`));
  }
  if (levels.kind === 'par' && levels.orderUpTo < levels.expectedDemand) {
    found.push(warningIssue('inventory.par_below_demand', path, `${item.id}'s par level ${levels.orderUpTo} ${item.unit} is below the ${levels.expectedDemand.toFixed(1)} expected over the ${levels.protectionDays.toFixed(1)} days of lead time and review: the buffer it implies is ${levels.safetyStock.toFixed(1)}, so a stock-out before each order arrives is likely (raise the par level, or plan it for a service target with another policy)`));
  }
  return found;
}
