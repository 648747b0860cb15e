import { dateOfDayNumber } from '../core/calendarDay.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats milliseconds since the Unix epoch as ISO 8601 UTC with milliseconds
 * (`2026-11-02T12:30:00.000Z`), the form every stored time takes, so that times compare as text.
 * The date part is the core calendar's day-number arithmetic; valid for years 0 to 9999.
 *
 * @param epochMs - integer milliseconds since 1970-01-01T00:00:00Z
 * @returns the ISO 8601 text
 * @example
 * ```ts
 * isoInstant(0); // '1970-01-01T00:00:00.000Z'
 * ```
 */
export function isoInstant(epochMs: number): string {
  const days = Math.floor(epochMs / 86_400_000);
  const inDay = epochMs - days * 86_400_000;
  const time = `${pad(Math.floor(inDay / 3_600_000), 2)}:${pad(Math.floor(inDay / 60_000) % 60, 2)}:${pad(Math.floor(inDay / 1000) % 60, 2)}.${pad(inDay % 1000, 3)}`;
  return `${dateOfDayNumber(days)}T${time}Z`;
}

const FIRST_INSTANT_MS = -62_135_596_800_000; // 0001-01-01T00:00:00.000Z
const LAST_INSTANT_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/**
 * A query time as the store compares it: {@link isoInstant} of the instant, held within years 0001 to
 * 9999 so that it orders correctly against stored times as text (luxon writes years past 9999 as
 * `+010000`, which would sort before every stored time).
 *
 * @param epochMs - the instant, in milliseconds since the Unix epoch
 * @returns `YYYY-MM-DDTHH:mm:ss.sssZ`
 * @example
 * ```ts
 * queryInstant(DateTime.fromISO('+012026-01-01T00:00:00Z').toMillis()); // '9999-12-31T23:59:59.999Z'
 * ```
 */
export function queryInstant(epochMs: number): string {
  return isoInstant(Math.min(Math.max(epochMs, FIRST_INSTANT_MS), LAST_INSTANT_MS));
}
