import type { Appointment } from './appointment.js';
import type { AppointmentType } from './clinic.js';
import { fitsWithin, footprintOf } from './occupancy.js';
import { epochMinuteOfIso } from './time/epochMinutes.js';

/**
 * Why an overbooking does not fit in its holder's time, or undefined when it does: the one test both
 * booking and a clinic file's overbooking references use. The overbooking's own time must lie inside
 * the holder's appointment time (not in its buffers, which are room turnover or preparation), and
 * its footprint (its time with its own buffers) inside the holder's footprint, so that if the holder
 * leaves and the overbooking takes its place, it stays clear of every neighbour.
 *
 * @param overbooking - the overbooking
 * @param overType - its appointment type
 * @param holder - the appointment whose time it shares
 * @param holderType - the holder's appointment type
 * @returns the reason in words, or undefined
 * @example
 * ```ts
 * overbookMisfit(followUp, followUpType, holder, newPatientType); // undefined at 09:00-09:20 in 09:00-09:40
 * ```
 */
export function overbookMisfit(overbooking: Appointment, overType: AppointmentType, holder: Appointment, holderType: AppointmentType): string | undefined {
  const own = { start: epochMinuteOfIso(overbooking.start), end: epochMinuteOfIso(overbooking.end) };
  const held = { start: epochMinuteOfIso(holder.start), end: epochMinuteOfIso(holder.end) };
  if (!fitsWithin(own, held)) return `the overbooking does not fall within ${holder.id}'s appointment time (${holder.start} to ${holder.end}; its buffers do not count)`;
  if (!fitsWithin(footprintOf(overbooking, overType), footprintOf(holder, holderType))) return `the buffers of ${overType.id} reach outside ${holder.id}'s time and buffers`;
  return undefined;
}
