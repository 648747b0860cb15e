import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateSessions } from '../../../src/scheduling/simulate/simulateSessions.js';
import { sweepScenarios } from '../../../src/scheduling/simulate/sweepScenarios.js';

// Two patients booked at minute 0, exponential service of mean 15 min, no-show 0.8. When both come
// (0.04) the session's mean wait is (0 + S1)/2, 7.5 on average; when one comes (0.32) it is 0; when
// nobody comes (0.64) a per-patient mean does not exist. Over the sessions with someone seen the
// expected mean wait is 0.04 · 7.5 / 0.36 = 5/6; counting empty sessions as 0 gave 0.3.
const twoAtZero = {
  sessionMinutes: 30,
  classes: { v: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.8 } },
  schedule: { slots: [2], intervalMinutes: 30, class: 'v' },
};

function run(scenario: unknown, replications: number, seed: number) {
  const r = simulateSessions(scenario, { replications, seed, keepReplications: true });
  if (!r.ok || r.value.columns === undefined) throw new Error('unexpected issues');
  return { kpis: r.value.kpis, columns: r.value.columns };
}

describe('waitMean and waitP90: per patient seen, so over the sessions with someone seen', () => {
  it('leave out sessions with nobody seen (two patients at 0, no-show 0.8: 5/6, not 0.3)', () => {
    const { kpis, columns } = run(twoAtZero, 200_000, 1);
    const withSomeone = Array.from(columns.seen).filter((seen) => seen > 0).length;
    expect(kpis.waitMean.n).toBe(withSomeone);
    expect(kpis.waitP90.n).toBe(withSomeone);
    expect(withSomeone / 200_000).toBeCloseTo(0.36, 2);
    expect(Math.abs(kpis.waitMean.mean - 5 / 6)).toBeLessThan(4 * kpis.waitMean.standardError);
    expect(kpis.waitMean.ci95[0]).toBeLessThan(5 / 6);
    expect(kpis.waitMean.ci95[1]).toBeGreaterThan(5 / 6);
    for (const p of [5, 10, 50, 90, 95]) expect(Number.isFinite(kpis.waitMean.percentiles[p])).toBe(true);
    // The other KPIs still count every session.
    for (const name of ['waitTotal', 'idle', 'overtime', 'utilisation', 'seen'] as const) expect(kpis[name].n).toBe(200_000);
  });

  it('hold NaN exactly in the sessions with nobody seen, and the summary is the mean of the rest', () => {
    const { kpis, columns } = run(twoAtZero, 5000, 3);
    const kept: number[] = [];
    columns.seen.forEach((seen, i) => {
      const value = columns.waitMean[i] as number;
      expect(Number.isNaN(value)).toBe(seen === 0);
      if (seen > 0) kept.push(value);
    });
    expect(kpis.waitMean.mean).toBeCloseTo(kept.reduce((a, b) => a + b, 0) / kept.length, 12);
  });

  it('are NaN with n = 0 when nobody is ever seen, while the other KPIs are summarised as before', () => {
    const { kpis } = run({ ...twoAtZero, classes: { v: { ...twoAtZero.classes.v, noShowProbability: 1 } } }, 100, 1);
    expect([kpis.waitMean.n, kpis.waitP90.n]).toEqual([0, 0]);
    expect(kpis.waitMean.mean).toBeNaN();
    expect([kpis.idle.mean, kpis.seen.mean, kpis.waitTotal.mean]).toEqual([30, 0, 0]);
  });

  it('give identical summaries in the calling thread and on worker threads', async () => {
    const options = { replications: 6000, seed: 11, chunk: 700 };
    const inline = await sweepScenarios([twoAtZero], { ...options, workers: 0 });
    const threaded = await sweepScenarios([twoAtZero], { ...options, workers: 2 });
    const alone = simulateSessions(twoAtZero, options);
    if (!inline.ok || !threaded.ok || !alone.ok) throw new Error('unexpected issues');
    expect(threaded.value).toEqual(inline.value);
    expect(inline.value[0]?.ok && inline.value[0].value.kpis).toEqual(alone.value.kpis);
  }, 60_000);

  it('property: n counts the sessions with someone seen, on either engine', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('auto', 'event' as const), (seed, q, engine) => {
        const scenario = { ...twoAtZero, classes: { v: { ...twoAtZero.classes.v, noShowProbability: q } }, schedule: { slots: [1, 2], intervalMinutes: 15, class: 'v' } };
        const r = simulateSessions(scenario, { replications: 200, seed, engine, keepReplications: true });
        if (!r.ok || r.value.columns === undefined) return false;
        const withSomeone = Array.from(r.value.columns.seen).filter((seen) => seen > 0).length;
        return r.value.kpis.waitMean.n === withSomeone && r.value.kpis.waitP90.n === withSomeone && r.value.kpis.overtime.n === 200;
      }),
      { numRuns: 40 },
    );
  });
});
