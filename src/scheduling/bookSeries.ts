import { errorIssue, prefixIssues, warningIssue } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { addDays, parseIsoDateTime } from '../core/time.js';
import type { Appointment } from './appointment.js';
import { book, type BookOptions } from './book.js';
import type { BookingRequest } from './bookingRequest.js';
import type { Schedule } from './schedule.js';
import type { SchedulingIssue } from './schedulingIssue.js';

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

/**
 * Books a recurring series (weekly x 6, say) at the same wall-clock time in the clinic's zone, so
 * a 09:00 series stays at 09:00 across a daylight-saving change. Every occurrence is checked and
 * each conflict is reported under `['occurrences', k]`; by default nothing is booked unless all
 * fit. Occurrence ids are the request's id (or the series id) followed by `-1`, `-2`, ...
 *
 * @param schedule - the clinic
 * @param request - the first occurrence; `seriesId` names the series
 * @param pattern - how often and how many
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
  if (!Number.isInteger(pattern.count) || pattern.count < 1 || pattern.count > 520) {
    return fail([errorIssue('booking.series_pattern', ['count'], 'a series has 1 to 520 occurrences')]);
  }
  if (pattern.everyWeeks !== undefined && !(Number.isInteger(pattern.everyWeeks) && pattern.everyWeeks >= 1 && pattern.everyWeeks <= 52)) {
    return fail([errorIssue('booking.series_pattern', ['everyWeeks'], 'a series repeats every 1 to 52 weeks')]);
  }
  const first = parseIsoDateTime(request.start, schedule.zone, ['start']);
  if (!first.ok) return fail(first.issues);
  const wall = first.value.setZone(schedule.zone);
  const every = pattern.everyWeeks ?? 1;
  const base = request.id ?? request.seriesId;
  let current = schedule;
  const booked: Appointment[] = [];
  const problems: SchedulingIssue[] = [];
  const warnings: SchedulingIssue[] = [];
  for (let k = 0; k < pattern.count; k++) {
    const date = addDays(wall.toISODate() as string, 7 * every * k);
    const start = `${date}T${wall.toFormat('HH:mm')}`;
    const result = book(current, { ...request, id: `${base}-${k + 1}`, start }, options);
    if (result.ok) {
      current = result.value.schedule;
      booked.push(result.value.appointment);
      warnings.push(...prefixIssues(result.warnings, ['occurrences', k]));
    } else {
      problems.push(...prefixIssues(result.issues, ['occurrences', k]));
    }
  }
  if (problems.length === 0) return ok({ schedule: current, appointments: booked }, warnings);
  if (pattern.allowPartial !== true) return fail(problems);
  return ok({ schedule: current, appointments: booked }, [...warnings, ...problems.map((p) => ({ ...p, ...warningIssue(p.code, p.path, p.message) }))]);
}
