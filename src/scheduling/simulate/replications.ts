import { createRng, type Seed } from '../../core/random.js';
import type { CompiledScenario } from './compile.js';
import { runEventEngine, type Visit } from './eventEngine.js';
import { createKpiColumns, writeKpis, type KpiColumns } from './kpis.js';
import { createPatientBuffers, drawPatients } from './patients.js';
import { runSingleServer, type ReplicationOutcome } from './singleServer.js';

/** Which engine runs the replications: `auto` takes the single-server recursion when it applies. */
export type EngineChoice = 'auto' | 'event';

/**
 * True when `auto` would use the single-server recursion for this scenario.
 *
 * @example
 * ```ts
 * usesSingleServer(compiled, 'auto');
 * ```
 */
export function usesSingleServer(compiled: CompiledScenario, engine: EngineChoice): boolean {
  return engine === 'auto' && compiled.singleServer;
}

/**
 * Runs replications `from` (inclusive) to `to` (exclusive). Replication r draws only from
 * `createRng(seed).stream(r)`, so its numbers do not depend on how replications are split
 * between calls or workers.
 *
 * @param compiled - the scenario
 * @param seed - the run's seed
 * @param from - first replication index
 * @param to - one past the last
 * @param engine - engine choice
 * @returns one row of KPIs per replication
 * @example
 * ```ts
 * const columns = runReplications(compiled, 2026, 0, 1000, 'auto');
 * ```
 */
export function runReplications(compiled: CompiledScenario, seed: Seed, from: number, to: number, engine: EngineChoice): KpiColumns {
  const root = createRng(seed);
  const columns = createKpiColumns(to - from);
  const buffers = createPatientBuffers(compiled);
  let order = new Int32Array(buffers.arrival.length);
  let waits = new Float64Array(buffers.arrival.length);
  const outcome: ReplicationOutcome = { seen: 0, busyInSession: 0, lastEnd: 0 };
  const fast = usesSingleServer(compiled, engine);
  for (let r = from; r < to; r++) {
    drawPatients(compiled, root.stream(r), buffers);
    if (waits.length < buffers.count) {
      order = new Int32Array(buffers.arrival.length);
      waits = new Float64Array(buffers.arrival.length);
    }
    if (fast) runSingleServer(compiled, buffers, order, waits, outcome);
    else runEventEngine(compiled, buffers, waits, outcome);
    writeKpis(columns, r - from, waits, outcome.seen, outcome.busyInSession, outcome.lastEnd, compiled.sessionMinutes, compiled.providers);
  }
  return columns;
}

/**
 * Every visit of one replication (for timelines), run on the event engine.
 *
 * @param compiled - the scenario
 * @param seed - the run's seed
 * @param replication - which replication
 * @returns the visits in the order they started
 * @example
 * ```ts
 * const visits = traceReplication(compiled, 2026, 0);
 * ```
 */
export function traceReplication(compiled: CompiledScenario, seed: Seed, replication: number): Visit[] {
  const buffers = createPatientBuffers(compiled);
  drawPatients(compiled, createRng(seed).stream(replication), buffers);
  const visits: Visit[] = [];
  const waits = new Float64Array(buffers.count);
  runEventEngine(compiled, buffers, waits, { seen: 0, busyInSession: 0, lastEnd: 0 }, visits);
  return visits;
}
