/**
 * The economic order quantity Q* = √(2 K λ / h) (Harris 1913; Nahmias, Production and
 * Operations Analysis, §4.5), and the time between orders Q* ÷ λ.
 *
 * @param input - annual demand λ, fixed cost per order K and holding cost per unit per year h (any one currency)
 * @returns the quantity and the cycle length in years
 * @example
 * ```ts
 * economicOrderQuantity({ annualDemand: 3120, orderCost: 12, holdingCostPerUnitYear: 0.005 });
 * // { quantity: 3869.88, cycleYears: 1.24 }
 * ```
 */
export function economicOrderQuantity(input: {
  readonly annualDemand: number;
  readonly orderCost: number;
  readonly holdingCostPerUnitYear: number;
}): { readonly quantity: number; readonly cycleYears: number } {
  const { annualDemand, orderCost, holdingCostPerUnitYear } = input;
  if (annualDemand <= 0) return { quantity: 0, cycleYears: Number.POSITIVE_INFINITY };
  if (holdingCostPerUnitYear <= 0) return { quantity: Number.POSITIVE_INFINITY, cycleYears: Number.POSITIVE_INFINITY };
  const quantity = Math.sqrt((2 * orderCost * annualDemand) / holdingCostPerUnitYear);
  return { quantity, cycleYears: quantity / annualDemand };
}
