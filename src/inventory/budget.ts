import { normalCdf, normalLoss } from '../core/normal.js';
import { MedofficeUsageError } from '../core/result.js';
import type { ItemId } from './model.js';
import { createMaxHeap } from './maxHeap.js';
import type { OrderReasonCode } from './orderReason.js';
import type { ItemPlan } from './planItem.js';

/** What the budget did to one item's order. */
export interface BudgetLine {
  readonly itemId: ItemId;
  readonly wantedPacks: number;
  readonly allocatedPacks: number;
  /** Units kept after the budget. */
  readonly quantity: number;
  readonly costCents: number;
  /** Units cut by the budget. */
  readonly cutUnits: number;
  /** Expected fill rate and cycle service with the full order and with what the budget allows. */
  readonly fillRate: { readonly planned: number; readonly funded: number };
  readonly cycleService: { readonly planned: number; readonly funded: number };
}

/** The budget's allocation: the lines, the spend, and the plans with their orders cut to fit. */
export interface BudgetAllocation {
  readonly budgetCents: number;
  readonly spentCents: number;
  readonly wantedCents: number;
  readonly lines: readonly BudgetLine[];
  readonly plans: readonly ItemPlan[];
}

/** Each greedy step buys at most this share of an item's remaining packs (at least one pack), so a large order takes a few dozen steps, not one per pack. */
const STEP_FRACTION = 8;

/** Reasons that describe how the wanted order was rounded, raised or capped, which a cut order no longer is. */
const ROUNDING_REASONS: ReadonlySet<OrderReasonCode> = new Set(['rounding', 'minimum_order', 'expiry_cap']);

/** Expected units short over the protection interval when the position after ordering is `level` (the position is known, so demand's own spread applies). */
function expectedShort(plan: ItemPlan, level: number): number {
  const { demandSigma: sigma, expectedDemand } = plan.levels;
  if (sigma <= 0) return Math.max(0, expectedDemand - level);
  return sigma * normalLoss((level - expectedDemand) / sigma);
}

function serviceAt(plan: ItemPlan, quantity: number): { fill: number; cycle: number } {
  const { demandSigma: sigma, expectedDemand, orderQuantity } = plan.levels;
  const level = plan.position.position + quantity;
  const cycle = sigma > 0 ? normalCdf((level - expectedDemand) / sigma) : level >= expectedDemand ? 1 : 0;
  const perCycle = Math.max(orderQuantity, quantity);
  const fill = perCycle > 0 ? Math.max(0, 1 - expectedShort(plan, level) / perCycle) : 1;
  return { fill, cycle };
}

/**
 * Fits the period's orders into a budget by greedy marginal value per dollar: each step buys the
 * block of packs (an eighth of what the item still wants, at least one pack and, for an item's
 * first step, at least the minimum order) that removes the most expected units short per cent
 * spent, weighted by the item's criticality; a block that no longer fits shrinks to what does. Expected shortage σ G((y − μ)/σ) is convex in
 * the stock level y, so each item's steps come in falling value and the greedy order is sound.
 * Never spends more than the budget, never buys more than the plan wanted, and reports for every
 * item what was cut and the fill rate and cycle service that leaves.
 *
 * @param plans - item plans with their wanted orders
 * @param budgetCents - the money for this order, in whole cents
 * @returns the lines, the spend, and the plans with orders cut where cut: such a plan's order and
 *   cost are the funded ones, its `rounding`, `minimum_order` and `expiry_cap` reasons (which
 *   described the wanted order) are replaced by a `budget_cut` reason, and its order's `roundedUp`,
 *   `raisedToMinimum` and `cappedByExpiry` are false (a cut order is below what the rule asked for
 *   and what could be used, and a nonzero one still meets the minimum)
 * @throws MedofficeUsageError when the budget is not a whole number of cents at least 0
 * @example
 * ```ts
 * const funded = allocateBudget(plans, 250_000);
 * funded.lines.filter((line) => line.cutUnits > 0);
 * ```
 */
