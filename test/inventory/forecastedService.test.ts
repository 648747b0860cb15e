import { describe, expect, it } from 'vitest';
import { compileSampler } from '../../src/core/distribution.js';
import { createRng } from '../../src/core/random.js';
import { forecastDemand, intermittent, ItemSchema, planItem, protectionSigma, type LotStock, type ServiceTarget } from '../../src/inventory/index.js';

const asOf = '2026-11-02';

/**
 * A clinic that re-plans an (R, S) item at every weekly review from the last year of its own usage,
 * on independent normal demand (20 ± 6 a day), with unmet demand backordered. Returns the share of
 * replenishment cycles without a shortage and the share of demand filled from stock.
 */
function closedLoop(leadDays: number, service: ServiceTarget, seed: number, weeks = 1200): { cycleService: number; fillRate: number } {
  const rng = createRng(seed);
  const draw = compileSampler({ kind: 'normal', mean: 20, sd: 6 });
  const day = (): number => Math.max(0, Math.round(draw(rng)));
  const review = 7;
  const item = ItemSchema.parse({ id: 'g', name: 'Gloves', unit: 'box', packSize: 1, unitCostCents: 100, supplier: 's', leadTime: { meanDays: leadDays, sdDays: 0 }, service, replenishment: { kind: 'periodic', reviewDays: review } });
  const history = Array.from({ length: 365 }, day);
  let onHand = 20 * (review + leadDays);
  let backlog = 0;
  const arriving = new Map<number, number>();
  let demanded = 0;
  let filled = 0;
  let cycles = 0;
  let cyclesWithoutShortage = 0;
  let started = false;
  let shortInCycle = false;
  for (let t = 0; t < weeks * review; t++) {
    const delivery = arriving.get(t);
    if (delivery !== undefined) {
      const toBacklog = Math.min(backlog, delivery);
      backlog -= toBacklog;
      onHand += delivery - toBacklog;
      arriving.delete(t);
      if (started) {
        cycles++;
        if (!shortInCycle) cyclesWithoutShortage++;
      }
      started = true;
      shortInCycle = false;
    }
    const wanted = day();
    history.push(wanted);
    const taken = Math.min(onHand, wanted);
    onHand -= taken;
    demanded += wanted;
    filled += taken;
    if (taken < wanted) {
      backlog += wanted - taken;
      shortInCycle = true;
    }
    if ((t + 1) % review === 0) {
      const onOrder = [...arriving.values()].reduce((a, b) => a + b, 0);
      const lots = onHand > 0 ? [{ itemId: 'g', lotId: 'L', locationId: 'c', expires: null, quantity: onHand } as LotStock] : [];
      const plan = planItem(item, Float64Array.from(history.slice(-365)), { lots, onOrder, allocated: backlog }, { asOf });
      if (plan.order.quantity > 0) arriving.set(t + leadDays + 1, plan.order.quantity);
    }
  }
  return { cycleService: cyclesWithoutShortage / cycles, fillRate: filled / demanded };
}

describe('safety stock on forecast demand reaches the service target (Prak, Teunter & Syntetos 2017)', () => {
  // Before the forecast rate's error was counted, these runs gave 0.865 cycle service for a 0.95
  // target and a 0.944 fill rate for 0.98 with a 21-day lead time, and 0.817 for 0.95 with 42 days;
  // now 0.953, 0.981 and 0.953.
  it.each([
    [21, 0.95],
    [42, 0.95],
  ])('lead time %i days, weekly review: cycle service near its target of %f', (lead, target) => {
    const { cycleService } = closedLoop(lead, { kind: 'cycle', target }, 1);
    expect(cycleService).toBeGreaterThan(target - 0.025);
    expect(cycleService).toBeLessThan(target + 0.025);
  });

  it('lead time 21 days, weekly review: fill rate near its target of 0.98', () => {
    const { fillRate } = closedLoop(21, { kind: 'fill', target: 0.98 }, 2);
    expect(fillRate).toBeGreaterThan(0.97);
    expect(fillRate).toBeLessThan(0.99);
  });
});

