import { errorIssue, type Issue } from '../core/issue.js';
import { checkZone } from '../core/time.js';
import type { ClinicFile } from './clinicFile.js';
import { epochMinuteOfIso } from './time/epochMinutes.js';
import { minutesOfWallTime } from './wallTime.js';
import { providerMaySee } from './clinic.js';
import { overbookReferenceIssues } from './overbookReferences.js';
import { overlappingRules } from './overlappingRules.js';

/**
 * Checks a parsed clinic file beyond its shape: zones, unique ids, references between parts
 * (overbookings included), time ranges that end after they start, and weekly rules that overlap.
 *
 * @param file - the zod-parsed clinic file
 * @returns every issue found, each with its path
 * @example
 * ```ts
 * const issues = validateClinic(file); // [] when sound
 * ```
 */
export function validateClinic(file: ClinicFile): Issue[] {
  return [
    ...zoneIssues(file),
    ...duplicateIssues(file),
    ...referenceIssues(file),
    ...rangeIssues(file),
    ...overlappingRules(file.rules),
    ...sharedRequirementIssues(file),
    ...overbookReferenceIssues(file),
  ];
}

/**
 * A type whose requirements share a resource could be given one unit twice (two rooms that are the
 * same room), so each resource may appear in at most one requirement of a type.
 */
function sharedRequirementIssues(file: ClinicFile): Issue[] {
  return file.appointmentTypes.flatMap((t, i) => {
    const claimedBy = new Map<string, number>();
    return t.requiredResources.flatMap((r, j) =>
      r.anyOf.flatMap((id, k) => {
        const earlier = claimedBy.get(id);
        if (earlier !== undefined && earlier !== j) {
          return [errorIssue('schedule.shared_requirement', ['appointmentTypes', i, 'requiredResources', j, 'anyOf', k], `${id} already meets requirement ${earlier + 1} of ${t.id}`)];
        }
        claimedBy.set(id, j);
        return [];
      }),
    );
  });
}

function zoneIssues(file: ClinicFile): Issue[] {
  const issues: Issue[] = [];
  const check = (zone: string | undefined, path: (string | number)[]): void => {
    if (zone === undefined) return;
    const checked = checkZone(zone, path);
    if (!checked.ok) issues.push(...checked.issues);
  };
  check(file.zone, ['zone']);
  file.appointments.forEach((a, i) => check(a.patientZone, ['appointments', i, 'patientZone']));
  file.waitlist.forEach((w, i) => check(w.patientZone, ['waitlist', i, 'patientZone']));
  return issues;
}

function duplicateIssues(file: ClinicFile): Issue[] {
  const issues: Issue[] = [];
  const lists = ['providers', 'resources', 'appointmentTypes', 'rules', 'extraHours', 'exceptions', 'appointments', 'waitlist'] as const;
  for (const name of lists) {
    const seen = new Set<string>();
    file[name].forEach((item, index) => {
      if (seen.has(item.id)) issues.push(errorIssue('schedule.duplicate_id', [name, index, 'id'], `${item.id} appears twice in ${name}`));
      seen.add(item.id);
    });
  }
  return issues;
}

// Pending and booked appointments are still to come: their resources can still block a new booking.
function awaitsVisit(status: ClinicFile['appointments'][number]['status']): boolean {
  return status === 'pending' || status === 'booked';
}

