import { match } from 'ts-pattern';
import { classifyDemand, type DemandPattern } from './classify.js';
import { intermittent } from './croston.js';
import type { ForecastErrors } from './errors.js';
import { holt } from './holt.js';
import { holtWinters, holtWintersForecast } from './holtWinters.js';
import { ses } from './ses.js';

/** A forecasting method the planner can use. */
export type ForecastMethod = 'ses' | 'holt' | 'holt-winters' | 'croston' | 'sba' | 'sbj' | 'tsb' | 'none';

/** Smoothing constants and hints for {@link forecastDemand}; every field has a default. */
export interface ForecastSettings {
  /** Force a method instead of choosing by demand class. */
  readonly method?: ForecastMethod;
  /** Level constant for SES and Holt (default 0.1) and for weekly Holt-Winters (default 0.2). */
  readonly alpha?: number;
  /** Trend constant β* for Holt and Holt-Winters (default 0.01). */
  readonly beta?: number;
  /** Seasonal constant for Holt-Winters (default 0.1). */
  readonly gamma?: number;
  /** Smoothing constant for Croston, SBA, SBJ and TSB (default 0.1). */
  readonly intermittentAlpha?: number;
  /**
   * The item has a yearly season (flu season): use weekly Holt-Winters whenever two years of history
   * exist, whatever the daily demand class (a season with empty weeks, or an office closed at
   * weekends, looks intermittent day by day but is still a season).
   */
  readonly seasonal?: boolean;
  /** The item's demand trends: use Holt for smooth and erratic demand. */
  readonly trend?: boolean;
}

/** A daily demand forecast with its error spread. */
export interface DemandForecast {
  readonly method: ForecastMethod;
  readonly pattern: DemandPattern;
  /** Forecast demand for the next day. */
  readonly perDay: number;
  /**
   * Spread of one-day forecast errors: their RMSE (weekly RMSE / √7 for the weekly seasonal model;
   * for TSB the spread its Bernoulli-times-size model gives at the current estimates, which falls
   * as the demand probability decays). When `spreadKnown` is false it is at least √perDay.
   */
  readonly sigmaPerDay: number;
  /**
   * False when fewer than a week of one-step errors (`MIN_SCORED_ERRORS`, 7) could be scored
   * (a short history; Croston, SBA, SBJ and TSB score nothing up to the first demand; Holt's start is
   * fitted to the first days) while the forecast is positive: the spread is then not measured, and
   * `sigmaPerDay` is the larger of what was measured and √perDay, the spread of Poisson demand at that
   * rate (two equal days are no evidence that demand never varies).
   */
  readonly spreadKnown: boolean;
  /** In-sample one-step errors of the chosen method, in its own period (days, or weeks when seasonal). */
  readonly errors: ForecastErrors;
  /** Expected total demand over the next `days` days (never negative). */
  readonly totalOver: (days: number) => number;
  /**
   * Standard deviation of the error of `totalOver(days)`. The forecast rate is an estimate, and its
   * error repeats on every day of the horizon, so the variance grows with days² as well as days:
   * σ₁²·h(1 + c·h)/(1 + c) over h periods, where σ₁ is the one-period spread and c the variance of
   * the smoothed rate relative to demand's own, c = a/(2 − a) for an exponentially weighted rate
   * with weight a per period (Prak, Teunter & Syntetos 2017, "On the calculation of safety stocks
   * when demand is forecasted", EJOR 256). a is α for SES, Holt, weekly Holt-Winters and TSB, and
   * α divided by the smoothed interval between demands for Croston, SBA and SBJ, which update only
   * at a demand. For a trend or season it is a lower bound, as it leaves out the error of the extrapolated trend. Over one period (a day; a week for weekly Holt-Winters)
   * it is that period's error spread.
   */
  readonly sigmaOver: (days: number) => number;
}

/**
 * One-step forecast errors the spread needs before it counts as measured: a week of days.
 *
 * @example
 * ```ts
 * forecastDemand([10, 10]).spreadKnown; // false: 1 error scored, fewer than MIN_SCORED_ERRORS
 * ```
 */
export const MIN_SCORED_ERRORS = 7;

const DAYS_PER_WEEK = 7;
const WEEKS_PER_YEAR = 52;

/**
 * Days of daily usage Holt-Winters needs: two seasons of 52 weeks.
 *
 * @example
 * ```ts
 * usage.length >= HOLT_WINTERS_MIN_DAYS; // a forced 'holt-winters' can run
 * ```
 */
