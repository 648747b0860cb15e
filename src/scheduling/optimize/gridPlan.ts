import { match } from 'ts-pattern';
import { distributionMean, distributionVariance, type Distribution } from '../../core/distribution.js';
import { lognormalParameters } from '../../core/samplers.js';

/** How finely a session is discretised, and whether the two-grid extrapolation is applied. */
export interface GridPlan {
  /** Grid steps per booking interval. */
  readonly stepsPerInterval: number;
  /** Whether to cancel the O(h²) error with the grid twice as coarse. */
  readonly extrapolate: boolean;
}

const MAX_STEPS = 512;

/** Points where the service law has atoms or jumps in density; the grid should contain them. */
function breakpoints(service: Distribution): readonly number[] {
  return match(service)
    .with({ kind: 'deterministic' }, (d) => [d.value])
    .with({ kind: 'empirical' }, (d) => d.values)
    .with({ kind: 'uniform' }, (d) => [d.min, d.max])
    .with({ kind: 'lognormal' }, (d) => (lognormalIsPoint(d.mean, d.sd) ? [d.mean] : []))
    .otherwise(() => []);
}

// A lognormal is a point mass at its mean when its σ is 0: for sd 0, and for an sd so small beside the
// mean that (sd/mean)² underflows (below about 1e-154·mean). Its density cannot be evaluated then (a
// division by σ), so it is handled as the atom it is.
function lognormalIsPoint(mean: number, sd: number): boolean {
  return lognormalParameters(mean, sd).sigma === 0;
}

/**
 * Whether a service law is made of point masses only (deterministic, empirical, a lognormal with
 * σ = 0, as for sd 0 or an sd whose square underflows beside the mean), a uniform with min = max): on a grid holding its atoms the workload then lives on the grid
 * points and the evaluation is exact, with no extrapolation.
 *
 * @example
 * ```ts
 * hasAtoms({ kind: 'empirical', values: [10, 20] }); // true
 * hasAtoms({ kind: 'exponential', mean: 15 });       // false
 * ```
 */
export function hasAtoms(service: Distribution): boolean {
  return (
    service.kind === 'deterministic' ||
    service.kind === 'empirical' ||
    (service.kind === 'lognormal' && lognormalIsPoint(service.mean, service.sd)) ||
    (service.kind === 'uniform' && service.min === service.max)
  );
}

function onGrid(values: readonly number[], step: number): boolean {
  return values.every((v) => Math.abs(v / step - Math.round(v / step)) < 1e-9);
}

/**
 * Chooses the grid of an evaluation. Smooth laws get a step of at most 1/8 of the service time's
 * smaller scale (mean or standard deviation) and the two-grid Richardson extrapolation. Laws with
 * atoms (deterministic, empirical) get the coarsest grid holding every atom, on which the
 * computation is exact, without extrapolation; uniform laws get a grid holding both ends of their
 * support. The session end need not lie on the grid: the last stretch of the session is evaluated
 * at its exact length (see docs/simulation.md). When no grid of up to 512 steps per interval holds
 * every atom (atoms that are not near-rational multiples of the interval), 512 steps are used and
 * each atom is shared between its two neighbouring grid points (mean-preserving), an error of the
 * order of the step squared; a smooth law that cannot put its breakpoints on the grid gets its base
 * grid the same way.
 *
 * @param service - the service law
 * @param intervalMinutes - interval length
 * @param _sessionMinutes - session length; no longer used (any session end is handled exactly), kept so existing calls compile
 * @returns the plan
 * @example
 * ```ts
 * planGrid({ kind: 'lognormal', mean: 15, sd: 7.5 }, 15, 300); // { stepsPerInterval: 16, extrapolate: true }
 * ```
 */
export function planGrid(service: Distribution, intervalMinutes: number, _sessionMinutes?: number): GridPlan {
  const mean = distributionMean(service);
  const sd = Math.sqrt(distributionVariance(service));
  const scale = Math.min(intervalMinutes, mean > 0 ? mean : intervalMinutes, sd > 0 ? sd : intervalMinutes);
  const smooth = Math.max(4, Math.min(MAX_STEPS, Math.ceil((8 * intervalMinutes) / scale)));
  const base = smooth + (smooth % 2);
  const points = breakpoints(service);
  const atomic = hasAtoms(service);
  for (let steps = atomic ? 1 : base; steps <= MAX_STEPS; steps += atomic ? 1 : base) {
    // An extrapolated plan needs the breakpoints on the grid twice as coarse as well.
    if (onGrid(points, intervalMinutes / (atomic ? steps : steps / 2))) {
      return atomic ? { stepsPerInterval: Math.max(steps, 1), extrapolate: false } : { stepsPerInterval: steps, extrapolate: true };
    }
  }
  return { stepsPerInterval: atomic ? MAX_STEPS : base, extrapolate: !atomic };
}
