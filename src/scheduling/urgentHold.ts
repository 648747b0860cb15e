import type { Interval } from './intervals.js';
import type { UrgentHold } from './policy.js';

/**
 * The stretches held for same-day urgent booking: the last `share` of each availability window,
 * rounded down to whole alignment steps so the held time is bookable in whole slots.
 *
 * @param windows - a provider's normalized windows for one day
 * @param hold - the policy
 * @param alignment - slot alignment in minutes
 * @example
 * ```ts
 * heldStretches([{ start: 540, end: 720 }], { share: 0.25, release: '10:00' }, 15); // [[675, 720)]
 * ```
 */
export function heldStretches(windows: readonly Interval[], hold: UrgentHold, alignment: number): Interval[] {
  const held: Interval[] = [];
  for (const window of windows) {
    const minutes = Math.floor(((window.end - window.start) * hold.share) / alignment) * alignment;
    if (minutes > 0) held.push({ start: window.end - minutes, end: window.end });
  }
  return held;
}
