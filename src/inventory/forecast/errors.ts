/** In-sample one-step-ahead forecast errors: their count, mean absolute deviation, root mean square and mean (bias). */
export interface ForecastErrors {
  readonly n: number;
  readonly mad: number;
  readonly rmse: number;
  readonly bias: number;
}

/** A running tally of forecast errors, filled in one pass without storing them. */
export interface ErrorTally {
  /** Adds one error (actual − forecast). */
  add(error: number): void;
  /** The summary so far. */
  result(): ForecastErrors;
}

/**
 * Starts a running tally of one-step forecast errors (actual − forecast).
 *
 * @example
 * ```ts
 * const tally = errorTally();
 * tally.add(2); tally.add(-2);
 * tally.result(); // { n: 2, mad: 2, rmse: 2, bias: 0 }
 * ```
 */
export function errorTally(): ErrorTally {
  let n = 0;
  let absolute = 0;
  let squared = 0;
  let sum = 0;
  return {
    add(error: number): void {
      n++;
      absolute += Math.abs(error);
      squared += error * error;
      sum += error;
    },
    result(): ForecastErrors {
      return n === 0 ? { n: 0, mad: 0, rmse: 0, bias: 0 } : { n, mad: absolute / n, rmse: Math.sqrt(squared / n), bias: sum / n };
    },
  };
}

/**
 * Summarizes error sums gathered in a loop: the count, Σ|e|, Σe² and Σe.
 *
 * @example
 * ```ts
 * errorsFromSums(2, 4, 8, 0); // { n: 2, mad: 2, rmse: 2, bias: 0 }
 * ```
 */
export function errorsFromSums(n: number, absolute: number, squared: number, sum: number): ForecastErrors {
  return n === 0 ? { n: 0, mad: 0, rmse: 0, bias: 0 } : { n, mad: absolute / n, rmse: Math.sqrt(squared / n), bias: sum / n };
}