export const HOLT_WINTERS_MIN_DAYS = 2 * WEEKS_PER_YEAR * DAYS_PER_WEEK;

/**
 * Chooses a method and forecasts daily demand: an item marked `seasonal` with two years of history
 * gets weekly Holt-Winters whatever its demand class; otherwise the Syntetos-Boylan class decides:
 * smooth and erratic demand get SES (Holt when `trend`), intermittent demand SBA (TSB once the days
 * since the last demand outnumber every interval between demands before, as demand may have stopped),
 * lumpy demand TSB, and no demand a zero forecast. Until `MIN_SCORED_ERRORS` errors are scored the spread is at
 * least √perDay (`spreadKnown` false). Linear in the history's length; allocates nothing per day.
 *
 * @param usage - units used per day, oldest first, ending the day before the planning day
 * @param settings - smoothing constants and hints
 * @example
 * ```ts
 * const f = forecastDemand(dailyGloves, { seasonal: true });
 * f.totalOver(10); // expected use over the next ten days
 * ```
 */
export function forecastDemand(usage: ArrayLike<number>, settings: ForecastSettings = {}): DemandForecast {
  const pattern = classifyDemand(usage);
  const method = settings.method ?? chooseMethod(pattern, usage.length, settings);
  return match(method)
    .with('none', () => flat(method, pattern, 0, { n: 0, mad: 0, rmse: 0, bias: 0 }, 0))
    .with('ses', () => {
      const alpha = settings.alpha ?? 0.1;
      const fit = ses(usage, { alpha });
      return flat(method, pattern, Math.max(0, fit.level), fit.errors, rateVariance(alpha));
    })
    .with('holt', () => trended(usage, pattern, settings))
    .with('holt-winters', () => seasonal(usage, pattern, settings))
    .with('croston', 'sba', 'sbj', 'tsb', (name) => intermittentForecast(usage, name, pattern, settings.intermittentAlpha ?? 0.1))
    .exhaustive();
}

function chooseMethod(pattern: DemandPattern, length: number, settings: ForecastSettings): ForecastMethod {
  // The seasonal flag comes before the daily class: the weeks without demand after a flu season
  // make the daily class intermittent, and SBA, which updates only at a demand, would go on
  // forecasting the season's rate all summer.
  if (pattern.demandClass !== 'none' && settings.seasonal === true && length >= HOLT_WINTERS_MIN_DAYS) return 'holt-winters';
  return match(pattern.demandClass)
    .with('none', (): ForecastMethod => 'none')
    // SBA moves only at a demand, so after demand stops it would forecast the old rate for ever; a
    // quiet run longer than any interval between demands so far is taken as a sign it may have
    // stopped, and TSB, whose forecast decays every period without demand, takes over.
    .with('intermittent', (): ForecastMethod => (pattern.periodsSinceDemand > pattern.longestInterval ? 'tsb' : 'sba'))
    .with('lumpy', (): ForecastMethod => 'tsb')
    .with('smooth', 'erratic', (): ForecastMethod => (settings.trend === true ? 'holt' : 'ses'))
    .exhaustive();
}

/** The daily spread: what was measured once a week of errors was scored, otherwise at least √perDay (Poisson) for a positive forecast. */
function spread(perDay: number, measured: number, scored: number): { sigmaPerDay: number; spreadKnown: boolean } {
  return scored >= MIN_SCORED_ERRORS || !(perDay > 0) ? { sigmaPerDay: measured, spreadKnown: true } : { sigmaPerDay: Math.max(measured, Math.sqrt(perDay)), spreadKnown: false };
}

/** The variance of a rate smoothed with weight `a` per period, relative to the variance of the demand it smooths: a/(2 − a). */
function rateVariance(a: number): number {
  return a / (2 - a);
}

/** `sigmaOver` for a one-period spread `sigma`, rate variance ratio `c` and periods of `periodDays` days. */
function spreadOver(sigma: number, c: number, periodDays = 1): (days: number) => number {
  return (days) => {
    const periods = Math.max(0, days) / periodDays;
    return sigma * Math.sqrt((periods * (1 + c * periods)) / (1 + c));
  };
}

function flat(method: ForecastMethod, pattern: DemandPattern, perDay: number, errors: ForecastErrors, c: number, measured = errors.rmse): DemandForecast {
  const known = spread(perDay, measured, errors.n);
  return { method, pattern, perDay, ...known, errors, totalOver: (days) => perDay * days, sigmaOver: spreadOver(known.sigmaPerDay, c) };
}

