import { z } from 'zod';
import { match } from 'ts-pattern';
import { DistributionSchema, type Distribution } from '../../core/distribution.js';
import { errorIssue, type Issue, type IssuePath } from '../../core/issue.js';
import { fromIssues, type Checked } from '../../core/result.js';
import { issuesFromZod } from '../../core/parse.js';

/**
 * Stable issue codes of schedule evaluation and optimisation:
 * - `schedule.schema`: the input does not have the documented shape (path says where);
 * - `schedule.service_unsupported`: the service distribution is not a duration law (normal, poisson, bernoulli);
 * - `schedule.negative_duration`: a service duration could be negative;
 * - `schedule.beyond_session`: the booked intervals run past the end of the session;
 * - `schedule.too_many_patients`: more patients than the optimiser can place, or an overbooking
 *   question with more slots or extra bookings than `recommendOverbooking` considers;
 * - `schedule.too_many_intervals`: more intervals than the optimiser searches;
 * - `schedule.grid_too_large`: the discretised workload would exceed the evaluator's memory bound, or
 *   the convolutions its work bound (`MAX_CONVOLUTION_WORK`, estimated before computing; a heavy tail
 *   spreads the service law over many grid points) (at `service` when the law reaches too far, at
 *   `stepsPerInterval` or `searchStepsPerInterval` when the caller's grid is too fine).
 */
export type ScheduleIssueCode =
  | 'schedule.schema'
  | 'schedule.service_unsupported'
  | 'schedule.negative_duration'
  | 'schedule.beyond_session'
  | 'schedule.too_many_patients'
  | 'schedule.too_many_intervals'
  | 'schedule.grid_too_large';

/** An issue found in a session or an optimisation problem. */
export type ScheduleIssue = Issue<ScheduleIssueCode>;

/**
 * Weights of the three costs in the objective
 * `wait · E[total wait] / N + idle · E[idle] + overtime · E[overtime]` (Kaandorp and Koole 2007).
 *
 * @example
 * ```ts
 * const weights = ObjectiveWeightsSchema.parse({ wait: 1, idle: 0.5, overtime: 1.5 });
 * ```
 */
export const ObjectiveWeightsSchema = z.object({
  wait: z.number().finite().nonnegative(),
  idle: z.number().finite().nonnegative(),
  overtime: z.number().finite().nonnegative(),
});

/** Weights of the objective. See {@link ObjectiveWeightsSchema}. */
export type ObjectiveWeights = z.infer<typeof ObjectiveWeightsSchema>;

/** The weights used when a session gives none: every minute of every kind counts the same. */
export const DEFAULT_WEIGHTS: ObjectiveWeights = { wait: 1, idle: 1, overtime: 1 };

/**
 * One provider's session booked in equal intervals: `slots[t]` patients are booked at the start of
 * interval t (minute `t · intervalMinutes`); the provider works from minute 0 to `sessionMinutes`.
 *
 * @example
 * ```ts
 * const session = ScheduleSessionSchema.parse({
 *   slots: [2, 1, 1, 1, 0], intervalMinutes: 15, sessionMinutes: 75,
 *   service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1,
 * });
 * ```
 */
export const ScheduleSessionSchema = z.object({
  slots: z.array(z.number().int().nonnegative()).min(1),
  intervalMinutes: z.number().finite().positive(),
  sessionMinutes: z.number().finite().positive(),
  service: DistributionSchema,
  noShowProbability: z.number().min(0).max(1),
  weights: ObjectiveWeightsSchema.optional(),
});

/** A validated session. See {@link ScheduleSessionSchema}. */
export type ScheduleSession = z.infer<typeof ScheduleSessionSchema>;

/**
 * The issues of a service distribution used as a duration: unsupported kinds and negative values.
 *
 * @param service - a validated distribution
 * @param path - where it sits in the input
 * @returns the issues (empty when the distribution is a valid duration law)
 * @example
 * ```ts
 * serviceIssues({ kind: 'empirical', values: [12, -3] }, ['service']); // schedule.negative_duration at service.values[1]
 * ```
 */
export function serviceIssues(service: Distribution, path: IssuePath): ScheduleIssue[] {
  const unsupported = (kind: string): ScheduleIssue[] => [
    errorIssue('schedule.service_unsupported', [...path, 'kind'], `a ${kind} distribution is not a service duration`),
  ];
  return match<Distribution, ScheduleIssue[]>(service)
    .with({ kind: 'normal' }, { kind: 'poisson' }, { kind: 'bernoulli' }, (d) => unsupported(d.kind))
    .with({ kind: 'uniform' }, (d) =>
      d.min < 0 ? [errorIssue('schedule.negative_duration', [...path, 'min'], `service cannot be negative (min ${d.min})`)] : [],
    )
    .with({ kind: 'empirical' }, (d) =>
      d.values.flatMap((v, i) =>
        v < 0 ? [errorIssue('schedule.negative_duration', [...path, 'values', i], `observed duration ${v} is negative`)] : [],
      ),
    )
    .with({ kind: 'deterministic' }, (d) =>
      d.value < 0 ? [errorIssue('schedule.negative_duration', [...path, 'value'], `service cannot be negative (value ${d.value})`)] : [],
    )
    .with({ kind: 'lognormal' }, { kind: 'gamma' }, { kind: 'exponential' }, () => [])
    .exhaustive();
}

/**
 * Parses and checks a session: its shape, its service law and that its intervals fit in the session.
 *
 * @param input - untrusted data, e.g. parsed JSON
 * @returns the session, or issues with paths
 * @example
 * ```ts
 * const r = checkSession({ slots: [1, 1], intervalMinutes: 15, sessionMinutes: 30,
 *   service: { kind: 'exponential', mean: 15 }, noShowProbability: 0 });
 * r.ok; // true
 * ```
 */
export function checkSession(input: unknown): Checked<ScheduleSession, ScheduleIssue> {
  const parsed = ScheduleSessionSchema.safeParse(input);
  if (!parsed.success) return fromIssues(input as ScheduleSession, issuesFromZod(parsed.error, 'schedule.schema'));
  const session = parsed.data;
  const issues = serviceIssues(session.service, ['service']);
  if (session.slots.length * session.intervalMinutes > session.sessionMinutes + 1e-9) {
    issues.push(
      errorIssue(
        'schedule.beyond_session',
        ['slots'],
        `${session.slots.length} intervals of ${session.intervalMinutes} min run past the ${session.sessionMinutes}-min session`,
      ),
    );
  }
  return fromIssues(session, issues);
}
