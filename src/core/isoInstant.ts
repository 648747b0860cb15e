import { dateOfDayNumber } from './calendarDay.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats milliseconds since the Unix epoch as ISO 8601 UTC with milliseconds
 * (`2026-11-02T12:30:00.000Z`): text that sorts as the instants do, for stored times and stamps.
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
