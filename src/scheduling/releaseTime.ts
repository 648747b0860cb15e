import { holdsTime, type Appointment } from './appointment.js';
import { occupyAppointment, vacateAppointment, vacatePatientOnly } from './occupancy.js';
import { resourceShare } from './resourceShare.js';
import type { Schedule } from './schedule.js';

/**
 * Frees an appointment's time in the index (an overbooking frees only its patient's). If an active overbooking shared that time, it is
 * promoted: it takes the holder's place and stops being an overbooking, keeping of the holder's
 * rooms and equipment only those its own type requires (one per requirement), so that what it never
 * needed is freed with the holder's time.
 *
 * @param schedule - the clinic, with `appointment` still occupying
 * @param appointment - the appointment whose time is freed
 * @returns the appointments (with any promotion applied) and the new index
 * @example
 * ```ts
 * const { appointments, occupancy } = releaseTime(schedule, appointment);
 * ```
 */
export function releaseTime(schedule: Schedule, appointment: Appointment): Pick<Schedule, 'appointments' | 'occupancy'> {
  if (!holdsTime(appointment.status)) return schedule;
  const type = schedule.appointmentTypes.find((t) => t.id === appointment.typeId);
  // An overbooking holds only its patient's time: the holder keeps the provider's and the rooms'.
  if (type === undefined || appointment.overbooks !== undefined) {
    return { appointments: schedule.appointments, occupancy: vacatePatientOnly(schedule.occupancy, appointment) };
  }
  let occupancy = vacateAppointment(schedule.occupancy, appointment, type);
  const sharing = schedule.appointments.findIndex((a) => a.overbooks === appointment.id && holdsTime(a.status));
  const shared = schedule.appointments[sharing];
  if (shared === undefined) return { appointments: schedule.appointments, occupancy };
  const { overbooks: _holder, ...rest } = shared;
  const promotedType = schedule.appointmentTypes.find((t) => t.id === rest.typeId);
  const share = promotedType === undefined ? undefined : resourceShare(promotedType, rest.resourceIds, rest.resourceIds);
  // An overbooking from an older file may list all of its holder's resources: it keeps only those it needs.
  const promoted: Appointment = share !== undefined && share.unmet.length === 0 ? { ...rest, resourceIds: [...share.resourceIds] } : rest;
  if (promotedType !== undefined) occupancy = occupyAppointment(occupancy, promoted, promotedType);
  return { appointments: schedule.appointments.map((a, i) => (i === sharing ? promoted : a)), occupancy };
}
