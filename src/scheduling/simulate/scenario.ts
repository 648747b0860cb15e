import { z } from 'zod';
import { DistributionSchema } from '../../core/distribution.js';
import { errorIssue, prefixIssues, type Issue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fromIssues, type Checked } from '../../core/result.js';
import { serviceIssues } from '../optimize/session.js';

/**
 * Stable issue codes of simulation scenarios:
 * - `simulate.schema`: the scenario does not have the documented shape (including more than
 *   1,000 providers or 1,000 rooms: `MAX_PROVIDERS`, `MAX_ROOMS`);
 * - `simulate.negative_duration`: a service time could be negative;
 * - `simulate.service_unsupported`: a service law is not a duration law;
 * - `simulate.unknown_class`: an appointment, walk-in or urgent stream names a class not defined;
 * - `simulate.no_schedule`: neither `appointments` nor `schedule` is given;
 * - `simulate.too_many_patients`: a session would expect more than {@link MAX_PATIENTS_PER_SESSION}
 *   patients (booked plus walk-in and urgent arrivals), more than one replication can hold;
 * - `simulate.replications`: the replication count or seed is not usable.
 */
export type SimulationIssueCode =
  | 'simulate.schema'
  | 'simulate.negative_duration'
  | 'simulate.service_unsupported'
  | 'simulate.unknown_class'
  | 'simulate.no_schedule'
  | 'simulate.too_many_patients'
  | 'simulate.replications';

/** An issue found in a scenario. */
export type SimulationIssue = Issue<SimulationIssueCode>;

const probability = z.number().min(0).max(1);

/**
 * A patient class (new, follow-up, …): its service time and its own no-show probability.
 *
 * @example
 * ```ts
 * PatientClassSchema.parse({ service: { kind: 'lognormal', mean: 25, sd: 10 }, noShowProbability: 0.15 });
 * ```
 */
export const PatientClassSchema = z.object({
  service: DistributionSchema,
  noShowProbability: probability.default(0),
});

/** Most providers a scenario may have (each is a server of the simulated queue). */
export const MAX_PROVIDERS = 1_000;

/** Most exam rooms a scenario may have. */
export const MAX_ROOMS = 1_000;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/**
 * Patient classes by name. Parsed through a Map so that every JSON key, `__proto__` included,
 * stays an own property of the result (a plain record would turn `__proto__` into the prototype).
 */
const ClassesSchema = z
  .preprocess((value) => (isPlainRecord(value) ? new Map(Object.entries(value)) : value), z.map(z.string(), PatientClassSchema, { error: 'expected an object of patient classes by name' }))
  .transform((classes) => Object.fromEntries(classes) as Record<string, z.infer<typeof PatientClassSchema>>);

/** A stream of unscheduled arrivals: Poisson at `perHour`, patients of `class`. */
const ArrivalStreamSchema = z.object({ perHour: z.number().finite().nonnegative(), class: z.string() });

/**
 * A clinic session to simulate: providers and exam rooms, patient classes, booked appointments
 * (as a list or as an interval schedule), punctuality, walk-ins and urgent patients who go to the
 * front of the queue.
 *
 * @example
 * ```ts
 * const scenario = ScenarioSchema.parse({
 *   sessionMinutes: 300,
 *   classes: { followUp: { service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 } },
 *   schedule: { slots: Array(20).fill(1), intervalMinutes: 15, class: 'followUp' },
 * });
 * ```
 */
export const ScenarioSchema = z.object({
  /** Minutes from the session start to its planned end. */
  sessionMinutes: z.number().finite().positive(),
  /** Providers seeing patients in parallel: a whole number from 1 to `MAX_PROVIDERS` (1,000); default 1. */
  providers: z.number().int().positive().max(MAX_PROVIDERS, { error: `at most ${MAX_PROVIDERS} providers` }).default(1),
  /** Exam rooms, from 1 to `MAX_ROOMS` (1,000); a visit holds a room (default: one per provider). */
  rooms: z.number().int().positive().max(MAX_ROOMS, { error: `at most ${MAX_ROOMS} rooms` }).optional(),
  /** Minutes a room needs after each visit before the next patient (default 0). */
  roomTurnoverMinutes: z.number().finite().nonnegative().default(0),
  /** Patient classes by name (any name, `__proto__` included). */
  classes: ClassesSchema,
  /** Booked appointments: minute after the start, class, and optionally the patient's own no-show probability. */
  appointments: z
    .array(z.object({ minute: z.number().finite().nonnegative(), class: z.string(), noShowProbability: probability.optional() }))
    .optional(),
  /** Or: patients booked at the start of equal intervals, all of one class. */
  schedule: z
    .object({ slots: z.array(z.number().int().nonnegative()), intervalMinutes: z.number().finite().positive(), class: z.string() })
    .optional(),
  /** Minutes late on arrival (negative: early), drawn per patient; absent means punctual. */
  punctuality: DistributionSchema.optional(),
  /** Walk-in patients. */
  walkIns: ArrivalStreamSchema.optional(),
  /** Urgent patients, served before everyone waiting. */
  urgent: ArrivalStreamSchema.optional(),
});

