import type { AppointmentId, AppointmentTypeId } from './ids.js';
import type { Interval } from './intervals.js';

/**
 * The time one appointment holds on its provider: the appointment itself widened by its type's
 * buffers, in epoch minutes. A provider's footprints never overlap.
 */
export interface Footprint extends Interval {
  /** Start of the appointment itself. */
  readonly appointmentStart: number;
  /** The appointment. */
  readonly id: AppointmentId;
  /** Its type. */
  readonly typeId: AppointmentTypeId;
}

/**
 * Index of the first footprint that ends after `minute` (footprints sorted and disjoint, so their
 * ends are sorted too); `footprints.length` when none does. Binary search: O(log n).
 *
 * @example
 * ```ts
 * firstEndingAfter(footprints, 29_000_000);
 * ```
 */
export function firstEndingAfter(footprints: readonly Footprint[], minute: number): number {
  let lo = 0;
  let hi = footprints.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((footprints[mid] as Footprint).end > minute) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The first footprint overlapping `span`, in O(log n).
 *
 * @example
 * ```ts
 * const clash = firstClash(footprints, { start: 100, end: 130 });
 * ```
 */
export function firstClash(footprints: readonly Footprint[], span: Interval): Footprint | undefined {
  const candidate = footprints[firstEndingAfter(footprints, span.start)];
  return candidate !== undefined && candidate.start < span.end ? candidate : undefined;
}

/**
 * The footprints overlapping `[from, to)`, in order.
 *
 * @example
 * ```ts
 * footprintsIn(footprints, 0, 1440);
 * ```
 */
export function footprintsIn(footprints: readonly Footprint[], from: number, to: number): Footprint[] {
  const out: Footprint[] = [];
  for (let i = firstEndingAfter(footprints, from); i < footprints.length; i++) {
    const next = footprints[i] as Footprint;
    if (next.start >= to) break;
    out.push(next);
  }
  return out;
}

/**
 * A new list with the footprint inserted in order (the input is not changed).
 *
 * @example
 * ```ts
 * const next = insertFootprint(footprints, { start: 0, end: 30, appointmentStart: 0, id, typeId });
 * ```
 */
export function insertFootprint(footprints: readonly Footprint[], added: Footprint): Footprint[] {
  const at = firstEndingAfter(footprints, added.start);
  return [...footprints.slice(0, at), added, ...footprints.slice(at)];
}

/**
 * A new list without the appointment's footprint.
 *
 * @example
 * ```ts
 * const next = removeFootprint(footprints, id);
 * ```
 */
export function removeFootprint(footprints: readonly Footprint[], id: AppointmentId): Footprint[] {
  return footprints.filter((f) => f.id !== id);
}
