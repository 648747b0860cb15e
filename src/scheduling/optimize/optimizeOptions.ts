import { MedofficeUsageError } from '../../core/result.js';

/**
 * Options of `optimizeSchedule`.
 *
 * @example
 * ```ts
 * const options: OptimizeOptions = { fullNeighbourhoodUpTo: 8, maxEvaluations: 5_000 };
 * ```
 */
export interface OptimizeOptions {
  /** Use Kaandorp and Koole's full 2^T − 2 neighbourhood when T is at most this (default 12); a whole number ≥ 0. */
  readonly fullNeighbourhoodUpTo?: number;
  /**
   * Grid steps per interval of the search, a whole number ≥ 1 (default: for smooth service laws a
   * quarter of the evaluation grid's, at least 2; for laws with atoms the evaluation grid's own, the
   * coarsest that holds every atom). Whatever grid the search uses, its result is evaluated exactly
   * and kept only if no worse than the start. A grid whose search would pass `MAX_CONVOLUTION_WORK`
   * when the default one's would not is reported as `schedule.grid_too_large` at
   * `searchStepsPerInterval`.
   */
  readonly searchStepsPerInterval?: number;
  /**
   * Most schedules the search evaluates (default: no limit); a whole number ≥ 1, or Infinity. The
   * evaluations before the descent always happen and count: the exact evaluation of each start (up
   * to six: the five rules and an even spread, and the given start if any) and the chosen start once
   * more on the search grid. The descent stops before a
   * neighbour once the count reaches the bound (so it ends at most one over it, an improving move
   * being evaluated in full once taken), with the best schedule found so far (`stoppedEarly: true`),
   * never worse than any start. A bound on run time, which grows with both
   * patients and intervals; the work bound (`MAX_CONVOLUTION_WORK`) counts at most this many search
   * evaluations, so a smaller budget can let a heavy service law through.
   */
  readonly maxEvaluations?: number;
}

/**
 * Throws when `optimizeSchedule` options are not what {@link OptimizeOptions} says: they are the
 * caller's code, not data, so a bad one is a programmer's mistake.
 *
 * @param options - the options given
 * @throws MedofficeUsageError naming the option and its value
 * @example
 * ```ts
 * requireOptimizeOptions({ maxEvaluations: 1000 }); // passes
 * requireOptimizeOptions({ maxEvaluations: 0 });    // throws
 * ```
 */
export function requireOptimizeOptions(options: OptimizeOptions): void {
  if (typeof options !== 'object' || options === null) throw new MedofficeUsageError('optimizeSchedule: options must be an object');
  const wholeAtLeast = (name: keyof OptimizeOptions, least: number, infinite: boolean): void => {
    const value: unknown = options[name];
    if (value === undefined) return;
    const fits = typeof value === 'number' && value >= least && (Number.isInteger(value) || (infinite && value === Number.POSITIVE_INFINITY));
    if (!fits) throw new MedofficeUsageError(`optimizeSchedule: ${name} must be a whole number of at least ${least}${infinite ? ' or Infinity' : ''}, not ${String(value)}`);
  };
  wholeAtLeast('fullNeighbourhoodUpTo', 0, true);
  wholeAtLeast('searchStepsPerInterval', 1, false);
  wholeAtLeast('maxEvaluations', 1, true);
}
