import { z } from 'zod';
import { dateOfDayNumber, dayNumber } from '../core/calendarDay.js';
import { errorIssue, prefixIssues, warningIssue } from '../core/issue.js';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { isIsoDateTime, parseIsoDateTime } from '../core/time.js';
import type { Appointment } from './appointment.js';
import { book, type BookOptions } from './book.js';
import { BookingRequestSchema, type BookingRequest } from './bookingRequest.js';
import { EntryIdSchema } from './ids.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';

/**
 * Schema of how a series repeats: `count` occurrences (1 to 520), `everyWeeks` apart (1 to 52,
 * default 1), and whether to book the occurrences that fit when others do not.
 *
 * @example
 * ```ts
 * SeriesPatternSchema.parse({ count: 6, everyWeeks: 2 });
 * ```
 */
export const SeriesPatternSchema = z.object({
  count: wholeNumber(1, 520, 'a series has 1 to 520 occurrences'),
  everyWeeks: wholeNumber(1, 52, 'a series repeats every 1 to 52 weeks').optional(),
  allowPartial: z.boolean().optional(),
});

function wholeNumber(min: number, max: number, message: string) {
  return z.number(message).int(message).min(min, message).max(max, message);
}

/** How a series repeats: `count` occurrences, `everyWeeks` apart, at the same local wall-clock time. */
export interface SeriesPattern {
  readonly count: number;
  readonly everyWeeks?: number;
  /** Book the occurrences that fit and report the others as warnings, instead of booking none. */
  readonly allowPartial?: boolean;
}

/** A booked series and its appointments. */
export interface BookedSeries {
  readonly schedule: Schedule;
  readonly appointments: readonly Appointment[];
}

const SeriesRequestSchema = BookingRequestSchema.extend({ seriesId: EntryIdSchema });

/**
 * Books a recurring series (weekly x 6, say) at the same wall-clock time in the clinic's zone, so
 * a 09:00 series stays at 09:00 across a daylight-saving change. The first occurrence is
 * `request.start` exactly as given (the second 01:30 of a fall-back night stays the second); the
 * later ones are the same wall-clock time `everyWeeks` weeks on, a repeated time being its first
 * occurrence as for any wall-clock start. Every occurrence is checked and each conflict is reported
 * under `['occurrences', k]`; by default nothing is booked unless all fit. Occurrence ids are the
 * request's id (or the series id) followed by `-1`, `-2`, ...
 *
 * @param schedule - the clinic
 * @param request - the first occurrence; `seriesId` names the series and is required
 * @param pattern - how often and how many
 * @returns the series, or `booking.request` (paths into the request), `booking.series_pattern`
 *   (paths into the pattern), `time.invalid_datetime` or the occurrences' issues
 * @example
 * ```ts
 * const series = bookSeries(schedule, { seriesId: 'pt-knee', patientId: 'p4', providerId: 'dr-lee',
 *   typeId: 'follow-up', start: '2026-10-19T09:00' }, { count: 6 });
 * ```
 */
export function bookSeries(
  schedule: Schedule,
  request: BookingRequest & { readonly seriesId: string },
  pattern: SeriesPattern,
  options: BookOptions = {},
): Checked<BookedSeries, SchedulingIssue> {
  const parsedRequest = SeriesRequestSchema.safeParse(request);
  if (!parsedRequest.success) return fail(issuesFromZod(parsedRequest.error, 'booking.request'));
  const parsedPattern = SeriesPatternSchema.safeParse(pattern);
  if (!parsedPattern.success) return fail(issuesFromZod(parsedPattern.error, 'booking.series_pattern'));
  const { count, everyWeeks = 1, allowPartial } = parsedPattern.data;
  const occurrence = occurrenceStarts(schedule, parsedRequest.data.start, everyWeeks);
  if (!occurrence.ok) return occurrence;
  const base = parsedRequest.data.id ?? parsedRequest.data.seriesId;
  let current = schedule;
  const booked: Appointment[] = [];
  const problems: SchedulingIssue[] = [];
  const warnings: SchedulingIssue[] = [];
  for (let k = 0; k < count; k++) {
    const result = book(current, { ...parsedRequest.data, id: `${base}-${k + 1}`, start: occurrence.value(k) }, options);
    if (result.ok) {
      current = result.value.schedule;
      booked.push(result.value.appointment);
      warnings.push(...prefixIssues(result.warnings, ['occurrences', k]));
    } else {
      problems.push(...prefixIssues(result.issues, ['occurrences', k]));
    }
  }
  if (problems.length === 0) return ok({ schedule: current, appointments: booked }, warnings);
  if (allowPartial !== true) return fail(problems);
  return ok({ schedule: current, appointments: booked }, [...warnings, ...problems.map((p) => ({ ...p, ...warningIssue(p.code, p.path, p.message) }))]);
}

// The start of occurrence k: the request's own start first, then its clinic wall-clock time k steps on.
function occurrenceStarts(schedule: Schedule, start: string, everyWeeks: number): Checked<(k: number) => string, SchedulingIssue> {
  const text = start.trim();
  const first = parseIsoDateTime(text, schedule.zone, ['start']);
  if (!first.ok) return first;
  // Wall-clock text keeps its own time of day (02:30 stays 02:30 after a spring-forward gap); an instant gives its clinic time.
  const wall = isIsoDateTime(text, 'required') ? first.value.setZone(schedule.zone) : undefined;
  const date = wall === undefined ? text.slice(0, 10) : (wall.toISODate() ?? '');
  const time = wall === undefined ? text.slice(10) : `T${wall.toISOTime({ includeOffset: false, suppressMilliseconds: true }) ?? ''}`;
  const day = dayNumber(date);
  if (day === undefined) return fail([errorIssue('time.invalid_datetime', ['start'], `'${start}' is not on a calendar date of the clinic`)]);
  return ok((k) => (k === 0 ? text : `${dateOfDayNumber(day + 7 * everyWeeks * k)}${time}`));
}
