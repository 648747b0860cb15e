import { match } from 'ts-pattern';
import { z } from 'zod';
import { isIsoDateTime } from '../core/time.js';
import { AppointmentIdSchema, AppointmentTypeIdSchema, EntryIdSchema, PatientIdSchema, ProviderIdSchema, ResourceIdSchema } from './ids.js';

/** The FHIR R4 appointment statuses (http://hl7.org/fhir/R4/valueset-appointmentstatus.html). */
export const APPOINTMENT_STATUSES = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'checked-in',
  'waitlist',
] as const;

/** Schema of an appointment status. */
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
/** An appointment status (FHIR R4 `Appointment.status`). */
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Schema of an instant: an ISO 8601 date-time with its offset, e.g. `2026-11-02T09:00:00-05:00`, on a
 * real calendar date (no 30 February), hours 00 to 23 and an offset of at most 14 hours.
 */
export const InstantSchema = z
  .string()
  .regex(OFFSET_DATE_TIME, { message: 'expected an ISO 8601 date-time with an offset', abort: true })
  .refine((text) => isIsoDateTime(text, 'required'), 'not a real date-time');

/**
 * Schema of an appointment. `start`/`end` are instants; `resourceIds` the rooms and equipment it
 * holds; `overbooks` names the appointment whose time it shares when it was booked as an overbooking.
 *
 * @example
 * ```ts
 * AppointmentSchema.parse({ id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up',
 *   start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', status: 'booked' });
 * ```
 */
export const AppointmentSchema = z.object({
  id: AppointmentIdSchema,
  patientId: PatientIdSchema,
  providerId: ProviderIdSchema,
  typeId: AppointmentTypeIdSchema,
  start: InstantSchema,
  end: InstantSchema,
  status: AppointmentStatusSchema,
  resourceIds: z.array(ResourceIdSchema).refine((ids) => new Set(ids).size === ids.length, 'a resource is listed twice').default([]),
  patientZone: z.string().optional(),
  cancellation: z.object({ reason: z.string().refine((reason) => reason.trim() !== '', 'a cancellation reason may not be blank'), note: z.string().optional() }).optional(),
  seriesId: EntryIdSchema.optional(),
  overbooks: AppointmentIdSchema.optional(),
  urgent: z.boolean().optional(),
  comment: z.string().optional(),
});
/** An appointment. */
export type Appointment = z.infer<typeof AppointmentSchema>;

/**
 * True for the statuses whose appointments keep the reason (and note) they were given: cancelled and
 * no-show, the two FHIR R4's invariant app-4 allows a `cancelationReason` on.
 *
 * @example
 * ```ts
 * carriesCancellationReason('noshow'); // true
 * carriesCancellationReason('arrived'); // false
 * ```
 */
export function carriesCancellationReason(status: string): boolean {
  return status === 'cancelled' || status === 'noshow';
}

/**
 * True when an appointment in this status holds its provider's time and its resources:
 * pending, booked, arrived, checked-in and fulfilled do; proposed, waitlist, cancelled, noshow and
 * entered-in-error do not.
 *
 * @example
 * ```ts
 * holdsTime('booked');    // true
 * holdsTime('cancelled'); // false
 * ```
 */
export function holdsTime(status: AppointmentStatus): boolean {
  return match(status)
    .with('pending', 'booked', 'arrived', 'checked-in', 'fulfilled', () => true)
    .with('proposed', 'waitlist', 'cancelled', 'noshow', 'entered-in-error', () => false)
    .exhaustive();
}
