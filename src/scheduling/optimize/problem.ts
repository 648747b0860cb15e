import { z } from 'zod';
import { DistributionSchema } from '../../core/distribution.js';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fromIssues, type Checked } from '../../core/result.js';
import { ObjectiveWeightsSchema, serviceIssues, type ScheduleIssue } from './session.js';

/** Most patients the optimiser places in one session. */
export const MAX_OPTIMIZED_PATIENTS = 400;

/**
 * Most intervals the optimiser searches: eight hours of five-minute intervals. The local search
 * grows about as T^2.8 and with the number of patients too (over 96 five-minute intervals with
 * lognormal 15/7.5 service, 32 patients took 5.5–7.5 s and 96 patients 214–354 s on a loaded 2-core
 * machine); `maxEvaluations` bounds it. evaluateSchedule itself takes longer sessions.
 */
export const MAX_OPTIMIZED_INTERVALS = 96;

/**
 * An optimisation problem: place `patients` patients in `intervals` equal intervals of one
 * provider's session so as to minimise Kaandorp and Koole's objective.
 *
 * @example
 * ```ts
 * const problem = OptimizeProblemSchema.parse({
 *   patients: 20, intervals: 40, intervalMinutes: 7.5,
 *   service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1,
 * });
 * ```
 */
export const OptimizeProblemSchema = z.object({
  patients: z.number().int().nonnegative(),
  intervals: z.number().int().positive(),
  intervalMinutes: z.number().finite().positive(),
  /** Defaults to `intervals · intervalMinutes`. */
  sessionMinutes: z.number().finite().positive().optional(),
  service: DistributionSchema,
  noShowProbability: z.number().min(0).max(1),
  weights: ObjectiveWeightsSchema.optional(),
  /** Most patients one interval may hold (default: no limit). */
  maxPerInterval: z.number().int().positive().optional(),
  /**
   * A schedule to start the search from as well: it joins the classic rules and the even spread as
   * a start, the search begins at the best of them by exact objective, and the result is never
   * worse than any of them (default: no start of its own).
   */
  start: z.array(z.number().int().nonnegative()).optional(),
});

/** A validated problem. See {@link OptimizeProblemSchema}. */
export type OptimizeProblem = z.infer<typeof OptimizeProblemSchema>;

/**
 * Parses and checks an optimisation problem.
 *
 * @param input - untrusted data
 * @returns the problem or issues (`schedule.schema`, `schedule.too_many_patients`, …) with paths
 * @example
 * ```ts
 * const r = checkProblem({ patients: 30, intervals: 10, intervalMinutes: 15, maxPerInterval: 2,
 *   service: { kind: 'exponential', mean: 15 }, noShowProbability: 0 });
 * r.ok; // false: schedule.too_many_patients at ['patients']
 * ```
 */
export function checkProblem(input: unknown): Checked<OptimizeProblem, ScheduleIssue> {
  const parsed = OptimizeProblemSchema.safeParse(input);
  if (!parsed.success) return fromIssues(input as OptimizeProblem, issuesFromZod(parsed.error, 'schedule.schema'));
  const problem = parsed.data;
  const issues = serviceIssues(problem.service, ['service']);
  const capacity = problem.maxPerInterval === undefined ? Number.POSITIVE_INFINITY : problem.maxPerInterval * problem.intervals;
  if (problem.patients > Math.min(capacity, MAX_OPTIMIZED_PATIENTS)) {
    issues.push(
      errorIssue(
        'schedule.too_many_patients',
        ['patients'],
        `${problem.patients} patients do not fit: at most ${Math.min(capacity, MAX_OPTIMIZED_PATIENTS)} can be placed`,
      ),
    );
  }
  if (problem.intervals > MAX_OPTIMIZED_INTERVALS) {
    issues.push(errorIssue('schedule.too_many_intervals', ['intervals'], `${problem.intervals} intervals: the optimiser searches at most ${MAX_OPTIMIZED_INTERVALS}`));
  }
  const session = problem.sessionMinutes ?? problem.intervals * problem.intervalMinutes;
  if (problem.intervals * problem.intervalMinutes > session + 1e-9) {
    issues.push(errorIssue('schedule.beyond_session', ['intervals'], `the intervals run past the ${session}-min session`));
  }
  if (problem.start !== undefined) issues.push(...startIssues(problem));
  return fromIssues(problem, issues);
}

function startIssues(problem: OptimizeProblem): ScheduleIssue[] {
  const start = problem.start ?? [];
  const issues: ScheduleIssue[] = [];
  if (start.length !== problem.intervals) {
    issues.push(errorIssue('schedule.schema', ['start'], `start has ${start.length} intervals, not ${problem.intervals}`));
  }
  if (start.reduce((s, n) => s + n, 0) !== problem.patients) {
    issues.push(errorIssue('schedule.schema', ['start'], `start does not book ${problem.patients} patients`));
  }
  start.forEach((n, i) => {
    if (problem.maxPerInterval !== undefined && n > problem.maxPerInterval) {
      issues.push(errorIssue('schedule.too_many_patients', ['start', i], `${n} patients exceed maxPerInterval`));
    }
  });
  return issues;
}
