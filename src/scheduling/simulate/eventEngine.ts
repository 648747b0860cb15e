import type { CompiledScenario } from './compile.js';
import { createEventHeap, type SimEvent } from './eventHeap.js';
import type { PatientBuffers } from './patients.js';
import type { ReplicationOutcome } from './singleServer.js';

/** One visit, as the timeline of a traced replication shows it. */
export interface Visit {
  readonly provider: number;
  readonly arrival: number;
  readonly start: number;
  readonly end: number;
  readonly wait: number;
  readonly urgent: boolean;
  readonly className: string;
}

/** Patients waiting in order of arrival; taking one moves `head` on, so a long queue costs no shifting. */
interface Fifo {
  readonly items: number[];
  head: number;
}

interface EngineState {
  readonly heap: ReturnType<typeof createEventHeap>;
  /** Urgent patients, then the others. */
  readonly queues: [Fifo, Fifo];
  readonly freeProviders: boolean[];
  freeRooms: number;
  seq: number;
  seen: number;
  busy: number;
  lastEnd: number;
}

function schedule(state: EngineState, time: number, kind: SimEvent['kind'], id: number): void {
  state.heap.push({ time, seq: state.seq++, kind, id });
}

function startVisits(compiled: CompiledScenario, buffers: PatientBuffers, state: EngineState, now: number, waits: Float64Array, trace?: Visit[]): void {
  for (;;) {
    const provider = state.freeProviders.indexOf(true);
    const urgent = state.queues[0];
    const queue = urgent.head < urgent.items.length ? urgent : state.queues[1];
    if (provider < 0 || state.freeRooms === 0 || queue.head >= queue.items.length) return;
    const patient = queue.items[queue.head++] as number;
    state.freeProviders[provider] = false;
    state.freeRooms--;
    const start = Math.max(now, 0);
    const end = start + (buffers.service[patient] as number);
    const wait = Math.max(0, start - (buffers.due[patient] as number));
    waits[state.seen++] = wait;
    if (start < compiled.sessionMinutes) state.busy += Math.min(end, compiled.sessionMinutes) - start;
    state.lastEnd = Math.max(state.lastEnd, end);
    const className = compiled.classNames[buffers.classIndex[patient] as number] ?? '';
    trace?.push({ provider, arrival: buffers.arrival[patient] as number, start, end, wait, urgent: buffers.priority[patient] === 0, className });
    schedule(state, end, 'serviceEnd', provider);
  }
}

/**
 * The general engine: a textbook discrete-event simulation with a binary-heap future event list.
 * Providers see patients in order of arrival, urgent patients first; a visit needs a free provider
 * and a free room, and the room is free again `roomTurnoverMinutes` after the visit.
 *
 * @param compiled - any scenario
 * @param buffers - this replication's patients
 * @param waits - receives each seen patient's wait
 * @param outcome - receives the totals
 * @param trace - if given, receives every visit
 * @example
 * ```ts
 * runEventEngine(compiled, buffers, waits, outcome);
 * ```
 */
export function runEventEngine(
  compiled: CompiledScenario,
  buffers: PatientBuffers,
  waits: Float64Array,
  outcome: ReplicationOutcome,
  trace?: Visit[],
): void {
  const state: EngineState = {
    heap: createEventHeap(),
    queues: [{ items: [], head: 0 }, { items: [], head: 0 }],
    freeProviders: new Array<boolean>(compiled.providers).fill(true),
    freeRooms: compiled.rooms,
    seq: 0,
    seen: 0,
    busy: 0,
    lastEnd: 0,
  };
  for (let i = 0; i < buffers.count; i++) schedule(state, buffers.arrival[i] as number, 'arrival', i);
  for (let event = state.heap.pop(); event !== undefined; event = state.heap.pop()) {
    if (event.kind === 'arrival') {
      state.queues[buffers.priority[event.id] === 0 ? 0 : 1].items.push(event.id);
    } else if (event.kind === 'serviceEnd') {
      state.freeProviders[event.id] = true;
      if (compiled.roomTurnoverMinutes > 0) schedule(state, event.time + compiled.roomTurnoverMinutes, 'roomFree', 0);
      else state.freeRooms++;
    } else {
      state.freeRooms++;
    }
    startVisits(compiled, buffers, state, event.time, waits, trace);
  }
  outcome.seen = state.seen;
  outcome.busyInSession = state.busy;
  outcome.lastEnd = state.lastEnd;
}
