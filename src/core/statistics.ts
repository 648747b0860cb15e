import { normalQuantile } from './normal.js';

/** Summary statistics of a sample, with a 95% confidence interval for its mean. */
export interface Summary {
  /** Sample size. */
  readonly n: number;
  /** Sample mean. */
  readonly mean: number;
  /** Sample standard deviation (n − 1 in the denominator). */
  readonly sd: number;
  /** Standard error of the mean, sd / √n. */
  readonly standardError: number;
  /** 95% confidence interval for the mean (Student t); `[NaN, NaN]` with fewer than 2 observations, when it is unknown. */
  readonly ci95: readonly [number, number];
  /** Smallest value. */
  readonly min: number;
  /** Largest value. */
  readonly max: number;
  /** Requested percentiles, keyed by percent (e.g. `50`, `90`). */
  readonly percentiles: Readonly<Record<number, number>>;
}

const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The two-sided 95% critical value of Student's t with `df` degrees of freedom: the table value
 * up to 30, a Cornish-Fisher expansion beyond (error below 1e-4).
 *
 * @example
 * ```ts
 * tCritical95(9);    // 2.262
 * tCritical95(1000); // 1.9623...
 * ```
 */
export function tCritical95(df: number): number {
  if (df < 1) return Number.NaN;
  const table = T975[Math.floor(df) - 1];
  if (table !== undefined) return table;
  const z = normalQuantile(0.975);
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) + (3 * z ** 7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of an ascending sorted sample, by linear interpolation between order
 * statistics (Hyndman and Fan type 7, the default of R and NumPy).
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Summarises a sample: mean, sd, standard error, 95% CI and percentiles. With fewer than two
 * observations the sample's spread is unknown: sd, standard error and the confidence interval are
 * NaN; an empty sample also has NaN mean, min, max and percentiles.
 *
 * @param values - the observations (not modified)
 * @param percentiles - which percentiles to report, in percent
 * @example
 * ```ts
 * const s = summarize([12, 15, 9, 20], [50, 90]);
 * s.mean; // 14
 * s.percentiles[50]; // 13.5
 * ```
 */
export function summarize(values: ArrayLike<number>, percentiles: readonly number[] = [5, 50, 90, 95]): Summary {
  const n = values.length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN;
  const standardError = sd / Math.sqrt(n);
  const half = n > 1 ? tCritical95(n - 1) * standardError : Number.NaN;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const table: Record<number, number> = {};
  for (const p of percentiles) table[p] = quantileSorted(sorted, p / 100);
  return {
    n,
    mean: n > 0 ? mean : Number.NaN,
    sd,
    standardError,
    ci95: [mean - half, mean + half],
    min: n > 0 ? (sorted[0] as number) : Number.NaN,
    max: n > 0 ? (sorted[n - 1] as number) : Number.NaN,
    percentiles: table,
  };
}
