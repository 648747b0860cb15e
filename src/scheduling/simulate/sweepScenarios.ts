import { errorIssue, prefixIssues } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { createKpiColumns, KPI_NAMES, type KpiColumns } from './kpis.js';
import { checkScenario, type Scenario, type SimulationIssue } from './scenario.js';
import { replicationIssues, summarizeKpis, type SimulateOptions, type SimulationResult } from './simulateSessions.js';
import { compileScenario } from './compile.js';
import { usesSingleServer } from './replications.js';
import { createTaskRunner, type SweepTask, type SweepTaskResult } from './sweepTask.js';
import { createSimulationPool, type SimulationPool } from './simulationPool.js';

/** Options of {@link sweepScenarios}. */
export interface SweepOptions extends SimulateOptions {
  /** Worker threads to start for this sweep; 0 runs everything in the calling thread (default 0). */
  readonly workers?: number;
  /** Running workers to use instead of starting new ones (see {@link createSimulationPool}). */
  readonly pool?: SimulationPool;
  /** Replications per task handed to a worker (default: enough for about eight tasks per worker). */
  readonly chunk?: number;
}

/** One result per scenario, in the order given: its summary, or the issues that kept it out. */
export type SweepResult = readonly Checked<SimulationResult, SimulationIssue>[];

function plan(scenarios: readonly Scenario[], indices: readonly number[], options: SweepOptions): SweepTask[] {
  const workers = Math.max(1, options.pool?.size ?? options.workers ?? 0);
  const chunk = options.chunk ?? Math.max(256, Math.ceil(options.replications / (8 * workers)));
  const tasks: SweepTask[] = [];
  for (const i of indices) {
    for (let from = 0; from < options.replications; from += chunk) {
      const to = Math.min(options.replications, from + chunk);
      tasks.push({ scenarioIndex: i, scenario: scenarios[i] as Scenario, seed: options.seed, from, to, engine: options.engine ?? 'auto' });
    }
  }
  return tasks;
}

async function runOnWorkers(tasks: readonly SweepTask[], options: SweepOptions): Promise<SweepTaskResult[]> {
  if (tasks.length === 0) return [];
  if (options.pool !== undefined) return options.pool.run(tasks);
  const pool = createSimulationPool(Math.max(1, Math.min(options.workers ?? 1, tasks.length)));
  try {
    return await pool.run(tasks);
  } finally {
    await pool.close();
  }
}

function assemble(results: readonly SweepTaskResult[], replications: number): Map<number, KpiColumns> {
  const byScenario = new Map<number, KpiColumns>();
  for (const result of results) {
    let columns = byScenario.get(result.scenarioIndex);
    if (columns === undefined) {
      columns = createKpiColumns(replications);
      byScenario.set(result.scenarioIndex, columns);
    }
    for (const name of KPI_NAMES) columns[name].set(result.columns[name], result.from);
  }
  return byScenario;
}

/**
 * Simulates a grid of scenarios, splitting their replications over worker threads. Every scenario
 * uses the same seed (common random numbers, so scenarios compare on the same patients) and
 * replication r always draws from stream r, so the results are identical whatever the number of
 * workers. A bad scenario gets its issues (paths prefixed with `scenarios`, index) and the others
 * still run.
 *
 * @param scenarios - untrusted scenarios
 * @param options - replications, seed, engine, workers
 * @returns one result per scenario, or issues when the options themselves are unusable
 * @example
 * ```ts
 * const grid = [0, 0.1, 0.2].map((q) => ({ ...scenario, classes: { visit: { ...visit, noShowProbability: q } } }));
 * const r = await sweepScenarios(grid, { replications: 100_000, seed: 1, workers: 2 });
 * ```
 */
export async function sweepScenarios(scenarios: readonly unknown[], options: SweepOptions): Promise<Checked<SweepResult, SimulationIssue>> {
  const optionIssues = replicationIssues(options);
  const chunk = (options as Partial<SweepOptions> | null)?.chunk;
  if (chunk !== undefined && !(Number.isSafeInteger(chunk) && chunk >= 1)) {
    optionIssues.push(errorIssue('simulate.replications', ['chunk'], 'chunk must be a whole number of replications from 1'));
  }
  if (optionIssues.length > 0) return fail(optionIssues);
  const checked = scenarios.map((s) => checkScenario(s));
  const valid = checked.flatMap((c, i) => (c.ok ? [i] : []));
  const parsed = checked.map((c) => (c.ok ? c.value : undefined)) as Scenario[];
  const tasks = plan(parsed, valid, options);
  const parallel = options.pool !== undefined || (options.workers ?? 0) > 0;
  const results = parallel ? await runOnWorkers(tasks, options) : tasks.map(createTaskRunner());
  const columns = assemble(results, options.replications);
  return ok(
    checked.map((c, i): Checked<SimulationResult, SimulationIssue> => {
      if (!c.ok) return fail(prefixIssues(c.issues, ['scenarios', i]));
      const kpiColumns = columns.get(i);
      if (kpiColumns === undefined) throw new Error(`scenario ${i} was planned but no replication of it came back`);
      return ok({
        replications: options.replications,
        seed: options.seed,
        engine: usesSingleServer(compileScenario(c.value), options.engine ?? 'auto') ? 'single-server' : 'event',
        kpis: summarizeKpis(kpiColumns),
        ...(options.keepReplications === true ? { columns: kpiColumns } : {}),
      });
    }),
  );
}
