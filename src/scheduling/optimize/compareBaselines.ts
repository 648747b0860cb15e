import { ok, type Checked } from '../../core/result.js';
import { CLASSIC_RULES, classicSchedule, serviceIntervals, type ClassicRule } from './classicRules.js';
import { evaluateSchedule, type ScheduleEvaluation } from './evaluateSchedule.js';
import { optimizeSchedule, sessionOf, type OptimizedSchedule, type OptimizeOptions } from './optimizeSchedule.js';
import { checkProblem } from './problem.js';
import type { ScheduleIssue } from './session.js';

/** One row of a comparison: a named schedule and its exact evaluation. */
export interface PolicyEvaluation {
  /** `optimised`, a classic rule's name, or `given`. */
  readonly name: 'optimised' | 'given' | ClassicRule;
  readonly slots: readonly number[];
  readonly evaluation: ScheduleEvaluation;
}

/** The optimised schedule beside every classic rule (and the caller's schedule, if any). */
export interface BaselineComparison {
  readonly optimised: OptimizedSchedule;
  /** Optimised first, then the given schedule, then the classic rules. */
  readonly rows: readonly PolicyEvaluation[];
}

/**
 * Optimises a problem and evaluates the classic rules (and optionally a given schedule) beside it.
 *
 * @param input - an optimisation problem (see {@link OptimizeProblemSchema})
 * @param given - a schedule to compare too, e.g. the clinic's current one
 * @param options - optimiser options
 * @returns the rows, or issues with paths
 * @example
 * ```ts
 * const r = compareWithBaselines({ patients: 12, intervals: 12, intervalMinutes: 15,
 *   service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 });
 * if (r.ok) for (const row of r.value.rows) console.log(row.name, row.evaluation.objective);
 * ```
 */
export function compareWithBaselines(
  input: unknown,
  given?: readonly number[],
  options: OptimizeOptions = {},
): Checked<BaselineComparison, ScheduleIssue> {
  const checked = checkProblem(input);
  if (!checked.ok) return checked;
  const problem = checked.value;
  const optimised = optimizeSchedule(problem, options);
  if (!optimised.ok) return optimised;
  const rows: PolicyEvaluation[] = [{ name: 'optimised', slots: optimised.value.slots, evaluation: optimised.value.evaluation }];
  const named: [PolicyEvaluation['name'], readonly number[]][] = [
    ...(given === undefined ? [] : [['given', given] as [PolicyEvaluation['name'], readonly number[]]]),
    ...CLASSIC_RULES.map((rule): [PolicyEvaluation['name'], readonly number[]] => [rule, classicSchedule(rule, problem.patients, problem.intervals, serviceIntervals(problem.service, problem.intervalMinutes))]),
  ];
  for (const [name, slots] of named) {
    const evaluation = evaluateSchedule(sessionOf(problem, slots));
    if (!evaluation.ok) return evaluation;
    rows.push({ name, slots, evaluation: evaluation.value });
  }
  return ok({ optimised: optimised.value, rows });
}
