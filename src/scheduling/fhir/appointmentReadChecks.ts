import { errorIssue, type Issue } from '../../core/issue.js';
import { checkZone } from '../../core/time.js';
import { isMedofficeExtension, type FhirExtension } from './fhirTypes.js';

/** What {@link appointmentReadChecks} looks at in a FHIR Appointment. */
export interface AppointmentReadFacts {
  /** Each participant's actor, as `referencedId` read it. */
  readonly actors: readonly ({ readonly type: string; readonly id: string } | undefined)[];
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly minutesDuration: number | undefined;
  readonly extension: readonly FhirExtension[] | undefined;
}

/**
 * What a FHIR Appointment says that a medoffice appointment cannot hold, so that reading it would
 * drop or contradict something: a second Patient or Practitioner participant (a medoffice
 * appointment has one of each), a `minutesDuration` other than the minutes from `start` to `end`
 * (judged when it ends after it starts; one that does not is reported as such),
 * and a `patient-zone` extension that is no IANA zone.
 *
 * @param facts - the participants, times, duration and extensions of the resource
 * @returns `fhir.schema` issues at the participant, `minutesDuration` or extension; `time.unknown_zone` for the zone
 * @example
 * ```ts
 * appointmentReadChecks({ actors: [{ type: 'Patient', id: 'p1' }, { type: 'Patient', id: 'p2' }], start, end, minutesDuration: undefined, extension: undefined });
 * // [fhir.schema at ['participant', 1, 'actor']]
 * ```
 */
export function appointmentReadChecks(facts: AppointmentReadFacts): Issue[] {
  const issues: Issue[] = [];
  for (const type of ['Patient', 'Practitioner']) {
    const at = facts.actors.map((actor, index) => (actor?.type === type ? index : -1)).filter((index) => index >= 0);
    for (const index of at.slice(1)) {
      issues.push(errorIssue('fhir.schema', ['participant', index, 'actor'], `a second ${type} participant: a medoffice appointment has one ${type === 'Patient' ? 'patient' : 'provider'}`));
    }
  }
  const minutes = (Date.parse(facts.end ?? '') - Date.parse(facts.start ?? '')) / 60_000;
  if (facts.minutesDuration !== undefined && minutes > 0 && facts.minutesDuration !== Math.round(minutes)) {
    issues.push(errorIssue('fhir.schema', ['minutesDuration'], `minutesDuration ${facts.minutesDuration} is not the ${Math.round(minutes)} minutes from start to end`));
  }
  const zoneAt = (facts.extension ?? []).findIndex((e) => isMedofficeExtension(e, 'patient-zone'));
  const zone = facts.extension?.[zoneAt]?.valueString;
  if (zone !== undefined) {
    const checked = checkZone(zone, ['extension', zoneAt]);
    if (!checked.ok) issues.push(...checked.issues);
  }
  return issues;
}
