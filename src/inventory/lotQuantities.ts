import type { LotStock } from './fefo.js';

/**
 * The lots' quantities named by position (`lots[0].quantity`, ...), for checking them as figures.
 *
 * @example
 * ```ts
 * requireAmounts('pickFirstExpiry', { quantity, ...lotQuantities(stock) });
 * ```
 */
export function lotQuantities(lots: readonly LotStock[]): Record<string, number> {
  const named: Record<string, number> = {};
  for (let i = 0; i < lots.length; i++) named[`lots[${i}].quantity`] = (lots[i] as LotStock).quantity;
  return named;
}
