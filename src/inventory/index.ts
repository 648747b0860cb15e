/**
 * medoffice/inventory: supply reorder logic for a medical office. Stock by lot with first-expiry-
 * first-out issue, an inventory position that discounts stock expiring before use, demand
 * forecasts chosen by demand class (SES, Holt, Holt-Winters, Croston, SBA, TSB), reorder points and
 * order-up-to levels for cycle-service or fill-rate targets, EOQ, newsvendor, rounding to packs
 * and shelf life, budget allocation, purchase-order drafts with reasons, and a seeded simulator
 * that checks the service a policy promises.
 *
 * @packageDocumentation
 */
export {
  AllocationSchema,
  IsoDateSchema,
  ItemIdSchema,
  ItemSchema,
  LocationIdSchema,
  LocationSchema,
  LotIdSchema,
  LotSchema,
  PurchaseOrderSchema,
  ReplenishmentSchema,
  ServiceTargetSchema,
  SupplierIdSchema,
} from './model.js';
export type { Allocation, Item, ItemId, ItemInput, Location, LocationId, Lot, LotId, PurchaseOrder, Replenishment, ServiceTarget, SupplierId } from './model.js';
export { AdjustReasonSchema, MovementSchema, WasteReasonSchema } from './movement.js';
export type { Movement } from './movement.js';
export { compareExpiry, isExpired, pickFirstExpiry } from './fefo.js';
export type { FefoPicks, LotStock, Pick } from './fefo.js';
export { replayLedger } from './ledger.js';
export type { ItemTotals, LedgerState } from './ledger.js';
export { expiringSoon, stockPosition, stockStatus } from './position.js';
export type { ExpiringLot, StockPosition, StockStatus } from './position.js';
export { errorsFromSums, errorTally } from './forecast/errors.js';
export type { ErrorTally, ForecastErrors } from './forecast/errors.js';
export { ses } from './forecast/ses.js';
export type { SesFit } from './forecast/ses.js';
export { holt, holtForecast } from './forecast/holt.js';
export type { HoltFit } from './forecast/holt.js';
export { holtWinters, holtWintersForecast } from './forecast/holtWinters.js';
export type { HoltWintersFit } from './forecast/holtWinters.js';
export { intermittent } from './forecast/croston.js';
export type { IntermittentFit, IntermittentMethod } from './forecast/croston.js';
export { classifyDemand, DEMAND_CLASS_CUTOFFS, demandClassOf } from './forecast/classify.js';
export type { DemandClass, DemandPattern } from './forecast/classify.js';
export { forecastDemand } from './forecast/forecastDemand.js';
export type { DemandForecast, ForecastMethod, ForecastSettings } from './forecast/forecastDemand.js';
export { MIN_SCORED_ERRORS } from './forecast/forecastDemand.js';
export { cycleServiceFor, fillRateFor, safetyFactorForCycleService, safetyFactorForFillRate, solveLoss } from './policy/serviceLevel.js';
export { protectionSigma, safetyStock } from './policy/safetyStock.js';
export type { DemandAndLeadTime } from './policy/safetyStock.js';
export { economicOrderQuantity } from './policy/eoq.js';
export { newsvendorQuantity } from './policy/newsvendor.js';
export { perishableLevels } from './policy/perishableLevels.js';
export type { NewsvendorQuantity } from './policy/newsvendor.js';
export { replenishmentLevels } from './policy/replenishmentLevels.js';
export type { ReplenishmentLevels } from './policy/replenishmentLevels.js';
export { roundOrder } from './policy/roundOrder.js';
export type { RoundedOrder } from './policy/roundOrder.js';
export type { OrderReason, OrderReasonCode } from './orderReason.js';
export { describeOrder } from './describeOrder.js';
export { planItem } from './planItem.js';
export type { ItemPlan, ItemStock, PlanSettings } from './planItem.js';
export { itemStocks } from './itemStocks.js';
export { planInventory } from './planInventory.js';
export type { InventoryPlan } from './planInventory.js';
export { allocateBudget } from './budget.js';
export type { BudgetAllocation, BudgetLine } from './budget.js';
export { purchaseOrderDrafts } from './purchaseOrders.js';
export type { PurchaseOrderDraft, PurchaseOrderLine } from './purchaseOrders.js';
export { simulatePolicy } from './simulatePolicy.js';
export { MAX_SIMULATED_DAYS } from './simulationSetup.js';
export type { SimulatedPolicy, SimulationReport, SimulationSetup } from './simulationSetup.js';
export { parseCsv } from '../core/csv.js';
export type { CsvRecord, CsvTable } from '../core/csv.js';
export { csvRows } from './csvRows.js';
export type { CsvRow } from './csvRows.js';
export { ITEM_COLUMNS, readItemsCsv } from './readItemsCsv.js';
export { MAX_USAGE_HISTORY_DAYS, readUsageCsv, USAGE_COLUMNS } from './readUsageCsv.js';
export { ITEM_LIMITS } from './itemLimits.js';
