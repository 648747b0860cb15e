import { fail, ok, type Checked } from '../../core/result.js';
import { CLASSIC_RULES, classicSchedule, serviceIntervals, type ClassicRule } from './classicRules.js';
import { chainFor, evaluateSchedule, gridIssues, type ScheduleEvaluation } from './evaluateSchedule.js';
import { blamedPath, descentSweep, evaluationWork, fitsInMemory, gridPointsIssue, MAX_CONVOLUTION_WORK, optimisationWork, workIssue } from './gridBounds.js';
import { planGrid, type GridPlan } from './gridPlan.js';
import { patientMoves, singleShifts, subsetMoves, type Move } from './neighbourhood.js';
import { requireOptimizeOptions, type OptimizeOptions } from './optimizeOptions.js';
import { checkProblem, type OptimizeProblem } from './problem.js';
import { createSearchEvaluator, type SearchEvaluator } from './searchEvaluator.js';
import { DEFAULT_WEIGHTS, type ScheduleIssue, type ScheduleSession } from './session.js';

export type { OptimizeOptions } from './optimizeOptions.js';

/** The optimised schedule with its exact evaluation and how the search went. */
export interface OptimizedSchedule {
  /** Patients booked at the start of each interval. */
  readonly slots: readonly number[];
  /** Exact evaluation of `slots` (see {@link evaluateSchedule}). */
  readonly evaluation: ScheduleEvaluation;
  /** The start the search began from, the best by its exact objective: a classic rule, or `given` when a supplied start was best. */
  readonly startedFrom: ClassicRule | 'given';
  /**
   * Improving moves taken and kept: 0 when the search took none, or when the exact evaluation found
   * its result no better than the start (the search runs on a coarser grid), which is then returned.
   */
  readonly improvements: number;
  /** Schedules evaluated: the exact evaluations of the starts plus those of the search. */
  readonly evaluations: number;
  /** True when the search ended in a local optimum of the full neighbourhood (hence a global one) and that schedule was returned. */
  readonly fullNeighbourhood: boolean;
  /** True when `maxEvaluations` stopped the search before it reached a local optimum. */
  readonly stoppedEarly: boolean;
}

/**
 * The session of a problem with the given slots.
 *
 * @example
 * ```ts
 * const session = sessionOf(problem, [2, 1, 1, 0]);
 * ```
 */
export function sessionOf(problem: OptimizeProblem, slots: readonly number[]): ScheduleSession {
  return {
    slots: [...slots],
    intervalMinutes: problem.intervalMinutes,
    sessionMinutes: problem.sessionMinutes ?? problem.intervals * problem.intervalMinutes,
    service: problem.service,
    noShowProbability: problem.noShowProbability,
    ...(problem.weights === undefined ? {} : { weights: problem.weights }),
  };
}

/** Spreads N patients as evenly as the per-interval limit allows. */
function evenFeasible(patients: number, intervals: number, limit: number): number[] {
  const slots = new Array<number>(intervals).fill(0);
  for (let placed = 0, t = 0; placed < patients; t = (t + 1) % intervals) {
    const at = t;
    if ((slots[at] as number) < limit) {
      slots[at] = (slots[at] as number) + 1;
      placed++;
    }
  }
  return slots;
}

function applyMove(slots: readonly number[], move: Move, limit: number): number[] | undefined {
  const next = [...slots];
  for (const [t, change] of move.delta) {
    const value = (next[t] as number) + change;
    if (value < 0 || value > limit) return undefined;
    next[t] = value;
  }
  return next;
}

/**
 * A start of the search with its exact evaluation: an even spread (named `equal-spacing`), a classic
 * rule's schedule, or a given schedule.
 *
 * @example
 * ```ts
 * const start: EvaluatedStart = { slots: [2, 1, 1, 0], rule: 'bailey-welch', evaluation };
 * ```
 */
export interface EvaluatedStart {
  readonly slots: number[];
  readonly rule: ClassicRule | 'given';
  readonly evaluation: ScheduleEvaluation;
}

/** Whether a schedule can start the search: T whole numbers from 0 to the limit booking the N patients. */
function isStart(slots: readonly number[], problem: OptimizeProblem, limit: number): boolean {
  return (
    slots.length === problem.intervals &&
    slots.every((n) => Number.isSafeInteger(n) && n >= 0 && n <= limit) &&
    slots.reduce((sum, n) => sum + n, 0) === problem.patients
  );
}

/**
 * The starts of the search, each evaluated exactly: an even spread, every classic rule and every
 * given schedule that respects the per-interval limit. The best of them by its exact objective is
 * where the descent starts, and the floor the result can never fall below.
 */
