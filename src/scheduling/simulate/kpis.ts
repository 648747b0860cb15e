/** The KPIs measured in every replication. */
export const KPI_NAMES = ['waitMean', 'waitP90', 'waitTotal', 'idle', 'overtime', 'utilisation', 'seen'] as const;

/**
 * One KPI: `waitMean` and `waitP90` (minutes, the mean and 90th percentile of the waits of the
 * session's patients seen), `waitTotal` (minutes, summed), `idle` (provider minutes idle within the
 * session, summed over providers), `overtime` (minutes the last provider works past the session
 * end), `utilisation` (busy share of provider time within the session), `seen` (patients seen).
 *
 * Waiting time is a per-patient measure (Cayirli and Veral 2003), so `waitMean` and `waitP90` are
 * undefined for a session in which nobody was seen: their column holds NaN there, and their
 * summaries average only the sessions with someone seen (the summary's `n` says how many). Counting
 * such a session as a zero wait would pull the mean down by the share of empty sessions.
 */
export type KpiName = (typeof KPI_NAMES)[number];

/** Per-replication KPI values, one column per KPI, one row per replication. */
export type KpiColumns = Record<KpiName, Float64Array>;

/**
 * Allocates KPI columns for `rows` replications.
 *
 * @example
 * ```ts
 * const columns = createKpiColumns(1000);
 * ```
 */
export function createKpiColumns(rows: number): KpiColumns {
  const columns = {} as Record<KpiName, Float64Array>;
  for (const name of KPI_NAMES) columns[name] = new Float64Array(rows);
  return columns;
}

/** Scratch space one replication loop reuses, so no replication allocates. */
export interface ReplicationScratch {
  readonly waits: Float64Array;
}

/** Up to this many values are sorted by insertion (no allocation, fastest for a clinic session); more by the typed-array sort. */
const INSERTION_SORT_LIMIT = 64;

/**
 * The 90th percentile (type 7) of the first `n` waits, sorting them in place: by insertion for a
 * session's few dozen patients, by the typed-array sort (n log n) for long sessions.
 *
 * @example
 * ```ts
 * p90InPlace(Float64Array.of(3, 1, 2), 3); // 2.8
 * ```
 */
export function p90InPlace(waits: Float64Array, n: number): number {
  if (n === 0) return 0;
  if (n > INSERTION_SORT_LIMIT) waits.subarray(0, n).sort();
  else {
    for (let i = 1; i < n; i++) {
      const x = waits[i] as number;
      let j = i - 1;
      while (j >= 0 && (waits[j] as number) > x) {
        waits[j + 1] = waits[j] as number;
        j--;
      }
      waits[j + 1] = x;
    }
  }
  const h = (n - 1) * 0.9;
  const lo = Math.floor(h);
  const a = waits[lo] as number;
  const b = waits[Math.min(lo + 1, n - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Writes one replication's KPIs into row `row`; `waitMean` and `waitP90` are NaN when nobody was
 * seen (see {@link KpiName}).
 *
 * @example
 * ```ts
 * writeKpis(columns, 0, scratch.waits, seen, busy, lastEnd, compiled.sessionMinutes, 1);
 * ```
 */
export function writeKpis(
  columns: KpiColumns,
  row: number,
  waits: Float64Array,
  seen: number,
  busyInSession: number,
  lastEnd: number,
  sessionMinutes: number,
  providers: number,
): void {
  let total = 0;
  for (let i = 0; i < seen; i++) total += waits[i] as number;
  columns.waitTotal[row] = total;
  columns.waitMean[row] = seen > 0 ? total / seen : Number.NaN;
  columns.waitP90[row] = seen > 0 ? p90InPlace(waits, seen) : Number.NaN;
  columns.idle[row] = providers * sessionMinutes - busyInSession;
  columns.overtime[row] = lastEnd > sessionMinutes ? lastEnd - sessionMinutes : 0;
  columns.utilisation[row] = busyInSession / (providers * sessionMinutes);
  columns.seen[row] = seen;
}
