import { dateOfDayNumber, dayNumber } from '../../core/calendarDay.js';
import type { ClaimLine } from '../claim.js';

/**
 * The days a line's service covers, as day numbers: from `serviceDate` through `serviceDateTo`
 * (837P DTP*472 RD8), or the one day of `serviceDate`. A span ending before it starts (reported as
 * `date.range`) is read as its first day.
 *
 * @example
 * ```ts
 * const span: ServiceSpan = { first: 20635, last: 20639 }; // five days
 * ```
 */
export interface ServiceSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * The span of days a line covers.
 *
 * @param line - a line that passed the schema (its dates are calendar dates)
 * @returns its first and last day
 * @example
 * ```ts
 * spanOf({ ...line, serviceDate: '2026-07-01', serviceDateTo: '2026-07-05' }); // five days
 * ```
 */
export function spanOf(line: ClaimLine): ServiceSpan {
  const first = dayNumber(line.serviceDate) ?? 0;
  const to = line.serviceDateTo === undefined ? undefined : dayNumber(line.serviceDateTo);
  return { first, last: to !== undefined && to > first ? to : first };
}

/**
 * The first day two lines' spans share, `YYYY-MM-DD`, or undefined when they share none: the date an
 * edit between the two lines (a PTP pair, an add-on and its primary) is judged on.
 *
 * @example
 * ```ts
 * firstSharedDay(spanOf(primarySpanningThreeDays), spanOf(addOnOnTheSecond)); // the second day
 * ```
 */
export function firstSharedDay(a: ServiceSpan, b: ServiceSpan): string | undefined {
  const first = Math.max(a.first, b.first);
  return first <= Math.min(a.last, b.last) ? dateOfDayNumber(first) : undefined;
}
