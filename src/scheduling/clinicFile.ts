import { z } from 'zod';
import { AppointmentSchema } from './appointment.js';
import { ExtraHoursSchema, ScheduleExceptionSchema, WeeklyRuleSchema } from './availabilityRules.js';
import { AppointmentTypeSchema, ProviderSchema, ResourceSchema } from './clinic.js';
import { SchedulingPolicySchema } from './policy.js';
import { WaitlistEntrySchema } from './waitlistEntry.js';

/**
 * Schema of a clinic file (`clinic.json`): the clinic's IANA zone and policy, its providers,
 * resources, appointment types, weekly rules, extra hours, exceptions, appointments and waitlist.
 *
 * @example
 * ```ts
 * const file = ClinicFileSchema.parse(JSON.parse(text));
 * ```
 */
export const ClinicFileSchema = z.object({
  zone: z.string().min(1),
  policy: SchedulingPolicySchema.default({ alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365 }),
  providers: z.array(ProviderSchema),
  resources: z.array(ResourceSchema).default([]),
  appointmentTypes: z.array(AppointmentTypeSchema).min(1),
  rules: z.array(WeeklyRuleSchema).default([]),
  extraHours: z.array(ExtraHoursSchema).default([]),
  exceptions: z.array(ScheduleExceptionSchema).default([]),
  appointments: z.array(AppointmentSchema).default([]),
  waitlist: z.array(WaitlistEntrySchema).default([]),
});
/** A parsed clinic file. */
export type ClinicFile = z.infer<typeof ClinicFileSchema>;
/** What a clinic file may look like before parsing (defaults not yet filled in). */
export type ClinicFileInput = z.input<typeof ClinicFileSchema>;
