import { errorIssue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { requireEvaluateOptions, type EvaluateOptions } from './evaluateOptions.js';
import { blamedPath, evaluationWork, fitsInMemory, gridPointsIssue, MAX_CONVOLUTION_WORK, MAX_GRID_POINTS, workIssue, type WorkEstimate } from './gridBounds.js';
import { planGrid } from './gridPlan.js';
import { checkSession, DEFAULT_WEIGHTS, type ObjectiveWeights, type ScheduleIssue, type ScheduleSession } from './session.js';
import { createBuffers, createChain, initialState, runChain, type WorkloadChain } from './workloadChain.js';

export type { EvaluateOptions } from './evaluateOptions.js';


/** The exact expected costs of a schedule. */
export interface ScheduleEvaluation {
  /** The evaluated schedule: patients booked at the start of each interval. */
  readonly slots: readonly number[];
  /** Patients booked, N. */
  readonly patients: number;
  /** Expected total waiting time of all patients, in minutes (no-shows wait zero). */
  readonly expectedTotalWait: number;
  /** Expected total wait divided by N: the waiting term of the objective before its weight. */
  readonly expectedWaitPerPatient: number;
  /** Expected time the provider is idle between minute 0 and the end of the session. */
  readonly expectedIdle: number;
  /** Expected time the provider works past the end of the session. */
  readonly expectedOvertime: number;
  /** `wait · E[total wait] / N + idle · E[idle] + overtime · E[overtime]`. */
  readonly objective: number;
  /** Expected waiting time summed over the patients booked in each interval. */
  readonly waitByInterval: readonly number[];
  /** The weights used. */
  readonly weights: ObjectiveWeights;
  /** The grid step (minutes) of the discretised computation. */
  readonly gridMinutes: number;
}

/**
 * Combines the three expected costs into the objective.
 *
 * @example
 * ```ts
 * objectiveOf({ wait: 1, idle: 1, overtime: 1 }, 100, 10, 5, 4); // 100/10 + 5 + 4
 * ```
 */
export function objectiveOf(weights: ObjectiveWeights, totalWait: number, patients: number, idle: number, overtime: number): number {
  const waitTerm = patients > 0 ? totalWait / patients : 0;
  return weights.wait * waitTerm + weights.idle * idle + weights.overtime * overtime;
}

/**
 * Checks that a chain's buffers stay within {@link MAX_GRID_POINTS}.
 *
 * @example
 * ```ts
 * const issues = gridIssues(chain);
 * ```
 */
export function gridIssues(chain: WorkloadChain): ScheduleIssue[] {
  return chain.capacity > MAX_GRID_POINTS
    ? [errorIssue('schedule.grid_too_large', ['stepsPerInterval'], `the workload grid would need ${chain.capacity} points`)]
    : [];
}

/**
 * The exact expected total waiting time, idle time and overtime of a single-provider session, and
 * Kaandorp and Koole's objective. The workload left for the provider is a Markov chain observed at
 * interval starts; its distribution is carried on a grid of `intervalMinutes / stepsPerInterval`
 * minutes, convolved with the (mean-preserving) discretised service law once per booked patient.
 *
 * The session end need not fall on the grid: the last stretch is evaluated at its exact length.
 * The work is estimated first (patients × service grid points², see `evaluationWork`) and a
 * session over `MAX_CONVOLUTION_WORK` (2·10¹⁰ multiply-adds, about half a minute) is refused with
 * `schedule.grid_too_large` at `service`: a heavy-tailed law spreads over many grid points.
 *
 * @param input - a session (see {@link ScheduleSessionSchema}); untrusted input is checked
 * @param options - grid resolution
 * @returns the evaluation, or issues with paths
 * @throws MedofficeUsageError when an option is out of its range (see {@link EvaluateOptions})
 * @example
 * ```ts
 * const r = evaluateSchedule({
 *   slots: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
 *   intervalMinutes: 15, sessionMinutes: 300,
 *   service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1,
 * });
 * if (r.ok) console.log(r.value.expectedOvertime);
 * ```
 */
export function evaluateSchedule(input: unknown, options: EvaluateOptions = {}): Checked<ScheduleEvaluation, ScheduleIssue> {
  requireEvaluateOptions(options);
  const checked = checkSession(input);
  if (!checked.ok) return checked;
  const session = checked.value;
  const plan = planGrid(session.service, session.intervalMinutes);
  const requested = options.stepsPerInterval ?? plan.stepsPerInterval;
  const extrapolate = options.extrapolate ?? plan.extrapolate;
  const steps = extrapolate ? Math.max(2, requested + (requested % 2)) : requested;
  const patients = session.slots.reduce((sum, n) => sum + n, 0);
  const tooBig = boundIssues(
    evaluationWork(session.service, session.intervalMinutes, steps, patients, extrapolate),
    () => evaluationWork(session.service, session.intervalMinutes, plan.stepsPerInterval, patients, plan.extrapolate),
    options.stepsPerInterval !== undefined,
  );
  if (tooBig.length > 0) return fail(tooBig);
  const fine = chainFor(session, steps);
  const tooLarge = gridIssues(fine);
  if (tooLarge.length > 0) return fail(tooLarge);
  const result = evaluateOnChain(fine, session);
  return ok(extrapolate ? richardson(result, evaluateOnChain(chainFor(session, steps / 2), session)) : result);
}

/**
 * The memory bound ({@link MAX_GRID_POINTS}) and then the work bound ({@link MAX_CONVOLUTION_WORK})
 * of an evaluation, judged before computing: blamed on `stepsPerInterval` only when the caller chose
 * it and the planned grid would have kept within the bound.
 */
function boundIssues(estimate: WorkEstimate, planned: () => WorkEstimate, chosen: boolean): ScheduleIssue[] {
  const option = chosen ? ['stepsPerInterval'] : undefined;
  if (!fitsInMemory(estimate)) return [gridPointsIssue(estimate, blamedPath(option, () => fitsInMemory(planned())))];
  if (!(estimate.work > MAX_CONVOLUTION_WORK)) return [];
  return [workIssue('evaluating this schedule', estimate.work, estimate, blamedPath(option, () => planned().work <= MAX_CONVOLUTION_WORK))];
}

/**
 * The chain of a validated session on a grid of `steps` steps per interval.
 *
 * @example
 * ```ts
 * const chain = chainFor(session, 16);
 * ```
 */
export function chainFor(session: ScheduleSession, steps: number): WorkloadChain {
  const patients = session.slots.reduce((sum, n) => sum + n, 0);
  return createChain(
    session.service,
    session.intervalMinutes,
    session.sessionMinutes,
    session.slots.length,
    Math.max(1, patients),
    session.noShowProbability,
    steps,
  );
}

/** Cancels the h² error term: (4·f(h) − f(2h)) / 3, applied to every expected cost. */
function richardson(fine: ScheduleEvaluation, coarse: ScheduleEvaluation): ScheduleEvaluation {
  const combine = (a: number, b: number): number => (4 * a - b) / 3;
  const wait = combine(fine.expectedTotalWait, coarse.expectedTotalWait);
  const idle = combine(fine.expectedIdle, coarse.expectedIdle);
  const overtime = Math.max(0, combine(fine.expectedOvertime, coarse.expectedOvertime));
  return {
    ...fine,
    expectedTotalWait: wait,
    expectedWaitPerPatient: fine.patients > 0 ? wait / fine.patients : 0,
    expectedIdle: idle,
    expectedOvertime: overtime,
    objective: objectiveOf(fine.weights, wait, fine.patients, idle, overtime),
    waitByInterval: fine.waitByInterval.map((w, t) => combine(w, coarse.waitByInterval[t] ?? 0)),
  };
}

/**
 * Evaluates a validated session on a prepared chain (no checks, no extrapolation): the inner step
 * of the optimiser.
 *
 * @example
 * ```ts
 * const evaluation = evaluateOnChain(chainFor(session, 16), session);
 * ```
 */
export function evaluateOnChain(chain: WorkloadChain, session: ScheduleSession): ScheduleEvaluation {
  const weights = session.weights ?? DEFAULT_WEIGHTS;
  const patients = session.slots.reduce((sum, n) => sum + n, 0);
  const pass = runChain(chain, createBuffers(chain), session.slots, 0, initialState());
  return {
    slots: [...session.slots],
    patients,
    expectedTotalWait: pass.wait,
    expectedWaitPerPatient: patients > 0 ? pass.wait / patients : 0,
    expectedIdle: pass.idle,
    expectedOvertime: pass.overtime,
    objective: objectiveOf(weights, pass.wait, patients, pass.idle, pass.overtime),
    waitByInterval: Array.from(pass.waitByInterval),
    weights,
    gridMinutes: chain.step,
  };
}
