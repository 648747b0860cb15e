import type { DateTime } from 'luxon';
import { z } from 'zod';
import { ProviderIdSchema, ResourceIdSchema } from './ids.js';
import { NowSchema } from './slotQuery.js';

/**
 * Schema of where to move an appointment: a new `start` (read as a booking's start is: with an
 * offset an instant, without one clinic wall-clock time), optionally another provider or
 * resources, and `now`, the moment of the move, which makes the move respect urgent holds as
 * `book` does.
 *
 * @example
 * ```ts
 * RescheduleToSchema.parse({ start: '2026-11-03T10:00', now: '2026-11-02T08:00:00-05:00' });
 * ```
 */
export const RescheduleToSchema = z.object({
  start: z.string().min(1),
  providerId: ProviderIdSchema.optional(),
  resourceIds: z.array(ResourceIdSchema).optional(),
  now: NowSchema.optional(),
});

/**
 * Where to move an appointment: a new start, optionally another provider or resources, and the moment of the move.
 *
 * @example
 * ```ts
 * const to: RescheduleTo = { start: '2026-11-03T10:00', providerId: 'dr-cho', now: '2026-11-02T08:00:00-05:00' };
 * ```
 */
export interface RescheduleTo {
  readonly start: string;
  readonly providerId?: string;
  readonly resourceIds?: readonly string[];
  /** The moment of the move (ISO instant with offset, or a DateTime): when given, urgent holds apply. */
  readonly now?: string | DateTime;
}