function exactStarts(problem: OptimizeProblem, limit: number, given: readonly (readonly number[])[]): Checked<EvaluatedStart[], ScheduleIssue> {
  const candidates: { slots: number[]; rule: ClassicRule | 'given' }[] = [
    { slots: evenFeasible(problem.patients, problem.intervals, limit), rule: 'equal-spacing' },
    ...CLASSIC_RULES.map((rule) => ({ slots: classicSchedule(rule, problem.patients, problem.intervals, serviceIntervals(problem.service, problem.intervalMinutes)), rule })),
    ...given.map((slots) => ({ slots: [...slots], rule: 'given' as const })),
  ];
  const evaluated: EvaluatedStart[] = [];
  for (const candidate of candidates) {
    if (!isStart(candidate.slots, problem, limit)) continue;
    const evaluation = evaluateSchedule(sessionOf(problem, candidate.slots));
    if (!evaluation.ok) return evaluation;
    evaluated.push({ ...candidate, evaluation: evaluation.value });
  }
  return ok(evaluated);
}

function best(candidates: readonly EvaluatedStart[]): EvaluatedStart {
  return candidates.reduce((a, b) => (b.evaluation.objective < a.evaluation.objective ? b : a));
}

/** First-improvement descent through the neighbourhood levels; returns the local optimum, or the best so far once `maxEvaluations` schedules were evaluated. */
function descend(start: number[], search: SearchEvaluator, levels: readonly ((t: number) => Iterable<Move>)[], limit: number, maxEvaluations: number) {
  let current = start;
  let value = search.setCurrent(current);
  let improvements = 0;
  for (let level = 0; level < levels.length; ) {
    let improved = false;
    for (const move of (levels[level] as (t: number) => Iterable<Move>)(current.length)) {
      if (search.evaluations() >= maxEvaluations) return { slots: current, improvements, stoppedEarly: true };
      const candidate = applyMove(current, move, limit);
      if (candidate === undefined) continue;
      const candidateValue = search.neighbour(candidate, move.firstChanged);
      if (candidateValue < value - 1e-10 * Math.max(1, Math.abs(value))) {
        current = candidate;
        value = search.setCurrent(current);
        improvements++;
        improved = true;
        break;
      }
    }
    level = improved ? 0 : level + 1;
  }
  return { slots: current, improvements, stoppedEarly: false };
}

/**
 * The search's grids, in steps per interval: `coarse` is the chosen (or default) search grid — for
 * smooth laws a quarter of the plan's, at least 2; for laws with atoms the plan's own, the coarsest
 * that holds every atom (a coarser one would smear them and optimise another model) — and `fine` is
 * the grid the search evaluates on: `coarse` itself, or its double when the plan extrapolates from
 * the pair.
 */
function searchGrids(plan: GridPlan, searchStepsPerInterval: number | undefined): { coarse: number; fine: number } {
  const coarse = searchStepsPerInterval ?? (plan.extrapolate ? Math.max(2, Math.round(plan.stepsPerInterval / 4)) : plan.stepsPerInterval);
  return { coarse, fine: plan.extrapolate ? coarse * 2 : coarse };
}

/**
 * The work bound of a search ({@link MAX_CONVOLUTION_WORK}), judged before any start is evaluated:
 * blamed on `searchStepsPerInterval` only when the caller chose it and the default search grid
 * would have fitted.
 */
function searchWorkIssues(problem: OptimizeProblem, plan: GridPlan, fineSteps: number, given: number, options: OptimizeOptions): ScheduleIssue[] {
  const starts = 1 + CLASSIC_RULES.length + given;
  const budget = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  const estimate = optimisationWork(problem, plan, fineSteps, starts, budget);
  if (!(estimate.total > MAX_CONVOLUTION_WORK)) return [];
  const option = options.searchStepsPerInterval === undefined ? undefined : ['searchStepsPerInterval'];
  const path = blamedPath(option, () => optimisationWork(problem, plan, searchGrids(plan, undefined).fine, starts, budget).total <= MAX_CONVOLUTION_WORK);
  const more = `; or fewer intervals or a smaller maxEvaluations (the search evaluates about ${descentSweep(problem)} schedules or more)`;
  return [workIssue(`optimising ${problem.patients} patients over ${problem.intervals} intervals`, estimate.total, estimate.exact, path, more)];
}

/**
 * The schedule of N patients over T intervals that minimises Kaandorp and Koole's objective, by
 * their local search: starting from the best start (every classic rule, an even spread and the
 * problem's `start`, if any, are evaluated exactly; Bailey-Welch with the gap of the mean service
 * time), take improving moves of
 * the form Σ_{i∈V} u_i (first one patient between neighbouring intervals, then one patient
 * anywhere, then — when T ≤ `fullNeighbourhoodUpTo` — every subset V) until none improves. With the
 * full neighbourhood the local optimum is global (multimodularity). The search runs on a coarser
 * grid than the evaluation for smooth service laws; its result is evaluated exactly and returned
 * only if that exact objective is no worse than the start's, so the returned schedule is never
 * worse, exactly evaluated, than any classic rule that respects `maxPerInterval`, nor than `start`.
 * The search's work is estimated before it starts (see `optimisationWork`) and a problem over
 * `MAX_CONVOLUTION_WORK` is refused with `schedule.grid_too_large` at `service`.
 *
 * @param input - an {@link OptimizeProblemSchema} problem; untrusted input is checked
 * @param options - neighbourhood, grid and budget settings
 * @returns the best schedule with its exact evaluation, or issues with paths
 * @throws MedofficeUsageError when an option is out of its range (see {@link OptimizeOptions})
 * @example
 * ```ts
 * const r = optimizeSchedule({ patients: 10, intervals: 10, intervalMinutes: 15,
 *   service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 });
 * if (r.ok) console.log(r.value.slots, r.value.evaluation.objective);
 * ```
 */
