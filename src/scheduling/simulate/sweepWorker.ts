/**
 * The worker-thread side of {@link sweepScenarios}: runs the tasks it is sent and posts back their
 * KPI columns (transferred, not copied), tagged with the run id the task came with. Compiled
 * scenarios are cached per run, since scenario indices repeat from one sweep to the next.
 *
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { KPI_NAMES } from './kpis.js';
import { createTaskRunner, type PooledResult, type PooledTask, type SweepTask, type SweepTaskResult } from './sweepTask.js';

/** Runs whose compiled scenarios are kept; an older run still going just compiles its scenario again. */
const KEPT_RUNS = 8;

const runners = new Map<number, (task: SweepTask) => SweepTaskResult>();

function runnerFor(run: number): (task: SweepTask) => SweepTaskResult {
  let runner = runners.get(run);
  if (runner === undefined) runner = createTaskRunner();
  else runners.delete(run);
  runners.set(run, runner);
  if (runners.size > KEPT_RUNS) runners.delete(runners.keys().next().value as number);
  return runner;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (message: PooledTask) => {
    const result = runnerFor(message.run)(message.task);
    const reply: PooledResult = { run: message.run, result };
    port.postMessage(
      reply,
      KPI_NAMES.map((name) => result.columns[name].buffer as ArrayBuffer),
    );
  });
}