export function allocateBudget(plans: readonly ItemPlan[], budgetCents: number): BudgetAllocation {
  if (!(Number.isSafeInteger(budgetCents) && budgetCents >= 0)) throw new MedofficeUsageError(`allocateBudget needs a budget in whole cents, at least 0, got ${budgetCents}`);
  // Float64Array, not Int32Array: pack counts past 2^31 − 1 (a free item in the millions a day) must
  // not wrap to negative orders; whole numbers are exact up to 2^53.
  const packs = new Float64Array(plans.length);
  const wanted = plans.reduce((sum, plan) => sum + plan.costCents, 0);
  if (wanted <= budgetCents) {
    plans.forEach((plan, index) => (packs[index] = plan.order.packs));
    return summarize(plans, packs, budgetCents);
  }
  const shortNow = Float64Array.from(plans, (plan) => expectedShort(plan, plan.position.position));
  const next = new Float64Array(plans.length);
  const stepPacks = new Float64Array(plans.length);
  const heap = createMaxHeap<number>();
  const offer = (index: number, most: number): void => {
    const plan = plans[index] as ItemPlan;
    const have = packs[index] as number;
    const left = Math.min(plan.order.packs - have, most);
    const minimum = have === 0 ? Math.max(1, Math.ceil(plan.minimumOrder / plan.packSize)) : 1;
    if (left < minimum) return;
    const add = Math.min(left, Math.max(minimum, Math.ceil((plan.order.packs - have) / STEP_FRACTION)));
    const after = expectedShort(plan, plan.position.position + (have + add) * plan.packSize);
    const cost = add * plan.packSize * plan.unitCostCents;
    next[index] = after;
    stepPacks[index] = add;
    heap.push(cost > 0 ? (plan.criticality * ((shortNow[index] as number) - after)) / cost : Number.POSITIVE_INFINITY, index);
  };
  plans.forEach((_, index) => offer(index, Number.POSITIVE_INFINITY));
  let remaining = budgetCents;
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const index = top.value;
    const plan = plans[index] as ItemPlan;
    const packCost = plan.packSize * plan.unitCostCents;
    if ((stepPacks[index] as number) * packCost > remaining) {
      offer(index, Math.floor(remaining / packCost));
      continue;
    }
    remaining -= (stepPacks[index] as number) * packCost;
    packs[index] = (packs[index] as number) + (stepPacks[index] as number);
    shortNow[index] = next[index] as number;
    offer(index, Number.POSITIVE_INFINITY);
  }
  return summarize(plans, packs, budgetCents);
}

function summarize(plans: readonly ItemPlan[], packs: Float64Array, budgetCents: number): BudgetAllocation {
  const lines: BudgetLine[] = [];
  const funded: ItemPlan[] = [];
  let spentCents = 0;
  let wantedCents = 0;
  plans.forEach((plan, index) => {
    const allocatedPacks = packs[index] as number;
    const quantity = allocatedPacks * plan.packSize;
    const costCents = quantity * plan.unitCostCents;
    spentCents += costCents;
    wantedCents += plan.costCents;
    const planned = serviceAt(plan, plan.order.quantity);
    const got = serviceAt(plan, quantity);
    const cutUnits = plan.order.quantity - quantity;
    lines.push({ itemId: plan.itemId, wantedPacks: plan.order.packs, allocatedPacks, quantity, costCents, cutUnits, fillRate: { planned: planned.fill, funded: got.fill }, cycleService: { planned: planned.cycle, funded: got.cycle } });
    if (cutUnits === 0) {
      funded.push(plan);
      return;
    }
    const text = `budget cut ${cutUnits} ${plan.unit} (${plan.order.quantity} → ${quantity}): expected fill rate ${(planned.fill * 100).toFixed(1)}% → ${(got.fill * 100).toFixed(1)}%, cycle service ${(planned.cycle * 100).toFixed(1)}% → ${(got.cycle * 100).toFixed(1)}%`;
    const kept = plan.reasons.filter((reason) => !ROUNDING_REASONS.has(reason.code));
    const order = { quantity, packs: allocatedPacks, roundedUp: false, raisedToMinimum: false, cappedByExpiry: false };
    funded.push({ ...plan, order, costCents, reasons: [...kept, { code: 'budget_cut', value: cutUnits, text }] });
  });
  return { budgetCents, spentCents, wantedCents, lines, plans: funded };
}