/** A validated scenario. See {@link ScenarioSchema}. */
export type Scenario = z.infer<typeof ScenarioSchema>;

function classIssues(scenario: Scenario): SimulationIssue[] {
  const known = (name: string): boolean => Object.hasOwn(scenario.classes, name);
  const issues: SimulationIssue[] = [];
  const unknown = (path: (string | number)[], name: string): SimulationIssue =>
    errorIssue('simulate.unknown_class', path, `no patient class '${name}' is defined`);
  scenario.appointments?.forEach((a, i) => {
    if (!known(a.class)) issues.push(unknown(['appointments', i, 'class'], a.class));
  });
  if (scenario.schedule !== undefined && !known(scenario.schedule.class)) issues.push(unknown(['schedule', 'class'], scenario.schedule.class));
  if (scenario.walkIns !== undefined && !known(scenario.walkIns.class)) issues.push(unknown(['walkIns', 'class'], scenario.walkIns.class));
  if (scenario.urgent !== undefined && !known(scenario.urgent.class)) issues.push(unknown(['urgent', 'class'], scenario.urgent.class));
  return issues;
}

function durationIssues(scenario: Scenario): SimulationIssue[] {
  return Object.entries(scenario.classes).flatMap(([name, patientClass]) =>
    prefixIssues(serviceIssues(patientClass.service, ['service']), ['classes', name]).map(
      (found): SimulationIssue => ({
        ...found,
        code: found.code === 'schedule.negative_duration' ? 'simulate.negative_duration' : 'simulate.service_unsupported',
      }),
    ),
  );
}

/** The most patients one simulated session may expect: booked appointments plus arrivals. */
export const MAX_PATIENTS_PER_SESSION = 100_000;

function sizeIssues(scenario: Scenario): SimulationIssue[] {
  const booked = (scenario.appointments?.length ?? 0) + (scenario.schedule?.slots.reduce((sum, n) => sum + n, 0) ?? 0);
  const arrivals = (((scenario.walkIns?.perHour ?? 0) + (scenario.urgent?.perHour ?? 0)) * scenario.sessionMinutes) / 60;
  const expected = booked + arrivals;
  if (expected <= MAX_PATIENTS_PER_SESSION) return [];
  const path = arrivals > booked ? [scenario.walkIns !== undefined ? 'walkIns' : 'urgent', 'perHour'] : [scenario.schedule !== undefined ? 'schedule' : 'appointments'];
  return [errorIssue('simulate.too_many_patients', path, `a session would expect ${Math.round(expected)} patients, more than ${MAX_PATIENTS_PER_SESSION}`)];
}

/**
 * Parses and checks a scenario: shape, probabilities in [0, 1], non-negative durations, known
 * classes, and a session small enough to simulate.
 *
 * @param input - untrusted data, e.g. parsed JSON
 * @returns the scenario, or issues with paths
 * @example
 * ```ts
 * const r = checkScenario({ sessionMinutes: 60, classes: {}, schedule: { slots: [1], intervalMinutes: 15, class: 'x' } });
 * r.ok; // false: simulate.unknown_class at schedule.class
 * ```
 */
export function checkScenario(input: unknown): Checked<Scenario, SimulationIssue> {
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) return fromIssues(input as Scenario, issuesFromZod(parsed.error, 'simulate.schema'));
  const scenario = parsed.data;
  const issues = [...durationIssues(scenario), ...classIssues(scenario), ...sizeIssues(scenario)];
  if (scenario.appointments === undefined && scenario.schedule === undefined) {
    issues.push(errorIssue('simulate.no_schedule', ['appointments'], 'give appointments or a schedule'));
  }
  return fromIssues(scenario, issues);
}
