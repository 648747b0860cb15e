import { errorIssue, warningIssue, type Issue, type IssuePath } from '../core/issue.js';
import { HOLT_WINTERS_MIN_DAYS, MIN_SCORED_ERRORS } from './forecast/forecastDemand.js';
import { allocateBudget, type BudgetAllocation } from './budget.js';
import { planningDay } from './fefo.js';
import type { Item, ItemId } from './model.js';
import type { OrderReasonCode } from './orderReason.js';
import { planItem, type ItemPlan, type ItemStock, type PlanSettings } from './planItem.js';
import { purchaseOrderDrafts, type PurchaseOrderDraft } from './purchaseOrders.js';
import { usageSinceStocked } from './usageSinceStocked.js';

/** The plan for a whole supply room. */
export interface InventoryPlan {
  readonly asOf: string;
  /** One plan per item, in the order given, orders cut to the budget when one was given. */
  readonly plans: readonly ItemPlan[];
  /** The budget's allocation, when a budget was given. */
  readonly budget: BudgetAllocation | undefined;
  /** Draft purchase orders per supplier. */
  readonly purchaseOrders: readonly PurchaseOrderDraft[];
  /**
   * Warnings such as `inventory.no_usage`, `inventory.forecast_method`, `inventory.seasonal_history`,
   * `inventory.spread_unknown` and `inventory.usage_before_stocked`, and `inventory.order_too_large`
   * errors for an order that cannot be priced in whole cents, each at the item's path (its entry
   * in `input.paths`, otherwise `['items', i]`).
   */
  readonly issues: readonly Issue[];
}

const EMPTY = new Float64Array(0);
const ORDER_REASONS: readonly OrderReasonCode[] = ['rule', 'rounding', 'minimum_order', 'expiry_cap', 'budget_cut'];

/** A plan whose order is dropped: no quantity, no cost, and no reasons about the order. */
function unordered(plan: ItemPlan): ItemPlan {
  const order = { quantity: 0, packs: 0, roundedUp: false, raisedToMinimum: false, cappedByExpiry: false };
  return { ...plan, order, costCents: 0, reasons: plan.reasons.filter((reason) => !ORDER_REASONS.includes(reason.code)) };
}
const NO_STOCK: ItemStock = { lots: [], onOrder: 0, allocated: 0 };

/**
 * Plans every item, fits the orders into the budget when one is given, and drafts purchase orders
 * per supplier. An item with no usage history is planned on a zero forecast and warned about; an
 * item's history starts on its `stockedSince` day when it has one. A seasonal item with less than
 * two years of usage, and an item whose forecast errors could not be measured, are planned and
 * warned about too.
 *
 * @param input - the items, each item's daily usage (typed arrays keep this fast) and stock, and
 *   optionally where each item came from (`readItemsCsv` gives `[file, line]`), which issue paths
 *   then name instead of `['items', i]`
 * @param settings - the planning day, options, and an optional budget in cents
 * @throws MedofficeUsageError when `settings.asOf` is not a calendar date `YYYY-MM-DD`
 * @example
 * ```ts
 * const plan = planInventory({ items, usage, stock }, { asOf: '2026-11-02', budgetCents: 250_000 });
 * plan.purchaseOrders;
 * ```
 */
export function planInventory(
  input: {
    readonly items: readonly Item[];
    readonly usage: ReadonlyMap<ItemId, ArrayLike<number>>;
    readonly stock: ReadonlyMap<ItemId, ItemStock>;
    readonly paths?: ReadonlyMap<ItemId, IssuePath>;
  },
  settings: PlanSettings & { readonly budgetCents?: number },
): InventoryPlan {
  planningDay(settings.asOf, 'planInventory');
  const issues: Issue[] = [];
  const plans = input.items.map((item, index) => {
    const path = input.paths?.get(item.id) ?? ['items', index];
    const stocked = usageSinceStocked(input.usage.get(item.id) ?? EMPTY, item.stockedSince, settings.asOf);
    if (stocked.unitsBefore > 0) {
      issues.push(warningIssue('inventory.usage_before_stocked', path, `${stocked.unitsBefore} units of ${item.id} are dated before it was stocked on ${item.stockedSince ?? ''}; they are left out of its forecast`));
    }
    const usage = stocked.usage;
    if (usage.length === 0) issues.push(warningIssue('inventory.no_usage', path, `no usage history for ${item.id}`));
    let itemSettings = settings;
    // One item too young for a forced Holt-Winters is planned the usual way, not the whole batch lost.
    if (settings.forecast?.method === 'holt-winters' && usage.length < HOLT_WINTERS_MIN_DAYS) {
      issues.push(warningIssue('inventory.forecast_method', path, `holt-winters needs ${HOLT_WINTERS_MIN_DAYS} days of usage and ${item.id} has ${usage.length}: its method is chosen by its demand class`));
      const { method: _forced, ...automatic } = settings.forecast;
      itemSettings = { ...settings, forecast: automatic };
    }
    const plan = planItem(item, usage, input.stock.get(item.id) ?? NO_STOCK, itemSettings);
    issues.push(...forecastWarnings(item, plan, { path, days: usage.length, forced: settings.forecast?.method !== undefined }));
    if (Number.isSafeInteger(plan.costCents)) return plan;
    issues.push(errorIssue('inventory.order_too_large', path, `${item.id} would need ${plan.order.quantity} ${item.unit} at ${item.unitCostCents} cents each, more than can be priced in whole cents; nothing is ordered (check its usage and lead time)`));
    return unordered(plan);
  });
  const budget = settings.budgetCents === undefined ? undefined : allocateBudget(plans, settings.budgetCents);
  const final = budget?.plans ?? plans;
  return { asOf: settings.asOf, plans: final, budget, purchaseOrders: purchaseOrderDrafts(final), issues };
}

/**
 * Warnings about a plan's forecast: a seasonal item planned without the seasonal method because its
 * history is shorter than two years (unless the caller forced a method), and a forecast whose error
 * spread could not be measured.
 */
function forecastWarnings(item: Item, plan: ItemPlan, context: { readonly path: IssuePath; readonly days: number; readonly forced: boolean }): Issue[] {
  const found: Issue[] = [];
  const { forecast } = plan;
  const { path } = context;
  if (item.seasonal && !context.forced && forecast.method !== 'holt-winters' && forecast.method !== 'none') {
    found.push(warningIssue('inventory.seasonal_history', path, `${item.id} is seasonal, but weekly Holt-Winters needs two years (${HOLT_WINTERS_MIN_DAYS} days) of usage and it has ${context.days}: it is planned with ${forecast.method} for its ${forecast.pattern.demandClass} demand, which follows the season only as it happens`));
  }
  if (!forecast.spreadKnown) {
    found.push(warningIssue('inventory.spread_unknown', path, `fewer than ${MIN_SCORED_ERRORS} forecast errors of ${item.id} could be measured (too little usage history), so the spread of its demand is not known: its safety stock assumes at least Poisson spread, σ = ${forecast.sigmaPerDay.toFixed(2)} a day (√d or more), and the service target it names rests on that assumption`));
  }
  return found;
}
