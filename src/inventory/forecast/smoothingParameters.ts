import { MedofficeUsageError } from '../../core/result.js';

/**
 * Refuses smoothing parameters outside [0, 1] (α, β, γ of exponential smoothing), which would make
 * the recursions diverge instead of smoothing.
 *
 * @param method - the forecasting function, named in the error
 * @param parameters - the parameters by name
 * @throws MedofficeUsageError naming the first parameter out of range
 * @example
 * ```ts
 * checkSmoothingParameters('holt', { alpha: 0.3, beta: 0.1 }); // passes
 * checkSmoothingParameters('ses', { alpha: 2 }); // throws
 * ```
 */
export function checkSmoothingParameters(method: string, parameters: Readonly<Record<string, number>>): void {
  for (const [name, value] of Object.entries(parameters)) {
    if (!(value >= 0 && value <= 1)) throw new MedofficeUsageError(`${method}: ${name} must be in [0, 1], got ${value}`);
  }
}
