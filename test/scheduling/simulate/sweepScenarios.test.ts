import { describe, expect, it } from 'vitest';
import { simulateSessions } from '../../../src/scheduling/simulate/simulateSessions.js';
import { sweepScenarios } from '../../../src/scheduling/simulate/sweepScenarios.js';
import { createSimulationPool } from '../../../src/scheduling/simulate/simulationPool.js';

const visit = { service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 };
const grid = [0, 0.1, 0.25].map((q) => ({
  sessionMinutes: 300,
  classes: { visit: { ...visit, noShowProbability: q } },
  schedule: { slots: new Array(20).fill(1), intervalMinutes: 15, class: 'visit' },
}));

describe('sweepScenarios', () => {
  it('gives identical results in the calling thread, on one worker and on two', async () => {
    const options = { replications: 3000, seed: 21, chunk: 700, keepReplications: true };
    const inline = await sweepScenarios(grid, { ...options, workers: 0 });
    const one = await sweepScenarios(grid, { ...options, workers: 1 });
    const pool = createSimulationPool(2);
    const two = await sweepScenarios(grid, { ...options, pool });
    const again = await sweepScenarios(grid, { ...options, pool, chunk: 333 });
    await pool.close();
    if (!inline.ok || !one.ok || !two.ok || !again.ok) throw new Error('unexpected issues');
    expect(again.value).toEqual(two.value);
    for (let i = 0; i < grid.length; i++) {
      const [a, b, c] = [inline.value[i], one.value[i], two.value[i]];
      if (!a?.ok || !b?.ok || !c?.ok) throw new Error('unexpected issues');
      expect([a.value.columns?.waitTotal.length, c.value.columns?.overtime.length]).toEqual([3000, 3000]);
      expect(Array.from(b.value.columns?.waitTotal ?? [])).toEqual(Array.from(a.value.columns?.waitTotal ?? []));
      expect(Array.from(c.value.columns?.overtime ?? [])).toEqual(Array.from(a.value.columns?.overtime ?? []));
      expect(c.value.kpis).toEqual(a.value.kpis);
    }
  }, 60_000);

  it('with common random numbers, more no-shows never add overtime in any replication', async () => {
    const r = await sweepScenarios(grid, { replications: 2000, seed: 8, keepReplications: true });
    if (!r.ok) throw new Error('unexpected issues');
    const overtime = r.value.map((x) => (x.ok ? (x.value.columns?.overtime ?? new Float64Array()) : new Float64Array()));
    for (let k = 1; k < overtime.length; k++) {
      for (let i = 0; i < 2000; i++) expect(overtime[k]?.[i]).toBeLessThanOrEqual((overtime[k - 1]?.[i] as number) + 1e-9);
    }
  });

  it('reports a bad scenario at its index and still runs the others', async () => {
    const bad = { ...grid[0], classes: { visit: { ...visit, noShowProbability: 3 } } };
    const r = await sweepScenarios([grid[0], bad], { replications: 100, seed: 1 });
    if (!r.ok) throw new Error('unexpected issues');
    expect(r.value[0]?.ok).toBe(true);
    const second = r.value[1];
    expect(second?.ok).toBe(false);
    if (second !== undefined && !second.ok) {
      expect(second.issues).toContainEqual(expect.objectContaining({ code: 'simulate.schema', path: ['scenarios', 1, 'classes', 'visit', 'noShowProbability'] }));
    }
  });
});

describe('sweepScenarios and simulateSessions: unusable options', () => {
  const scenario = { sessionMinutes: 60, classes: { v: { service: { kind: 'exponential', mean: 12 } } }, schedule: { slots: [1, 1, 1, 1], intervalMinutes: 15, class: 'v' } };
  const paths = (result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) => (result.ok ? [] : (result.issues ?? []).map((issue) => [issue.code, issue.path]));

  it('a chunk that is not a whole number from 1 is reported, never run as zeros or forever', async () => {
    for (const chunk of [Number.NaN, 0, -5, 0.5]) {
      expect(paths(await sweepScenarios([scenario], { replications: 1000, seed: 1, chunk }))).toEqual([['simulate.replications', ['chunk']]]);
    }
    expect((await sweepScenarios([scenario], { replications: 1000, seed: 1, chunk: 100 })).ok).toBe(true);
  });

  it('missing options, a missing or unusable seed and an unknown engine are reported at their path', async () => {
    const cases: [unknown, (string | number)[]][] = [[undefined, []], [{ replications: 10 }, ['seed']], [{ replications: 10, seed: null }, ['seed']], [{ replications: 10, seed: {} }, ['seed']], [{ replications: 10, seed: 1, engine: 'fast' }, ['engine']]];
    for (const [options, path] of cases) {
      expect(paths(simulateSessions(scenario, options as never))).toEqual([['simulate.replications', path]]);
      expect(paths(await sweepScenarios([scenario], options as never))).toEqual([['simulate.replications', path]]);
    }
    expect(simulateSessions(scenario, { replications: 10, seed: 'clinic' }).ok).toBe(true);
  });
});
