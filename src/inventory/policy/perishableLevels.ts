import type { Item } from '../model.js';
import { newsvendorQuantity, type NewsvendorQuantity } from './newsvendor.js';
import type { ReplenishmentLevels } from './replenishmentLevels.js';

/**
 * For a perishable on periodic review whose shelf life is no longer than the protection interval
 * (what is left when the next order arrives has likely expired) and whose shortage cost is known,
 * replaces the order-up-to level with the newsvendor quantity over the interval: c_u is the
 * shortage cost, c_o the unit cost lost when a unit expires. The newsvendor level is sized on the
 * spread of demand alone (the position it is compared with is known), so `sigma` becomes
 * `demandSigma`. Other items keep their levels: a continuous-review rule has no fixed period for a
 * single-period order (S would fall onto s and an order go out every day), and its orders are
 * already capped at what can be used before expiry (`roundOrder`'s `maxUsable`).
 *
 * @param item - the item (its shelf life, shortage cost and unit cost)
 * @param levels - the levels from its service target
 * @returns the levels to use and the newsvendor answer when it applied
 * @example
 * ```ts
 * const { levels, newsvendor } = perishableLevels(fluVaccine, replenishmentLevels(...));
 * ```
 */
export function perishableLevels(item: Item, levels: ReplenishmentLevels): { levels: ReplenishmentLevels; newsvendor: NewsvendorQuantity | null } {
  const applies =
    item.shelfLifeDays !== null &&
    item.shortageCostCents !== null &&
    item.unitCostCents > 0 &&
    item.shelfLifeDays <= levels.protectionDays &&
    levels.kind === 'periodic';
  if (!applies || item.shortageCostCents === null) return { levels, newsvendor: null };
  const newsvendor = newsvendorQuantity({ mean: levels.expectedDemand, sd: levels.demandSigma, underageCost: item.shortageCostCents, overageCost: item.unitCostCents });
  const orderUpTo = newsvendor.quantity;
  return {
    levels: { ...levels, orderUpTo, k: newsvendor.z, sigma: levels.demandSigma, safetyStock: orderUpTo - levels.expectedDemand, reorderPoint: orderUpTo - levels.orderQuantity },
    newsvendor,
  };
}
