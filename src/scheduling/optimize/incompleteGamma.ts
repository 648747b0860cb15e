import { logGamma } from '../../core/samplers.js';

const EPSILON = 1e-15;
const MAX_TERMS = 500;

/**
 * The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), the CDF at x of a
 * gamma distribution with shape `a` and scale 1: a series below x = a + 1, Lentz's continued
 * fraction for Q = 1 − P above (Numerical Recipes, §6.2).
 *
 * @param shape - a > 0
 * @param x - x ≥ 0
 * @returns P(a, x) in [0, 1]
 * @example
 * ```ts
 * regularizedLowerGamma(1, 2); // 1 − e^(−2) for the exponential
 * ```
 */
export function regularizedLowerGamma(shape: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = shape * Math.log(x) - x - logGamma(shape);
  if (x < shape + 1) return Math.min(1, Math.exp(logPrefix) * lowerSeries(shape, x));
  return Math.max(0, 1 - Math.exp(logPrefix) * upperFraction(shape, x));
}

function lowerSeries(shape: number, x: number): number {
  let term = 1 / shape;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (shape + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum;
}

function upperFraction(shape: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - shape;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - shape);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
