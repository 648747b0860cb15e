import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import { createSimulationPool } from '../../../src/scheduling/simulate/simulationPool.js';
import { sweepScenarios, type SweepResult } from '../../../src/scheduling/simulate/sweepScenarios.js';

const scenario = (mean: number, noShowProbability: number) => ({
  sessionMinutes: 300,
  classes: { visit: { service: { kind: 'exponential', mean }, noShowProbability } },
  schedule: { slots: new Array(20).fill(1), intervalMinutes: 15, class: 'visit' },
});
const gridA = [scenario(10, 0.1), scenario(12, 0.2)];
const gridB = [scenario(20, 0.1), scenario(8, 0.3), scenario(15, 0)];
const options = { replications: 4000, seed: 7, chunk: 500, keepReplications: true };

function values(result: Awaited<ReturnType<typeof sweepScenarios>>): SweepResult {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('createSimulationPool: sweeps sharing one pool', () => {
  it('two sweeps of different scenarios running at the same time on one pool each get exactly their own numbers', async () => {
    const aloneA = values(await sweepScenarios(gridA, { ...options, workers: 0 }));
    const aloneB = values(await sweepScenarios(gridB, { ...options, workers: 0 }));
    const pool = createSimulationPool(2);
    try {
      const [a, b] = await Promise.all([sweepScenarios(gridA, { ...options, pool }), sweepScenarios(gridB, { ...options, pool })]);
      expect(values(a)).toEqual(aloneA);
      expect(values(b)).toEqual(aloneB);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('sweeps of different grids one after another on one pool do not reuse each other’s scenarios', async () => {
    const pool = createSimulationPool(2);
    try {
      for (const grid of [gridA, gridB, gridA]) {
        expect(values(await sweepScenarios(grid, { ...options, pool }))).toEqual(values(await sweepScenarios(grid, { ...options, workers: 0 })));
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('createSimulationPool: a closed pool', () => {
  it('refuses a sweep with MedofficeUsageError instead of never settling', async () => {
    const pool = createSimulationPool(1);
    await pool.close();
    await expect(sweepScenarios(gridA, { ...options, pool })).rejects.toBeInstanceOf(MedofficeUsageError);
    await expect(pool.run([])).rejects.toBeInstanceOf(MedofficeUsageError);
  });

  it('rejects a sweep still running when the pool is closed', async () => {
    const pool = createSimulationPool(1);
    const running = expect(sweepScenarios(gridB, { ...options, replications: 200_000, pool })).rejects.toBeInstanceOf(MedofficeUsageError);
    await pool.close();
    await running;
  });
});
