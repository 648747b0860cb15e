import { MedofficeUsageError } from '../../core/result.js';

/** Options of `evaluateSchedule`. */
export interface EvaluateOptions {
  /**
   * Grid steps per booking interval, a whole number ≥ 1 (raised to the next even number when
   * extrapolating); by default from `planGrid`. A value whose grid would pass `MAX_GRID_POINTS`
   * (2,000,000 points), or whose convolutions would pass `MAX_CONVOLUTION_WORK` when the planned
   * grid's would not, is reported as `schedule.grid_too_large` at `stepsPerInterval`.
   */
  readonly stepsPerInterval?: number;
  /**
   * Combine the results on the grid and on the grid twice as coarse by Richardson extrapolation,
   * cancelling the O(h²) discretisation error (default from `planGrid`; see docs/simulation.md).
   */
  readonly extrapolate?: boolean;
}

/**
 * Throws when `evaluateSchedule` options are not what {@link EvaluateOptions} says: they are
 * the caller's code, not data, so a bad one is a programmer's mistake (as for `optimizeSchedule`).
 *
 * @param options - the options given
 * @throws MedofficeUsageError naming the option and its value
 * @example
 * ```ts
 * requireEvaluateOptions({ stepsPerInterval: 32 });  // passes
 * requireEvaluateOptions({ stepsPerInterval: NaN }); // throws
 * ```
 */
export function requireEvaluateOptions(options: EvaluateOptions): void {
  if (typeof options !== 'object' || options === null) throw new MedofficeUsageError('evaluateSchedule: options must be an object');
  const steps: unknown = options.stepsPerInterval;
  if (steps !== undefined && !(typeof steps === 'number' && Number.isSafeInteger(steps) && steps >= 1)) {
    throw new MedofficeUsageError(`evaluateSchedule: stepsPerInterval must be a whole number of at least 1, not ${String(steps)}`);
  }
  const extrapolate: unknown = options.extrapolate;
  if (extrapolate !== undefined && typeof extrapolate !== 'boolean') {
    throw new MedofficeUsageError(`evaluateSchedule: extrapolate must be true or false, not ${String(extrapolate)}`);
  }
}