export function optimizeSchedule(input: unknown, options: OptimizeOptions = {}): Checked<OptimizedSchedule, ScheduleIssue> {
  requireOptimizeOptions(options);
  const checked = checkProblem(input);
  if (!checked.ok) return checked;
  const found = searchFrom(checked.value, checked.value.start === undefined ? [] : [checked.value.start], options);
  return found.ok ? ok(found.value.optimised) : found;
}

/**
 * {@link optimizeSchedule} on a checked problem, with more schedules to start from besides the
 * classic rules and an even spread (one that does not book the problem's N patients in its T
 * intervals within `maxPerInterval` is left out), returning the exactly evaluated starts too so that a
 * caller comparing them need not evaluate them again. The problem's own `start` is not added here.
 *
 * @param problem - a problem that passed {@link checkProblem}
 * @param given - further starts
 * @param options - neighbourhood, grid and budget settings
 * @returns the optimised schedule and the evaluated starts, or issues with paths
 * @throws MedofficeUsageError when an option is out of its range (see {@link OptimizeOptions})
 * @example
 * ```ts
 * const r = optimizeFrom(problem, [[1, 1, 1, 0, 1]]);
 * if (r.ok) console.log(r.value.optimised.startedFrom, r.value.starts.length);
 * ```
 */
export function optimizeFrom(
  problem: OptimizeProblem,
  given: readonly (readonly number[])[],
  options: OptimizeOptions = {},
): Checked<{ optimised: OptimizedSchedule; starts: readonly EvaluatedStart[] }, ScheduleIssue> {
  requireOptimizeOptions(options);
  return searchFrom(problem, given, options);
}

/** {@link optimizeFrom} with options already checked. */
function searchFrom(
  problem: OptimizeProblem,
  given: readonly (readonly number[])[],
  options: OptimizeOptions,
): Checked<{ optimised: OptimizedSchedule; starts: readonly EvaluatedStart[] }, ScheduleIssue> {
  const limit = problem.maxPerInterval ?? problem.patients;
  const template = sessionOf(problem, new Array<number>(problem.intervals).fill(0));
  const plan = planGrid(problem.service, problem.intervalMinutes);
  const grids = searchGrids(plan, options.searchStepsPerInterval);
  const sized = { ...template, slots: [problem.patients, ...template.slots.slice(1)] };
  const exactGrid = evaluationWork(problem.service, problem.intervalMinutes, plan.stepsPerInterval, problem.patients, plan.extrapolate);
  if (!fitsInMemory(exactGrid)) return fail([gridPointsIssue(exactGrid, ['service'])]);
  const searchGrid = evaluationWork(problem.service, problem.intervalMinutes, grids.fine, problem.patients, plan.extrapolate);
  // The default search grid is no finer than the evaluation grid, so only a chosen one can fail here.
  if (!fitsInMemory(searchGrid)) return fail([gridPointsIssue(searchGrid, ['searchStepsPerInterval'], grids.coarse)]);
  const tooSlow = searchWorkIssues(problem, plan, grids.fine, given.length, options);
  if (tooSlow.length > 0) return fail(tooSlow);
  const fine = chainFor(sized, grids.fine);
  const tooLarge = gridIssues(fine);
  if (tooLarge.length > 0) return fail(tooLarge);
  const starts = exactStarts(problem, limit, given);
  if (!starts.ok) return starts;
  const start = best(starts.value);
  const chains = plan.extrapolate ? [fine, chainFor(sized, grids.coarse)] : [fine];
  const search = createSearchEvaluator(chains, problem.weights ?? DEFAULT_WEIGHTS, problem.patients);
  const full = problem.intervals <= (options.fullNeighbourhoodUpTo ?? 12);
  const levels = full ? [singleShifts, patientMoves, subsetMoves] : [singleShifts, patientMoves];
  const budget = (options.maxEvaluations ?? Number.POSITIVE_INFINITY) - starts.value.length;
  const found = descend(start.slots, search, levels, limit, budget);
  const exact = found.improvements === 0 ? undefined : evaluateSchedule(sessionOf(problem, found.slots));
  if (exact !== undefined && !exact.ok) return exact;
  // The search grid is an approximation: keep its result only if the exact objective agrees.
  const evaluation = exact?.value ?? start.evaluation;
  const kept = evaluation.objective <= start.evaluation.objective;
  const optimised: OptimizedSchedule = {
    slots: kept ? found.slots : start.slots,
    evaluation: kept ? evaluation : start.evaluation,
    startedFrom: start.rule,
    improvements: kept ? found.improvements : 0,
    evaluations: starts.value.length + search.evaluations(),
    fullNeighbourhood: full && !found.stoppedEarly && kept,
    stoppedEarly: found.stoppedEarly,
  };
  return ok({ optimised, starts: starts.value });
}
