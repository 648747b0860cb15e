import { errorIssue, type Issue } from '../core/issue.js';
import { holdsTime, type Appointment } from './appointment.js';
import type { ClinicFile } from './clinicFile.js';
import { epochMinuteOfIso } from './time/epochMinutes.js';

function mismatch(overbooking: Appointment, holder: Appointment): string | undefined {
  if (holder.id === overbooking.id) return 'an appointment cannot overbook itself';
  if (holder.overbooks !== undefined) return `${holder.id} is itself an overbooking`;
  if (holder.providerId !== overbooking.providerId) return `${holder.id} is with ${holder.providerId}, not ${overbooking.providerId}`;
  if (epochMinuteOfIso(overbooking.start) < epochMinuteOfIso(holder.start) || epochMinuteOfIso(overbooking.end) > epochMinuteOfIso(holder.end)) {
    return `the overbooking does not fall within ${holder.id}'s time`;
  }
  if (holdsTime(overbooking.status) && !holdsTime(holder.status)) return `${holder.id} no longer holds its time, so the overbooking would hold none`;
  return undefined;
}

/**
 * Checks every `overbooks` reference of a clinic file's appointments: it must name an appointment of
 * the file (`schedule.unknown_appointment`) that is with the same provider, is not itself an
 * overbooking, contains the overbooking's time and, while the overbooking holds time, holds its own
 * (`schedule.overbook_mismatch`); and no appointment may be overbooked twice at once. An overbooking
 * takes no time of its own, so a broken reference would hide a double booking.
 *
 * @param file - the zod-parsed clinic file
 * @returns the issues, each at `['appointments', i, 'overbooks']`
 * @example
 * ```ts
 * overbookReferenceIssues(file); // [] when every overbooking shares a real appointment's time
 * ```
 */
export function overbookReferenceIssues(file: ClinicFile): Issue[] {
  const byId = new Map<string, Appointment>(file.appointments.map((a) => [a.id, a]));
  const overbooked = new Set<string>();
  const issues: Issue[] = [];
  file.appointments.forEach((a, i) => {
    if (a.overbooks === undefined) return;
    const path = ['appointments', i, 'overbooks'];
    const holder = byId.get(a.overbooks);
    if (holder === undefined) {
      issues.push(errorIssue('schedule.unknown_appointment', path, `no appointment ${a.overbooks}`));
      return;
    }
    const problem = mismatch(a, holder);
    if (problem !== undefined) issues.push(errorIssue('schedule.overbook_mismatch', path, problem));
    else if (holdsTime(a.status) && overbooked.has(holder.id)) issues.push(errorIssue('schedule.overbook_mismatch', path, `${holder.id} is already overbooked`));
    if (holdsTime(a.status)) overbooked.add(holder.id);
  });
  return issues;
}
