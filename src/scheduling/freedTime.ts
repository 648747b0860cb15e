import { z } from 'zod';
import { errorIssue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { InstantSchema } from './appointment.js';
import { ProviderIdSchema } from './ids.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';

/**
 * Schema of time that has just come free: a provider's stretch between two instants (ISO 8601 with
 * offsets), ending after it starts.
 *
 * @example
 * ```ts
 * FreedTimeSchema.parse({ providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' });
 * ```
 */
export const FreedTimeSchema = z
  .object({ providerId: ProviderIdSchema, start: InstantSchema, end: InstantSchema })
  .refine((freed) => Date.parse(freed.end) > Date.parse(freed.start), {
    message: 'the freed time ends before it starts',
    path: ['end'],
    when: (payload) => payload.issues.length === 0,
  });

/**
 * Time that has just come free: a provider's stretch between two instants.
 *
 * @example
 * ```ts
 * const freed: FreedTime = { providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:30:00-05:00' };
 * ```
 */
export interface FreedTime {
  readonly providerId: string;
  /** ISO 8601 instant with its offset. */
  readonly start: string;
  /** ISO 8601 instant with its offset, after `start`. */
  readonly end: string;
}

/**
 * Checks freed time against its schema and the clinic's providers.
 *
 * @param schedule - the clinic
 * @param freed - what the caller passed
 * @returns the freed time, or `booking.request` (paths into it) or `booking.unknown_provider`
 * @example
 * ```ts
 * checkFreedTime(schedule, { providerId: 'dr-x', start, end }); // booking.unknown_provider at ['providerId']
 * ```
 */
export function checkFreedTime(schedule: Schedule, freed: unknown): Checked<z.output<typeof FreedTimeSchema>, SchedulingIssue> {
  const parsed = FreedTimeSchema.safeParse(freed);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'booking.request'));
  const { providerId } = parsed.data;
  if (!schedule.providers.some((p) => p.id === providerId)) return fail([errorIssue('booking.unknown_provider', ['providerId'], `no provider ${providerId}`)]);
  return ok(parsed.data);
}
