import { describe, expect, it } from 'vitest';
import { normalLoss, normalQuantile } from '../../../src/core/normal.js';
import {
  economicOrderQuantity,
  newsvendorQuantity,
  protectionSigma,
  safetyFactorForCycleService,
  safetyFactorForFillRate,
} from '../../../src/inventory/index.js';

// What was checked against a stored copy of each source, and what was not:
// - Nahmias Example 4.1 (pencils): the data (60 a week, 2 cents, $12 an order, 25% a year) match
//   lecture notes reproducing the example; Q* = 3,870 and T = 1.24 years are the EOQ formula's
//   values for those data (√(2 · 12 · 3,120 / 0.005) = 3,869.9), not read from a stored copy.
// - Harvey's Specialty Shop mustard (Nahmias ch. 5, service levels): only homework variants of the
//   example were found in stored copies ($10 a jar, 20% a year, $50 an order, lead-time demand mean 100
//   and σ 25, 98% cycle service and 98% fill rate); the answers below are recomputed from the
//   textbook's formulas (z = Φ⁻¹(0.98), L(z) = (1 − β)Q/σ) and agree with the printed table values.
// - Mac's newsstand (Nahmias ch. 5, newsboy model): μ = 11.73 and σ = 4.74 match lecture notes on the
//   example; the costs and the answer are recomputed (critical ratio c_u/(c_u + c_o)).
// - Harvey's olives (Nahmias ch. 5 problem): the data match a stored copy of the problem; σ and R are
//   recomputed from the variable-lead-time formula, the book prints no answer.
// - The loss values G(z) = φ(z) − z(1 − Φ(z)) were checked by hand to four places.
describe('published inventory examples', () => {
  it('EOQ: Nahmias, Production and Operations Analysis, Example 4.1 (pencils): Q* = 3,870, T = 1.24 years', () => {
    // 60 pencils a week (λ = 3,120 a year), 2 cents each, $12 to order, 25% annual interest: h = 0.005.
    const { quantity, cycleYears } = economicOrderQuantity({ annualDemand: 60 * 52, orderCost: 12, holdingCostPerUnitYear: 0.25 * 0.02 });
    expect(Math.round(quantity)).toBe(3870);
    expect(Number(cycleYears.toFixed(2))).toBe(1.24);
  });

  it('type 1 service: Nahmias ch. 5, Harvey\'s Specialty Shop mustard (μ = 100, σ = 25 over the lead time): 98% gives z = 2.05, R = 151', () => {
    const z = safetyFactorForCycleService(0.98);
    expect(Number(z.toFixed(2))).toBe(2.05);
    expect(Math.round(100 + z * 25)).toBe(151);
  });

  it('type 2 service: Nahmias ch. 5, Harvey\'s Specialty Shop mustard (Q = EOQ = 100): 98% fill rate needs L(z) = 0.08, z = 1.02, R = 126', () => {
    const { quantity } = economicOrderQuantity({ annualDemand: 200, orderCost: 50, holdingCostPerUnitYear: 0.2 * 10 });
    expect(quantity).toBe(100);
    const z = safetyFactorForFillRate({ fillRate: 0.98, orderQuantity: quantity, sigma: 25 });
    expect(normalLoss(z)).toBeCloseTo(0.08, 10);
    expect(Number(z.toFixed(2))).toBe(1.02);
    expect(Math.ceil(100 + z * 25)).toBe(126);
  });

  it('standard normal loss function G(z) = φ(z) − z(1 − Φ(z)) to four places: G(0) = 0.3989, G(1) = 0.0833, G(1.5) = 0.0293, G(2) = 0.0085', () => {
    expect(Number(normalLoss(0).toFixed(4))).toBe(0.3989);
    expect(Number(normalLoss(1).toFixed(4))).toBe(0.0833);
    expect(Number(normalLoss(1.5).toFixed(4))).toBe(0.0293);
    expect(Number(normalLoss(2).toFixed(4))).toBe(0.0085);
  });

  it('newsvendor: Nahmias ch. 5, Mac\'s newsstand (μ = 11.73, σ = 4.74, c_u = 0.50, c_o = 0.25): ratio 0.667, z = 0.43, Q = 14', () => {
    const answer = newsvendorQuantity({ mean: 11.73, sd: 4.74, underageCost: 0.5, overageCost: 0.25 });
    expect(Number(answer.criticalRatio.toFixed(3))).toBe(0.667);
    expect(Number(answer.z.toFixed(2))).toBe(0.43);
    expect(Math.round(answer.quantity)).toBe(14);
  });

  it('variable lead time: Nahmias chapter 5 problem (Harvey\'s olives: monthly demand 15 ± 6, lead time 4 ± 1.5 months, 6% stock-out risk): σ = 25.5, R ≈ 100', () => {
    // The book prints the data; σ = √(L σ_d² + d² σ_L²) = √(4·36 + 225·2.25) and R = 60 + z σ follow its formulas.
    const sigma = protectionSigma({ demandPerDay: 15, demandSdPerDay: 6, leadTimeDays: 4, leadTimeSdDays: 1.5 });
    expect(sigma).toBeCloseTo(25.5, 12);
    expect(Math.round(60 + normalQuantile(0.94) * sigma)).toBe(100);
  });
});
