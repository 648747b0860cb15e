import type { Rng } from './random.js';
import { MedofficeUsageError } from './result.js';

/** Throws the usage error for a sampler parameter outside its range (NaN and ±∞ included). */
function refuse(sampler: string, parameter: string, range: string, value: number): never {
  throw new MedofficeUsageError(`${sampler}: ${parameter} must be ${range}, got ${value}`);
}

/**
 * A draw from U(min, max).
 *
 * @throws MedofficeUsageError when min or max is not finite, or max < min
 * @example
 * ```ts
 * sampleUniform(createRng(1), 10, 20); // somewhere in [10, 20)
 * ```
 */
export function sampleUniform(rng: Rng, min: number, max: number): number {
  if (!Number.isFinite(min)) refuse('sampleUniform', 'min', 'a finite number', min);
  if (!(Number.isFinite(max) && max >= min)) refuse('sampleUniform', 'max', `a finite number at least min (${min})`, max);
  return min + (max - min) * rng.float();
}

/**
 * A draw from the standard normal N(0, 1), by Marsaglia's polar method.
 *
 * @example
 * ```ts
 * const z = sampleStandardNormal(createRng(1));
 * ```
 */
export function sampleStandardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.open01() - 1;
    const v = 2 * rng.open01() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * A draw from N(mean, sd²).
 *
 * @throws MedofficeUsageError when mean is not finite or sd is not a finite number at least 0
 * @example
 * ```ts
 * sampleNormal(createRng(1), 15, 5);
 * ```
 */
export function sampleNormal(rng: Rng, mean: number, sd: number): number {
  if (!Number.isFinite(mean)) refuse('sampleNormal', 'mean', 'a finite number', mean);
  if (!(Number.isFinite(sd) && sd >= 0)) refuse('sampleNormal', 'sd', 'a finite number at least 0', sd);
  return mean + sd * sampleStandardNormal(rng);
}

/**
 * A draw from the lognormal whose logarithm is N(mu, sigma²).
 *
 * @throws MedofficeUsageError when mu is not finite or sigma is not a finite number at least 0
 * @example
 * ```ts
 * const { mu, sigma } = lognormalParameters(15, 7.5);
 * sampleLognormal(createRng(1), mu, sigma); // service time, mean 15
 * ```
 */
export function sampleLognormal(rng: Rng, mu: number, sigma: number): number {
  if (!Number.isFinite(mu)) refuse('sampleLognormal', 'mu', 'a finite number', mu);
  if (!(Number.isFinite(sigma) && sigma >= 0)) refuse('sampleLognormal', 'sigma', 'a finite number at least 0', sigma);
  return Math.exp(mu + sigma * sampleStandardNormal(rng));
}

/**
 * The (mu, sigma) of the lognormal with the given mean and standard deviation.
 *
 * @example
 * ```ts
 * lognormalParameters(15, 7.5); // { mu: 2.5964..., sigma: 0.4723... }
 * ```
 */
export function lognormalParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/**
 * A draw from the exponential distribution with the given mean.
 *
 * @throws MedofficeUsageError when mean is not a finite number above 0
 * @example
 * ```ts
 * sampleExponential(createRng(1), 15);
 * ```
 */
export function sampleExponential(rng: Rng, mean: number): number {
  if (!(Number.isFinite(mean) && mean > 0)) refuse('sampleExponential', 'mean', 'a finite number above 0', mean);
  return -mean * Math.log(rng.open01());
}

/**
 * A draw from Gamma(shape, scale) (mean shape·scale), by Marsaglia and Tsang (2000);
 * shapes below 1 use the boost u^(1/shape).
 *
 * @throws MedofficeUsageError when shape or scale is not a finite number above 0
 * @example
 * ```ts
 * sampleGamma(createRng(1), 4, 3.75); // mean 15
 * ```
 */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (!(Number.isFinite(shape) && shape > 0)) refuse('sampleGamma', 'shape', 'a finite number above 0', shape);
  if (!(Number.isFinite(scale) && scale > 0)) refuse('sampleGamma', 'scale', 'a finite number above 0', scale);
  if (shape < 1) {
    return marsagliaTsang(rng, shape + 1, scale) * Math.pow(rng.open01(), 1 / shape);
  }
  return marsagliaTsang(rng, shape, scale);
}

/** Marsaglia and Tsang's method for shape ≥ 1. */
function marsagliaTsang(rng: Rng, shape: number, scale: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.open01();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/**
 * A draw from Bernoulli(p): true with probability p.
 *
 * @throws MedofficeUsageError when p is not a number from 0 to 1
 * @example
 * ```ts
 * const noShow = sampleBernoulli(createRng(1), 0.1);
 * ```
 */
export function sampleBernoulli(rng: Rng, p: number): boolean {
  if (!(p >= 0 && p <= 1)) refuse('sampleBernoulli', 'p', 'a number from 0 to 1', p);
  return rng.float() < p;
}

/**
 * A draw from Poisson(mean): below mean 10, Knuth's multiplication of uniforms (count the uniforms
 * whose running product stays above e^−mean); from 10 on, Hörmann's PTRS (1993). Mean 0 gives 0.
 *
 * @throws MedofficeUsageError when mean is not a finite number at least 0
 * @example
 * ```ts
 * const walkIns = samplePoisson(createRng(1), 2.5);
 * ```
 */
export function samplePoisson(rng: Rng, mean: number): number {
  if (!(Number.isFinite(mean) && mean >= 0)) refuse('samplePoisson', 'mean', 'a finite number at least 0', mean);
  if (mean === 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = rng.open01();
    while (product > limit) {
      k++;
      product *= rng.open01();
    }
    return k;
  }
  return poissonPtrs(rng, mean);
}

function poissonPtrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.float() - 0.5;
    const v = rng.open01();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -lambda + k * logLambda - logGamma(k + 1)) return k;
  }
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, 15 significant digits).
 *
 * @example
 * ```ts
 * logGamma(5); // ln 24
 * ```
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * A draw from the empirical distribution of observed values (each observation equally likely).
 *
 * @throws MedofficeUsageError when there are no observations
 * @example
 * ```ts
 * sampleEmpirical(createRng(1), [12, 15, 15, 22, 31]);
 * ```
 */
export function sampleEmpirical(rng: Rng, observations: readonly number[]): number {
  if (observations.length === 0) throw new MedofficeUsageError('sampleEmpirical: needs at least one observation, got none');
  return observations[rng.int(observations.length)] as number;
}
