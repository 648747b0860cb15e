import { isAmount, requireAmounts } from '../core/requireAmount.js';
import { requireLots } from './requireLots.js';
import { usageSinceStocked } from './usageSinceStocked.js';
import { match } from 'ts-pattern';
import { MedofficeUsageError } from '../core/result.js';
import { isIsoDate } from '../core/time.js';
import type { LotStock } from './fefo.js';
import { forecastDemand, type DemandForecast, type ForecastSettings } from './forecast/forecastDemand.js';
import type { Item, ItemId, SupplierId } from './model.js';
import type { OrderReason } from './orderReason.js';
import { economicOrderQuantity } from './policy/eoq.js';
import type { NewsvendorQuantity } from './policy/newsvendor.js';
import { perishableLevels } from './policy/perishableLevels.js';
import { replenishmentLevels, type ReplenishmentLevels } from './policy/replenishmentLevels.js';
import { roundOrder, type RoundedOrder } from './policy/roundOrder.js';
import { stockPosition, stockStatus, type StockPosition, type StockStatus } from './position.js';
import { describeOrder } from './describeOrder.js';
import { ITEM_LIMITS } from './itemLimits.js';

/** An item's stock as the planner sees it. */
export interface ItemStock {
  /** The item's lots on hand (any locations). */
  readonly lots: readonly LotStock[];
  /** Units on open purchase orders. */
  readonly onOrder: number;
  /** Units promised and not free to use. */
  readonly allocated: number;
}

/** Planner settings shared by every item. */
export interface PlanSettings {
  /** The planning day, `YYYY-MM-DD`; usage histories end the day before. */
  readonly asOf: string;
  /** Days of cover above the maximum level that make an item `overstock` (default 90). */
  readonly overstockDays?: number;
  /** Forecast smoothing constants (the item's `seasonal` and `trend` flags are added per item). */
  readonly forecast?: ForecastSettings;
}

/** The plan for one item: forecast, policy levels, position, status and the order to place. */
export interface ItemPlan {
  readonly itemId: ItemId;
  readonly supplier: SupplierId;
  /** The item's unit, pack size, minimum order and criticality, carried for budgeting and purchase orders. */
  readonly unit: string;
  readonly packSize: number;
  readonly minimumOrder: number;
  readonly criticality: number;
  readonly forecast: Omit<DemandForecast, 'totalOver' | 'sigmaOver'>;
  readonly eoq: number;
  readonly levels: ReplenishmentLevels;
  /** The newsvendor answer when it set the levels of a short-lived perishable, otherwise `null`. */
  readonly newsvendor: NewsvendorQuantity | null;
  readonly position: StockPosition;
  readonly status: StockStatus;
  /** Units the rule asks for before rounding. */
  readonly rawQuantity: number;
  /** Most units of a new order that can be used before it expires (Infinity when it does not expire). */
  readonly maxUsable: number;
  readonly order: RoundedOrder;
  readonly unitCostCents: number;
  /** order.quantity × unit cost. */
  readonly costCents: number;
  readonly reasons: readonly OrderReason[];
}

const DAYS_PER_YEAR = 365;

/**
 * Plans one item: forecasts daily demand (method chosen by demand class), sets the rule's levels
 * for the item's service target, computes the inventory position and status, and orders what the
 * rule asks for, rounded to packs and the minimum order and never more than can be used before it
 * expires. Linear in the usage history.
 *
 * @param item - the parsed item
 * @param fullUsage - units used per day, oldest first, ending the day before `settings.asOf`; the days
 *   before the item's `stockedSince` are left out silently (an item stocked on or after `asOf` is
 *   planned with no usage); `planInventory` warns about both
 * @param stock - lots on hand, units on order and allocated
 * @param settings - the planning day and options
 * @throws MedofficeUsageError when `asOf` is not a calendar date `YYYY-MM-DD`, a day's usage is not
 *   a number from 0 to `ITEM_LIMITS.dailyUnits`, units on order, allocated or in a lot are not a finite number at
 *   least 0, a lot's `expires` is neither null nor a calendar date `YYYY-MM-DD` (the message names
 *   the lot), or `overstockDays` is negative or NaN
 * @example
 * ```ts
 * const plan = planItem(gloves, glovesUsage, { lots, onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
 * plan.order.quantity; // units to buy today
 * ```
 */
