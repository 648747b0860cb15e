import { match } from 'ts-pattern';
import { compileSampler } from '../core/distribution.js';
import type { Rng } from '../core/random.js';
import { checkSetup, type SimulatedPolicy, type SimulationReport, type SimulationSetup } from './simulationSetup.js';

/**
 * Runs a replenishment rule day by day with random demand and lead times drawn from `rng`. Each
 * day: receipts arrive (serving any backorders), expired lots are thrown away, demand is met first
 * expiry first out, then the rule reviews the position (on hand + on order − backorders) and may
 * order; an order placed at the end of day d with lead time L is usable from day d + L + 1 (a lead
 * time drawn longer than the run is cut to the run's length: the order still never arrives). Typed
 * arrays throughout: linear in the days, no allocation per day.
 *
 * @param setup - the rule, days, demand, lead time, shelf life and costs
 * @param rng - the seeded generator (the run is reproducible from its seed)
 * @throws MedofficeUsageError when the setup cannot be run: days not a whole number from 0 to
 *   {@link MAX_SIMULATED_DAYS}, a level that is not a finite number, an (s, Q) quantity that is not
 *   positive, a review period that is not a whole number of days, a shelf life under one day, a
 *   demand or lead-time distribution that core's `DistributionSchema` refuses (such as a NaN or
 *   infinite parameter), a lead-time parameter beyond {@link MAX_SIMULATED_DAYS} days, or a cost or
 *   holding rate that is not a finite number at least 0
 * @example
 * ```ts
 * const report = simulatePolicy({ policy: { kind: 'periodic', reviewDays: 7, orderUpTo: 552 }, days: 3650,
 *   demand: { kind: 'normal', mean: 50, sd: 10 }, leadTime: { kind: 'deterministic', value: 3 } }, createRng(7));
 * report.fillRate;
 * ```
 */
export function simulatePolicy(setup: SimulationSetup, rng: Rng): SimulationReport {
  checkSetup(setup);
  const drawDemand = compileSampler(setup.demand);
  const drawLead = compileSampler(setup.leadTime);
  const decide = compilePolicy(setup.policy);
  const state = createState(setup);
  for (let day = 0; day < setup.days; day++) {
    if (receive(state, day)) closeCycle(state);
    discardExpired(state, day);
    serve(state, Math.max(0, Math.round(drawDemand(rng))));
    state.stockDays += state.onHand;
    const quantity = decide(state.onHand + state.onOrder - state.backlog, day);
    if (quantity > 0) placeOrder(state, day + Math.min(setup.days, Math.max(0, Math.round(drawLead(rng)))) + 1, quantity);
  }
  return report(setup, state);
}

/** The run's mutable state: lots in receipt order (which is expiry order), orders in transit, and counters. */
interface SimulationState {
  readonly shelf: number | null;
  readonly lost: boolean;
  readonly lotQty: Float64Array;
  readonly lotExpiry: Float64Array;
  head: number;
  tail: number;
  readonly pendingDay: Int32Array;
  readonly pendingQty: Float64Array;
  pending: number;
  onHand: number;
  onOrder: number;
  backlog: number;
  demand: number;
  filled: number;
  stockoutDays: number;
  expired: number;
  stockDays: number;
  orders: number;
  ordered: number;
  cycles: number;
  goodCycles: number;
  inCycle: boolean;
  cycleShort: boolean;
}

function createState(setup: SimulationSetup): SimulationState {
  const capacity = setup.days + 2;
  const shelf = setup.shelfLifeDays ?? null;
  const state: SimulationState = {
    shelf, lost: setup.unmet === 'lost',
    lotQty: new Float64Array(capacity), lotExpiry: new Float64Array(capacity), head: 0, tail: 0,
    pendingDay: new Int32Array(capacity), pendingQty: new Float64Array(capacity), pending: 0,
    onHand: 0, onOrder: 0, backlog: 0, demand: 0, filled: 0, stockoutDays: 0, expired: 0, stockDays: 0,
    orders: 0, ordered: 0, cycles: 0, goodCycles: 0, inCycle: false, cycleShort: false,
  };
  const topLevel = match(setup.policy)
    .with({ kind: 'sQ' }, (p) => p.reorderPoint + p.orderQuantity)
    .with({ kind: 'sS' }, (p) => p.orderUpTo)
    .with({ kind: 'periodic' }, (p) => p.orderUpTo)
    .exhaustive();
  addLot(state, Math.max(0, Math.round(setup.initialStock ?? topLevel)), 0);
  return state;
}

