import { z } from 'zod';
import { isIsoDate } from '../../core/time.js';
import { InstantSchema } from '../appointment.js';

/**
 * An instant written as a FHIR R4 `instant` must be, known to the second: `09:00-05:00` becomes
 * `09:00:00-05:00`; an instant that has its seconds is returned as it is.
 *
 * @param instant - an ISO 8601 date-time with its offset
 * @example
 * ```ts
 * withSeconds('2026-11-02T09:00-05:00'); // '2026-11-02T09:00:00-05:00'
 * ```
 */
export function withSeconds(instant: string): string {
  return instant.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=Z|[+-])/, '$1:00');
}

/**
 * An instant as medoffice keeps it, to the millisecond: FHIR's `instant` and `dateTime` allow any
 * number of fractional-second digits (`14:00:00.123456Z`, as some servers write), and the digits past
 * the third are dropped. Text that is not such an instant is returned as it is.
 *
 * @param text - a FHIR instant or dateTime
 * @example
 * ```ts
 * toMilliseconds('2026-11-02T14:00:00.123456Z'); // '2026-11-02T14:00:00.123Z'
 * ```
 */
export function toMilliseconds(text: string): string {
  return text.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d+(?=(?:Z|[+-]\d{2}:\d{2})$)/, '$1');
}

/** Schema of a FHIR R4 `instant` as medoffice reads it: an {@link InstantSchema} instant, any fraction of a second kept to the millisecond. */
export const FhirInstantSchema = z.string().transform(toMilliseconds).pipe(InstantSchema);

// FHIR R4 `dateTime` without a time of day: a year, a year and month, or a calendar date.
const YEAR = /^\d{4}$/;
const YEAR_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/**
 * True when a string is a FHIR R4 `dateTime`: a year (`2026`), a year and month (`2026-11`), a
 * calendar date (`2026-11-02`) or a date-time with its offset (`2026-11-02T09:00:00-05:00`, with any
 * fraction of a second; one written without seconds is read as well, as medoffice reads instants).
 *
 * @example
 * ```ts
 * isFhirDateTime('2026-11-02'); // true
 * isFhirDateTime('2026-11-02T09:00:00'); // false: a time needs its offset
 * ```
 */
export function isFhirDateTime(text: string): boolean {
  return YEAR.test(text) || YEAR_MONTH.test(text) || isIsoDate(text) || InstantSchema.safeParse(toMilliseconds(text)).success;
}

/** Schema of a FHIR R4 `dateTime` (see {@link isFhirDateTime}). */
export const FhirDateTimeSchema = z.string().refine(isFhirDateTime, 'expected a FHIR dateTime: YYYY, YYYY-MM, YYYY-MM-DD or a date-time with its offset');

/**
 * A FHIR `dateTime` as it is written: an instant to the second ({@link withSeconds}), a date or
 * partial date as it is.
 *
 * @example
 * ```ts
 * fhirDateTime('2026-11-02'); // '2026-11-02'
 * fhirDateTime('2026-11-02T00:00-05:00'); // '2026-11-02T00:00:00-05:00'
 * ```
 */
export function fhirDateTime(text: string): string {
  return text.includes('T') ? withSeconds(text) : text;
}

/**
 * Whether two FHIR `dateTime`s are in order, as FHIR's Period invariant per-1 asks: the earliest
 * moment `start` can name is not after the latest moment `end` can name. Two instants are compared
 * as instants. Otherwise each names a stretch of time (a year, a month, a day; an instant its own
 * date as written, in its own offset), and the two are compared to the precision they share:
 * `2026-11` to `2026-11-30` is in order, `2027` to `2026-11-02` is not.
 *
 * @example
 * ```ts
 * inOrder('2026-11-02T09:00:00-05:00', '2026-11-02T14:00:00Z'); // true
 * inOrder('2026-12-31', '2026-11-02'); // false
 * inOrder('2026-11-02', '2026-11-02T08:00:00-05:00'); // true: the same day
 * inOrder('2027', '2026-11-02'); // false
 * ```
 */
export function inOrder(start: string, end: string): boolean {
  if (start.includes('T') && end.includes('T')) return Date.parse(start) <= Date.parse(end);
  // Years, months and dates are written with fixed-width fields, so on a shared precision text order is time order.
  const from = start.slice(0, 10);
  const to = end.slice(0, 10);
  const shared = Math.min(from.length, to.length);
  return from.slice(0, shared) <= to.slice(0, shared);
}
