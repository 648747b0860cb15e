import type { CompiledScenario } from './compile.js';
import type { PatientBuffers } from './patients.js';

/** What one replication measures. */
export interface ReplicationOutcome {
  /** Patients seen; their waits are the first `seen` entries of the waits buffer. */
  seen: number;
  /** Provider minutes busy within [0, session end]. */
  busyInSession: number;
  /** Minute the last visit ends (0 when nobody came). */
  lastEnd: number;
}

/** Sorts patient indices by arrival (ties by index) into `order`: by insertion for a session's few dozen patients, by the typed-array sort for long sessions. */
function sortByArrival(buffers: PatientBuffers, order: Int32Array): void {
  const arrival = buffers.arrival;
  if (buffers.count > 64) {
    const indices = order.subarray(0, buffers.count);
    for (let i = 0; i < buffers.count; i++) indices[i] = i;
    indices.sort((a, b) => (arrival[a] as number) - (arrival[b] as number) || a - b);
    return;
  }
  for (let i = 0; i < buffers.count; i++) {
    const a = arrival[i] as number;
    let j = i - 1;
    while (j >= 0 && (arrival[order[j] as number] as number) > a) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = i;
  }
}

/**
 * One provider serving in order of arrival, by the direct recursion
 * start = max(previous end, arrival): no event queue and no allocation.
 *
 * @param compiled - a scenario whose `singleServer` flag is set
 * @param buffers - this replication's patients
 * @param order - scratch for the arrival order (at least `buffers.count` long)
 * @param waits - receives each seen patient's wait
 * @param outcome - receives the totals
 * @example
 * ```ts
 * runSingleServer(compiled, buffers, order, waits, outcome);
 * ```
 */
export function runSingleServer(
  compiled: CompiledScenario,
  buffers: PatientBuffers,
  order: Int32Array,
  waits: Float64Array,
  outcome: ReplicationOutcome,
): void {
  const sorted = compiled.punctuality !== undefined;
  if (sorted) sortByArrival(buffers, order);
  const session = compiled.sessionMinutes;
  const arrival = buffers.arrival;
  const due = buffers.due;
  const service = buffers.service;
  let free = 0;
  let busy = 0;
  for (let n = 0; n < buffers.count; n++) {
    const i = sorted ? (order[n] as number) : n;
    const a = arrival[i] as number;
    const start = a > free ? a : free;
    const wait = start - (due[i] as number);
    waits[n] = wait > 0 ? wait : 0;
    const end = start + (service[i] as number);
    if (start < session) busy += (end < session ? end : session) - start;
    free = end;
  }
  outcome.seen = buffers.count;
  outcome.busyInSession = busy;
  outcome.lastEnd = free;
}
