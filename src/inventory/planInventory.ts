import { errorIssue, warningIssue, type Issue } from '../core/issue.js';
import { HOLT_WINTERS_MIN_DAYS } from './forecast/forecastDemand.js';
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
   * Warnings such as `inventory.no_usage`, `inventory.forecast_method` and `inventory.usage_before_stocked`,
   * and `inventory.order_too_large` errors for an order that cannot be priced in whole cents (path `['items', i]`).
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
 * item's history starts on its `stockedSince` day when it has one.
 *
 * @param input - the items, each item's daily usage (typed arrays keep this fast) and stock
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
  },
  settings: PlanSettings & { readonly budgetCents?: number },
): InventoryPlan {
  planningDay(settings.asOf, 'planInventory');
  const issues: Issue[] = [];
  const plans = input.items.map((item, index) => {
    const stocked = usageSinceStocked(input.usage.get(item.id) ?? EMPTY, item.stockedSince, settings.asOf);
    if (stocked.unitsBefore > 0) {
      issues.push(warningIssue('inventory.usage_before_stocked', ['items', index], `${stocked.unitsBefore} units of ${item.id} are dated before it was stocked on ${item.stockedSince ?? ''}; they are left out of its forecast`));
    }
    const usage = stocked.usage;
    if (usage.length === 0) issues.push(warningIssue('inventory.no_usage', ['items', index], `no usage history for ${item.id}`));
    let itemSettings = settings;
    // One item too young for a forced Holt-Winters is planned the usual way, not the whole batch lost.
    if (settings.forecast?.method === 'holt-winters' && usage.length < HOLT_WINTERS_MIN_DAYS) {
      issues.push(warningIssue('inventory.forecast_method', ['items', index], `holt-winters needs ${HOLT_WINTERS_MIN_DAYS} days of usage and ${item.id} has ${usage.length}: its method is chosen by its demand class`));
      const { method: _forced, ...automatic } = settings.forecast;
      itemSettings = { ...settings, forecast: automatic };
    }
    const plan = planItem(item, usage, input.stock.get(item.id) ?? NO_STOCK, itemSettings);
    if (Number.isSafeInteger(plan.costCents)) return plan;
    issues.push(errorIssue('inventory.order_too_large', ['items', index], `${item.id} would need ${plan.order.quantity} ${item.unit} at ${item.unitCostCents} cents each, more than can be priced in whole cents; nothing is ordered (check its usage and lead time)`));
    return unordered(plan);
  });
  const budget = settings.budgetCents === undefined ? undefined : allocateBudget(plans, settings.budgetCents);
  const final = budget?.plans ?? plans;
  return { asOf: settings.asOf, plans: final, budget, purchaseOrders: purchaseOrderDrafts(final), issues };
}
