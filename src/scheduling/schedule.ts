import type { IanaZone } from '../core/time.js';
import type { Appointment } from './appointment.js';
import type { ExtraHours, ScheduleException, WeeklyRule } from './availabilityRules.js';
import type { AppointmentType, Provider, Resource } from './clinic.js';
import type { ClinicFile } from './clinicFile.js';
import type { Occupancy } from './occupancy.js';
import type { SchedulingPolicy } from './policy.js';
import type { WaitlistEntry } from './waitlistEntry.js';

/**
 * A clinic's schedule as an immutable value: everything in its clinic file, checked, plus the
 * derived occupancy index. Make one with `parseSchedule`; every booking operation returns a new
 * one and leaves its input untouched.
 */
export interface Schedule {
  readonly zone: IanaZone;
  readonly policy: SchedulingPolicy;
  readonly providers: readonly Provider[];
  readonly resources: readonly Resource[];
  readonly appointmentTypes: readonly AppointmentType[];
  readonly rules: readonly WeeklyRule[];
  readonly extraHours: readonly ExtraHours[];
  readonly exceptions: readonly ScheduleException[];
  readonly appointments: readonly Appointment[];
  readonly waitlist: readonly WaitlistEntry[];
  /** Derived from the appointments; kept in step by every operation. */
  readonly occupancy: Occupancy;
}

/**
 * The clinic file of a schedule (its JSON shape, without the derived index), ready for `JSON.stringify`.
 *
 * @example
 * ```ts
 * await writeFile('clinic.json', JSON.stringify(toClinicFile(schedule), null, 2));
 * ```
 */
export function toClinicFile(schedule: Schedule): ClinicFile {
  const { occupancy: _derived, ...file } = schedule;
  return {
    ...file,
    providers: [...file.providers],
    resources: [...file.resources],
    appointmentTypes: [...file.appointmentTypes],
    rules: [...file.rules],
    extraHours: [...file.extraHours],
    exceptions: [...file.exceptions],
    appointments: [...file.appointments],
    waitlist: [...file.waitlist],
  };
}

