import { z } from 'zod';
import { DistributionSchema } from '../../core/distribution.js';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, MedofficeUsageError, ok, type Checked } from '../../core/result.js';
import { classicSchedule } from './classicRules.js';
import { evaluateSchedule, type ScheduleEvaluation } from './evaluateSchedule.js';
import { serviceIssues, type ScheduleIssue } from './session.js';

/** Most extra bookings {@link recommendOverbooking} considers: each adds an exact evaluation of a longer session, and its run time grows about as the cube of the bookings. */
export const MAX_EXTRA_BOOKINGS = 100;

/** Most slots of an overbooking question (with `MAX_EXTRA_BOOKINGS`, at most 400 patients, the optimiser's limit). */
export const MAX_OVERBOOKING_SLOTS = 300;

/**
 * How many patients to book into a session of `slots` appointment slots when some will not come,
 * weighing the value of each patient seen against the cost of waiting, idle time and overtime
 * (LaGanga and Lawrence 2007). Extra bookings are spread evenly over the session (double-booking
 * every k-th slot), as in their study.
 *
 * @example
 * ```ts
 * const q = OverbookingQuestionSchema.parse({ slots: 20, intervalMinutes: 15,
 *   service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.2,
 *   valuePerPatient: 60, costs: { wait: 1, idle: 1, overtime: 1.5 } });
 * ```
 */
export const OverbookingQuestionSchema = z.object({
  slots: z.number().int().positive(),
  intervalMinutes: z.number().finite().positive(),
  service: DistributionSchema,
  noShowProbability: z.number().min(0).max(1),
  /** Value of seeing one patient, in the same units as a minute of cost. */
  valuePerPatient: z.number().finite().nonnegative(),
  /** Cost per minute of total patient waiting, provider idle time and overtime. */
  costs: z.object({ wait: z.number().nonnegative(), idle: z.number().nonnegative(), overtime: z.number().nonnegative() }),
  /** Most extra bookings to consider, at most `MAX_EXTRA_BOOKINGS` (100); default: the slots, or 100 if fewer. */
  maxExtra: z.number().int().nonnegative().optional(),
});

/** A validated overbooking question. */
export type OverbookingQuestion = z.infer<typeof OverbookingQuestionSchema>;

/** One candidate number of bookings with its expected outcome. */
export interface OverbookingOption {
  /** Patients booked. */
  readonly booked: number;
  /** Expected patients seen, booked · (1 − q). */
  readonly expectedSeen: number;
  /** value · seen − wait cost · E[total wait] − idle cost · E[idle] − overtime cost · E[overtime]. */
  readonly netValue: number;
  /** The exact evaluation of the spread schedule. */
  readonly evaluation: ScheduleEvaluation;
}

/** The answer: every option considered and the best. */
export interface OverbookingAdvice {
  readonly options: readonly OverbookingOption[];
  readonly best: OverbookingOption;
  /** The naive rule booked = slots / (1 − q), rounded, for comparison. */
  readonly naiveBooked: number;
}

/**
 * One patient per slot with the extra patients double-booked at evenly spread slots.
 *
 * @param slots - appointment slots S, a whole number ≥ 1
 * @param extra - extra bookings, a whole number ≥ 0
 * @returns patients booked at each slot
 * @throws MedofficeUsageError when a count is not a whole number in its range
 * @example
 * ```ts
 * overbookedSlots(4, 2); // [1, 2, 1, 2]
 * ```
 */
export function overbookedSlots(slots: number, extra: number): number[] {
  if (!Number.isSafeInteger(extra) || extra < 0) throw new MedofficeUsageError(`overbookedSlots: extra must be a whole number of at least 0, not ${String(extra)}`);
  const schedule = classicSchedule('equal-spacing', slots, slots);
  for (let k = 0; k < extra; k++) {
    const at = Math.floor(((k + 0.5) * slots) / extra);
    schedule[at] = (schedule[at] ?? 0) + 1;
  }
  return schedule;
}

function sizeIssues(question: OverbookingQuestion): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (question.slots > MAX_OVERBOOKING_SLOTS) {
    issues.push(errorIssue('schedule.too_many_patients', ['slots'], `${question.slots} slots: an overbooking question takes at most ${MAX_OVERBOOKING_SLOTS}`));
  }
  if (question.maxExtra !== undefined && question.maxExtra > MAX_EXTRA_BOOKINGS) {
    issues.push(errorIssue('schedule.too_many_patients', ['maxExtra'], `${question.maxExtra} extra bookings: at most ${MAX_EXTRA_BOOKINGS} are considered`));
  }
  return issues;
}

/**
 * Evaluates booking S, S + 1, …, S + maxExtra patients into S slots and recommends the number with
 * the largest expected net value. Questions with more than 300 slots (`MAX_OVERBOOKING_SLOTS`) or
 * more than 100 extra bookings (`MAX_EXTRA_BOOKINGS`) are refused with `schedule.too_many_patients`
 * at `slots` or `maxExtra` (at the limits it takes a few seconds).
 *
 * @param input - an {@link OverbookingQuestionSchema} question
 * @returns every option and the best, or issues with paths
 * @example
 * ```ts
 * const r = recommendOverbooking({ slots: 20, intervalMinutes: 15, service: { kind: 'exponential', mean: 15 },
 *   noShowProbability: 0.2, valuePerPatient: 60, costs: { wait: 0.5, idle: 1, overtime: 1.5 } });
 * if (r.ok) console.log(r.value.best.booked);
 * ```
 */
export function recommendOverbooking(input: unknown): Checked<OverbookingAdvice, ScheduleIssue> {
  const parsed = OverbookingQuestionSchema.safeParse(input);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'schedule.schema'));
  const question = parsed.data;
  const issues = [...serviceIssues(question.service, ['service']), ...sizeIssues(question)];
  if (issues.length > 0) return fail(issues);
  const options: OverbookingOption[] = [];
  for (let extra = 0; extra <= (question.maxExtra ?? Math.min(question.slots, MAX_EXTRA_BOOKINGS)); extra++) {
    const evaluation = evaluateSchedule({
      slots: overbookedSlots(question.slots, extra),
      intervalMinutes: question.intervalMinutes,
      sessionMinutes: question.slots * question.intervalMinutes,
      service: question.service,
      noShowProbability: question.noShowProbability,
    });
    if (!evaluation.ok) return evaluation;
    const e = evaluation.value;
    const expectedSeen = e.patients * (1 - question.noShowProbability);
    const { costs } = question;
    const netValue =
      question.valuePerPatient * expectedSeen - costs.wait * e.expectedTotalWait - costs.idle * e.expectedIdle - costs.overtime * e.expectedOvertime;
    options.push({ booked: e.patients, expectedSeen, netValue, evaluation: e });
  }
  const best = options.reduce((a, b) => (b.netValue > a.netValue ? b : a), options[0] as OverbookingOption);
  const naiveBooked = question.noShowProbability < 1 ? Math.round(question.slots / (1 - question.noShowProbability)) : question.slots;
  return ok({ options, best, naiveBooked });
}
