const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats milliseconds since the Unix epoch as ISO 8601 UTC with milliseconds
 * (`2026-11-02T12:30:00.000Z`), the form every stored time takes, so that times compare as text.
 * Uses the days-to-civil-date algorithm of H. Hinnant ("chrono-compatible low-level date algorithms"),
 * valid for years 0 to 9999.
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
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const time = `${pad(Math.floor(inDay / 3_600_000), 2)}:${pad(Math.floor(inDay / 60_000) % 60, 2)}:${pad(Math.floor(inDay / 1000) % 60, 2)}.${pad(inDay % 1000, 3)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}Z`;
}
