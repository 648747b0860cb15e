/** Syntetos-Boylan demand classes, plus `none` for a history with no demand at all. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none';

/** The cut-offs of Syntetos, Boylan & Croston (2005): ADI 1.32 and CV² 0.49. */
export const DEMAND_CLASS_CUTOFFS = { adi: 1.32, cv2: 0.49 } as const;

/** The demand pattern of a history: average inter-demand interval, squared coefficient of variation of the sizes, and class. */
export interface DemandPattern {
  /** Periods with demand. */
  readonly demandPeriods: number;
  /** Average inter-demand interval: periods up to the last demand divided by the number of demands. */
  readonly adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (sample standard deviation). */
  readonly cv2: number;
  readonly demandClass: DemandClass;
  /** The most periods from one demand to the next, the first counted from the start of the history (0 with no demand). */
  readonly longestInterval: number;
  /** Periods after the last demand (the whole history with no demand). */
  readonly periodsSinceDemand: number;
}

/**
 * Classifies a demand history by ADI and CV² (Syntetos, Boylan & Croston 2005, "On the
 * categorization of demand patterns", JORS 56): smooth (ADI < 1.32, CV² < 0.49), erratic
 * (ADI < 1.32, CV² ≥ 0.49), intermittent (ADI ≥ 1.32, CV² < 0.49), lumpy (both at or above).
 * One pass, no allocation.
 *
 * @param y - demand per period, oldest first
 * @example
 * ```ts
 * classifyDemand([0, 0, 5, 0, 0, 5, 0, 5]).demandClass; // 'intermittent'
 * ```
 */
export function classifyDemand(y: ArrayLike<number>): DemandPattern {
  let count = 0;
  let last = -1;
  let sum = 0;
  let squares = 0;
  let longestInterval = 0;
  for (let t = 0; t < y.length; t++) {
    const value = y[t] as number;
    if (value > 0) {
      count++;
      longestInterval = Math.max(longestInterval, t - last);
      last = t;
      sum += value;
      squares += value * value;
    }
  }
  const periodsSinceDemand = y.length - 1 - last;
  if (count === 0) return { demandPeriods: 0, adi: Number.POSITIVE_INFINITY, cv2: 0, demandClass: 'none', longestInterval, periodsSinceDemand };
  const adi = (last + 1) / count;
  const mean = sum / count;
  const variance = count > 1 ? Math.max(0, (squares - sum * mean) / (count - 1)) : 0;
  const cv2 = variance / (mean * mean);
  return { demandPeriods: count, adi, cv2, demandClass: demandClassOf(adi, cv2), longestInterval, periodsSinceDemand };
}

/**
 * The Syntetos-Boylan class for an ADI and CV².
 *
 * @example
 * ```ts
 * demandClassOf(1.0, 0.6); // 'erratic'
 * ```
 */
export function demandClassOf(adi: number, cv2: number): Exclude<DemandClass, 'none'> {
  const sparse = adi >= DEMAND_CLASS_CUTOFFS.adi;
  const variable = cv2 >= DEMAND_CLASS_CUTOFFS.cv2;
  if (sparse) return variable ? 'lumpy' : 'intermittent';
  return variable ? 'erratic' : 'smooth';
}
