import type { Seed } from '../../core/random.js';
import { compileScenario, type CompiledScenario } from './compile.js';
import type { KpiColumns } from './kpis.js';
import { runReplications, type EngineChoice } from './replications.js';
import { ScenarioSchema, type Scenario } from './scenario.js';

/** One unit of sweep work: replications [from, to) of one scenario. */
export interface SweepTask {
  readonly scenarioIndex: number;
  readonly scenario: Scenario;
  readonly seed: Seed;
  readonly from: number;
  readonly to: number;
  readonly engine: EngineChoice;
}

/** The KPIs a task measured. */
export interface SweepTaskResult {
  readonly scenarioIndex: number;
  readonly from: number;
  readonly columns: KpiColumns;
}

/** A task as a pool sends it to a worker: tagged with the run it belongs to. */
export interface PooledTask {
  /** Id of the pool run the task belongs to. */
  readonly run: number;
  readonly task: SweepTask;
}

/** A worker's answer to a {@link PooledTask}, tagged with the same run id. */
export interface PooledResult {
  readonly run: number;
  readonly result: SweepTaskResult;
}

/**
 * Runs sweep tasks, compiling each scenario once per runner (a worker thread or the caller's thread).
 *
 * @returns a function running one task
 * @example
 * ```ts
 * const run = createTaskRunner();
 * const result = run(task);
 * ```
 */
export function createTaskRunner(): (task: SweepTask) => SweepTaskResult {
  const compiled = new Map<number, CompiledScenario>();
  return (task) => {
    let scenario = compiled.get(task.scenarioIndex);
    if (scenario === undefined) {
      scenario = compileScenario(ScenarioSchema.parse(task.scenario));
      compiled.set(task.scenarioIndex, scenario);
    }
    return { scenarioIndex: task.scenarioIndex, from: task.from, columns: runReplications(scenario, task.seed, task.from, task.to, task.engine) };
  };
}
