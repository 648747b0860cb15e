import { z } from 'zod';
import { WallTimeSchema } from './wallTime.js';

/**
 * Schema of the urgent hold: `share` (0 to 1) of each availability window, taken from its end, is
 * kept for same-day urgent booking until `release` (wall clock, that day); after that anyone may book it.
 *
 * @example
 * ```ts
 * UrgentHoldSchema.parse({ share: 0.2, release: '10:00' });
 * ```
 */
export const UrgentHoldSchema = z.object({ share: z.number().min(0).max(1), release: WallTimeSchema });
/** The urgent hold policy. */
export type UrgentHold = z.infer<typeof UrgentHoldSchema>;

/**
 * Schema of the overbooking policy: a second booking may share an appointment's time when the
 * holder's predicted show probability is below `showThreshold`, at most `dailyCap` per provider and day.
 *
 * @example
 * ```ts
 * OverbookingSchema.parse({ showThreshold: 0.7, dailyCap: 2 });
 * ```
 */
export const OverbookingSchema = z.object({
  showThreshold: z.number().min(0).max(1),
  dailyCap: z.number().int().nonnegative(),
});
/** The overbooking policy. */
export type Overbooking = z.infer<typeof OverbookingSchema>;

/** The longest booking horizon a policy or query may set: ten years of days. */
export const MAX_HORIZON_DAYS = 3660;
/** The longest minimum notice a policy or query may set: one year of minutes. */
export const MAX_NOTICE_MINUTES = 527_040;

/**
 * Schema of a clinic's booking policy: slot alignment (slots start on multiples of this many
 * minutes after local midnight), minimum notice, booking horizon in days, and the optional urgent
 * hold and overbooking policies.
 *
 * @example
 * ```ts
 * SchedulingPolicySchema.parse({ alignmentMinutes: 15, minimumNoticeMinutes: 120, horizonDays: 90 });
 * ```
 */
export const SchedulingPolicySchema = z.object({
  alignmentMinutes: z.number().int().min(1).max(720).default(15),
  minimumNoticeMinutes: z.number().int().nonnegative().max(MAX_NOTICE_MINUTES).default(0),
  horizonDays: z.number().int().nonnegative().max(MAX_HORIZON_DAYS).default(365),
  urgentHold: UrgentHoldSchema.optional(),
  overbooking: OverbookingSchema.optional(),
});
/** A clinic's booking policy. */
export type SchedulingPolicy = z.infer<typeof SchedulingPolicySchema>;
