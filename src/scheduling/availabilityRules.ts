import { z } from 'zod';
import { isIsoDate } from '../core/time.js';
import { EntryIdSchema, ProviderIdSchema, ResourceIdSchema } from './ids.js';
import { WallTimeSchema } from './wallTime.js';

/** Schema of a calendar date `YYYY-MM-DD` that exists. */
export const DateSchema = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

/**
 * Schema of a weekly availability rule: a provider works `start` to `end` (wall clock in the
 * clinic's zone) every `weekday` (ISO: 1 = Monday ... 7 = Sunday) from `effectiveFrom` to
 * `effectiveTo` (inclusive; open-ended when absent).
 *
 * @example
 * ```ts
 * WeeklyRuleSchema.parse({ id: 'lee-mon', providerId: 'dr-lee', weekday: 1, start: '09:00', end: '12:00',
 *   effectiveFrom: '2026-01-01' });
 * ```
 */
export const WeeklyRuleSchema = z.object({
  id: EntryIdSchema,
  providerId: ProviderIdSchema,
  weekday: z.number().int().min(1).max(7),
  start: WallTimeSchema,
  end: WallTimeSchema,
  effectiveFrom: DateSchema,
  effectiveTo: DateSchema.optional(),
});
/** A weekly availability rule. */
export type WeeklyRule = z.infer<typeof WeeklyRuleSchema>;

/**
 * Schema of one-off extra hours: a provider also works `start` to `end` on `date`.
 *
 * @example
 * ```ts
 * ExtraHoursSchema.parse({ id: 'sat-clinic', providerId: 'dr-lee', date: '2026-11-07', start: '09:00', end: '12:00' });
 * ```
 */
export const ExtraHoursSchema = z.object({
  id: EntryIdSchema,
  providerId: ProviderIdSchema,
  date: DateSchema,
  start: WallTimeSchema,
  end: WallTimeSchema,
});
/** One-off extra hours. */
export type ExtraHours = z.infer<typeof ExtraHoursSchema>;

/**
 * Schema of an exception to availability: a holiday, time off or a blocked time, for the whole
 * clinic (no `providerId` nor `resourceId`), one provider, or one resource (naming both is
 * `schedule.exception_target` when the clinic file is checked). It covers every date
 * from `date` to `toDate` (inclusive), the whole day or only `start` to `end` wall clock.
 *
 * @example
 * ```ts
 * ScheduleExceptionSchema.parse({ id: 'thanksgiving', kind: 'holiday', date: '2026-11-26' });
 * ScheduleExceptionSchema.parse({ id: 'lee-lunch', kind: 'blocked', providerId: 'dr-lee',
 *   date: '2026-11-02', start: '12:00', end: '13:00' });
 * ```
 */
export const ScheduleExceptionSchema = z.object({
  id: EntryIdSchema,
  kind: z.enum(['holiday', 'time-off', 'blocked']),
  providerId: ProviderIdSchema.optional(),
  resourceId: ResourceIdSchema.optional(),
  date: DateSchema,
  toDate: DateSchema.optional(),
  start: WallTimeSchema.optional(),
  end: WallTimeSchema.optional(),
  reason: z.string().optional(),
});
/** An exception to availability. */
export type ScheduleException = z.infer<typeof ScheduleExceptionSchema>;
