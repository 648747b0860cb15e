import { errorIssue, type Issue } from '../core/issue.js';
import { holdsTime, type Appointment } from './appointment.js';
import type { AppointmentType, Resource } from './clinic.js';
import { addLoad, EMPTY_LOAD, loadProfileOf, type LoadProfile } from './loadProfile.js';
import type { Interval } from './intervals.js';
import { holdPatientTime, patientTimesOf, releasePatientTime, type PatientTimes } from './patientTimes.js';
import { insertFootprint, removeFootprint, type Footprint } from './providerTimeline.js';
import { epochMinuteOfIso } from './time/epochMinutes.js';

/**
 * The derived index of who and what is taken when: per provider the sorted, disjoint footprints of
 * its appointments; per resource its load profile; per patient the times of their time-holding
 * appointments. Built once from the appointments and carried along by every booking operation, so
 * checks are binary searches (or, for a patient, a look at their own few appointments) rather than
 * scans.
 */
export interface Occupancy {
  readonly providers: ReadonlyMap<string, readonly Footprint[]>;
  readonly resources: ReadonlyMap<string, LoadProfile>;
  readonly patients: PatientTimes;
}

/**
 * True when an appointment takes its provider's time and resources: its status holds time and it
 * is not an overbooking sharing another appointment's time.
 *
 * @example
 * ```ts
 * occupies(appointment); // false for a cancelled one
 * ```
 */
export function occupies(appointment: Appointment): boolean {
  return holdsTime(appointment.status) && appointment.overbooks === undefined;
}

/**
 * An appointment's footprint: its time widened by its type's buffers, in epoch minutes.
 *
 * @example
 * ```ts
 * footprintOf(appointment, type); // { start, end, appointmentStart, id, typeId }
 * ```
 */
export function footprintOf(appointment: Appointment, type: AppointmentType): Footprint {
  const appointmentStart = epochMinuteOfIso(appointment.start);
  return {
    start: appointmentStart - type.bufferBeforeMinutes,
    end: epochMinuteOfIso(appointment.end) + type.bufferAfterMinutes,
    appointmentStart,
    id: appointment.id,
    typeId: appointment.typeId,
  };
}

/**
 * Whether one span lies inside another: an overbooking's time inside its holder's, or its footprint
 * inside the holder's footprint (see `overbookMisfit`, which asks both).
 *
 * @param overbooking - the inner span
 * @param holder - the outer span
 * @example
 * ```ts
 * fitsWithin({ start: 600, end: 615 }, { start: 595, end: 625 }); // true
 * ```
 */
export function fitsWithin(overbooking: Interval, holder: Interval): boolean {
  return overbooking.start >= holder.start && overbooking.end <= holder.end;
}

/**
 * Builds the index from a clinic's appointments, reporting (and leaving out) every appointment that
 * overlaps an earlier one on its provider or pushes a resource past its capacity.
 *
 * @param appointments - all appointments, any status
 * @param types - the appointment types, by id
 * @param resources - the resources, by id
 * @returns the index and the conflicts found, with paths `['appointments', i]`
 * @example
 * ```ts
 * const { occupancy, issues } = occupancyOf(file.appointments, typesById, resourcesById);
 * ```
 */
