import { match } from 'ts-pattern';

/**
 * The classic appointment rules used as baselines (Bailey and Welch 1952; Cayirli and Veral 2003;
 * Cayirli, Veral and Rosen 2006; Robinson and Chen 2003; Ho and Lau 1992):
 * - `bailey-welch`: two patients at the start, then the rest one at a time at equal spacing (2BEG);
 * - `equal-spacing`: one patient every T/N intervals (IBFI);
 * - `multiple-block`: patients in pairs at twice the spacing (MBFI);
 * - `offset`: gaps growing linearly from 0.75 to 1.25 times the mean gap (short early, long late);
 * - `dome`: gaps short at both ends and long in the middle (0.75 → 1.25 → 0.75 times the mean gap).
 */
export type ClassicRule = 'bailey-welch' | 'equal-spacing' | 'multiple-block' | 'offset' | 'dome';

/** Every classic rule, in the order reports list them. */
export const CLASSIC_RULES: readonly ClassicRule[] = ['bailey-welch', 'equal-spacing', 'multiple-block', 'offset', 'dome'];

/** Appointment times in units of the mean gap T/N, before they are mapped to intervals. */
function relativeTimes(rule: ClassicRule, patients: number): number[] {
  const index = Array.from({ length: patients }, (_, i) => i);
  return match(rule)
    .with('equal-spacing', () => index)
    .with('bailey-welch', () => index.map((i) => Math.max(0, i - 1) * (patients / Math.max(1, patients - 1))))
    .with('multiple-block', () => index.map((i) => 2 * Math.floor(i / 2)))
    .with('offset', () => cumulativeGaps(patients, (x) => 0.75 + 0.5 * x))
    .with('dome', () => cumulativeGaps(patients, (x) => 0.75 + 0.5 * (1 - Math.abs(2 * x - 1))))
    .exhaustive();
}

/** Times from gaps shaped by `shape(x)` on x ∈ [0, 1], scaled so their total is N − 1 mean gaps. */
function cumulativeGaps(patients: number, shape: (x: number) => number): number[] {
  const gaps = Array.from({ length: Math.max(0, patients - 1) }, (_, i) => shape(patients > 2 ? i / (patients - 2) : 0.5));
  const total = gaps.reduce((s, g) => s + g, 0);
  const times = [0];
  let at = 0;
  for (const gap of gaps) {
    at += total > 0 ? (gap * (patients - 1)) / total : 0;
    times.push(at);
  }
  return times.slice(0, patients);
}

/**
 * The schedule a classic rule gives for N patients in T intervals: each patient's appointment time
 * (in mean gaps of T/N intervals) is rounded down to an interval start.
 *
 * @param rule - which rule
 * @param patients - N
 * @param intervals - T
 * @returns patients booked at the start of each interval
 * @example
 * ```ts
 * classicSchedule('bailey-welch', 5, 5); // [2, 1, 1, 1, 0]
 * ```
 */
export function classicSchedule(rule: ClassicRule, patients: number, intervals: number): number[] {
  const slots = new Array<number>(intervals).fill(0);
  const gap = intervals / Math.max(1, patients);
  for (const time of relativeTimes(rule, patients)) {
    const t = Math.min(intervals - 1, Math.max(0, Math.floor(time * gap + 1e-9)));
    slots[t] = (slots[t] ?? 0) + 1;
  }
  return slots;
}
