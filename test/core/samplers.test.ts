import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { compileSampler, distributionMean, distributionVariance, DistributionSchema, type Distribution } from '../../src/core/distribution.js';
import { logGamma, lognormalParameters } from '../../src/core/samplers.js';

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
