import { match } from 'ts-pattern';
import { distributionMean, type Distribution } from '../../core/distribution.js';
import { MedofficeUsageError } from '../../core/result.js';

/**
 * The classic appointment rules used as baselines (Bailey and Welch 1952; Cayirli and Veral 2003;
 * Cayirli, Veral and Rosen 2006; Robinson and Chen 2003; Ho and Lau 1992):
 * - `bailey-welch`: exactly two patients at the start, then one at a time a constant gap apart equal
 *   to the mean service time (Bailey's rule, "2BEG" in Cayirli and Veral 2003);
 * - `equal-spacing`: one patient every T/N intervals (IBFI);
 * - `multiple-block`: patients in pairs at twice the spacing (MBFI);
 * - `offset`: gaps growing linearly from 0.75 to 1.25 times the mean gap (short early, long late);
 * - `dome`: gaps short at both ends and long in the middle (0.75 → 1.25 → 0.75 times the mean gap).
 */
export type ClassicRule = 'bailey-welch' | 'equal-spacing' | 'multiple-block' | 'offset' | 'dome';

/** Every classic rule, in the order reports list them. */
export const CLASSIC_RULES: readonly ClassicRule[] = ['bailey-welch', 'equal-spacing', 'multiple-block', 'offset', 'dome'];

/** Appointment times in intervals (before rounding down to an interval start); `gap` is T/N. */
function appointmentTimes(rule: ClassicRule, patients: number, gap: number, serviceIntervals: number): number[] {
  const index = Array.from({ length: patients }, (_, i) => i);
  return match(rule)
    .with('equal-spacing', () => index.map((i) => i * gap))
    // Never before interval 1 after the first two: the first block holds exactly two (2BEG), even
    // when s < 1 would round patient 3 down to the start.
    .with('bailey-welch', () => index.map((i) => (i < 2 ? 0 : Math.max(1, (i - 1) * serviceIntervals))))
    .with('multiple-block', () => index.map((i) => 2 * Math.floor(i / 2) * gap))
    .with('offset', () => cumulativeGaps(patients, (x) => 0.75 + 0.5 * x).map((t) => t * gap))
    .with('dome', () => cumulativeGaps(patients, (x) => 0.75 + 0.5 * (1 - Math.abs(2 * x - 1))).map((t) => t * gap))
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

function requireCounts(patients: number, intervals: number, serviceIntervals: number | undefined): void {
  if (!Number.isSafeInteger(patients) || patients < 0) {
    throw new MedofficeUsageError(`classicSchedule: patients must be a whole number of at least 0, not ${String(patients)}`);
  }
  if (!Number.isSafeInteger(intervals) || intervals < 1) {
    throw new MedofficeUsageError(`classicSchedule: intervals must be a whole number of at least 1, not ${String(intervals)}`);
  }
  if (serviceIntervals !== undefined && !(Number.isFinite(serviceIntervals) && serviceIntervals >= 0)) {
    throw new MedofficeUsageError(`classicSchedule: serviceIntervals must be a finite number of at least 0, not ${String(serviceIntervals)}`);
  }
}

/**
 * The schedule a classic rule gives for N patients in T intervals. Each patient's appointment time,
 * in intervals, is rounded down to an interval start (with a 10⁻⁹ allowance for floating point);
 * a patient whose time falls at or past the start of the last interval is booked at the start of
 * the last interval, so every patient is booked inside the session.
 *
 * The spacing-based rules measure time in mean gaps T/N. Bailey-Welch books patients 1 and 2 at 0
 * and patient i ≥ 3 at (i − 2)·s, where s is the mean service time in intervals
 * (`serviceIntervals`; default T/N, the service time of a session whose length matches its work),
 * but never before interval 1: the first block holds exactly two patients (Bailey 1952; "2BEG" in
 * Cayirli and Veral 2003), also when s < 1 would round patient 3 down to the start.
 * So with 20 patients in 40 intervals of 7.5 minutes and a mean service of 15 minutes (s = 2) it
 * books 0, 0, 2, 4, …, 36; with s = 1.5 the times 1.5, 3, 4.5, … round down to 1, 3, 4, …; with
 * s = 2/3 the times 2/3, 4/3, 2, … go to intervals 1, 1, 2, …. When
 * N·s is more than the session holds, the patients who would come after the last interval's start
 * are all booked at that start (the published rule would book them after the session ends).
 *
 * @param rule - which rule
 * @param patients - N, a whole number ≥ 0
 * @param intervals - T, a whole number ≥ 1
 * @param serviceIntervals - the mean service time in intervals (mean minutes / interval minutes), used by `bailey-welch`; default T/N
 * @returns patients booked at the start of each interval
 * @throws MedofficeUsageError when N, T or the service time is not a count (or length) as described
 * @example
 * ```ts
 * classicSchedule('bailey-welch', 5, 5);     // [2, 1, 1, 1, 0]
 * classicSchedule('bailey-welch', 4, 8, 2);  // [2, 0, 1, 0, 1, 0, 0, 0]
 * classicSchedule('bailey-welch', 8, 8, 10 / 15); // [2, 2, 2, 1, 1, 0, 0, 0]
 * ```
 */
export function classicSchedule(rule: ClassicRule, patients: number, intervals: number, serviceIntervals?: number): number[] {
  requireCounts(patients, intervals, serviceIntervals);
  const slots = new Array<number>(intervals).fill(0);
  const gap = intervals / Math.max(1, patients);
  for (const time of appointmentTimes(rule, patients, gap, serviceIntervals ?? gap)) {
    const t = Math.min(intervals - 1, Math.max(0, Math.floor(time + 1e-9)));
    slots[t] = (slots[t] ?? 0) + 1;
  }
  return slots;
}

/**
 * The mean service time in intervals, the gap the Bailey-Welch rule keeps between appointments.
 *
 * @param service - the service law (a duration law)
 * @param intervalMinutes - the interval length
 * @returns mean service minutes / interval minutes
 * @example
 * ```ts
 * serviceIntervals({ kind: 'lognormal', mean: 15, sd: 7.5 }, 7.5); // 2
 * ```
 */
export function serviceIntervals(service: Distribution, intervalMinutes: number): number {
  return distributionMean(service) / intervalMinutes;
}
