import { z } from 'zod';
import { NowSchema } from './slotQuery.js';

/**
 * Schema of what comes with a status move: the `reason` of a cancellation or a no-show (a code such
 * as `pat` or `prov` from FHIR's appointment-cancellation-reason value set, or text) and its `note`,
 * which the other statuses do not keep, and `now`,
 * the moment of the move (an ISO instant with offset or a luxon DateTime), which makes an
 * appointment coming back into a time-holding status respect urgent holds as `book` does.
 *
 * @example
 * ```ts
 * StatusChangeSchema.parse({ reason: 'pat', note: 'called in sick' });
 * StatusChangeSchema.parse({ now: '2026-11-02T08:00:00-05:00' });
 * ```
 */
export const StatusChangeSchema = z.object({
  reason: z.string().optional(),
  note: z.string().optional(),
  now: NowSchema.optional(),
});
/**
 * What comes with a status move.
 *
 * @example
 * ```ts
 * const change: StatusChange = { reason: 'pat', note: 'called in sick' };
 * ```
 */
export type StatusChange = z.input<typeof StatusChangeSchema>;
