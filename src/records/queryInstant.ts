import { isoInstant } from '../core/isoInstant.js';

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
