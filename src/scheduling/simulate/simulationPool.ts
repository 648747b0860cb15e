import type { Worker } from 'node:worker_threads';
import { MedofficeUsageError } from '../../core/result.js';
import type { SweepTask, SweepTaskResult } from './sweepTask.js';
import { locateSweepWorker, startWorker } from './workerLocation.js';

/** Worker threads kept running for many sweeps, so their start-up is paid once. */
export interface SimulationPool {
  /** Number of worker threads. */
  readonly size: number;
  /** Runs tasks on the pool's workers, each worker taking the next task when it finishes one. */
  readonly run: (tasks: readonly SweepTask[]) => Promise<SweepTaskResult[]>;
  /** Stops the workers. */
  readonly close: () => Promise<void>;
}

function runOn(worker: Worker, take: () => SweepTask | undefined, results: SweepTaskResult[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown): void => {
      worker.off('message', onMessage);
      worker.off('error', finish);
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const feed = (): void => {
      const task = take();
      if (task === undefined) finish();
      else worker.postMessage(task);
    };
    const onMessage = (result: SweepTaskResult): void => {
      results.push(result);
      feed();
    };
    worker.on('message', onMessage);
    worker.on('error', finish);
    feed();
  });
}

/**
 * Starts `size` sweep workers. Pass the pool to {@link sweepScenarios} (option `pool`) to run many
 * sweeps without restarting threads; close it when done.
 *
 * @param size - number of worker threads (at least 1)
 * @returns the pool
 * @example
 * ```ts
 * const pool = createSimulationPool(2);
 * try {
 *   for (const grid of grids) await sweepScenarios(grid, { replications: 100_000, seed: 1, pool });
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export function createSimulationPool(size: number): SimulationPool {
  if (!Number.isSafeInteger(size) || size < 1) throw new MedofficeUsageError(`a pool needs at least one worker, got ${size}`);
  const location = locateSweepWorker();
  if (location === undefined) throw new MedofficeUsageError('the sweep worker file was not found next to the medoffice code');
  const workers = Array.from({ length: size }, () => startWorker(location));
  return {
    size,
    run: async (tasks) => {
      const results: SweepTaskResult[] = [];
      let next = 0;
      const take = (): SweepTask | undefined => tasks[next++];
      await Promise.all(workers.map((worker) => runOn(worker, take, results)));
      return results;
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
