/** Demand and lead time, each with its spread, in days. */
export interface DemandAndLeadTime {
  /** Mean demand per day, d. */
  readonly demandPerDay: number;
  /** Standard deviation of daily demand (or of the daily forecast error), σ_d. */
  readonly demandSdPerDay: number;
  /** Mean lead time in days, L. */
  readonly leadTimeDays: number;
  /** Standard deviation of the lead time in days, σ_L. */
  readonly leadTimeSdDays: number;
  /**
   * The most units one day's demand can be (the planner uses the largest day in the history). It
   * bounds the undershoot of (s, Q) and (s, S) rules reviewed daily; omitted, unbounded.
   */
  readonly largestDay?: number;
  /**
   * Standard deviation of the forecast error of total demand over a number of days, when demand is
   * forecast (`DemandForecast.sigmaOver`). It replaces √days·σ_d, which treats the forecast rate as
   * exact: the rate's own error repeats on every day, so over long protection intervals √days·σ_d
   * gives too little safety stock and misses the service target.
   */
  readonly demandSdOver?: (days: number) => number;
}

/**
 * Standard deviation of demand over a protection interval of `leadTimeDays` (plus `reviewDays`
 * for periodic review) when both demand and lead time vary: σ = √(L′ σ_d² + d² σ_L²) with
 * L′ = L + R. With σ_L = 0 this is demand variability alone (σ_d √L′); with σ_d = 0 lead-time
 * variability alone (d σ_L). With `demandSdOver`, its value for L′ days takes the place of σ_d √L′.
 *
 * @example
 * ```ts
 * protectionSigma({ demandPerDay: 15 / 30, demandSdPerDay: 6 / Math.sqrt(30), leadTimeDays: 120, leadTimeSdDays: 45 });
 * ```
 */
export function protectionSigma(input: DemandAndLeadTime, reviewDays = 0): number {
  const span = input.leadTimeDays + reviewDays;
  const demandVariance = input.demandSdOver === undefined ? span * input.demandSdPerDay ** 2 : input.demandSdOver(span) ** 2;
  return Math.sqrt(demandVariance + input.demandPerDay ** 2 * input.leadTimeSdDays ** 2);
}

/**
 * Safety stock k σ for a safety factor and the spread of demand over the protection interval.
 *
 * @example
 * ```ts
 * safetyStock(1.645, protectionSigma(gloves)); // units held against variability
 * ```
 */
export function safetyStock(k: number, sigma: number): number {
  return k * sigma;
}
