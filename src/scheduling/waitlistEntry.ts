import { z } from 'zod';
import { AppointmentIdSchema, AppointmentTypeIdSchema, EntryIdSchema, PatientIdSchema, ProviderIdSchema } from './ids.js';
import { DateSchema } from './availabilityRules.js';
import { InstantSchema } from './appointment.js';
import { WallTimeSchema } from './wallTime.js';

/**
 * Schema of a time window a waitlisted patient can come: on `weekdays` (ISO 1-7, all when absent)
 * between `start` and `end`, wall clock in the patient's zone (the clinic's when none is given).
 *
 * @example
 * ```ts
 * WaitlistWindowSchema.parse({ weekdays: [1, 3], start: '08:00', end: '12:00' });
 * ```
 */
export const WaitlistWindowSchema = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).optional(),
  start: WallTimeSchema,
  end: WallTimeSchema,
});
/** A window a waitlisted patient can come. */
export type WaitlistWindow = z.infer<typeof WaitlistWindowSchema>;

/**
 * Schema of a waitlist entry: who wants which type, how urgently (`priority`, higher first), with
 * whom (any allowed provider when absent), when (any time when `windows` is absent), and not before
 * `earliestDate`. `addedAt` breaks ties: first come, first offered. An entry that `replaces` an
 * appointment asks to move that visit earlier: it is offered only times that start before it, of
 * its type and for its patient, and filling it moves that appointment (keeping its id) instead of
 * booking a second one.
 *
 * @example
 * ```ts
 * WaitlistEntrySchema.parse({ id: 'w1', patientId: 'p9', typeId: 'follow-up', priority: 2,
 *   earliestDate: '2026-11-02', addedAt: '2026-10-20T10:00:00-04:00' });
 * // move p9's appointment a7 earlier if time comes free
 * WaitlistEntrySchema.parse({ id: 'w2', patientId: 'p9', typeId: 'follow-up', priority: 2, replaces: 'a7',
 *   earliestDate: '2026-11-02', addedAt: '2026-10-20T10:00:00-04:00' });
 * ```
 */
export const WaitlistEntrySchema = z.object({
  id: EntryIdSchema,
  patientId: PatientIdSchema,
  typeId: AppointmentTypeIdSchema,
  priority: z.number().int().min(0).max(100),
  allowedProviders: z.array(ProviderIdSchema).optional(),
  windows: z.array(WaitlistWindowSchema).optional(),
  earliestDate: DateSchema,
  addedAt: InstantSchema,
  patientZone: z.string().optional(),
  replaces: AppointmentIdSchema.optional(),
});
/** A waitlist entry. */
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;
