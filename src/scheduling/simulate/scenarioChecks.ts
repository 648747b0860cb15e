import type { Distribution } from '../../core/distribution.js';
import { errorIssue, prefixIssues } from '../../core/issue.js';
import { serviceIssues } from '../optimize/session.js';
import type { Scenario, SimulationIssue } from './scenario.js';

/**
 * What the checks beyond the shape read. From a parsed scenario, all of it; after a schema error,
 * only the parts that parse by themselves, so the checks that do not depend on the broken part
 * still run and none reports a follow-on of it.
 */
export interface ScenarioParts {
  readonly sessionMinutes: number | undefined;
  /** The classes as given: their names are the classes defined, even those whose content is broken. */
  readonly classNames: Readonly<Record<string, unknown>> | undefined;
  /** The service laws that parse, by class name. */
  readonly services: Readonly<Record<string, { readonly service: Distribution }>>;
  readonly appointments: Scenario['appointments'];
  readonly schedule: Scenario['schedule'];
  readonly walkIns: Scenario['walkIns'];
  readonly urgent: Scenario['urgent'];
  /** Whether appointments or a schedule are given at all (parsed or not). */
  readonly booked: boolean;
}

function classIssues(parts: ScenarioParts): SimulationIssue[] {
  const defined = parts.classNames;
  if (defined === undefined) return [];
  const known = (name: string): boolean => Object.hasOwn(defined, name);
  const issues: SimulationIssue[] = [];
  const unknown = (path: (string | number)[], name: string): SimulationIssue =>
    errorIssue('simulate.unknown_class', path, `no patient class '${name}' is defined`);
  parts.appointments?.forEach((a, i) => {
    if (!known(a.class)) issues.push(unknown(['appointments', i, 'class'], a.class));
  });
  if (parts.schedule !== undefined && !known(parts.schedule.class)) issues.push(unknown(['schedule', 'class'], parts.schedule.class));
  if (parts.walkIns !== undefined && !known(parts.walkIns.class)) issues.push(unknown(['walkIns', 'class'], parts.walkIns.class));
  if (parts.urgent !== undefined && !known(parts.urgent.class)) issues.push(unknown(['urgent', 'class'], parts.urgent.class));
  return issues;
}

function durationIssues(services: ScenarioParts['services']): SimulationIssue[] {
  return Object.entries(services).flatMap(([name, patientClass]) =>
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

/** The patients a session expects from each source, with the path that sets the number. */
function patientSources(parts: ScenarioParts, sessionMinutes: number): { readonly path: string[]; readonly expected: number }[] {
  const arrivals = (perHour: number | undefined): number => ((perHour ?? 0) * sessionMinutes) / 60;
  return [
    { path: ['appointments'], expected: parts.appointments?.length ?? 0 },
    { path: ['schedule'], expected: parts.schedule?.slots.reduce((sum, n) => sum + n, 0) ?? 0 },
    { path: ['walkIns', 'perHour'], expected: arrivals(parts.walkIns?.perHour) },
    { path: ['urgent', 'perHour'], expected: arrivals(parts.urgent?.perHour) },
  ];
}

/** Too many patients, reported at the source that brings the most of them. */
function sizeIssues(parts: ScenarioParts): SimulationIssue[] {
  if (parts.sessionMinutes === undefined) return [];
  const sources = patientSources(parts, parts.sessionMinutes);
  const expected = sources.reduce((sum, source) => sum + source.expected, 0);
  if (expected <= MAX_PATIENTS_PER_SESSION) return [];
  const largest = sources.reduce((most, source) => (source.expected > most.expected ? source : most));
  return [errorIssue('simulate.too_many_patients', largest.path, `a session would expect ${Math.round(expected)} patients, more than ${MAX_PATIENTS_PER_SESSION}`)];
}

/**
 * The checks beyond the shape: service laws that are durations, classes that are defined, a
 * session small enough to simulate, and some bookings.
 *
 * @param parts - what the scenario gives (after a schema error, only the parts that parse)
 * @returns the issues found
 * @example
 * ```ts
 * issuesBeyondShape(parts); // e.g. simulate.unknown_class at schedule.class
 * ```
 */
export function issuesBeyondShape(parts: ScenarioParts): SimulationIssue[] {
  const issues = [...durationIssues(parts.services), ...classIssues(parts), ...sizeIssues(parts)];
  if (!parts.booked) issues.push(errorIssue('simulate.no_schedule', ['appointments'], 'give appointments or a schedule'));
  return issues;
}
