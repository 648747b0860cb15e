import { errorIssue, warningIssue, type Issue, type IssuePath } from '../core/issue.js';
import { HOLT_WINTERS_MIN_DAYS } from './forecast/forecastDemand.js';
import { allocateBudget, type BudgetAllocation } from './budget.js';
import { planningDay } from './fefo.js';
import type { Item, ItemId } from './model.js';
import type { OrderReasonCode } from './orderReason.js';
import { planItem, type ItemPlan, type ItemStock, type PlanSettings } from './planItem.js';
import { planWarnings } from './planWarnings.js';
import { purchaseOrderDrafts, type PurchaseOrderDraft } from './purchaseOrders.js';
import { usageSinceStocked } from './usageSinceStocked.js';

/** The plan for a whole supply room. */
export interface InventoryPlan {
  readonly asOf: string;
  /**
   * One plan per item id, in the order given (an id given again is reported and only its first
   * item planned), orders cut to the budget when one was given.
   */
  readonly plans: readonly ItemPlan[];
  /** The budget's allocation, when a budget was given. */
  readonly budget: BudgetAllocation | undefined;
  /** Draft purchase orders per supplier. */
  readonly purchaseOrders: readonly PurchaseOrderDraft[];
  /**
   * Warnings such as `inventory.no_usage`, `inventory.forecast_method`, `inventory.seasonal_history`,
   * `inventory.spread_unknown`, `inventory.par_below_demand` and `inventory.usage_before_stocked`,
   * and errors: `inventory.order_too_large` for an order that cannot be priced in whole cents,
   * `inventory.order_total_too_large` for an order that would bring the plan's total past that, each
   * at the item's path (its entry in `input.paths`, otherwise `['items', i]`), and
   * `inventory.duplicate_item` for an id given again, at `['items', i]` of the repeat.
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
 * two years of usage, an item whose forecast errors could not be measured, and a par item whose par
 * level is below its expected demand over lead time and review, are planned and warned about too.
 *
 * An item whose id an earlier item has is reported (`inventory.duplicate_item`, at `['items', i]`
 * of the repeat) and left out: usage, stock and paths are keyed by id, so a second copy would
 * order again against the same stock. Every sum of cents the plan holds (each order's cost, each
 * purchase order's total, the budget's wanted total) is a safe integer: an order that cannot be
 * priced in whole cents (`inventory.order_too_large`), or that would bring the plan's total past
 * 2^53 cents (`inventory.order_total_too_large`; the items are taken in the order given), is
 * reported at the item's path and nothing is ordered for it.
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
  const plans: ItemPlan[] = [];
  const firstIndex = new Map<ItemId, number>();
  let totalCents = 0;
  input.items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) {
      issues.push(errorIssue('inventory.duplicate_item', ['items', index], `item ${item.id} is given at items[${first}] too; only that first one is planned`));
      return;
    }
    firstIndex.set(item.id, index);
    const path = input.paths?.get(item.id) ?? ['items', index];
    const plan = planOneItem(item, input, settings, path, issues);
    if (!Number.isSafeInteger(plan.costCents)) {
      issues.push(errorIssue('inventory.order_too_large', path, `${item.id} would need ${plan.order.quantity} ${item.unit} at ${item.unitCostCents} cents each, more than can be priced in whole cents; nothing is ordered (check its usage and lead time)`));
      plans.push(unordered(plan));
    } else if (!Number.isSafeInteger(totalCents + plan.costCents)) {
      issues.push(errorIssue('inventory.order_total_too_large', path, `${item.id}'s order of ${plan.order.quantity} ${item.unit} (${plan.costCents} cents) would bring the plan's total to ${totalCents + plan.costCents} cents, past 2^53, more than can be priced in whole cents; nothing is ordered for it (check its usage and lead time)`));
      plans.push(unordered(plan));
    } else {
      totalCents += plan.costCents;
      plans.push(plan);
    }
  });
  const budget = settings.budgetCents === undefined ? undefined : allocateBudget(plans, settings.budgetCents);
  const final = budget?.plans ?? plans;
  return { asOf: settings.asOf, plans: final, budget, purchaseOrders: purchaseOrderDrafts(final), issues };
}

/** Plans one item on its usage since it was stocked, pushing its warnings to `issues`. */
function planOneItem(
  item: Item,
  input: { readonly usage: ReadonlyMap<ItemId, ArrayLike<number>>; readonly stock: ReadonlyMap<ItemId, ItemStock> },
  settings: PlanSettings,
  path: IssuePath,
  issues: Issue[],
): ItemPlan {
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
  issues.push(...planWarnings(item, plan, { path, days: usage.length, forced: settings.forecast?.method !== undefined }));
  return plan;
}
