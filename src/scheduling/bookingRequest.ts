import { z } from 'zod';
import { AppointmentIdSchema, AppointmentTypeIdSchema, EntryIdSchema, PatientIdSchema, ProviderIdSchema, ResourceIdSchema } from './ids.js';
import { NowSchema } from './slotQuery.js';

/**
 * Schema of a booking request. `start` is an ISO date-time: with an offset it is an instant,
 * without one it is wall-clock time in the clinic's zone. Resources are chosen automatically (the
 * first free alternative of each requirement) unless `resourceIds` names one per requirement.
 * `now`, when given, makes the booking respect urgent holds as an online booking would; `urgent`
 * lets it use held time. `overbook` asks to share an appointment's time (see the overbooking policy).
 *
 * @example
 * ```ts
 * BookingRequestSchema.parse({ patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up',
 *   start: '2026-11-02T09:00' });
 * ```
 */
export const BookingRequestSchema = z.object({
  id: AppointmentIdSchema.optional(),
  patientId: PatientIdSchema,
  providerId: ProviderIdSchema,
  typeId: AppointmentTypeIdSchema,
  start: z.string().min(1),
  status: z.enum(['booked', 'pending']).default('booked'),
  resourceIds: z.array(ResourceIdSchema).optional(),
  patientZone: z.string().optional(),
  urgent: z.boolean().optional(),
  overbook: z.boolean().optional(),
  now: NowSchema.optional(),
  seriesId: EntryIdSchema.optional(),
  comment: z.string().optional(),
});
/** A booking request. */
export type BookingRequest = z.input<typeof BookingRequestSchema>;
