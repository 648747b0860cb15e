import { z } from 'zod';
import { errorIssue, type Issue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { daysBetween } from '../core/time.js';
import { DateSchema } from './availabilityRules.js';
import { LAST_SEARCH_DATE, MAX_SEARCH_DAYS } from './findSlots.js';

/**
 * Schema of the dates and providers metrics are asked for: inclusive clinic-local dates `from` and
 * `to`, and optionally which providers (everyone when absent).
 *
 * @example
 * ```ts
 * MetricsRangeSchema.parse({ from: '2026-11-02', to: '2026-11-06', providerIds: ['dr-lee'] });
 * ```
 */
export const MetricsRangeSchema = z.object({
  from: DateSchema,
  to: DateSchema,
  providerIds: z.array(z.string()).optional(),
});

/**
 * Checks a metrics range: two calendar dates, `to` not before `from`, at most
 * `MAX_SEARCH_DAYS` days, and none after `LAST_SEARCH_DATE`.
 *
 * @param range - what the caller asked for
 * @returns the range, or `slots.query`, `slots.date_range` or `slots.range_too_long` issues with paths into it
 * @example
 * ```ts
 * checkMetricsRange({ from: '2026-11-06', to: '2026-11-02' }); // slots.date_range at ['to']
 * ```
 */
export function checkMetricsRange(range: unknown): Checked<z.output<typeof MetricsRangeSchema>> {
  const parsed = MetricsRangeSchema.safeParse(range);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'slots.query'));
  const { from, to } = parsed.data;
  const issues: Issue[] = [];
  if (daysBetween(from, LAST_SEARCH_DATE) < 0) issues.push(errorIssue('slots.query', ['from'], `dates after ${LAST_SEARCH_DATE} are not served`));
  if (daysBetween(to, LAST_SEARCH_DATE) < 0) issues.push(errorIssue('slots.query', ['to'], `dates after ${LAST_SEARCH_DATE} are not served`));
  if (daysBetween(from, to) < 0) issues.push(errorIssue('slots.date_range', ['to'], `${to} is before ${from}`));
  else if (daysBetween(from, to) >= MAX_SEARCH_DAYS) issues.push(errorIssue('slots.range_too_long', ['to'], `metrics cover at most ${MAX_SEARCH_DAYS} days at once`));
  return issues.length > 0 ? fail(issues) : ok(parsed.data);
}
