import { z } from 'zod';

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Schema of a wall-clock time of day `HH:MM` (00:00 to 24:00), read in the clinic's zone.
 *
 * @example
 * ```ts
 * WallTimeSchema.parse('09:30'); // '09:30'
 * ```
 */
export const WallTimeSchema = z.string().regex(HH_MM, 'expected HH:MM between 00:00 and 24:00');

/** A wall-clock time of day `HH:MM`. */
export type WallTime = z.infer<typeof WallTimeSchema>;

/**
 * Minutes after local midnight of a `HH:MM` wall-clock time.
 *
 * @param time - a valid `HH:MM`
 * @returns 0 to 1440
 * @example
 * ```ts
 * minutesOfWallTime('09:30'); // 570
 * ```
 */
export function minutesOfWallTime(time: WallTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The `HH:MM` text of minutes after midnight.
 *
 * @param minutes - 0 to 1440
 * @example
 * ```ts
 * wallTimeOfMinutes(570); // '09:30'
 * ```
 */
export function wallTimeOfMinutes(minutes: number): WallTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
