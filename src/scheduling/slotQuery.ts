import { DateTime } from 'luxon';
import { z } from 'zod';
import { InstantSchema } from './appointment.js';
import { DateSchema } from './availabilityRules.js';
import { MAX_HORIZON_DAYS, MAX_NOTICE_MINUTES } from './policy.js';
import { AppointmentTypeIdSchema, ProviderIdSchema, type AppointmentTypeId, type ProviderId, type ResourceId } from './ids.js';
import type { IsoDate } from '../core/time.js';

const NOW_EXAMPLE = 'an ISO 8601 date-time with an offset, e.g. 2026-11-01T12:00:00-05:00 (or Z for UTC)';

/**
 * Schema of "now": an ISO instant with offset, or a valid luxon DateTime. A refusal says what is
 * expected: a date alone (`2026-11-01`) or a time without an offset names no moment.
 *
 * @example
 * ```ts
 * NowSchema.parse('2026-11-01T12:00:00-05:00');
 * NowSchema.safeParse('2026-11-01').error?.issues[0]?.message; // 'a date alone is not a moment: expected an ISO 8601 date-time with an offset, ...'
 * ```
 */
export const NowSchema = z.union([InstantSchema, z.custom<DateTime>((value) => DateTime.isDateTime(value) && value.isValid, 'expected a valid DateTime')], {
  error: (issue) => nowMessage(issue.input),
});

function nowMessage(input: unknown): string {
  if (DateTime.isDateTime(input)) return 'expected a valid DateTime';
  if (typeof input !== 'string') return `expected ${NOW_EXAMPLE}, or a luxon DateTime`;
  return /^\d{4}-\d{2}-\d{2}$/.test(input) ? `a date alone is not a moment: expected ${NOW_EXAMPLE}` : `expected ${NOW_EXAMPLE}`;
}

/**
 * Schema of a slot search: a type, an inclusive range of clinic-local dates, optionally some
 * providers (every provider who may see the type when absent), the moment of asking (`now`, for
 * minimum notice, horizon and urgent holds), the patient's zone, and overrides of the clinic's policy.
 * `urgent` asks for same-day urgent slots, which may use time held for urgent booking.
 *
 * @example
 * ```ts
 * SlotQuerySchema.parse({ typeId: 'follow-up', from: '2026-11-02', to: '2026-11-06',
 *   now: '2026-11-01T12:00:00-05:00', patientZone: 'America/Los_Angeles' });
 * ```
 */
export const SlotQuerySchema = z.object({
  typeId: AppointmentTypeIdSchema,
  from: DateSchema,
  to: DateSchema,
  now: NowSchema,
  providerIds: z.array(ProviderIdSchema).optional(),
  patientZone: z.string().optional(),
  urgent: z.boolean().optional(),
  limit: z.number().int().positive().optional(),
  alignmentMinutes: z.number().int().min(1).max(720).optional(),
  minimumNoticeMinutes: z.number().int().nonnegative().max(MAX_NOTICE_MINUTES).optional(),
  horizonDays: z.number().int().nonnegative().max(MAX_HORIZON_DAYS).optional(),
});
/** A slot search. */
export type SlotQuery = z.input<typeof SlotQuerySchema>;

/**
 * A free slot: a provider can start an appointment of the type at `start` with the listed resources.
 * `start`/`end` carry the clinic zone's offset; `patientStart`/`patientEnd` the patient's, when asked.
 */
export interface Slot {
  readonly providerId: ProviderId;
  readonly typeId: AppointmentTypeId;
  /** Clinic-local date of the start. */
  readonly date: IsoDate;
  readonly start: string;
  readonly end: string;
  /** One resource for each of the type's requirements, in order. */
  readonly resourceIds: readonly ResourceId[];
  readonly patientStart?: string;
  readonly patientEnd?: string;
}
