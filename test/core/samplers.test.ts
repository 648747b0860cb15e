import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { compileSampler, distributionMean, distributionVariance, DistributionSchema, type Distribution } from '../../src/core/distribution.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import {
  logGamma,
  lognormalParameters,
  sampleBernoulli,
  sampleEmpirical,
  sampleExponential,
  sampleGamma,
  sampleLognormal,
  sampleNormal,
  samplePoisson,
  sampleUniform,
} from '../../src/core/samplers.js';

const N = 200_000;

function moments(d: Distribution, seed: number): { mean: number; variance: number } {
  const sample = compileSampler(d);
  const rng = createRng(seed);
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < N; i++) {
    const x = sample(rng);
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  return { mean, variance: m2 / (N - 1) };
}

const cases: Distribution[] = [
  { kind: 'uniform', min: 10, max: 20 },
  { kind: 'normal', mean: 15, sd: 5 },
  { kind: 'lognormal', mean: 15, sd: 7.5 },
  { kind: 'gamma', mean: 15, sd: 5 },
  { kind: 'gamma', mean: 2, sd: 4 },
  { kind: 'exponential', mean: 15 },
  { kind: 'poisson', mean: 3.2 },
  { kind: 'poisson', mean: 140 },
  { kind: 'bernoulli', p: 0.1 },
  { kind: 'empirical', values: [12, 15, 15, 22, 31] },
  { kind: 'deterministic', value: 15 },
];

describe('samplers agree with theory at a fixed seed', () => {
  for (const [index, d] of cases.entries()) {
    it(`${d.kind} ${JSON.stringify(d)}`, () => {
      const { mean, variance } = moments(d, 1000 + index);
      const mu = distributionMean(d);
      const sigma2 = distributionVariance(d);
      // Mean within 4 standard errors; variance within 5% (or exact for a constant).
      expect(Math.abs(mean - mu)).toBeLessThanOrEqual(4 * Math.sqrt(sigma2 / N) + 1e-12);
      if (sigma2 === 0) expect(variance).toBe(0);
      else expect(Math.abs(variance / sigma2 - 1)).toBeLessThan(0.05);
    });
  }

  it('poisson samples are non-negative integers', () => {
    for (const mean of [0.5, 9.9, 10, 500]) {
      const sample = compileSampler({ kind: 'poisson', mean });
      const rng = createRng(mean * 10);
      for (let i = 0; i < 5000; i++) {
        const k = sample(rng);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
      }
    }
  });
});

describe('parameters', () => {
  it('lognormal parameters reproduce the requested mean and sd', () => {
    const { mu, sigma } = lognormalParameters(15, 7.5);
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(15, 12);
    expect(Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma))).toBeCloseTo(7.5, 12);
  });

  it('lognormal parameters keep a tiny sd: σ ≈ sd/mean once (sd/mean)² is below machine epsilon (log1p, not log(1 + x))', () => {
    // σ² = ln(1 + cv²) = cv² − cv⁴/2 + …; with cv = 1e-7/15, 1 + cv² rounds to 1 and log gave σ = 0.
    for (const sd of [1e-7, 1e-9, 1e-12]) {
      const { mu, sigma } = lognormalParameters(15, sd);
      expect(sigma / (sd / 15) - 1).toBeCloseTo(0, 12);
      expect(mu).toBeCloseTo(Math.log(15), 12);
    }
  });

  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(21)).toBeCloseTo(Math.log(2432902008176640000), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});

describe('DistributionSchema', () => {
  it('rejects impossible parameters with a path', () => {
    const bad = [
      { kind: 'exponential', mean: -1 },
      { kind: 'bernoulli', p: 1.5 },
      { kind: 'empirical', values: [] },
      { kind: 'uniform', min: 5, max: 1 },
      { kind: 'lognormal', mean: 0, sd: 1 },
      { kind: 'weibull', shape: 2 },
    ];
    for (const input of bad) expect(DistributionSchema.safeParse(input).success).toBe(false);
    const r = DistributionSchema.safeParse({ kind: 'uniform', min: 5, max: 1 });
    expect(r.success ? [] : r.error.issues[0]?.path).toEqual(['max']);
  });
});

