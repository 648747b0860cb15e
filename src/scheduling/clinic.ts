import { z } from 'zod';
import { AppointmentTypeIdSchema, ProviderIdSchema, ResourceIdSchema } from './ids.js';

/**
 * Schema of a provider: a clinician whose time is booked, with an optional cap on appointments per day.
 *
 * @example
 * ```ts
 * ProviderSchema.parse({ id: 'dr-lee', name: 'Dr. Ana Lee', dailyCap: 16 });
 * ```
 */
export const ProviderSchema = z.object({
  id: ProviderIdSchema,
  name: z.string().min(1),
  dailyCap: z.number().int().positive().optional(),
});
/** A provider. */
export type Provider = z.infer<typeof ProviderSchema>;

/**
 * Schema of a room or a piece of equipment, usable by `capacity` appointments at once.
 *
 * @example
 * ```ts
 * ResourceSchema.parse({ id: 'room-1', name: 'Exam room 1', kind: 'room', capacity: 1 });
 * ```
 */
export const ResourceSchema = z.object({
  id: ResourceIdSchema,
  name: z.string().min(1),
  kind: z.enum(['room', 'equipment']),
  capacity: z.number().int().positive().default(1),
});
/** A room or piece of equipment. */
export type Resource = z.infer<typeof ResourceSchema>;

/**
 * Schema of one resource an appointment type needs: one unit of any of the listed resources
 * (tried in order), e.g. `{ anyOf: ['room-1', 'room-2'] }` for "an exam room".
 *
 * @example
 * ```ts
 * ResourceRequirementSchema.parse({ anyOf: ['ultrasound'] });
 * ```
 */
export const ResourceRequirementSchema = z.object({ anyOf: z.array(ResourceIdSchema).min(1) });
/** One resource requirement of an appointment type. */
export type ResourceRequirement = z.infer<typeof ResourceRequirementSchema>;

/**
 * Schema of an appointment type: its length, the resources it needs, the buffers the provider and
 * resources keep free before and after it, who may see it, and whether it is for new or returning patients.
 *
 * @example
 * ```ts
 * AppointmentTypeSchema.parse({ id: 'new', name: 'New patient', durationMinutes: 40, visit: 'new',
 *   requiredResources: [{ anyOf: ['room-1', 'room-2'] }], bufferAfterMinutes: 5 });
 * ```
 */
export const AppointmentTypeSchema = z.object({
  id: AppointmentTypeIdSchema,
  name: z.string().min(1),
  durationMinutes: z.number().int().positive().max(1440),
  visit: z.enum(['new', 'follow-up']),
  requiredResources: z.array(ResourceRequirementSchema).default([]),
  bufferBeforeMinutes: z.number().int().nonnegative().max(720).default(0),
  bufferAfterMinutes: z.number().int().nonnegative().max(720).default(0),
  allowedProviders: z.array(ProviderIdSchema).optional(),
  dailyCapPerProvider: z.number().int().positive().optional(),
});
/** An appointment type. */
export type AppointmentType = z.infer<typeof AppointmentTypeSchema>;

/**
 * True when the type may be booked with the provider (no `allowedProviders` list means anyone).
 *
 * @example
 * ```ts
 * providerMaySee(type, 'dr-lee' as ProviderId);
 * ```
 */
export function providerMaySee(type: AppointmentType, providerId: string): boolean {
  return type.allowedProviders === undefined || type.allowedProviders.some((id) => id === providerId);
}
