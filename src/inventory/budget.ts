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
  /**
   * Expected fill rate and cycle service of the replenishment cycle the order serves (from its
   * arrival to the next order's), with the wanted order and with what the budget allows; with the
   * wanted order they are the item's service target (a little above it where packs round a
   * periodic order up).
   */
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

/**
 * The replenishment cycle an item's order serves, from its arrival to the next order's arrival, as
 * the planner's service targets measure it (Silver, Pyke & Thomas, ch. 6-7).
 *
 * - Periodic and par rules: the next order goes out R days from now, so the position after ordering
 *   y must cover demand over R + L, mean μ and spread σ of the levels; a cycle's demand is d R.
 * - (s, Q) and (s, S): the next order goes out when the position falls to s, that is after the
 *   wanted position y_w has lost y_w − s units (about Q, so the window is about L + Q/d days); then
 *   its lead-time demand and the undershoot, X = D_L + U, must be covered by s. So y must cover
 *   y_w − s + X, mean y_w − SS, spread σ = √(σ_L² + Var U); a cycle's demand is Q, or Q + E[U] for
 *   (s, S). Units short before this order arrives are no fault of the cycle: shortage is counted
 *   at most Q, net of what the arrival clears, σ (G(z) − G(z + Q/σ)), as the planner counts it.
 *
 * A cut order assumes the next order goes out when the wanted one would have brought it.
 */
interface OrderCycle {
  /** The position after ordering that covers the cycle's mean demand. */
  readonly need: number;
  /** Spread of the cycle's demand. */
  readonly sigma: number;
  /** The most units short the cycle counts: Q for (s, Q) and (s, S), unbounded otherwise. */
  readonly span: number;
  /** Units demanded per cycle, the fill rate's denominator: d R, Q, or Q + E[U]. */
  readonly demand: number;
}

function orderCycle(plan: ItemPlan): OrderCycle {
  const { kind, expectedDemand, sigma, safetyStock, orderQuantity, undershoot } = plan.levels;
  if (kind === 'periodic' || kind === 'par') return { need: expectedDemand, sigma, span: Number.POSITIVE_INFINITY, demand: orderQuantity };
  const wanted = plan.position.position + plan.order.quantity;
  return { need: wanted - safetyStock, sigma, span: orderQuantity, demand: orderQuantity + (kind === 'sS' ? undershoot : 0) };
}

/** Expected units short in the cycle when the position after ordering is `level`. */
function unitsShort(cycle: OrderCycle, level: number): number {
  const { need, sigma, span } = cycle;
  if (!(sigma > 0)) return Math.min(Math.max(0, need - level), span);
  const z = (level - need) / sigma;
  // With no bound on the span (periodic rules) the second term is G(∞) = 0.
  return sigma * (normalLoss(z) - normalLoss(z + span / sigma));
}

/** Fill rate 1 − short / (demand per cycle) and cycle service P(demand ≤ level) at a position after ordering. */
function serviceAt(cycle: OrderCycle, level: number): { fill: number; cycle: number } {
  const { need, sigma, demand } = cycle;
  const met = sigma > 0 ? normalCdf((level - need) / sigma) : level >= need ? 1 : 0;
  // No demand per cycle (R = 0, or no demand): the planner reads a fill rate as a cycle service.
  const fill = demand > 0 ? Math.min(1, Math.max(0, 1 - unitsShort(cycle, level) / demand)) : met;
  return { fill, cycle: met };
}

