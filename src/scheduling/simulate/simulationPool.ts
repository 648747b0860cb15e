import type { Worker } from 'node:worker_threads';
import { MedofficeUsageError } from '../../core/result.js';
import type { PooledResult, PooledTask, SweepTask, SweepTaskResult } from './sweepTask.js';
import { locateSweepWorker, startWorker } from './workerLocation.js';

/** Worker threads kept running for many sweeps, so their start-up is paid once. */
export interface SimulationPool {
  /** Number of worker threads. */
  readonly size: number;
  /**
   * Runs tasks on the pool's workers, each worker taking the next task when it finishes one, and
   * gives their results in task order. Sweeps may run at the same time on one pool: each gets its
   * own tasks' results, and their tasks share the workers (the earlier sweep's first). Rejects with
   * `MedofficeUsageError` once the pool is closed, and with a worker's error if one fails.
   */
  readonly run: (tasks: readonly SweepTask[]) => Promise<SweepTaskResult[]>;
  /** Stops the workers; sweeps still running on the pool reject with `MedofficeUsageError`. */
  readonly close: () => Promise<void>;
}

/** One call of `run`: its tasks, the results so far and how to settle it. */
interface PoolRun {
  readonly id: number;
  readonly tasks: readonly SweepTask[];
  readonly results: SweepTaskResult[];
  /** Index of the next task to hand out. */
  next: number;
  /** Results received. */
  done: number;
  readonly resolve: (results: SweepTaskResult[]) => void;
  readonly reject: (error: Error) => void;
}

/** A worker and the task it is running, if any (a worker runs one task at a time). */
interface Slot {
  readonly worker: Worker;
  job: { readonly run: PoolRun; readonly index: number } | undefined;
}

/** What a pool keeps between calls: its workers, the runs not yet settled, and why it stopped. */
interface PoolState {
  readonly slots: readonly Slot[];
  /** Runs not yet settled, oldest first. */
  readonly runs: PoolRun[];
  nextId: number;
  /** Set when the pool is closed or a worker failed: every later run rejects with it. */
  stopped: Error | undefined;
}

function stop(state: PoolState, error: Error): void {
  if (state.stopped !== undefined) return;
  state.stopped = error;
  for (const slot of state.slots) slot.job = undefined;
  for (const run of state.runs.splice(0)) run.reject(error);
}

/** Gives every idle worker the next task of the oldest run that has tasks left. */
function feed(state: PoolState): void {
  for (const slot of state.slots) {
    if (slot.job !== undefined) continue;
    const run = state.runs.find((r) => r.next < r.tasks.length);
    if (run === undefined) return;
    const index = run.next++;
    slot.job = { run, index };
    const message: PooledTask = { run: run.id, task: run.tasks[index] as SweepTask };
    slot.worker.postMessage(message);
  }
}

/** Files a worker's result under the run (and task) it was given, never under another run. */
function receive(state: PoolState, slot: Slot, message: PooledResult): void {
  if (state.stopped !== undefined) return;
  const job = slot.job;
  if (job === undefined || message.run !== job.run.id) return stop(state, new Error('a sweep worker answered a task it was not given'));
  slot.job = undefined;
  job.run.results[job.index] = message.result;
  if (++job.run.done === job.run.tasks.length) {
    state.runs.splice(state.runs.indexOf(job.run), 1);
    job.run.resolve(job.run.results);
  }
  feed(state);
}

function submit(state: PoolState, tasks: readonly SweepTask[]): Promise<SweepTaskResult[]> {
  if (state.stopped !== undefined) return Promise.reject(state.stopped);
  if (tasks.length === 0) return Promise.resolve([]);
  return new Promise<SweepTaskResult[]>((resolve, reject) => {
    state.runs.push({ id: state.nextId++, tasks: [...tasks], results: new Array<SweepTaskResult>(tasks.length), next: 0, done: 0, resolve, reject });
    feed(state);
  });
}

function listen(state: PoolState): void {
  for (const slot of state.slots) {
    slot.worker.on('message', (message: PooledResult) => receive(state, slot, message));
    slot.worker.on('error', (error: unknown) => stop(state, error instanceof Error ? error : new Error(String(error))));
    slot.worker.on('exit', (code: number) => stop(state, new Error(`a sweep worker stopped (exit code ${code})`)));
  }
}

/**
 * Starts `size` sweep workers. Pass the pool to {@link sweepScenarios} (option `pool`) to run many
 * sweeps, one after another or at the same time, without restarting threads; close it when done.
 * After a worker fails, every sweep on the pool rejects with its error: close the pool and start
 * another.
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
  const state: PoolState = { slots: workers.map((worker) => ({ worker, job: undefined })), runs: [], nextId: 0, stopped: undefined };
  listen(state);
  let closed = false;
  return {
    size,
    run: (tasks) => (closed ? Promise.reject(new MedofficeUsageError('this simulation pool is closed; start another with createSimulationPool')) : submit(state, tasks)),
    close: async () => {
      closed = true;
      stop(state, new MedofficeUsageError('the simulation pool was closed while a sweep was running on it'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
