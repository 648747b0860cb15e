import { errorIssue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import type { Seed } from '../../core/random.js';
import { summarize, type Summary } from '../../core/statistics.js';
import { compileScenario } from './compile.js';
import { KPI_NAMES, type KpiColumns, type KpiName } from './kpis.js';
import { runReplications, usesSingleServer, type EngineChoice } from './replications.js';
import { checkScenario, type SimulationIssue } from './scenario.js';

/** Most replications one call runs. */
export const MAX_REPLICATIONS = 50_000_000;

/** Options of {@link simulateSessions}. */
export interface SimulateOptions {
  /** Number of independent sessions to simulate. */
  readonly replications: number;
  /** Seed of the run: replication r uses `createRng(seed).stream(r)`. */
  readonly seed: Seed;
  /** `auto` (default) takes the single-server recursion when the scenario allows; `event` forces the event engine. */
  readonly engine?: EngineChoice;
  /** Also return every replication's KPIs (default false). */
  readonly keepReplications?: boolean;
}

/** Percentiles reported for every KPI. */
export const REPORTED_PERCENTILES: readonly number[] = [5, 10, 50, 90, 95];

/** The outcome of a simulation run. */
export interface SimulationResult {
  readonly replications: number;
  readonly seed: Seed;
  /** Which engine ran. */
  readonly engine: 'single-server' | 'event';
  /**
   * Mean, standard error, 95% CI and percentiles of each KPI over replications; `waitMean` and
   * `waitP90` over the replications in which someone was seen (their `n`), NaN when nobody ever was.
   */
  readonly kpis: Readonly<Record<KpiName, Summary>>;
  /** Every replication's KPIs, when asked for. */
  readonly columns?: KpiColumns;
}

/** The values of a column that are defined: all of them, unless some are NaN (a wait KPI of a session with nobody seen). */
function definedValues(column: Float64Array): Float64Array {
  for (let i = 0; i < column.length; i++) {
    if (Number.isNaN(column[i])) return column.filter((x) => !Number.isNaN(x));
  }
  return column;
}

/**
 * Summarises KPI columns, each over its defined values: a NaN (`waitMean` or `waitP90` of a session
 * with nobody seen) is left out, so `n` of those two KPIs counts the sessions with someone seen.
 *
 * @param columns - one row per replication
 * @returns the summary of each KPI
 * @example
 * ```ts
 * summarizeKpis(columns).overtime.ci95;
 * summarizeKpis(columns).waitMean.n; // replications in which someone was seen
 * ```
 */
export function summarizeKpis(columns: KpiColumns): Record<KpiName, Summary> {
  const kpis = {} as Record<KpiName, Summary>;
  for (const name of KPI_NAMES) kpis[name] = summarize(definedValues(columns[name]), REPORTED_PERCENTILES);
  return kpis;
}

/**
 * Checks replication options.
 *
 * @example
 * ```ts
 * replicationIssues({ replications: 0, seed: 1 }); // simulate.replications
 * ```
 */
export function replicationIssues(options: SimulateOptions): SimulationIssue[] {
  if (typeof options !== 'object' || options === null) {
    return [errorIssue('simulate.replications', [], 'options must be an object such as { replications: 1000, seed: 1 }')];
  }
  const { replications, seed, engine } = options as Partial<SimulateOptions>;
  const issues: SimulationIssue[] = [];
  if (!Number.isSafeInteger(replications) || (replications as number) < 1 || (replications as number) > MAX_REPLICATIONS) {
    issues.push(errorIssue('simulate.replications', ['replications'], `replications must be an integer in 1..${MAX_REPLICATIONS}`));
  }
  if (!(typeof seed === 'string' || Number.isSafeInteger(seed))) {
    issues.push(errorIssue('simulate.replications', ['seed'], 'the seed must be a safe integer or a string'));
  }
  if (engine !== undefined && engine !== 'auto' && engine !== 'event') {
    issues.push(errorIssue('simulate.replications', ['engine'], `the engine must be 'auto' or 'event', not ${JSON.stringify(engine) ?? String(engine)}`));
  }
  return issues;
}

/**
 * Simulates many independent sessions of a clinic scenario and summarises their KPIs: mean and
 * 90th-percentile wait, total wait, idle time, overtime, utilisation and patients seen, each with
 * its standard error, 95% confidence interval and percentiles. Replication r draws only from
 * stream r of the seed, so the same seed gives the same numbers, however the run is split.
 *
 * @param input - a scenario (see {@link ScenarioSchema}); untrusted input is checked
 * @param options - replications, seed and engine
 * @returns the summary, or issues with paths
 * @example
 * ```ts
 * const r = simulateSessions({
 *   sessionMinutes: 300,
 *   classes: { visit: { service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 } },
 *   schedule: { slots: Array(20).fill(1), intervalMinutes: 15, class: 'visit' },
 * }, { replications: 10_000, seed: 2026 });
 * if (r.ok) console.log(r.value.kpis.overtime.mean, r.value.kpis.overtime.ci95);
 * ```
 */
export function simulateSessions(input: unknown, options: SimulateOptions): Checked<SimulationResult, SimulationIssue> {
  const optionIssues = replicationIssues(options);
  const checked = checkScenario(input);
  if (!checked.ok) return fail([...checked.issues, ...optionIssues]);
  if (optionIssues.length > 0) return fail(optionIssues);
  const compiled = compileScenario(checked.value);
  const engine = options.engine ?? 'auto';
  const columns = runReplications(compiled, options.seed, 0, options.replications, engine);
  return ok({
    replications: options.replications,
    seed: options.seed,
    engine: usesSingleServer(compiled, engine) ? 'single-server' : 'event',
    kpis: summarizeKpis(columns),
    ...(options.keepReplications === true ? { columns } : {}),
  });
}
