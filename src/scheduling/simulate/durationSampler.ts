import { compileSampler, type Distribution, type Sampler } from '../../core/distribution.js';
import { lognormalParameters } from '../../core/samplers.js';

const TWO_PI = 2 * Math.PI;

/**
 * A standard normal by the Box-Muller transform from two 32-bit uniforms in (0, 1): two generator
 * words per draw and no rejection loop (the polar method spends about five). Stateless, so a
 * replication's draws depend only on its own stream.
 *
 * @example
 * ```ts
 * const z = boxMullerNormal(createRng(1));
 * ```
 */
export function boxMullerNormal(rng: { open01(): number }): number {
  return Math.sqrt(-2 * Math.log(rng.open01())) * Math.cos(TWO_PI * rng.open01());
}

/**
 * Compiles a duration law into the sampler the simulator's hot loop calls: lognormal and normal
 * by {@link boxMullerNormal}, exponential by inversion of one 32-bit uniform, everything else by
 * the core sampler.
 *
 * @param d - the law
 * @returns a sampler
 * @example
 * ```ts
 * const service = compileDurationSampler({ kind: 'lognormal', mean: 15, sd: 7.5 });
 * service(createRng(1).stream(0));
 * ```
 */
export function compileDurationSampler(d: Distribution): Sampler {
  if (d.kind === 'lognormal') {
    const { mu, sigma } = lognormalParameters(d.mean, d.sd);
    return (rng) => Math.exp(mu + sigma * boxMullerNormal(rng));
  }
  if (d.kind === 'normal') return (rng) => d.mean + d.sd * boxMullerNormal(rng);
  if (d.kind === 'exponential') return (rng) => -d.mean * Math.log(rng.open01());
  return compileSampler(d);
}
