import type { Rng } from '../../core/random.js';
import type { CompiledScenario, CompiledStream } from './compile.js';

/** The patients of one replication, in flat arrays reused from one replication to the next. */
export interface PatientBuffers {
  /** Minute of arrival (negative when early for a minute-0 appointment). */
  arrival: Float64Array;
  /** Minute from which waiting counts: max(arrival, appointment) when booked, arrival otherwise. */
  due: Float64Array;
  /** Service minutes. */
  service: Float64Array;
  /** 0 for urgent patients (served first), 1 for everyone else. */
  priority: Uint8Array;
  /** Class index. */
  classIndex: Int32Array;
  /** Patients present this replication. */
  count: number;
}

/**
 * Allocates buffers for a scenario (they grow if a replication has more walk-ins than expected).
 *
 * @example
 * ```ts
 * const buffers = createPatientBuffers(compiled);
 * ```
 */
export function createPatientBuffers(compiled: CompiledScenario): PatientBuffers {
  const expectedExtra = ((compiled.walkIns?.perMinute ?? 0) + (compiled.urgent?.perMinute ?? 0)) * compiled.sessionMinutes;
  const size = compiled.appointmentTimes.length + Math.ceil(expectedExtra * 2 + 16);
  return {
    arrival: new Float64Array(size),
    due: new Float64Array(size),
    service: new Float64Array(size),
    priority: new Uint8Array(size),
    classIndex: new Int32Array(size),
    count: 0,
  };
}

function grow(buffers: PatientBuffers): void {
  const size = buffers.arrival.length * 2;
  const copy = <A extends Float64Array | Uint8Array | Int32Array>(from: A, into: A): A => {
    into.set(from);
    return into;
  };
  buffers.arrival = copy(buffers.arrival, new Float64Array(size));
  buffers.due = copy(buffers.due, new Float64Array(size));
  buffers.service = copy(buffers.service, new Float64Array(size));
  buffers.priority = copy(buffers.priority, new Uint8Array(size));
  buffers.classIndex = copy(buffers.classIndex, new Int32Array(size));
}

function push(buffers: PatientBuffers, arrival: number, due: number, service: number, priority: number, classIndex: number): void {
  if (buffers.count === buffers.arrival.length) grow(buffers);
  const n = buffers.count++;
  buffers.arrival[n] = arrival;
  buffers.due[n] = due;
  buffers.service[n] = service;
  buffers.priority[n] = priority;
  buffers.classIndex[n] = classIndex;
}

function drawStream(compiled: CompiledScenario, stream: CompiledStream | undefined, priority: number, rng: Rng, buffers: PatientBuffers): void {
  if (stream === undefined) return;
  const sample = compiled.samplers[stream.classIndex];
  if (sample === undefined) return;
  for (let t = -Math.log(rng.open01()) / stream.perMinute; t < compiled.sessionMinutes; t += -Math.log(rng.open01()) / stream.perMinute) {
    push(buffers, t, t, sample(rng), priority, stream.classIndex);
  }
}

/**
 * Draws one replication's patients, always in the same order so every engine sees the same
 * patients: for each booking in time order a no-show draw (one 32-bit uniform), a service time (drawn even for
 * no-shows, so schedules and no-show rates compare on common random numbers) and, when patients
 * are not punctual, a lateness; then the walk-ins; then the urgent patients.
 *
 * @param compiled - the scenario
 * @param rng - this replication's stream
 * @param buffers - filled in place
 * @example
 * ```ts
 * drawPatients(compiled, createRng(1).stream(0), buffers);
 * ```
 */
export function drawPatients(compiled: CompiledScenario, rng: Rng, buffers: PatientBuffers): void {
  buffers.count = 0;
  const times = compiled.appointmentTimes;
  const classes = compiled.appointmentClass;
  const noShow = compiled.noShow;
  const punctuality = compiled.punctuality;
  for (let k = 0; k < times.length; k++) {
    const classIndex = classes[k] as number;
    const absent = rng.open01() < (noShow[k] as number);
    const service = (compiled.samplers[classIndex] as (r: Rng) => number)(rng);
    const appointment = times[k] as number;
    const arrival = punctuality === undefined ? appointment : appointment + punctuality(rng);
    if (!absent) push(buffers, arrival, arrival > appointment ? arrival : appointment, service, 1, classIndex);
  }
  drawStream(compiled, compiled.walkIns, 1, rng, buffers);
  drawStream(compiled, compiled.urgent, 0, rng, buffers);
}
