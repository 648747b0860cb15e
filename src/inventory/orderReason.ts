/** Why a purchase line has the quantity it has, one step of the arithmetic. */
export type OrderReasonCode = 'forecast' | 'safety_stock' | 'newsvendor' | 'position' | 'rule' | 'rounding' | 'minimum_order' | 'expiry_cap' | 'budget_cut';

/**
 * One reason behind an order line: a stable code, the number it is about, and a sentence that
 * says it in words with the numbers.
 *
 * @example
 * ```ts
 * const reason: OrderReason = { code: 'safety_stock', value: 35, text: 'safety stock 35 gloves (k 1.64 × σ 21.3)' };
 * ```
 */
export interface OrderReason {
  readonly code: OrderReasonCode;
  readonly value: number;
  readonly text: string;
}
