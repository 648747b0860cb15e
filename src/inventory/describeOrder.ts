import { MIN_SCORED_ERRORS } from './forecast/forecastDemand.js';
import type { Item } from './model.js';
import type { OrderReason } from './orderReason.js';
import type { ItemPlan } from './planItem.js';

const one = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '∞');
const whole = (value: number): string => (Number.isFinite(value) ? String(Math.round(value)) : '∞');
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/**
 * The reasons behind an item's order, in words and numbers: the forecast, the safety stock (saying
 * so when its spread is the Poisson fallback because no forecast error could be measured), the
 * position against the rule's levels, and any rounding, minimum order or expiry cap. The safety
 * stock names what sized it: the item's service target, the newsvendor critical ratio, or for a
 * par rule the par level as given (set by hand, so no service target is claimed for it), less the
 * expected demand over lead time and review, which is negative when the par level is below that.
 *
 * @param item - the item
 * @param plan - its plan, without reasons
 * @example
 * ```ts
 * describeOrder(gloves, planWithoutReasons).map((reason) => reason.text);
 * ```
 */
export function describeOrder(item: Item, plan: Omit<ItemPlan, 'reasons'>): OrderReason[] {
  const { forecast, levels, position, order, unit } = { ...plan, unit: item.unit };
  const reasons: OrderReason[] = [
    {
      code: 'forecast',
      value: levels.expectedDemand,
      text: `${forecast.method} forecast ${one(forecast.perDay)} ${unit}/day (${forecast.pattern.demandClass} demand), ${one(levels.expectedDemand)} over ${one(levels.protectionDays)} days of lead time and review`,
    },
    {
      code: 'safety_stock',
      value: levels.safetyStock,
      text: `${safetyStockText(item, plan)}${forecast.spreadKnown ? '' : `, assuming Poisson demand at least (σ_d = ${forecast.sigmaPerDay.toFixed(2)} a day, √d or more): fewer than ${MIN_SCORED_ERRORS} forecast errors could be measured yet`}`,
    },
    ...(plan.newsvendor === null
      ? []
      : [
          {
            code: 'newsvendor' as const,
            value: levels.orderUpTo,
            text: `shelf life ${String(item.shelfLifeDays)} days ≤ ${one(levels.protectionDays)}-day cycle: newsvendor level ${one(levels.orderUpTo)} at critical ratio ${plan.newsvendor.criticalRatio.toFixed(3)} (shortage ${String(item.shortageCostCents)}¢ vs ${item.unitCostCents}¢ lost per expired unit)`,
          },
        ]),
    {
      code: 'position',
      value: position.position,
      text: `position ${whole(position.position)} = ${whole(position.usableOnHand)} on hand + ${whole(position.onOrder)} on order − ${whole(position.allocated)} allocated − ${whole(position.expiringBeforeUse)} expiring before use; reorder at ${whole(levels.reorderPoint)}${levels.undershoot > 0 ? ` (with ${one(levels.undershoot)} ${unit} of expected undershoot below it at a daily review)` : ''}, up to ${whole(levels.orderUpTo)}`,
    },
    { code: 'rule', value: plan.rawQuantity, text: `${levels.kind} rule asks for ${one(plan.rawQuantity)} ${unit}` },
  ];
  if (order.raisedToMinimum) reasons.push({ code: 'minimum_order', value: item.minimumOrder, text: `raised to the minimum order of ${item.minimumOrder} ${unit}` });
  if (order.roundedUp || order.raisedToMinimum) {
    reasons.push({ code: 'rounding', value: order.quantity, text: `${order.packs} pack(s) of ${item.packSize} = ${order.quantity} ${unit}` });
  }
  if (order.cappedByExpiry) {
    reasons.push({ code: 'expiry_cap', value: plan.maxUsable, text: `cut to ${order.quantity} ${unit}: only ${whole(plan.maxUsable)} can be used within the ${String(item.shelfLifeDays)}-day shelf life` });
  }
  return reasons;
}

/** The safety-stock sentence: k × σ and what sized it, or for a par rule the buffer its level implies. */
function safetyStockText(item: Item, plan: Omit<ItemPlan, 'reasons'>): string {
  const { levels, newsvendor } = plan;
  const factor = `k ${levels.k.toFixed(2)} × σ ${one(levels.sigma)}`;
  if (levels.kind === 'par') {
    const below = levels.safetyStock < 0 ? ', and this one is below the expected demand' : '';
    return `safety stock ${whole(levels.safetyStock)} ${item.unit} = par level ${whole(levels.orderUpTo)} as given − ${one(levels.expectedDemand)} expected over ${one(levels.protectionDays)} days (${factor}); a par level is set by hand, not sized for a service target${below}`;
  }
  const sizedFor =
    newsvendor !== null
      ? `the newsvendor critical ratio ${newsvendor.criticalRatio.toFixed(3)}`
      : item.service.kind === 'fill'
        ? `${percent(item.service.target)} fill rate`
        : `${percent(item.service.target)} cycle service`;
  return `safety stock ${whole(levels.safetyStock)} ${item.unit} = ${factor} for ${sizedFor}`;
}
