import { compare, measure, measureAsync, report, type Measurement } from './harness.js';
import { compileScenario } from '../src/scheduling/simulate/compile.js';
import { runReplications } from '../src/scheduling/simulate/replications.js';
import { ScenarioSchema } from '../src/scheduling/simulate/scenario.js';
import { sweepScenarios } from '../src/scheduling/simulate/sweepScenarios.js';
import { createSimulationPool } from '../src/scheduling/simulate/simulationPool.js';
import { optimizeSchedule, sessionOf } from '../src/scheduling/optimize/optimizeSchedule.js';
import { evaluateSchedule } from '../src/scheduling/optimize/evaluateSchedule.js';
import { OptimizeProblemSchema } from '../src/scheduling/optimize/problem.js';

// The reference session: 1 provider, 20 patients booked every 15 minutes, no-show 0.1,
// lognormal service mean 15 sd 7.5, session 300 minutes.
const reference = ScenarioSchema.parse({
  sessionMinutes: 300,
  classes: { visit: { service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 } },
  schedule: { slots: new Array(20).fill(1), intervalMinutes: 15, class: 'visit' },
});
const compiled = compileScenario(reference);
let pass = true;

process.stdout.write('Reference session, one thread (KPIs of every replication included)\n');
const REPS = 100_000;
const fast = measure('single-server recursion, typed arrays', REPS, () => runReplications(compiled, 1, 0, REPS, 'auto'));
const heap = measure('binary-heap event loop (SimPy-style)', REPS, () => runReplications(compiled, 1, 0, REPS, 'event'), 0.3);
pass = compare(fast, heap, { label: 'replications per second', minPerSecond: 100_000 }) && pass;

process.stdout.write('\nParameter sweep on worker threads (same results whatever the number of workers)\n');
const SWEEP_REPS = 300_000;
const onePool = createSimulationPool(1);
const twoPool = createSimulationPool(2);
const one = await measureAsync('sweep, 1 worker', SWEEP_REPS, () => sweepScenarios([reference], { replications: SWEEP_REPS, seed: 1, pool: onePool }), 0.1);
const two = await measureAsync('sweep, 2 workers', SWEEP_REPS, () => sweepScenarios([reference], { replications: SWEEP_REPS, seed: 1, pool: twoPool }), 0.1);
await Promise.all([onePool.close(), twoPool.close()]);
pass = compare(two, one, { label: 'two workers against one (near-linear: >= 1.6x; needs two idle cores)', minSpeedup: 1.6 }) && pass;

process.stdout.write('\nKaandorp-Koole local search, N = 20 patients over T = 40 intervals of 7.5 minutes\n');
const problem = OptimizeProblemSchema.parse({
  patients: 20,
  intervals: 40,
  intervalMinutes: 7.5,
  service: { kind: 'lognormal', mean: 15, sd: 7.5 },
  noShowProbability: 0.1,
});
let evaluations = 0;
let slots: readonly number[] = [];
const optimised = measure('optimizeSchedule', 1, () => {
  const r = optimizeSchedule(problem);
  if (r.ok) {
    evaluations = r.value.evaluations;
    slots = r.value.slots;
  }
}, 0.1);
const exact = measure('one exact evaluation', 1, () => evaluateSchedule(sessionOf(problem, slots)), 0.2);
const naiveSeconds = exact.seconds * evaluations;
const naive: Measurement = {
  name: `same search, exact evaluation of each of ${evaluations} schedules`,
  operations: 1,
  seconds: naiveSeconds,
  perSecond: 1 / naiveSeconds,
  msPerOperation: naiveSeconds * 1000,
};
pass = compare(optimised, naive, { label: 'optimisations per second', maxMs: 1000 }) && pass;
report('schedules evaluated by the search', evaluations, 'schedules');

process.exitCode = pass ? 0 : 1;