describe('parameters out of range are usage errors', () => {
  const rng = createRng(1);
  it('each sampler refuses NaN, infinite and out-of-range parameters (they used to hang or return NaN)', () => {
    const bad: [string, () => unknown][] = [
      ['samplePoisson NaN', () => samplePoisson(rng, Number.NaN)],
      ['samplePoisson ∞', () => samplePoisson(rng, Infinity)],
      ['samplePoisson −1', () => samplePoisson(rng, -1)],
      ['sampleGamma NaN shape', () => sampleGamma(rng, Number.NaN, 1)],
      ['sampleGamma 0 shape', () => sampleGamma(rng, 0, 1)],
      ['sampleGamma NaN scale', () => sampleGamma(rng, 2, Number.NaN)],
      ['sampleGamma −1 scale', () => sampleGamma(rng, 2, -1)],
      ['sampleUniform NaN', () => sampleUniform(rng, Number.NaN, 1)],
      ['sampleUniform max < min', () => sampleUniform(rng, 2, 1)],
      ['sampleNormal ∞ mean', () => sampleNormal(rng, Infinity, 1)],
      ['sampleNormal sd −1', () => sampleNormal(rng, 0, -1)],
      ['sampleLognormal NaN sigma', () => sampleLognormal(rng, 0, Number.NaN)],
      ['sampleExponential 0', () => sampleExponential(rng, 0)],
      ['sampleExponential NaN', () => sampleExponential(rng, Number.NaN)],
      ['sampleBernoulli 1.5', () => sampleBernoulli(rng, 1.5)],
      ['sampleBernoulli NaN', () => sampleBernoulli(rng, Number.NaN)],
      ['sampleEmpirical []', () => sampleEmpirical(rng, [])],
    ];
    for (const [name, call] of bad) expect(call, name).toThrow(MedofficeUsageError);
    expect(samplePoisson(rng, 0)).toBe(0);
  });

  it('sampleNormal takes sd 0, which the docs and DistributionSchema allow: N(15, 0) is the constant 15', () => {
    expect(sampleNormal(createRng(1), 15, 0)).toBe(15);
  });

  it('compileSampler refuses what DistributionSchema refuses, at compile time, with coded issues', () => {
    for (const d of [
      { kind: 'poisson', mean: Number.NaN },
      { kind: 'poisson', mean: Infinity },
      { kind: 'gamma', mean: Number.NaN, sd: 1 },
      { kind: 'normal', mean: 0, sd: -1 },
      { kind: 'bernoulli', p: 2 },
      { kind: 'weibull', shape: 2 },
    ]) {
      expect(() => compileSampler(d as Distribution), JSON.stringify(d)).toThrow(MedofficeUsageError);
    }
    let error: unknown;
    try {
      compileSampler({ kind: 'poisson', mean: Number.NaN });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MedofficeUsageError);
    expect((error as MedofficeUsageError).issues[0]).toMatchObject({ code: 'distribution.invalid', path: ['mean'] });
    // Moments whose parameters overflow: shape (mean/sd)² = ∞.
    expect(() => compileSampler({ kind: 'gamma', mean: 1e200, sd: 1e-200 })).toThrow(MedofficeUsageError);
  });

  it('valid parameters draw exactly what they drew before the checks (same stream)', () => {
    // Drawn at seed 2026 with the samplers as they were before parameter checking.
    const before = [
      12.01412830102438, 22.63644633944567, 17.846566745851543, 0.043776495303610385, 23.161375754524244, 8.18545516635574, 0, 3, 155, 0, 15,
      11.572731739724688, 22.324290665716653, 8.947270040498148, 68.16931884912003, 11.154285401855073, 0.0003233331335110129, 0, 1, 150, 0, 22,
      14.540447081907953, 9.274101234717998, 19.902023286745585, 17.142544766159837, 15.507570887869768, 9.767494721057512, 0, 0, 135, 0, 22,
      0.2054429074387754, 0.0194998840503407, 8, 9, 11.453095493633523, 10.042664077868952, 1, 1,
    ];
    const rng = createRng(2026);
    const now: number[] = [];
    for (let i = 0; i < 3; i++) {
      now.push(
        sampleUniform(rng, 10, 20), sampleNormal(rng, 15, 5), sampleLognormal(rng, 2.6, 0.47), sampleExponential(rng, 15), sampleGamma(rng, 4, 3.75),
        sampleGamma(rng, 0.25, 8), samplePoisson(rng, 0), samplePoisson(rng, 2.5), samplePoisson(rng, 140), sampleBernoulli(rng, 0.3) ? 1 : 0,
        sampleEmpirical(rng, [12, 15, 22]),
      );
    }
    const laws: Distribution[] = [{ kind: 'gamma', mean: 2, sd: 4 }, { kind: 'poisson', mean: 9.5 }, { kind: 'lognormal', mean: 15, sd: 7.5 }, { kind: 'uniform', min: 1, max: 1 }];
    for (const d of laws) {
      const sample = compileSampler(d);
      now.push(sample(rng), sample(rng));
    }
    expect(now).toHaveLength(before.length);
    now.forEach((x, i) => expect(x).toBeCloseTo(before[i] as number, 12));
  });
});