/**
 * Fits the period's orders into a budget by greedy marginal value per dollar: each step buys the
 * block of packs (an eighth of what the item still wants, at least one pack and, for an item's
 * first step, at least the minimum order) that removes the most expected units short per cent
 * spent, weighted by the item's criticality; a block that no longer fits shrinks to what does.
 * Units short are counted over the cycle each order serves, from its arrival to the next order's
 * arrival (L + R days for periodic rules; for (s, Q) and (s, S) until the position the order
 * leaves has fallen to s and the next order's lead time has passed, about L + Q/d days). For
 * periodic rules the expected shortage σ G((y − μ)/σ) is convex in the position y, so an item's
 * steps come in falling value. For (s, Q) and (s, S) it is counted as the planner counts it, net
 * of the shortage before the order arrives, which is concave where y would not even last the lead
 * time (those first units only clear what was already short); there a block is lengthened,
 * doubling, while that raises its value per cent, so it is valued by its average gain and not by
 * its first, nearly worthless, packs. Never spends more than the budget, never buys more than the
 * plan wanted, and reports for every item what was cut and the fill rate and cycle service of the
 * cycle its order serves, wanted and funded: with the wanted order, the item's own service target.
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
  const cycles = plans.map(orderCycle);
  const wanted = plans.reduce((sum, plan) => sum + plan.costCents, 0);
  if (wanted <= budgetCents) {
    plans.forEach((plan, index) => (packs[index] = plan.order.packs));
    return summarize(plans, cycles, packs, budgetCents);
  }
  const shortNow = Float64Array.from(plans, (plan, index) => unitsShort(cycles[index] as OrderCycle, plan.position.position));
  const blocks: (Block | undefined)[] = plans.map(() => undefined);
  const heap = createMaxHeap<number>();
  const offer = (index: number, most: number): void => {
    const block = nextBlock(plans[index] as ItemPlan, cycles[index] as OrderCycle, packs[index] as number, shortNow[index] as number, most);
    blocks[index] = block;
    if (block !== undefined) heap.push(block.value, index);
  };
  plans.forEach((_, index) => offer(index, Number.POSITIVE_INFINITY));
  let remaining = budgetCents;
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const index = top.value;
    const plan = plans[index] as ItemPlan;
    const block = blocks[index] as Block;
    const packCost = plan.packSize * plan.unitCostCents;
    if (block.packs * packCost > remaining) {
      offer(index, Math.floor(remaining / packCost));
      continue;
    }
    remaining -= block.packs * packCost;
    packs[index] = (packs[index] as number) + block.packs;
    shortNow[index] = block.short;
    offer(index, Number.POSITIVE_INFINITY);
  }
  return summarize(plans, cycles, packs, budgetCents);
}

/** A block of packs the greedy may buy next for one item: its size, the units short after it, and its value per cent. */
interface Block {
  readonly packs: number;
  readonly short: number;
  readonly value: number;
}

/** The item's next block when it holds `have` packs, at most `most` packs; undefined when nothing more can be bought. */
function nextBlock(plan: ItemPlan, cycle: OrderCycle, have: number, shortNow: number, most: number): Block | undefined {
  const left = Math.min(plan.order.packs - have, most);
  const minimum = have === 0 ? Math.max(1, Math.ceil(plan.minimumOrder / plan.packSize)) : 1;
  if (left < minimum) return undefined;
  const costPerPack = plan.packSize * plan.unitCostCents;
  const block = (packs: number): Block => {
    const short = unitsShort(cycle, plan.position.position + (have + packs) * plan.packSize);
    const cost = packs * costPerPack;
    return { packs, short, value: cost > 0 ? (plan.criticality * (shortNow - short)) / cost : Number.POSITIVE_INFINITY };
  };
  let best = block(Math.min(left, Math.max(minimum, Math.ceil((plan.order.packs - have) / STEP_FRACTION))));
  // Where the shortage is concave, a longer block is worth more per cent: take it by its average.
  // σ(G(z) − G(z + Q/σ)) is convex from z = −Q/(2σ) on (always, for periodic rules), and there a
  // longer block never is: only a position below need − Q/2 tries one.
  const concave = plan.position.position + have * plan.packSize < cycle.need - cycle.span / 2;
  for (let longer = Math.min(left, 2 * best.packs); concave && longer > best.packs; longer = Math.min(left, 2 * longer)) {
    const tried = block(longer);
    if (!(tried.value > best.value)) break;
    best = tried;
  }
  return best;
}

function summarize(plans: readonly ItemPlan[], cycles: readonly OrderCycle[], packs: Float64Array, budgetCents: number): BudgetAllocation {
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
    const cycle = cycles[index] as OrderCycle;
    const planned = serviceAt(cycle, plan.position.position + plan.order.quantity);
    const got = serviceAt(cycle, plan.position.position + quantity);
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
