import { match } from 'ts-pattern';
import type { Distribution } from '../../core/distribution.js';
import { normalCdf } from '../../core/normal.js';
import { lognormalParameters } from '../../core/samplers.js';
import { MedofficeUsageError } from '../../core/result.js';
import { regularizedLowerGamma } from './incompleteGamma.js';

/** Probability mass left in the tail beyond the last grid point (then placed at the tail's mean). */
const TAIL_MASS = 1e-7;

/** The discretising loop stops after this many steps whatever tail is left. */
const LAST_STEP = 1_000_001;

/** A continuous duration law given by its CDF F(x) and partial mean G(x) = E[S; S ≤ x]. */
interface ContinuousLaw {
  readonly mean: number;
  readonly cdf: (x: number) => number;
  readonly partialMean: (x: number) => number;
}

function continuousLaw(service: Distribution): ContinuousLaw | readonly number[] {
  return match<Distribution, ContinuousLaw | readonly number[]>(service)
    .with({ kind: 'deterministic' }, (d) => [d.value])
    .with({ kind: 'empirical' }, (d) => d.values)
    .with({ kind: 'exponential' }, (d) => ({
      mean: d.mean,
      cdf: (x) => -Math.expm1(-x / d.mean),
      partialMean: (x) => d.mean * (-Math.expm1(-x / d.mean) - (x / d.mean) * Math.exp(-x / d.mean)),
    }))
    .with({ kind: 'lognormal' }, (d) => {
      const { mu, sigma } = lognormalParameters(d.mean, d.sd);
      // σ = 0 (sd 0, or an sd whose square underflows beside the mean's): the point mass it is.
      if (sigma === 0) return [d.mean];
      return {
        mean: d.mean,
        cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
        partialMean: (x) => (x <= 0 ? 0 : d.mean * normalCdf((Math.log(x) - mu - sigma * sigma) / sigma)),
      };
    })
    .with({ kind: 'gamma' }, (d) => {
      const shape = (d.mean / d.sd) ** 2;
      const scale = (d.sd * d.sd) / d.mean;
      return {
        mean: d.mean,
        cdf: (x) => regularizedLowerGamma(shape, x / scale),
        partialMean: (x) => d.mean * regularizedLowerGamma(shape + 1, x / scale),
      };
    })
    .with({ kind: 'uniform' }, (d) => {
      if (d.max === d.min) return [d.min];
      const width = d.max - d.min;
      const clamp = (x: number): number => Math.min(Math.max(x, d.min), d.max);
      return {
        mean: (d.min + d.max) / 2,
        cdf: (x) => (clamp(x) - d.min) / width,
        partialMean: (x) => (clamp(x) ** 2 - d.min ** 2) / (2 * width),
      };
    })
    .with({ kind: 'normal' }, { kind: 'poisson' }, { kind: 'bernoulli' }, (d) => {
      throw new MedofficeUsageError(`a ${d.kind} distribution is not a service duration`);
    })
    .exhaustive();
}

/** Spreads a point mass at `value` (minutes) over the two grid points around it, keeping its mean. */
function addPoint(masses: number[], value: number, weight: number, step: number): void {
  const position = value / step;
  const k = Math.floor(position);
  const fraction = position - k;
  masses[k] = (masses[k] ?? 0) + weight * (1 - fraction);
  if (fraction > 0) masses[k + 1] = (masses[k + 1] ?? 0) + weight * fraction;
}

function discretiseContinuous(law: ContinuousLaw, step: number): number[] {
  const masses: number[] = [0];
  let previousF = 0;
  let previousG = 0;
  for (let j = 0; ; j++) {
    const b = (j + 1) * step;
    const f = law.cdf(b);
    const g = law.partialMean(b);
    const dF = f - previousF;
    const dG = (g - previousG) / step;
    masses[j] = (masses[j] ?? 0) + (j + 1) * dF - dG;
    masses[j + 1] = dG - j * dF;
    previousF = f;
    previousG = g;
    if (1 - f < TAIL_MASS || j >= LAST_STEP) break;
  }
  const tail = 1 - previousF;
  if (tail > 0) addPoint(masses, Math.max((law.mean - previousG) / tail, masses.length * step), tail, step);
  return masses;
}

/** The step j at which {@link discretiseContinuous} stops: the first with 1 − F((j+1)h) below the tail mass. */
function lastContinuousStep(law: ContinuousLaw, step: number): number {
  const stops = (j: number): boolean => 1 - law.cdf((j + 1) * step) < TAIL_MASS || j >= LAST_STEP;
  let low = 0;
  let high = 0;
  while (!stops(high)) {
    low = high + 1;
    high = Math.min(high * 2 + 1, LAST_STEP);
  }
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (stops(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * How many grid points {@link discretiseService} would give a law on a grid of `step` minutes, found
 * without building it: the largest point mass over the step for point laws; for continuous ones the
 * step where the discretisation stops (found by bisection, so the same step) and where the tail mass
 * beyond it lands. Lets a caller refuse a grid too large before allocating it.
 *
 * @param service - a duration law
 * @param step - the grid step h in minutes
 * @returns an upper bound on the grid length, at most two points over it (Infinity for a step that is not positive)
 * @example
 * ```ts
 * serviceGridLength({ kind: 'deterministic', value: 1e12 }, 1); // about 1e12
 * ```
 */
export function serviceGridLength(service: Distribution, step: number): number {
  if (!(step > 0)) return Number.POSITIVE_INFINITY;
  const law = continuousLaw(service);
  if (Array.isArray(law)) return Math.ceil(Math.max(0, ...(law as readonly number[])) / step) + 2;
  const continuous = law as ContinuousLaw;
  const last = lastContinuousStep(continuous, step);
  const length = last + 2;
  const f = continuous.cdf((last + 1) * step);
  const tail = 1 - f;
  if (!(tail > 0)) return length;
  const tailMean = (continuous.mean - continuous.partialMean((last + 1) * step)) / tail;
  return Math.max(length, Math.floor(Math.max(tailMean, length * step) / step) + 2);
}

/**
 * Discretises a service-time law on a grid of `step` minutes so that the grid law has exactly the
 * same mean: the mass of [k·h, (k+1)·h] is shared between its two ends in proportion to where it
 * lies (the piecewise-linear, mean-preserving rounding). Point masses (deterministic, empirical)
 * are shared the same way.
 *
 * @param service - a duration law (deterministic, uniform, lognormal, gamma, exponential, empirical)
 * @param step - the grid step h in minutes
 * @returns probabilities of k·h for k = 0, 1, …; they sum to 1
 * @example
 * ```ts
 * const pmf = discretiseService({ kind: 'exponential', mean: 15 }, 0.5);
 * ```
 */
export function discretiseService(service: Distribution, step: number): Float64Array {
  const law = continuousLaw(service);
  let masses: number[];
  if (Array.isArray(law)) {
    masses = [];
    for (const value of law as readonly number[]) addPoint(masses, value, 1 / law.length, step);
  } else {
    masses = discretiseContinuous(law as ContinuousLaw, step);
  }
  const pmf = Float64Array.from(masses, (m) => (m === undefined || m < 0 ? 0 : m));
  let end = pmf.length;
  while (end > 1 && (pmf[end - 1] as number) === 0) end--;
  return pmf.subarray(0, end);
}
