import { z } from 'zod';
import { DistributionSchema, type Distribution } from '../../core/distribution.js';
import type { Issue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fromIssues, type Checked } from '../../core/result.js';
import { issuesBeyondShape, type ScenarioParts } from './scenarioChecks.js';

export { MAX_PATIENTS_PER_SESSION } from './scenarioChecks.js';

/**
 * Stable issue codes of simulation scenarios:
 * - `simulate.schema`: the scenario does not have the documented shape (including more than
 *   1,000 providers or 1,000 rooms: `MAX_PROVIDERS`, `MAX_ROOMS`);
 * - `simulate.negative_duration`: a service time could be negative;
 * - `simulate.service_unsupported`: a service law is not a duration law;
 * - `simulate.unknown_class`: an appointment, walk-in or urgent stream names a class not defined;
 * - `simulate.no_schedule`: neither `appointments` nor `schedule` is given;
 * - `simulate.too_many_patients`: a session would expect more than {@link MAX_PATIENTS_PER_SESSION}
 *   patients (booked plus walk-in and urgent arrivals), more than one replication can hold; the path
 *   names the source bringing the most (`appointments`, `schedule`, `walkIns.perHour` or
 *   `urgent.perHour`);
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

function partsOf(scenario: Scenario): ScenarioParts {
  const { sessionMinutes, classes, appointments, schedule, walkIns, urgent } = scenario;
  return { sessionMinutes, classNames: classes, services: classes, appointments, schedule, walkIns, urgent, booked: appointments !== undefined || schedule !== undefined };
}

/** The parts of a scenario with a schema error that parse by themselves (see `ScenarioParts`). */
function partsThatParse(input: unknown): ScenarioParts | undefined {
  if (!isPlainRecord(input)) return undefined;
  const shape = ScenarioSchema.shape;
  const given = input.classes;
  const classNames = isPlainRecord(given) ? given : undefined;
  const services = Object.entries(classNames ?? {}).flatMap(([name, value]): [string, { service: Distribution }][] => {
    const service = DistributionSchema.safeParse(isPlainRecord(value) ? value.service : undefined);
    return service.success ? [[name, { service: service.data }]] : [];
  });
  return {
    sessionMinutes: shape.sessionMinutes.safeParse(input.sessionMinutes).data,
    classNames,
    services: Object.fromEntries(services),
    appointments: shape.appointments.safeParse(input.appointments).data,
    schedule: shape.schedule.safeParse(input.schedule).data,
    walkIns: shape.walkIns.safeParse(input.walkIns).data,
    urgent: shape.urgent.safeParse(input.urgent).data,
    booked: input.appointments !== undefined || input.schedule !== undefined,
  };
}

/**
 * Parses and checks a scenario: shape, probabilities in [0, 1], non-negative durations, known
 * classes, and a session small enough to simulate. A schema error does not hide the other
 * problems: the later checks still run on the parts that parse by themselves (a class whose
 * content is broken still counts as defined, so no reference to it is called unknown).
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
  if (!parsed.success) {
    const parts = partsThatParse(input);
    const later = parts === undefined ? [] : issuesBeyondShape(parts);
    return fromIssues(input as Scenario, [...issuesFromZod(parsed.error, 'simulate.schema'), ...later]);
  }
  return fromIssues(parsed.data, issuesBeyondShape(partsOf(parsed.data)));
}