function referenceIssues(file: ClinicFile): Issue[] {
  const issues: Issue[] = [];
  const providers = new Set<string>(file.providers.map((p) => p.id));
  const resources = new Set<string>(file.resources.map((r) => r.id));
  const types = new Map<string, ClinicFile['appointmentTypes'][number]>(file.appointmentTypes.map((t) => [t.id, t]));
  const provider = (id: string | undefined, path: (string | number)[]): void => {
    if (id !== undefined && !providers.has(id)) issues.push(errorIssue('schedule.unknown_provider', path, `no provider ${id}`));
  };
  const resource = (id: string | undefined, path: (string | number)[]): void => {
    if (id !== undefined && !resources.has(id)) issues.push(errorIssue('schedule.unknown_resource', path, `no resource ${id}`));
  };
  const type = (id: string, path: (string | number)[]): void => {
    if (!types.has(id)) issues.push(errorIssue('schedule.unknown_type', path, `no appointment type ${id}`));
  };
  file.appointmentTypes.forEach((t, i) => {
    t.allowedProviders?.forEach((id, j) => provider(id, ['appointmentTypes', i, 'allowedProviders', j]));
    t.requiredResources.forEach((r, j) => r.anyOf.forEach((id, k) => resource(id, ['appointmentTypes', i, 'requiredResources', j, 'anyOf', k])));
  });
  file.rules.forEach((r, i) => provider(r.providerId, ['rules', i, 'providerId']));
  file.extraHours.forEach((r, i) => provider(r.providerId, ['extraHours', i, 'providerId']));
  file.exceptions.forEach((e, i) => {
    provider(e.providerId, ['exceptions', i, 'providerId']);
    resource(e.resourceId, ['exceptions', i, 'resourceId']);
    // An exception closes the whole clinic, one provider or one resource: naming both would leave the
    // provider bookable and close the resource to everyone, whichever was meant.
    if (e.providerId !== undefined && e.resourceId !== undefined) {
      issues.push(errorIssue('schedule.exception_target', ['exceptions', i], `exception ${e.id} names provider ${e.providerId} and resource ${e.resourceId}; an exception applies to the whole clinic, one provider or one resource, so make it two exceptions`));
    }
  });
  file.appointments.forEach((a, i) => {
    provider(a.providerId, ['appointments', i, 'providerId']);
    type(a.typeId, ['appointments', i, 'typeId']);
    a.resourceIds.forEach((id, j) => resource(id, ['appointments', i, 'resourceIds', j]));
    const known = types.get(a.typeId);
    if (known !== undefined && providers.has(a.providerId) && !providerMaySee(known, a.providerId)) {
      issues.push(errorIssue('schedule.provider_not_allowed', ['appointments', i, 'providerId'], `${a.providerId} may not see ${a.typeId}`));
    }
    // A booking still to come without the rooms or equipment its type needs would leave them free for
    // another booking; a visit under way or done is history, kept as it was recorded.
    if (known !== undefined && awaitsVisit(a.status)) {
      known.requiredResources.forEach((requirement, j) => {
        if (requirement.anyOf.some((id) => a.resourceIds.includes(id))) return;
        issues.push(errorIssue('schedule.resource_mismatch', ['appointments', i, 'resourceIds'], `${a.id} is a ${a.typeId} and holds none of ${requirement.anyOf.join(', ')} (requirement ${j + 1} of its type)`));
      });
    }
  });
  file.waitlist.forEach((w, i) => {
    type(w.typeId, ['waitlist', i, 'typeId']);
    w.allowedProviders?.forEach((id, j) => provider(id, ['waitlist', i, 'allowedProviders', j]));
  });
  return issues;
}

function rangeIssues(file: ClinicFile): Issue[] {
  const issues: Issue[] = [];
  const range = (ok: boolean, path: (string | number)[], what: string): void => {
    if (!ok) issues.push(errorIssue('schedule.time_range', path, `${what} ends before it starts`));
  };
  file.rules.forEach((r, i) => {
    range(minutesOfWallTime(r.start) < minutesOfWallTime(r.end), ['rules', i, 'end'], `rule ${r.id}`);
    range(r.effectiveTo === undefined || r.effectiveTo >= r.effectiveFrom, ['rules', i, 'effectiveTo'], `rule ${r.id}'s effective range`);
  });
  file.extraHours.forEach((r, i) => range(minutesOfWallTime(r.start) < minutesOfWallTime(r.end), ['extraHours', i, 'end'], `extra hours ${r.id}`));
  file.exceptions.forEach((e, i) => {
    range(e.toDate === undefined || e.toDate >= e.date, ['exceptions', i, 'toDate'], `exception ${e.id}`);
    if ((e.start === undefined) !== (e.end === undefined)) {
      issues.push(errorIssue('schedule.time_range', ['exceptions', i, e.start === undefined ? 'start' : 'end'], `exception ${e.id} needs both start and end, or neither`));
    } else if (e.start !== undefined && e.end !== undefined) {
      range(minutesOfWallTime(e.start) < minutesOfWallTime(e.end), ['exceptions', i, 'end'], `exception ${e.id}`);
    }
  });
  file.appointments.forEach((a, i) => range(epochMinuteOfIso(a.start) < epochMinuteOfIso(a.end), ['appointments', i, 'end'], `appointment ${a.id}`));
  file.waitlist.forEach((w, i) =>
    w.windows?.forEach((win, j) => range(minutesOfWallTime(win.start) < minutesOfWallTime(win.end), ['waitlist', i, 'windows', j, 'end'], `waitlist window`)),
  );
  return issues;
}