describe('DemandForecast.sigmaOver', () => {
  const usage = Float64Array.from({ length: 400 }, (_, t) => 20 + ((t * 7919) % 13) - 6);

  it('is σ₁ √(h(1 + c·h)/(1 + c)) with c = α/(2 − α) for SES, and the one-day spread over one day', () => {
    const forecast = forecastDemand(usage);
    expect(forecast.method).toBe('ses');
    const c = 0.1 / 1.9;
    expect(forecast.sigmaOver(1)).toBeCloseTo(forecast.sigmaPerDay, 12);
    expect(forecast.sigmaOver(28)).toBeCloseTo(forecast.sigmaPerDay * Math.sqrt((28 * (1 + 28 * c)) / (1 + c)), 9);
    expect(forecast.sigmaOver(0)).toBe(0);
    // For SES on independent demand this is the variance Prak et al. give: σ_d²(h + α h²/(2 − α)), σ_d² = σ₁²(2 − α)/2.
    const demandVariance = (forecast.sigmaPerDay ** 2 * 1.9) / 2;
    expect(forecast.sigmaOver(28) ** 2).toBeCloseTo(demandVariance * (28 + (0.1 * 28 * 28) / 1.9), 6);
  });

  it('for Croston, SBA and SBJ the rate moves only at a demand: α is divided by the smoothed interval', () => {
    const sparse = Float64Array.from({ length: 400 }, (_, t) => (t % 4 === 0 ? 5 + (t % 3) : 0));
    const forecast = forecastDemand(sparse);
    expect(forecast.method).toBe('sba');
    // The smoothed interval, about 4 days here.
    const interval = intermittent(sparse, { method: 'sba', alpha: 0.1 }).intervalOrProbability;
    expect(interval).toBeCloseTo(4, 2);
    const a = 0.1 / interval;
    const c = a / (2 - a);
    expect(forecast.sigmaOver(30)).toBeCloseTo(forecast.sigmaPerDay * Math.sqrt((30 * (1 + 30 * c)) / (1 + c)), 9);
  });

  it('protectionSigma uses it in place of √days·σ_d', () => {
    const forecast = forecastDemand(usage);
    const demand = { demandPerDay: forecast.perDay, demandSdPerDay: forecast.sigmaPerDay, leadTimeDays: 14, leadTimeSdDays: 2 };
    expect(protectionSigma(demand, 7)).toBeCloseTo(Math.sqrt(21 * forecast.sigmaPerDay ** 2 + forecast.perDay ** 2 * 4), 9);
    expect(protectionSigma({ ...demand, demandSdOver: forecast.sigmaOver }, 7)).toBeCloseTo(Math.sqrt(forecast.sigmaOver(21) ** 2 + forecast.perDay ** 2 * 4), 9);
  });
});

describe('a lumpy item whose demand stopped (TSB)', () => {
  const item = ItemSchema.parse({ id: 'x', name: 'X', unit: 'u', packSize: 1, unitCostCents: 500, supplier: 's', leadTime: { meanDays: 5, sdDays: 0 } });
  const usage = (quietDays: number): Float64Array => Float64Array.from({ length: 200 + quietDays }, (_, t) => (t < 200 && t % 9 === 0 ? [2, 5, 60, 3, 90][t % 5] ?? 0 : 0));

  it('stocks less the longer it goes unused, down to nothing worth a pack', () => {
    // Before, the spread stayed at the busy past's RMSE while the forecast decayed, and the fill-rate
    // target asked for 310 units a year after the last use against 161 while it was in use.
    const levels = [0, 60, 180, 365].map((quiet) => planItem(item, usage(quiet), { lots: [], onOrder: 0, allocated: 0 }, { asOf }));
    expect(levels.map((plan) => plan.forecast.method)).toEqual(['tsb', 'tsb', 'tsb', 'tsb']);
    const upTo = levels.map((plan) => plan.levels.orderUpTo);
    for (let i = 1; i < upTo.length; i++) expect(upTo[i]).toBeLessThan(upTo[i - 1] ?? 0);
    expect(upTo[3]).toBeLessThan(1);
    expect(levels[3]?.order.quantity).toBeLessThanOrEqual(1);
  });
});

describe('the expiry cap counts allocated units as use', () => {
  it('100 doses booked on a 10-day vaccine: the order covers them and the days after', () => {
    const vaccine = ItemSchema.parse({ id: 'v', name: 'Vaccine', unit: 'dose', packSize: 1, unitCostCents: 1800, supplier: 's', leadTime: { meanDays: 3, sdDays: 0 }, shelfLifeDays: 10 });
    const usage = Float64Array.from({ length: 120 }, (_, t) => 1 + (t % 3));
    const free = planItem(vaccine, usage, { lots: [], onOrder: 0, allocated: 0 }, { asOf });
    const booked = planItem(vaccine, usage, { lots: [], onOrder: 0, allocated: 100 }, { asOf });
    // Before, the cap ignored the allocation: 30 doses for 100 booked.
    expect(booked.maxUsable).toBeCloseTo(free.maxUsable + 100, 9);
    expect(booked.order.quantity).toBeGreaterThanOrEqual(100 + free.order.quantity - 1);
  });
});

describe('an intermittent item whose demand stopped', () => {
  const item = ItemSchema.parse({ id: 'x', name: 'X', unit: 'u', packSize: 1, unitCostCents: 500, supplier: 's', leadTime: { meanDays: 5, sdDays: 0 } });
  const usage = (quietDays: number): Float64Array => Float64Array.from({ length: 200 + quietDays }, (_, t) => (t < 200 && t % 9 === 0 ? 10 + (t % 4) * 15 : 0));

  it('is forecast by SBA while its quiet run is no longer than its intervals, then by TSB, whose forecast decays', () => {
    // Before, SBA went on forecasting 3.47 a day a year after the last demand, and ordered 86 units.
    expect(forecastDemand(usage(0)).method).toBe('sba');
    expect(forecastDemand(usage(7)).method).toBe('sba');
    expect(forecastDemand(usage(9)).method).toBe('tsb');
    const quiet = planItem(item, usage(365), { lots: [], onOrder: 0, allocated: 0 }, { asOf });
    expect(quiet.forecast.pattern.demandClass).toBe('intermittent');
    expect(quiet.forecast.perDay).toBeLessThan(1e-6);
    expect(quiet.order.quantity).toBeLessThanOrEqual(1);
  });
});
