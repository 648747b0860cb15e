import type { Distribution } from '../../core/distribution.js';
import { errorIssue, type IssuePath } from '../../core/issue.js';
import { serviceGridLength } from './serviceGrid.js';
import type { GridPlan } from './gridPlan.js';
import type { OptimizeProblem } from './problem.js';
import type { ScheduleIssue } from './session.js';

/**
 * Most convolution work one call may ask for, in multiply-adds estimated before computing (see
 * {@link evaluationWork}): about 25 s at the 1.2–1.4 ns per multiply-add measured on a shared
 * 2-core machine. The memory bound (`MAX_GRID_POINTS`) does not bound time: a lognormal of mean 15
 * and sd 300 min spreads over 237,598 grid points and evaluating 4 patients with it took 361 s.
 */
export const MAX_CONVOLUTION_WORK = 2e10;

/** The work of one evaluation and what it is made of, for the message. */
export interface WorkEstimate {
  /** Estimated multiply-adds. */
  readonly work: number;
  /** Points of the discretised service law on the grid. */
  readonly servicePoints: number;
  /** The grid step in minutes. */
  readonly step: number;
}

/**
 * The convolution work of evaluating a schedule of N patients once: every booked patient convolves
 * the workload (about as long as the service law's grid, L points) with the service law, so
 * N · L² multiply-adds, a quarter more with the extrapolation's grid twice as coarse.
 *
 * @param service - the service law
 * @param intervalMinutes - the interval length
 * @param steps - grid steps per interval
 * @param patients - N
 * @param extrapolate - whether the grid twice as coarse is run too
 * @returns the estimate
 * @example
 * ```ts
 * evaluationWork({ kind: 'lognormal', mean: 15, sd: 300 }, 15, 8, 4, true).work; // about 2.8e11
 * ```
 */
export function evaluationWork(service: Distribution, intervalMinutes: number, steps: number, patients: number, extrapolate: boolean): WorkEstimate {
  const step = intervalMinutes / steps;
  const servicePoints = serviceGridLength(service, step);
  return { work: Math.max(1, patients) * servicePoints * servicePoints * (extrapolate ? 1.25 : 1), step, servicePoints };
}

/**
 * The `schedule.grid_too_large` issue of a computation estimated at more than
 * {@link MAX_CONVOLUTION_WORK}, saying what to change: at `service` (a service law whose far tail
 * reaches too many grid steps), or at the option that chose too fine a grid.
 *
 * @param what - what was to be computed, e.g. `evaluating this schedule`
 * @param total - the estimated total work
 * @param one - one evaluation's estimate (its grid)
 * @param path - `['service']`, or the option's path
 * @param more - further advice, e.g. `or a smaller maxEvaluations`
 * @returns the issue
 * @example
 * ```ts
 * workIssue('evaluating this schedule', 3e11, evaluationWork(law, 15, 8, 4, true), ['service']);
 * ```
 */
export function workIssue(what: string, total: number, one: WorkEstimate, path: IssuePath, more = ''): ScheduleIssue {
  const size = `${what} would take about ${total.toPrecision(2)} multiply-adds (at most ${MAX_CONVOLUTION_WORK.toPrecision(1)}, about half a minute)`;
  const grid = `spread over ${one.servicePoints} grid points of ${one.step.toPrecision(3)} min`;
  const option = path[0] === 'service' ? undefined : String(path[path.length - 1]);
  const message =
    option === undefined
      ? `${size}: the service law is ${grid} (its tail beyond probability 1e-7 reaches that far); use a service law with a lighter tail (a smaller sd), fewer patients or longer intervals (a coarser grid)${more}`
      : `${size}: with this ${option} the service law is ${grid}; use fewer steps per interval`;
  return errorIssue('schedule.grid_too_large', path, message);
}

/**
 * The convolution work of optimising a problem, estimated before searching: the exact evaluations
 * of the starts and of the result on the evaluation grid, then the neighbours the descent evaluates
 * on the search grid (each from the first interval it changes, so about half a schedule). The
 * descent ends only after trying every move of the first two levels from the schedule it ends at,
 * about min(N, T)·(T + 1) of them (830 evaluations in all for 20 patients over 40 intervals), so
 * that many are counted, or `maxEvaluations` if fewer.
 *
 * @param problem - a checked problem
 * @param plan - the evaluation grid's plan
 * @param fineSteps - steps per interval of the search's finer grid
 * @param starts - how many starts are evaluated exactly
 * @param maxEvaluations - the search's budget (Infinity for none)
 * @returns the estimated total, and one exact evaluation's estimate (its grid)
 * @example
 * ```ts
 * optimisationWork(problem, planGrid(problem.service, 7.5), 4, 6, Infinity).total; // about 1e8 for the bench problem
 * ```
 */
export function optimisationWork(
  problem: OptimizeProblem,
  plan: GridPlan,
  fineSteps: number,
  starts: number,
  maxEvaluations: number,
): { total: number; exact: WorkEstimate } {
  const exact = evaluationWork(problem.service, problem.intervalMinutes, plan.stepsPerInterval, problem.patients, plan.extrapolate);
  const neighbour = evaluationWork(problem.service, problem.intervalMinutes, fineSteps, problem.patients, plan.extrapolate).work / 2;
  const sweep = Math.min(problem.patients, problem.intervals) * (problem.intervals + 1);
  return { total: (starts + 1) * exact.work + Math.min(maxEvaluations, sweep) * neighbour, exact };
}
