import type { Distribution } from '../../core/distribution.js';
import { errorIssue, type IssuePath } from '../../core/issue.js';
import { serviceGridLength } from './serviceGrid.js';
import type { GridPlan } from './gridPlan.js';
import type { OptimizeProblem } from './problem.js';
import type { ScheduleIssue } from './session.js';

/**
 * Largest workload vector (grid points) an evaluation may build; a session whose grid would be
 * larger is refused with `schedule.grid_too_large` before any grid is built.
 *
 * @example
 * ```ts
 * MAX_GRID_POINTS; // 2_000_000
 * ```
 */
export const MAX_GRID_POINTS = 2_000_000;

/**
 * Most convolution work one call may ask for, in multiply-adds estimated before computing (see
 * `evaluationWork`): about 25 s at the 1.2–1.4 ns per multiply-add measured on a shared
 * 2-core machine. The memory bound ({@link MAX_GRID_POINTS}) does not bound time: a lognormal of mean 15
 * and sd 300 min spreads over 237,598 grid points and evaluating 4 patients with it took 361 s.
 *
 * @example
 * ```ts
 * evaluateSchedule({ slots: [1, 1, 1, 1], intervalMinutes: 15, sessionMinutes: 60,
 *   service: { kind: 'lognormal', mean: 15, sd: 300 }, noShowProbability: 0.1 }); // schedule.grid_too_large at service
 * ```
 */
export const MAX_CONVOLUTION_WORK = 2e10;

/** The size of one evaluation on a grid, judged before any grid is built. */
export interface WorkEstimate {
  /** Estimated multiply-adds. */
  readonly work: number;
  /** Points the workload grid needs to hold every booked patient's work (the memory bound). */
  readonly points: number;
  /** Points of the discretised service law on the grid. */
  readonly servicePoints: number;
  /** Grid steps per interval. */
  readonly steps: number;
  /** The grid step in minutes. */
  readonly step: number;
}

/**
 * The size of evaluating a schedule of N patients once on a grid of `steps` steps per interval. The
 * workload grid must reach N times the service law's grid (L points), and every booked patient
 * convolves the workload (about L points) with the service law, so N · L² multiply-adds, a quarter
 * more with the extrapolation's grid twice as coarse.
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
  const booked = Math.max(1, patients);
  return { work: booked * servicePoints * servicePoints * (extrapolate ? 1.25 : 1), points: booked * (servicePoints - 1) + 1, servicePoints, steps, step };
}

/**
 * Where to report a bound that a computation would pass: at the option that chose its grid when the
 * caller chose one and the planned grid would have kept within the bound, otherwise at `service` (the
 * law's tail reaches too far for any reasonable grid).
 *
 * @param option - the path of the option the caller set, or undefined when the plan chose the grid
 * @param plannedFits - whether the planned grid keeps within the bound (asked only when needed)
 * @returns the path to report at
 * @example
 * ```ts
 * blamedPath(['stepsPerInterval'], () => true); // ['stepsPerInterval']
 * blamedPath(undefined, () => true);            // ['service']
 * ```
 */
export function blamedPath(option: IssuePath | undefined, plannedFits: () => boolean): IssuePath {
  return option !== undefined && plannedFits() ? option : ['service'];
}

/**
 * Whether an estimate keeps within {@link MAX_GRID_POINTS} (a NaN estimate is left to the grid's own check).
 *
 * @example
 * ```ts
 * fitsInMemory(evaluationWork({ kind: 'exponential', mean: 15 }, 15, 16, 20, true)); // true
 * ```
 */
export function fitsInMemory(estimate: WorkEstimate): boolean {
  return !(estimate.points > MAX_GRID_POINTS);
}

/**
 * The `schedule.grid_too_large` issue of a grid that would pass {@link MAX_GRID_POINTS}: at
 * `service` the law reaches too far for the grid step; at an option's path (e.g.
 * `['stepsPerInterval']`) the caller asked for too fine a grid.
 *
 * @param estimate - the grid's estimate (see `evaluationWork`)
 * @param path - `['service']`, or the option that chose the grid
 * @param chosen - the option's value, when the grid is not exactly that many steps per interval
 * @returns the issue
 * @example
 * ```ts
 * gridPointsIssue(evaluationWork({ kind: 'empirical', values: [10, 1e9] }, 15, 16, 20, false), ['service']);
 * ```
 */
export function gridPointsIssue(estimate: WorkEstimate, path: IssuePath, chosen = estimate.steps): ScheduleIssue {
  const size = `the workload grid would need about ${estimate.points.toPrecision(3)} points (at most ${MAX_GRID_POINTS})`;
  const option = optionName(path);
  const message =
    option === undefined
      ? `${size}: the service law reaches too far for the grid step`
      : `${size}: ${option} ${chosen} is too fine a grid for this session; use fewer steps per interval`;
  return errorIssue('schedule.grid_too_large', path, message);
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
  const option = optionName(path);
  const message =
    option === undefined
      ? `${size}: the service law is ${grid} (its tail beyond probability 1e-7 reaches that far); use a service law with a lighter tail (a smaller sd), fewer patients or longer intervals (a coarser grid)${more}`
      : `${size}: with this ${option} the service law is ${grid}; use fewer steps per interval`;
  return errorIssue('schedule.grid_too_large', path, message);
}

function optionName(path: IssuePath): string | undefined {
  return path[0] === 'service' ? undefined : String(path[path.length - 1]);
}

/**
 * The moves the descent tries from the schedule it ends at before it stops, about min(N, T)·(T + 1)
 * (every move of its first two levels): 820 for 20 patients over 40 intervals.
 *
 * @example
 * ```ts
 * descentSweep({ patients: 20, intervals: 40 }); // 820
 * ```
 */
export function descentSweep(problem: Pick<OptimizeProblem, 'patients' | 'intervals'>): number {
  return Math.min(problem.patients, problem.intervals) * (problem.intervals + 1);
}

/**
 * The convolution work of optimising a problem, estimated before searching: the exact evaluations
 * of the starts and of the result on the evaluation grid, then the neighbours the descent evaluates
 * on the search grid (each from the first interval it changes, so about half a schedule): the
 * {@link descentSweep} (830 evaluations in all for 20 patients over 40 intervals), or
 * `maxEvaluations` if fewer.
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
  return { total: (starts + 1) * exact.work + Math.min(maxEvaluations, descentSweep(problem)) * neighbour, exact };
}