export function planItem(item: Item, fullUsage: ArrayLike<number>, stock: ItemStock, settings: PlanSettings): ItemPlan {
  checkPlanInputs(fullUsage, stock, settings);
  const usage = usageSinceStocked(fullUsage, item.stockedSince, settings.asOf).usage;
  let largestDay = 0;
  for (let t = 0; t < usage.length; t++) largestDay = Math.max(largestDay, usage[t] as number);
  const forecast = forecastDemand(usage, { ...settings.forecast, seasonal: item.seasonal, trend: item.trend });
  const eoq = orderQuantityFor(item, forecast.perDay);
  const targetLevels = replenishmentLevels({
    replenishment: item.replenishment,
    service: item.service,
    demand: { demandPerDay: forecast.perDay, demandSdPerDay: forecast.sigmaPerDay, demandSdOver: forecast.sigmaOver, leadTimeDays: item.leadTime.meanDays, leadTimeSdDays: item.leadTime.sdDays, largestDay },
    eoq,
    expectedOver: forecast.totalOver,
  });
  const { levels, newsvendor } = perishableLevels(item, targetLevels);
  const position = stockPosition({ stock: stock.lots, onOrder: stock.onOrder, allocated: stock.allocated, demandPerDay: forecast.perDay, asOf: settings.asOf, horizonDays: levels.protectionDays });
  const status = stockStatus({
    usableOnHand: position.usableOnHand,
    position: position.position,
    reorderPoint: levels.reorderPoint,
    safetyStock: levels.safetyStock,
    maxLevel: levels.orderUpTo,
    demandPerDay: forecast.perDay,
    overstockDays: settings.overstockDays ?? 90,
  });
  const rawQuantity = rawOrder(levels, position.position);
  // Allocated units (a negative position) are committed use: the arriving order serves them first.
  const maxUsable = item.shelfLifeDays === null ? Number.POSITIVE_INFINITY : Math.max(0, forecast.totalOver(item.leadTime.meanDays + item.shelfLifeDays) - position.position);
  const order = roundOrder(rawQuantity, { packSize: item.packSize, minimumOrder: item.minimumOrder, maxUsable });
  const { totalOver: _total, sigmaOver: _spread, ...forecastSummary } = forecast;
  const plan = { itemId: item.id, supplier: item.supplier, unit: item.unit, packSize: item.packSize, minimumOrder: item.minimumOrder, criticality: item.criticality, forecast: forecastSummary, eoq, levels, newsvendor, position, status, rawQuantity, maxUsable, order, unitCostCents: item.unitCostCents, costCents: order.quantity * item.unitCostCents };
  return { ...plan, reasons: describeOrder(item, plan) };
}

/** The EOQ kept between one pack and a year's demand (0 only when there is no demand); K = 0 gives one pack. */
function orderQuantityFor(item: Item, perDay: number): number {
  const annualDemand = perDay * DAYS_PER_YEAR;
  if (!(annualDemand > 0)) return 0;
  const holding = item.holdingRatePerYear * item.unitCostCents;
  const { quantity } = economicOrderQuantity({ annualDemand, orderCost: item.orderCostCents, holdingCostPerUnitYear: holding });
  return Math.max(item.packSize, Math.min(quantity, annualDemand));
}

/** Refuses what planItem cannot plan (see its `@throws`). */
function checkPlanInputs(usage: ArrayLike<number>, stock: ItemStock, settings: PlanSettings): void {
  const refuse = (message: string): never => {
    throw new MedofficeUsageError(`planItem: ${message}`);
  };
  if (typeof settings.asOf !== 'string' || !isIsoDate(settings.asOf)) refuse(`asOf must be a calendar date YYYY-MM-DD, got '${String(settings.asOf)}'`);
  if (settings.overstockDays !== undefined && !(settings.overstockDays >= 0)) refuse(`overstockDays must be a number at least 0, got ${settings.overstockDays}`);
  for (let t = 0; t < usage.length; t++) {
    const used = usage[t] as number;
    if (!isAmount(used) || used > ITEM_LIMITS.dailyUnits) refuse(`usage must be numbers from 0 to ${ITEM_LIMITS.dailyUnits} a day, got ${used} on day ${t}`);
  }
  requireAmounts('planItem', { onOrder: stock.onOrder, allocated: stock.allocated });
  requireLots('planItem', stock.lots);
}

function rawOrder(levels: ReplenishmentLevels, position: number): number {
  return match(levels.kind)
    .with('sQ', () => {
      if (position > levels.reorderPoint || levels.orderQuantity <= 0) return 0;
      return levels.orderQuantity * Math.floor((levels.reorderPoint - position) / levels.orderQuantity + 1);
    })
    .with('sS', () => (position <= levels.reorderPoint ? levels.orderUpTo - position : 0))
    .with('periodic', 'par', () => Math.max(0, levels.orderUpTo - position))
    .exhaustive();
}
