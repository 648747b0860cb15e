/** How E[(V − x)⁺] is read between grid points: see {@link lastStretch}. */
export type EndInterpolation = 'linear' | 'cubic';

/** E[(V − j)⁺] in grid steps for a whole number j ≥ 0. */
function excessOver(pmf: Float64Array, length: number, j: number): number {
  let sum = 0;
  for (let k = j + 1; k < length; k++) sum += (pmf[k] as number) * (k - j);
  return sum;
}

function meanOf(pmf: Float64Array, length: number): number {
  let sum = 0;
  for (let k = 1; k < length; k++) sum += k * (pmf[k] as number);
  return sum;
}

/** The cubic through (−1, a), (0, b), (1, c), (2, d), at θ ∈ (0, 1). */
function cubicAt(theta: number, a: number, b: number, c: number, d: number): number {
  return (
    (-theta * (theta - 1) * (theta - 2) * a) / 6 +
    ((theta + 1) * (theta - 1) * (theta - 2) * b) / 2 -
    ((theta + 1) * theta * (theta - 2) * c) / 2 +
    ((theta + 1) * theta * (theta - 1) * d) / 6
  );
}

/**
 * The expected idle time and overtime of the last stretch of a session, `r` grid steps long (from
 * the start of the last interval to the session end), when the workload then is V with probabilities
 * `pmf[k]` of k steps: overtime E[(V − r)⁺] and idle time E[(r − V)⁺] = r − E[V] + E[(V − r)⁺], so
 * idle − overtime = r − E[V] exactly. For a whole r both are read off the grid. Otherwise
 * E[(V − x)⁺] is interpolated in x between the grid points around r: `linear` when V lives on the
 * grid points only (a law of atoms on the grid; then it is exact, the function being linear between
 * them), `cubic` through the four nearest grid points when V stands for a smooth law (error O(h⁴),
 * far below the grid's own O(h²); linear interpolation would add about h²θ(1 − θ)/2 times the
 * density of V at r, θ being the fraction of a step, which differs between the two grids of the
 * Richardson extrapolation and would spoil it).
 *
 * @param pmf - workload probabilities by grid step
 * @param length - how many entries of `pmf` are in use
 * @param r - length of the stretch in grid steps (≥ 1; need not be whole)
 * @param interpolation - how to read between grid points
 * @returns idle time and overtime, in grid steps
 * @example
 * ```ts
 * // Work of 0 or 4 steps, equally likely; the session ends 2.5 steps later.
 * lastStretch(Float64Array.of(0.5, 0, 0, 0, 0.5), 5, 2.5, 'linear'); // { idleSteps: 1.25, overtimeSteps: 0.75 }
 * ```
 */
export function lastStretch(pmf: Float64Array, length: number, r: number, interpolation: EndInterpolation): { idleSteps: number; overtimeSteps: number } {
  const m = Math.floor(r);
  const theta = r - m;
  const at = (j: number): number => excessOver(pmf, length, j);
  let over: number;
  if (theta === 0) over = at(m);
  else if (interpolation === 'linear' || m < 1) over = (1 - theta) * at(m) + theta * at(m + 1);
  else over = cubicAt(theta, at(m - 1), at(m), at(m + 1), at(m + 2));
  const overtimeSteps = Math.max(0, over);
  return { idleSteps: r - meanOf(pmf, length) + overtimeSteps, overtimeSteps };
}
