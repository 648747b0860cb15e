import { describe, expect, it } from 'vitest';
import { regularizedLowerGamma } from '../../../src/scheduling/optimize/incompleteGamma.js';
import { evaluateSchedule } from '../../../src/scheduling/optimize/evaluateSchedule.js';

// References: P(a, x) = x^a e^(−x) / Γ(a + 1) · 1F1(1; a + 1; x) (DLMF 8.5.1 with Kummer's
// transformation) in mpmath 1.3.0 at 40 digits (mp.hyp1f1(1, a + 1, x, maxterms=10**8)), agreeing
// with mp.gammainc(a, 0, x, regularized=True) to 30 digits where that converges (a ≤ 10⁶); x is
// the double a − √a or a + √a, as computed below.
const REFERENCES: readonly [number, readonly [number, number, number]][] = [
  [10, [0.54207028552814779, 0.15343696063860646, 0.84464159639636269]],
  [100, [0.51329879827914866, 0.15822098918643017, 0.84172132993991291]],
  [1000, [0.50420524418021551, 0.15861399679200126, 0.84138418842872086]],
  [1e4, [0.5013298083399552, 0.15865119219356466, 0.84134875044717962]],
  [9e4, [0.50044326922780765, 0.15865480477273979, 0.84134519310294973]],
  [1e6, [0.50013298076087259, 0.15865521357430365, 0.84134478636834029]],
  [1e7, [0.5000420522087237, 0.15865524989767945, 0.84134475010050679]],
  [1e8, [0.50001329807601412, 0.15865525352814383, 0.84134474647179881]],
];

describe('regularizedLowerGamma for large shapes', () => {
  // With at most 500 terms, the series and the continued fraction stopped short once they needed
  // O(√a) terms: P(9e4, 9e4) came out 0.45239 (true 0.50044), and P(1e8, 1e8) 0.0199.
  it.each(REFERENCES)('a = %d: P(a, a), P(a, a − √a) and P(a, a + √a) within 10⁻¹² of mpmath', (a, [atA, below, above]) => {
    const s = Math.sqrt(a);
    expect(Math.abs(regularizedLowerGamma(a, a) / atA - 1)).toBeLessThan(1e-12);
    expect(Math.abs(regularizedLowerGamma(a, a - s) / below - 1)).toBeLessThan(1e-12);
    expect(Math.abs(regularizedLowerGamma(a, a + s) / above - 1)).toBeLessThan(1e-12);
  });

  it('is monotone in x (to rounding) and stays in [0, 1] for a = 10⁴, across the switches between methods', () => {
    const a = 1e4;
    let previous = 0;
    for (let x = 0.5 * a; x <= 1.6 * a; x += 0.37) {
      const p = regularizedLowerGamma(a, x);
      expect(p).toBeGreaterThanOrEqual(previous - 2 ** -52);
      expect(p).toBeLessThanOrEqual(1);
      previous = p;
    }
  });

  // Just inside and just outside |η| = 0.3 (λ = 0.72922 and 1.33072), where Temme's expansion hands
  // over to the series and the continued fraction; references as above.
  it.each([
    [100, 72.92194855377166, 0.0015093113673566174],
    [100, 72.92194869961556, 0.0015093114559197534],
    [100, 133.0720598757281, 0.998787338289616],
    [100, 133.0720601418722, 0.99878733837817913],
    [10000, 7292.194855377166, 5.4367618223609036e-198],
    [10000, 7292.194869961557, 5.4367912950396725e-198],
  ])('a = %d, x = %d, on either side of the switch between methods: within 10⁻¹² of mpmath', (a, x, reference) => {
    expect(Math.abs(regularizedLowerGamma(a, x) / reference - 1)).toBeLessThan(1e-12);
  });

  it('a gamma service law with a CV of 0.33% (shape 90,000) costs what the lognormal of the same mean and sd does', () => {
    // At CV 1% the two laws give the same costs to 4 digits; the gamma's wait was 15.6% short at 0.33%.
    const base = { slots: [1, 1, 1, 1, 1, 1, 1, 1], intervalMinutes: 15, sessionMinutes: 120, noShowProbability: 0 };
    for (const sd of [0.05, 1e-3]) {
      const gamma = evaluateSchedule({ ...base, service: { kind: 'gamma', mean: 15, sd } });
      const lognormal = evaluateSchedule({ ...base, service: { kind: 'lognormal', mean: 15, sd } });
      if (!gamma.ok || !lognormal.ok) throw new Error('evaluation failed');
      expect(Math.abs(gamma.value.expectedTotalWait / lognormal.value.expectedTotalWait - 1)).toBeLessThan(1e-3);
    }
  });
});
