/**
 * The x in (low, high) with f(x) = target for a positive, strictly falling f (such as the normal
 * loss function), given f(low) > target > f(high): Newton steps on ln f − ln target, which converge
 * in a few steps even for targets near 1e-200, kept inside the bracket and falling back to halving
 * it. Stops when f(x) is within a relative 1e-12 of the target, or after 200 steps.
 *
 * @param f - the function, positive and falling
 * @param slope - its derivative (a slope that cannot be told from 0 makes that step halve the bracket)
 * @param target - above 0
 * @param bracket - `low` and `high` with f(low) > target ≥ f(high)
 * @example
 * ```ts
 * solveFalling(normalLoss, (k) => -(1 - normalCdf(k)), 0.08, { low: -1.08, high: 40 }); // 1.0212
 * ```
 */
export function solveFalling(f: (x: number) => number, slope: (x: number) => number, target: number, bracket: { readonly low: number; readonly high: number }): number {
  const logTarget = Math.log(target);
  let { low, high } = bracket;
  let x = low < 0 && high > 0 ? 0 : (low + high) / 2;
  for (let step = 0; step < 200; step++) {
    const value = f(x);
    const gap = Math.log(value) - logTarget;
    if (Math.abs(gap) <= 1e-12) break;
    if (gap > 0) low = x;
    else high = x;
    const logSlope = slope(x) / value;
    let next = logSlope < 0 ? x - gap / logSlope : (low + high) / 2;
    if (!(next > low && next < high)) next = (low + high) / 2;
    x = next;
  }
  return x;
}
