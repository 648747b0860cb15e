import { errorIssue, type Issue } from '../core/issue.js';
import { holdsTime, type Appointment } from './appointment.js';
import type { AppointmentType } from './clinic.js';
import type { ClinicFile } from './clinicFile.js';
import { overbookMisfit } from './overbookFit.js';

/**
 * Why an overbooking that holds time does not share the time of the appointment it names, or
 * undefined when it does: another provider, itself an overbooking, no longer holding its time, a room
 * or piece of equipment the holder does not hold, or not containing the overbooking's time (its
 * appointment time inside the holder's, its footprint inside the holder's footprint, as booking measures it).
 *
 * @example
 * ```ts
 * overbookMismatch(overbooking, holder, typesById); // undefined while the two share the time
 * ```
 */
export function overbookMismatch(overbooking: Appointment, holder: Appointment, types: ReadonlyMap<string, AppointmentType>): string | undefined {
  const unshared = sharedProviderMismatch(overbooking, holder);
  if (unshared !== undefined) return unshared;
  if (!holdsTime(holder.status)) return `${holder.id} no longer holds its time, so the overbooking would hold none`;
  // It shares the holder's rooms and equipment, and takes them over if the holder leaves.
  const foreign = overbooking.resourceIds.find((id) => !holder.resourceIds.includes(id));
  if (foreign !== undefined) return `${foreign} is not one of ${holder.id}'s rooms and equipment`;
  const overType = types.get(overbooking.typeId);
  const holderType = types.get(holder.typeId);
  if (overType === undefined || holderType === undefined) return undefined; // reported as schedule.unknown_type
  return overbookMisfit(overbooking, overType, holder, holderType);
}

/** Why an overbooking cannot share its holder at all: itself, an overbooking, or another provider. */
function sharedProviderMismatch(overbooking: Appointment, holder: Appointment): string | undefined {
  if (holder.id === overbooking.id) return 'an appointment cannot overbook itself';
  if (holder.overbooks !== undefined) return `${holder.id} is itself an overbooking`;
  return holder.providerId === overbooking.providerId ? undefined : `${holder.id} is with ${holder.providerId}, not ${overbooking.providerId}`;
}

/**
 * Checks every `overbooks` reference of a clinic file's appointments. It must name an appointment of
 * the file (`schedule.unknown_appointment`). While the overbooking holds time, the appointment it names
 * must be with the same provider, not itself an overbooking, still holding its own time, and its
 * appointment time must contain the overbooking's (and its footprint the overbooking's footprint, as
 * booking measures it); and no appointment may be
 * overbooked twice at once (`schedule.overbook_mismatch`). An overbooking under way or done (arrived
 * or later) is kept as recorded: only its provider and holder are checked, not its time or resources. An overbooking takes no time of its own, so a
 * broken reference would hide a double booking; a cancelled one hides nothing and keeps its reference.
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
  const types = new Map<string, AppointmentType>(file.appointmentTypes.map((t) => [t.id, t]));
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
    if (!holdsTime(a.status)) return;
    // A visit under way or done is kept as recorded (as resources are): only one still to come is held
    // to the rules booking applies today (inside the holder's appointment time, its own resources).
    const awaited = a.status === 'pending' || a.status === 'booked';
    const problem = (awaited ? overbookMismatch(a, holder, types) : sharedProviderMismatch(a, holder)) ?? (overbooked.has(holder.id) ? `${holder.id} is already overbooked` : undefined);
    if (problem !== undefined) issues.push(errorIssue('schedule.overbook_mismatch', path, problem));
    overbooked.add(holder.id);
  });
  return issues;
}
