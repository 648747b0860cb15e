import { isIsoDate } from '../core/time.js';
import { isAmount } from '../core/requireAmount.js';
import { MedofficeUsageError } from '../core/result.js';
import type { LotStock } from './fefo.js';

/**
 * Insists that every lot is one the stock functions can reckon with: its quantity a finite number
 * at least 0, and its `expires` null or a calendar date `YYYY-MM-DD` (`2026-11-5` would compare
 * wrongly with other dates and count no days to its expiry). Names the first lot that is not, by its
 * place in `lots`, its lot id and its item.
 *
 * @param caller - the function asking, named first in the message
 * @param lots - the lots
 * @throws MedofficeUsageError for the first lot that is not an object, or whose quantity is NaN, infinite or negative, or whose
 *   `expires` is neither null nor a calendar date `YYYY-MM-DD`
 * @example
 * ```ts
 * requireLots('pickFirstExpiry', stock); // throws: pickFirstExpiry: lots[2].quantity (lot L7 of gloves) must be ...
 * ```
 */
export function requireLots(caller: string, lots: readonly LotStock[]): void {
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as LotStock;
    if (typeof lot !== 'object' || lot === null) throw new MedofficeUsageError(`${caller}: lots[${i}] must be a lot object { lotId, itemId, quantity, expires }, got ${lot === null ? 'null' : typeof lot}`);
    const which = `lot ${String(lot.lotId)} of ${String(lot.itemId)}`;
    if (!isAmount(lot.quantity)) {
      throw new MedofficeUsageError(`${caller}: lots[${i}].quantity (${which}) must be a finite number at least 0, got ${lot.quantity}`);
    }
    const { expires } = lot as { readonly expires: unknown };
    if (expires !== null && !(typeof expires === 'string' && isIsoDate(expires))) {
      const given = typeof expires === 'string' ? `'${expires}'` : String(expires);
      throw new MedofficeUsageError(`${caller}: lots[${i}].expires (${which}) is ${given}, neither null (never expires) nor a calendar date YYYY-MM-DD`);
    }
  }
}
