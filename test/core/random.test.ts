import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../src/core/random.js';
import { MedofficeUsageError } from '../../src/core/result.js';

function draw(rng: ReturnType<typeof createRng>, n: number): number[] {
  return Array.from({ length: n }, () => rng.uint32());
}

describe('createRng', () => {
  it('a seed that is neither a safe integer nor a string is a usage error naming createRng', () => {
    for (const seed of [undefined, null, 1.5, Number.NaN, true, {}, 10n]) expect(() => createRng(seed as unknown as number), String(seed)).toThrow(MedofficeUsageError);
    expect(() => createRng(undefined as unknown as number)).toThrow(/createRng.*undefined/);
  });

  it('gives the same stream for the same seed (integers and strings)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.string()), (seed) => {
        expect(draw(createRng(seed), 20)).toEqual(draw(createRng(seed), 20));
      }),
    );
  });

  it('gives different streams for different seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        fc.pre(a !== b);
        expect(draw(createRng(a), 4)).not.toEqual(draw(createRng(b), 4));
      }),
    );
  });

  it('floats lie in [0, 1) and open01 in (0, 1)', () => {
    const rng = createRng(11);
    let bad = 0;
    for (let i = 0; i < 100_000; i++) {
      const f = rng.float();
      const o = rng.open01();
      if (!(f >= 0 && f < 1) || !(o > 0 && o < 1)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('int(n) is uniform over 0..n-1 (chi-square at a fixed seed)', () => {
    const rng = createRng('chi');
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) bins[rng.int(10)]! += 1;
    const expected = n / 10;
    const chi2 = bins.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.88); // 99.9th percentile of chi-square with 9 degrees of freedom
  });

  it('stream(i) depends only on the seed and i, not on what was drawn before', () => {
    const a = createRng(5);
    const b = createRng(5);
    draw(b, 1000);
    expect(draw(a.stream(3), 10)).toEqual(draw(b.stream(3), 10));
  });

  it('split streams do not repeat each other or their parent', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (seed, i, j) => {
        fc.pre(i !== j);
        const root = createRng(seed);
        const a = draw(root.stream(i), 256);
        const b = draw(root.stream(j), 256);
        const parent = draw(createRng(seed), 256);
        const setB = new Set(b);
        const setParent = new Set(parent);
        // 32-bit values: an accidental common value among 256 draws has probability about 1.5e-5.
        expect(a.filter((x) => setB.has(x)).length).toBeLessThanOrEqual(1);
        expect(a.filter((x) => setParent.has(x)).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('split() children differ from each other and are reproducible', () => {
    const a = createRng(99);
    const b = createRng(99);
    const a1 = a.split();
    const a2 = a.split();
    expect(draw(a1, 8)).not.toEqual(draw(a2, 8));
    expect(draw(b.split(), 8)).toEqual(draw(createRng(99).split(), 8));
  });

  it('neighbouring streams are uncorrelated', () => {
    const root = createRng(2026);
    const n = 50_000;
    const x = root.stream(0);
    const y = root.stream(1);
    let sxy = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      const u = x.float();
      const v = y.float();
      sxy += u * v;
      sx += u;
      sy += v;
      sxx += u * u;
      syy += v * v;
    }
    const r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    expect(Math.abs(r)).toBeLessThan(0.02); // about 4.5 standard errors
  });

  it('stream(1) of seed 2026 starts with 2469076265 (a regression pin of the generator, not an independent value)', () => {
    // Replication r runs on createRng(seed).stream(r), so any change to how streams are derived changes every simulation for a given seed; this pin makes such a change noticed.
    expect(createRng(2026).stream(1).uint32()).toBe(2469076265);
  });

  it('float() has 53 bits of resolution in [0, 1), built as ((x >>> 5)·2^26 + (y >>> 6)) / 2^53 from the next two uint32', () => {
    // The standard construction (genrand_res53 in Matsumoto and Nishimura's MT19937 reference code): the
    // numerator is at most 2^53 − 1, so dividing by 2^53 (not 2^53 − 1) keeps every float below 1.
    for (let seed = 0; seed < 200; seed++) {
      const a = createRng(seed);
      const twin = createRng(seed);
      const [x, y] = draw(twin, 2) as [number, number];
      expect(a.float(), `seed ${seed}`).toBe(((x >>> 5) * 2 ** 26 + (y >>> 6)) / 2 ** 53);
    }
  });

  it('seeds beyond 32 bits keep their high word: −1 and 2^32 − 1 share the low 32 bits yet give different streams', () => {
    expect(draw(createRng(-1), 4)).not.toEqual(draw(createRng(2 ** 32 - 1), 4));
  });

  it('stream indices beyond 32 bits keep their high word: stream(0) and stream(2^32) differ', () => {
    const root = createRng(1);
    expect(draw(root.stream(0), 4)).not.toEqual(draw(root.stream(2 ** 32), 4));
  });

  it('refuses seeds and indices that are not safe integers', () => {
    expect(() => createRng(1.5)).toThrow();
    expect(() => createRng(1).stream(-1)).toThrow();
    expect(() => createRng(1).int(0)).toThrow();
  });
});
