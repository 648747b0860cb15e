/**
 * The worker-thread side of {@link sweepScenarios}: runs the tasks it is sent and posts back their
 * KPI columns (transferred, not copied).
 *
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { KPI_NAMES } from './kpis.js';
import { createTaskRunner, type SweepTask } from './sweepTask.js';

const run = createTaskRunner();
const port = parentPort;
if (port !== null) {
  port.on('message', (task: SweepTask) => {
    const result = run(task);
    port.postMessage(
      result,
      KPI_NAMES.map((name) => result.columns[name].buffer as ArrayBuffer),
    );
  });
}
