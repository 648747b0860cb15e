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
 * The days two lines' spans share, first and last as `YYYY-MM-DD`, or undefined when they share none.
 *
 * @example
 * ```ts
 * sharedStretch(spanOf(julyFirstToFifth), spanOf(julyThirdToNinth)); // { first: '2026-07-03', last: '2026-07-05' }
 * ```
 */
export function sharedStretch(a: ServiceSpan, b: ServiceSpan): { readonly first: string; readonly last: string } | undefined {
  const first = Math.max(a.first, b.first);
  const last = Math.min(a.last, b.last);
  return first <= last ? { first: dateOfDayNumber(first), last: dateOfDayNumber(last) } : undefined;
}
