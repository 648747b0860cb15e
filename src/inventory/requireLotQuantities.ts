import { isAmount } from '../core/requireAmount.js';
import { MedofficeUsageError } from '../core/result.js';
import type { LotStock } from './fefo.js';

/**
 * Insists that every lot's quantity is a finite number at least 0, naming the first lot that is not.
 *
 * @param caller - the function asking, named first in the message
 * @param lots - the lots
 * @throws MedofficeUsageError for the first lot whose quantity is NaN, infinite or negative
 * @example
 * ```ts
 * requireLotQuantities('pickFirstExpiry', stock); // throws: pickFirstExpiry: lots[2].quantity must be ...
 * ```
 */
export function requireLotQuantities(caller: string, lots: readonly LotStock[]): void {
  for (let i = 0; i < lots.length; i++) {
    const quantity = (lots[i] as LotStock).quantity;
    if (!isAmount(quantity)) {
      throw new MedofficeUsageError(`${caller}: lots[${i}].quantity must be a finite number at least 0, got ${quantity}`);
    }
  }
}
