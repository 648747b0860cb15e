import { z } from 'zod';
import { match } from 'ts-pattern';
import { formatPath } from './issue.js';
import { issuesFromZod } from './parse.js';
import type { Rng } from './random.js';
import { MedofficeUsageError } from './result.js';
import {
  lognormalParameters,
  sampleBernoulli,
  sampleEmpirical,
  sampleExponential,
  sampleGamma,
  sampleLognormal,
  sampleNormal,
  samplePoisson,
  sampleUniform,
} from './samplers.js';

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

/**
 * A probability distribution described as data, so scenarios can be stored as JSON and
 * validated at the boundary. Continuous families are given by their mean and standard deviation
 * where that is how people think of them (service times: lognormal mean 15, sd 7.5).
 *
 * @example
 * ```ts
 * const service = DistributionSchema.parse({ kind: 'lognormal', mean: 15, sd: 7.5 });
 * ```
 */
export const DistributionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deterministic'), value: z.number().finite() }),
  z
    .object({ kind: z.literal('uniform'), min: z.number().finite(), max: z.number().finite() })
    .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
  z.object({ kind: z.literal('normal'), mean: z.number().finite(), sd: nonNegative }),
  z.object({ kind: z.literal('lognormal'), mean: positive, sd: nonNegative }),
  z.object({ kind: z.literal('gamma'), mean: positive, sd: positive }),
  z.object({ kind: z.literal('exponential'), mean: positive }),
  z.object({ kind: z.literal('empirical'), values: z.array(z.number().finite()).min(1) }),
  z.object({ kind: z.literal('poisson'), mean: nonNegative }),
  z.object({ kind: z.literal('bernoulli'), p: z.number().min(0).max(1) }),
]);

/** A validated distribution. See {@link DistributionSchema}. */
export type Distribution = z.infer<typeof DistributionSchema>;

/**
 * The theoretical mean of a distribution.
 *
 * @example
 * ```ts
 * distributionMean({ kind: 'gamma', mean: 15, sd: 5 }); // 15
 * ```
 */
export function distributionMean(d: Distribution): number {
  return match(d)
    .with({ kind: 'deterministic' }, (x) => x.value)
    .with({ kind: 'uniform' }, (x) => (x.min + x.max) / 2)
    .with({ kind: 'normal' }, { kind: 'lognormal' }, { kind: 'gamma' }, { kind: 'exponential' }, { kind: 'poisson' }, (x) => x.mean)
    .with({ kind: 'empirical' }, (x) => x.values.reduce((s, v) => s + v, 0) / x.values.length)
    .with({ kind: 'bernoulli' }, (x) => x.p)
    .exhaustive();
}

/**
 * The theoretical variance of a distribution (population variance for `empirical`).
 *
 * @example
 * ```ts
 * distributionVariance({ kind: 'exponential', mean: 15 }); // 225
 * ```
 */
export function distributionVariance(d: Distribution): number {
  return match(d)
    .with({ kind: 'deterministic' }, () => 0)
    .with({ kind: 'uniform' }, (x) => ((x.max - x.min) * (x.max - x.min)) / 12)
    .with({ kind: 'normal' }, { kind: 'lognormal' }, { kind: 'gamma' }, (x) => x.sd * x.sd)
    .with({ kind: 'exponential' }, (x) => x.mean * x.mean)
    .with({ kind: 'poisson' }, (x) => x.mean)
    .with({ kind: 'empirical' }, (x) => {
      const mean = x.values.reduce((s, v) => s + v, 0) / x.values.length;
      return x.values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / x.values.length;
    })
    .with({ kind: 'bernoulli' }, (x) => x.p * (1 - x.p))
    .exhaustive();
}

/** A function drawing one value from a fixed distribution with the generator it is given. */
export type Sampler = (rng: Rng) => number;

/**
 * Compiles a distribution into a fast sampler, working out its parameters once.
 * Bernoulli samples are 1 or 0.
 *
 * @throws MedofficeUsageError when `d` does not pass {@link DistributionSchema} (a NaN or infinite
 * parameter, a negative Poisson mean, ...; the error's issues have code `distribution.invalid` and
 * the path of the parameter), or when a lognormal's or gamma's moments give no finite parameters
 * @example
 * ```ts
 * const service = compileSampler({ kind: 'lognormal', mean: 15, sd: 7.5 });
 * const rng = createRng(7);
 * const minutes = service(rng);
 * ```
 */
export function compileSampler(d: Distribution): Sampler {
  const parsed = DistributionSchema.safeParse(d);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, 'distribution.invalid');
    const detail = issues.map((found) => `${formatPath(found.path) || 'kind'}: ${found.message}`).join('; ');
    throw new MedofficeUsageError(`compileSampler: not a valid distribution (${detail}), got ${describe(d)}`, issues);
  }
  return match<Distribution, Sampler>(d)
    .with({ kind: 'deterministic' }, (x) => () => x.value)
    .with({ kind: 'uniform' }, (x) => (rng) => sampleUniform(rng, x.min, x.max))
    .with({ kind: 'normal' }, (x) => (rng) => sampleNormal(rng, x.mean, x.sd))
    .with({ kind: 'lognormal' }, (x) => {
      const { mu, sigma } = lognormalParameters(x.mean, x.sd);
      if (!(Number.isFinite(mu) && Number.isFinite(sigma))) throw noParameters(x);
      return (rng) => sampleLognormal(rng, mu, sigma);
    })
    .with({ kind: 'gamma' }, (x) => {
      const shape = (x.mean / x.sd) ** 2;
      const scale = (x.sd * x.sd) / x.mean;
      if (!(shape > 0 && shape < Infinity && scale > 0 && scale < Infinity)) throw noParameters(x);
      return (rng) => sampleGamma(rng, shape, scale);
    })
    .with({ kind: 'exponential' }, (x) => (rng) => sampleExponential(rng, x.mean))
    .with({ kind: 'empirical' }, (x) => {
      const values = [...x.values];
      return (rng) => sampleEmpirical(rng, values);
    })
    .with({ kind: 'poisson' }, (x) => (rng) => samplePoisson(rng, x.mean))
    .with({ kind: 'bernoulli' }, (x) => (rng) => (sampleBernoulli(rng, x.p) ? 1 : 0))
    .exhaustive();
}

/** The error for moments whose derived parameters overflow or underflow (a gamma shape of ∞, a scale of 0). */
function noParameters(d: Distribution): MedofficeUsageError {
  return new MedofficeUsageError(`compileSampler: the moments of ${describe(d)} give no finite ${d.kind} parameters`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
