import { match } from 'ts-pattern';
import type { AppointmentStatus } from './appointment.js';

/**
 * The statuses an appointment may move to from `from`, following the FHIR R4 appointment
 * workflow: proposals and waitlist entries become pending or booked; booked appointments are
 * attended (arrived, checked-in, fulfilled), missed (noshow) or cancelled; anything may be marked
 * entered-in-error, which is final.
 *
 * @example
 * ```ts
 * nextStatuses('booked'); // ['arrived', 'checked-in', 'noshow', 'cancelled', 'entered-in-error']
 * ```
 */
export function nextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return match(from)
    .returnType<readonly AppointmentStatus[]>()
    .with('proposed', () => ['pending', 'booked', 'waitlist', 'cancelled', 'entered-in-error'])
    .with('waitlist', () => ['proposed', 'pending', 'booked', 'cancelled', 'entered-in-error'])
    .with('pending', () => ['booked', 'cancelled', 'entered-in-error'])
    .with('booked', () => ['arrived', 'checked-in', 'noshow', 'cancelled', 'entered-in-error'])
    .with('arrived', () => ['checked-in', 'fulfilled', 'cancelled', 'entered-in-error'])
    .with('checked-in', () => ['fulfilled', 'entered-in-error'])
    .with('fulfilled', () => ['entered-in-error'])
    .with('cancelled', () => ['entered-in-error'])
    .with('noshow', () => ['entered-in-error'])
    .with('entered-in-error', () => [])
    .exhaustive();
}

/**
 * True when the move is in the transition table.
 *
 * @example
 * ```ts
 * canMove('fulfilled', 'booked'); // false
 * ```
 */
export function canMove(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return nextStatuses(from).includes(to);
}
