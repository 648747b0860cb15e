import { MedofficeUsageError } from './result.js';

/**
 * Whether a figure is an amount: a finite number at least 0.
 *
 * @example
 * ```ts
 * isAmount(3);          // true
 * isAmount(Number.NaN); // false
 * ```
 */
export function isAmount(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

/**
 * Insists that every named figure is a finite number at least 0 (a quantity, a cost, a rate): a
 * caller passing NaN, Infinity or a negative one has made a programming mistake, so it throws.
 *
 * @param caller - the function asking, named first in the message
 * @param figures - the figures by name; `undefined` ones (optional and left out) pass
 * @throws MedofficeUsageError naming the first figure that is not finite or is negative
 * @example
 * ```ts
 * requireAmounts('pickFirstExpiry', { quantity: 12 });  // passes
 * requireAmounts('stockPosition', { onOrder: Number.NaN }); // throws: onOrder must be a finite number at least 0, got NaN
 * ```
 */
export function requireAmounts(caller: string, figures: Readonly<Record<string, number | undefined>>): void {
  for (const name in figures) {
    const value = figures[name];
    if (value !== undefined && !isAmount(value)) {
      throw new MedofficeUsageError(`${caller}: ${name} must be a finite number at least 0, got ${value}`);
    }
  }
}
