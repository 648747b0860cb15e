import { ok, type Checked } from '../../core/result.js';
import { CLASSIC_RULES, classicSchedule, serviceIntervals, type ClassicRule } from './classicRules.js';
import { evaluateSchedule, type ScheduleEvaluation } from './evaluateSchedule.js';
import { optimizeFrom, sessionOf, type EvaluatedStart, type OptimizedSchedule, type OptimizeOptions } from './optimizeSchedule.js';
import { checkProblem, type OptimizeProblem } from './problem.js';
import type { ScheduleIssue } from './session.js';

/** One row of a comparison: a named schedule and its exact evaluation. */
export interface PolicyEvaluation {
  /** `optimised`, a classic rule's name, or `given`. */
  readonly name: 'optimised' | 'given' | ClassicRule;
  readonly slots: readonly number[];
  readonly evaluation: ScheduleEvaluation;
  /**
   * Present, and true, when the schedule books more patients into some interval than the problem's
   * `maxPerInterval` allows: it is listed for comparison, not as a feasible alternative (the
   * optimiser never starts from it, so its objective can be below the optimised one).
   */
  readonly exceedsMaxPerInterval?: true;
}

/** The optimised schedule beside every classic rule (and the caller's schedule, if any). */
export interface BaselineComparison {
  readonly optimised: OptimizedSchedule;
  /** Optimised first, then the given schedule, then the classic rules. */
  readonly rows: readonly PolicyEvaluation[];
}

function sameSlots(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, t) => n === b[t]);
}

/** A row: the evaluation a start already has when its schedule is the same, else an exact evaluation. */
function row(problem: OptimizeProblem, name: PolicyEvaluation['name'], slots: readonly number[], starts: readonly EvaluatedStart[]): Checked<PolicyEvaluation, ScheduleIssue> {
  const known = starts.find((start) => sameSlots(start.slots, slots))?.evaluation;
  const evaluation = known === undefined ? evaluateSchedule(sessionOf(problem, slots)) : ok<ScheduleEvaluation, ScheduleIssue>(known);
  if (!evaluation.ok) return evaluation;
  const over = problem.maxPerInterval !== undefined && slots.some((n) => n > (problem.maxPerInterval as number));
  return ok({ name, slots, evaluation: evaluation.value, ...(over ? { exceedsMaxPerInterval: true as const } : {}) });
}

/**
 * Optimises a problem and evaluates the classic rules (and optionally a given schedule) beside it.
 * A given schedule that books the problem's patients within `maxPerInterval` is also a start of the
 * search (as the problem's own `start` is), so the optimised row is never worse than it; rows
 * that break `maxPerInterval` are marked `exceedsMaxPerInterval`. The starts' exact evaluations are
 * reused for their rows.
 *
 * @param input - an optimisation problem (see {@link OptimizeProblemSchema})
 * @param given - a schedule to compare too, e.g. the clinic's current one
 * @param options - optimiser options
 * @returns the rows, or issues with paths
 * @throws MedofficeUsageError when an option is out of its range (see {@link OptimizeOptions})
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
  const starts = [...(problem.start === undefined ? [] : [problem.start]), ...(given === undefined ? [] : [given])];
  const found = optimizeFrom(problem, starts, options);
  if (!found.ok) return found;
  const { optimised } = found.value;
  const rows: PolicyEvaluation[] = [{ name: 'optimised', slots: optimised.slots, evaluation: optimised.evaluation }];
  const s = serviceIntervals(problem.service, problem.intervalMinutes);
  const named: [PolicyEvaluation['name'], readonly number[]][] = [
    ...(given === undefined ? [] : [['given', given] as [PolicyEvaluation['name'], readonly number[]]]),
    ...CLASSIC_RULES.map((rule): [PolicyEvaluation['name'], readonly number[]] => [rule, classicSchedule(rule, problem.patients, problem.intervals, s)]),
  ];
  for (const [name, slots] of named) {
    const evaluated = row(problem, name, slots, found.value.starts);
    if (!evaluated.ok) return evaluated;
    rows.push(evaluated.value);
  }
  return ok({ optimised, rows });
}
