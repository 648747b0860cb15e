import { fail, ok, type Checked } from '../../../core/result.js';
import type { Seed } from '../../../core/random.js';
import { compileScenario } from '../compile.js';
import type { Visit } from '../eventEngine.js';
import { policyScenarios } from '../policies.js';
import { traceReplication } from '../replications.js';
import { checkScenario, type Scenario, type SimulationIssue } from '../scenario.js';
import { replicationIssues, simulateSessions, type SimulationResult } from '../simulateSessions.js';
import type { PolicyBar } from './policyChart.js';

/** Everything a simulation report shows. */
export interface SimulationReportData {
  readonly scenario: Scenario;
  readonly result: SimulationResult;
  /** Every patient's wait over the first replications (for the histogram). */
  readonly waits: readonly number[];
  /** The visits of replication 0 (for the timeline). */
  readonly visits: readonly Visit[];
  /** Class names in scenario order. */
  readonly classNames: readonly string[];
  /** Mean KPIs of the scenario and of the same patients booked by other rules (same seed). */
  readonly policies: readonly PolicyBar[];
}

/** Replications whose patients feed the histogram, and replications per compared policy. */
const HISTOGRAM_REPLICATIONS = 1000;
const POLICY_REPLICATIONS = 20_000;

/**
 * Runs what a report needs: the simulation itself, the waits of the first replications, a traced
 * replication and the policies compared on common random numbers.
 *
 * @param input - an untrusted scenario
 * @param options - replications and seed
 * @returns the report's data, or issues with paths
 * @example
 * ```ts
 * const data = buildSimulationReport(scenario, { replications: 10_000, seed: 7 });
 * if (data.ok) html = renderSimulationReport(data.value);
 * ```
 */
export function buildSimulationReport(input: unknown, options: { replications: number; seed: Seed }): Checked<SimulationReportData, SimulationIssue> {
  const issues = replicationIssues(options);
  const checked = checkScenario(input);
  if (!checked.ok) return fail([...checked.issues, ...issues]);
  if (issues.length > 0) return fail(issues);
  const result = simulateSessions(checked.value, options);
  if (!result.ok) return result;
  const compiled = compileScenario(checked.value);
  const waits: number[] = [];
  for (let r = 0; r < Math.min(options.replications, HISTOGRAM_REPLICATIONS); r++) {
    for (const visit of traceReplication(compiled, options.seed, r)) waits.push(visit.wait);
  }
  const policies: PolicyBar[] = [];
  for (const policy of policyScenarios(checked.value)) {
    const run = simulateSessions(policy.scenario, { replications: Math.min(options.replications, POLICY_REPLICATIONS), seed: options.seed });
    if (run.ok) policies.push({ name: policy.name, waitMean: run.value.kpis.waitMean.mean, idle: run.value.kpis.idle.mean, overtime: run.value.kpis.overtime.mean });
  }
  return ok({
    scenario: checked.value,
    result: result.value,
    waits,
    visits: traceReplication(compiled, options.seed, 0),
    classNames: compiled.classNames,
    policies,
  });
}