function intermittentForecast(usage: ArrayLike<number>, method: 'croston' | 'sba' | 'sbj' | 'tsb', pattern: DemandPattern, alpha: number): DemandForecast {
  const fit = intermittent(usage, { method, alpha });
  if (method !== 'tsb') return flat(method, pattern, fit.perPeriod, fit.errors, rateVariance(alpha / Math.max(1, fit.intervalOrProbability)));
  // TSB's own model: a demand with probability p of a size with mean z and second moment z², so a
  // day's variance is p·z² − (p·z)²; the one-step error adds the rate's variance. It falls with p when
  // demand stops, where the RMSE of the busy past would keep the spread, and the safety stock, up.
  const c = rateVariance(alpha);
  const p = fit.intervalOrProbability;
  const daily = Math.max(0, p * fit.sizeSquare - fit.perPeriod * fit.perPeriod);
  return flat(method, pattern, fit.perPeriod, fit.errors, c, Math.sqrt(daily * (1 + c)));
}

/** Days of daily usage the starting level and trend of Holt's method are fitted to. */
const HOLT_START_DAYS = 28;

// Least-squares line through the first weeks: with a small β the starting trend barely decays, so
// starting from the first two days alone (a busy day after an empty one) would bend every forecast.
function startingLine(usage: ArrayLike<number>): { level: number; trend: number } {
  const n = Math.min(usage.length, HOLT_START_DAYS);
  if (n < 2) return { level: n === 1 ? (usage[0] as number) : 0, trend: 0 };
  let sumY = 0;
  let sumTY = 0;
  for (let t = 0; t < n; t++) {
    sumY += usage[t] as number;
    sumTY += t * (usage[t] as number);
  }
  const meanT = (n - 1) / 2;
  const meanY = sumY / n;
  const trend = (sumTY - n * meanT * meanY) / ((n * (n * n - 1)) / 12);
  // The level one step before the first day, so the first forecast is the line's value on day 0.
  return { level: meanY - trend * (meanT + 1), trend };
}

function trended(usage: ArrayLike<number>, pattern: DemandPattern, settings: ForecastSettings): DemandForecast {
  const start = startingLine(usage);
  const alpha = settings.alpha ?? 0.1;
  const fit = holt(usage, { alpha, beta: settings.beta ?? 0.01, initialLevel: start.level, initialTrend: start.trend });
  const totalOver = (days: number): number => {
    let total = 0;
    for (let h = 1; h <= Math.ceil(days); h++) total += Math.max(0, fit.level + h * fit.trend) * Math.min(1, days - (h - 1));
    return total;
  };
  const perDay = Math.max(0, fit.level + fit.trend);
  // A starting line through one or two days passes through them, so their errors are zero by construction, not a spread.
  const known = spread(perDay, fit.errors.rmse, usage.length > 2 ? fit.errors.n : 0);
  return { method: 'holt', pattern, perDay, ...known, errors: fit.errors, totalOver, sigmaOver: spreadOver(known.sigmaPerDay, rateVariance(alpha)) };
}

function seasonal(usage: ArrayLike<number>, pattern: DemandPattern, settings: ForecastSettings): DemandForecast {
  const weeks = Math.floor(usage.length / DAYS_PER_WEEK);
  const offset = usage.length - weeks * DAYS_PER_WEEK;
  const weekly = new Float64Array(weeks);
  for (let t = offset; t < usage.length; t++) {
    const week = Math.floor((t - offset) / DAYS_PER_WEEK);
    weekly[week] = (weekly[week] as number) + (usage[t] as number);
  }
  const alpha = settings.alpha ?? 0.2;
  const fit = holtWinters(weekly, { alpha, beta: settings.beta ?? 0.01, gamma: settings.gamma ?? 0.1, period: WEEKS_PER_YEAR });
  const totalOver = (days: number): number => {
    let total = 0;
    for (let week = 1; (week - 1) * DAYS_PER_WEEK < days; week++) {
      const share = Math.min(DAYS_PER_WEEK, days - (week - 1) * DAYS_PER_WEEK) / DAYS_PER_WEEK;
      total += Math.max(0, holtWintersForecast(fit, week)) * share;
    }
    return total;
  };
  return {
    method: 'holt-winters',
    pattern,
    perDay: Math.max(0, holtWintersForecast(fit, 1)) / DAYS_PER_WEEK,
    sigmaPerDay: fit.errors.rmse / Math.sqrt(DAYS_PER_WEEK),
    spreadKnown: true,
    errors: fit.errors,
    totalOver,
    sigmaOver: spreadOver(fit.errors.rmse, rateVariance(alpha), DAYS_PER_WEEK),
  };
}