function addLot(state: SimulationState, quantity: number, day: number): void {
  if (quantity <= 0) return;
  state.lotQty[state.tail] = quantity;
  state.lotExpiry[state.tail++] = state.shelf === null ? Number.POSITIVE_INFINITY : day + state.shelf - 1;
  state.onHand += quantity;
}

/** Takes in the orders due today, serving backorders first; true when anything arrived. */
function receive(state: SimulationState, day: number): boolean {
  let arrived = false;
  for (let i = 0; i < state.pending; ) {
    if (state.pendingDay[i] !== day) {
      i++;
      continue;
    }
    const quantity = state.pendingQty[i] as number;
    const toBacklog = Math.min(state.backlog, quantity);
    state.onOrder -= quantity;
    state.backlog -= toBacklog;
    addLot(state, quantity - toBacklog, day);
    arrived = true;
    state.pending--;
    state.pendingDay[i] = state.pendingDay[state.pending] as number;
    state.pendingQty[i] = state.pendingQty[state.pending] as number;
  }
  return arrived;
}

function closeCycle(state: SimulationState): void {
  if (state.inCycle) {
    state.cycles++;
    if (!state.cycleShort) state.goodCycles++;
  }
  state.inCycle = true;
  state.cycleShort = false;
}

function discardExpired(state: SimulationState, day: number): void {
  while (state.head < state.tail && (state.lotExpiry[state.head] as number) < day) {
    state.expired += state.lotQty[state.head] as number;
    state.onHand -= state.lotQty[state.head] as number;
    state.head++;
  }
}

/** Meets a day's demand from the oldest (first-expiring) lots; what is left is backordered or lost. */
function serve(state: SimulationState, want: number): void {
  state.demand += want;
  let need = want;
  while (need > 0 && state.head < state.tail) {
    const take = Math.min(need, state.lotQty[state.head] as number);
    state.lotQty[state.head] = (state.lotQty[state.head] as number) - take;
    need -= take;
    if ((state.lotQty[state.head] as number) <= 0) state.head++;
  }
  state.onHand -= want - need;
  state.filled += want - need;
  if (need <= 0) return;
  state.stockoutDays++;
  state.cycleShort = true;
  if (!state.lost) state.backlog += need;
}

function placeOrder(state: SimulationState, arrivalDay: number, quantity: number): void {
  state.pendingDay[state.pending] = arrivalDay;
  state.pendingQty[state.pending++] = quantity;
  state.onOrder += quantity;
  state.orders++;
  state.ordered += quantity;
}

function report(setup: SimulationSetup, state: SimulationState): SimulationReport {
  const unitCost = setup.unitCostCents ?? 0;
  const holding = Math.round((state.stockDays * unitCost * (setup.holdingRatePerYear ?? 0.25)) / 365);
  const ordering = state.orders * (setup.orderCostCents ?? 0);
  const purchase = Math.round(state.ordered * unitCost);
  return {
    days: setup.days,
    demand: state.demand,
    fillRate: state.demand > 0 ? state.filled / state.demand : 1,
    cycles: state.cycles,
    cycleServiceLevel: state.cycles > 0 ? state.goodCycles / state.cycles : state.stockoutDays > 0 ? 0 : 1,
    stockoutDays: state.stockoutDays,
    expiredUnits: state.expired,
    averageOnHand: setup.days > 0 ? state.stockDays / setup.days : 0,
    orders: state.orders,
    costCents: { holding, ordering, purchase, expired: Math.round(state.expired * unitCost), total: holding + ordering + purchase },
  };
}

/** Turns a rule into the function the daily loop calls: units to order given the position and day. */
function compilePolicy(policy: SimulatedPolicy): (position: number, day: number) => number {
  return match<SimulatedPolicy, (position: number, day: number) => number>(policy)
    .with({ kind: 'sQ' }, (p) => (position) =>
      position <= p.reorderPoint && p.orderQuantity > 0 ? p.orderQuantity * Math.floor((p.reorderPoint - position) / p.orderQuantity + 1) : 0,
    )
    .with({ kind: 'sS' }, (p) => (position) => (position <= p.reorderPoint ? Math.max(0, Math.ceil(p.orderUpTo - position)) : 0))
    .with({ kind: 'periodic' }, (p) => (position, day) => ((day + 1) % p.reviewDays === 0 ? Math.max(0, Math.ceil(p.orderUpTo - position)) : 0))
    .exhaustive();
}