export function occupancyOf(
  appointments: readonly Appointment[],
  types: ReadonlyMap<string, AppointmentType>,
  resources: ReadonlyMap<string, Resource>,
): { occupancy: Occupancy; issues: Issue[] } {
  const issues: Issue[] = [];
  const entries = appointments
    .map((appointment, index) => ({ appointment, index }))
    .filter(({ appointment }) => occupies(appointment) && types.has(appointment.typeId))
    .map((entry) => ({ ...entry, footprint: footprintOf(entry.appointment, types.get(entry.appointment.typeId) as AppointmentType) }))
    .sort((a, b) => a.footprint.start - b.footprint.start || a.index - b.index);
  const providers = new Map<string, Footprint[]>();
  const loads = new Map<string, { spans: Interval[]; active: number[] }>();
  for (const { appointment, index, footprint } of entries) {
    const own = providers.get(appointment.providerId) ?? [];
    const previous = own[own.length - 1];
    if (previous !== undefined && previous.end > footprint.start) {
      issues.push(errorIssue('schedule.appointment_conflict', ['appointments', index], `overlaps appointment ${previous.id} on provider ${appointment.providerId}`));
      continue;
    }
    const full = appointment.resourceIds.find((id) => {
      const state = loads.get(id);
      const capacity = resources.get(id)?.capacity ?? 1;
      return state !== undefined && state.active.filter((end) => end > footprint.start).length >= capacity;
    });
    if (full !== undefined) {
      issues.push(errorIssue('schedule.resource_over_capacity', ['appointments', index, 'resourceIds'], `resource ${full} is already in use to capacity`));
      continue;
    }
    own.push(footprint);
    providers.set(appointment.providerId, own);
    for (const id of appointment.resourceIds) {
      const state = loads.get(id) ?? { spans: [], active: [] };
      state.spans.push(footprint);
      state.active = [...state.active.filter((end) => end > footprint.start), footprint.end];
      loads.set(id, state);
    }
  }
  const resourceLoads = new Map([...loads].map(([id, state]) => [id, loadProfileOf(state.spans)] as const));
  return { occupancy: { providers, resources: resourceLoads, patients: patientTimesOf(appointments) }, issues };
}

/**
 * A new index with the appointment's footprint added to its provider and resources, and its time to
 * its patient's (replacing the time it held before, if any).
 *
 * @example
 * ```ts
 * const next = occupyAppointment(occupancy, appointment, type);
 * ```
 */
export function occupyAppointment(occupancy: Occupancy, appointment: Appointment, type: AppointmentType): Occupancy {
  return changeOccupancy(occupancy, appointment, type, +1);
}

/**
 * A new index with the appointment's footprint, and its patient's time, taken away.
 *
 * @example
 * ```ts
 * const next = vacateAppointment(occupancy, appointment, type);
 * ```
 */
export function vacateAppointment(occupancy: Occupancy, appointment: Appointment, type: AppointmentType): Occupancy {
  return changeOccupancy(occupancy, appointment, type, -1);
}

/**
 * A new index in which an overbooking holds its patient's time; the holder keeps the provider's and
 * the rooms'.
 *
 * @example
 * ```ts
 * const next = occupyPatientOnly(occupancy, overbooking);
 * ```
 */
export function occupyPatientOnly(occupancy: Occupancy, appointment: Appointment): Occupancy {
  return { ...occupancy, patients: holdPatientTime(occupancy.patients, appointment) };
}

/**
 * A new index in which an overbooking no longer holds its patient's time.
 *
 * @example
 * ```ts
 * const next = vacatePatientOnly(occupancy, cancelledOverbooking);
 * ```
 */
export function vacatePatientOnly(occupancy: Occupancy, appointment: Appointment): Occupancy {
  return { ...occupancy, patients: releasePatientTime(occupancy.patients, appointment) };
}

function changeOccupancy(occupancy: Occupancy, appointment: Appointment, type: AppointmentType, delta: 1 | -1): Occupancy {
  const footprint = footprintOf(appointment, type);
  const providers = new Map(occupancy.providers);
  const own = providers.get(appointment.providerId) ?? [];
  providers.set(appointment.providerId, delta > 0 ? insertFootprint(own, footprint) : removeFootprint(own, appointment.id));
  const resources = new Map(occupancy.resources);
  for (const id of appointment.resourceIds) resources.set(id, addLoad(resources.get(id) ?? EMPTY_LOAD, footprint, delta));
  const patients = delta > 0 ? holdPatientTime(occupancy.patients, appointment) : releasePatientTime(occupancy.patients, appointment);
  return { providers, resources, patients };
}
