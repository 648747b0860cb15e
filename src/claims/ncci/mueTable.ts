/** How an MUE is adjudicated: 1 per line, 2 per date of service (policy), 3 per date of service (clinical). */
export type MueAdjudicationIndicator = 1 | 2 | 3;

/** One medically unlikely edit: the most units of a code one provider reports for one patient. */
export interface MueEdit {
  /** The procedure code. */
  readonly code: string;
  /** The most units allowed. */
  readonly value: number;
  /** Per line (1) or per date of service (2, 3). */
  readonly indicator: MueAdjudicationIndicator;
  /** CMS's rationale. */
  readonly rationale: string;
}

/** One quarter's MUE table and the dates it covers. */
export interface MuePeriod {
  /** First date of service it applies to. */
  readonly from: string;
  /** Last date of service it applies to, if superseded. */
  readonly to?: string;
  /** Edits by procedure code. */
  readonly edits: ReadonlyMap<string, MueEdit>;
}

/**
 * MUE tables by period (CMS publishes one per quarter).
 *
 * @example
 * ```ts
 * mueEditOn(table, '0009U', '2026-07-01')?.value; // 2
 * ```
 */
export interface MueTable {
  /** The periods, in any order. */
  readonly periods: readonly MuePeriod[];
}

/**
 * Combines MUE tables (e.g. several quarters) into one.
 *
 * @example
 * ```ts
 * const both = mergeMueTables(q2, q3);
 * ```
 */
export function mergeMueTables(...tables: readonly MueTable[]): MueTable {
  return { periods: tables.flatMap((table) => table.periods) };
}

/**
 * The MUE in force for a code on a date of service, if any (the latest period covering the date wins).
 *
 * @example
 * ```ts
 * mueEditOn(table, '0001U', '2026-08-01')?.indicator; // 2
 * ```
 */
export function mueEditOn(table: MueTable, code: string, date: string): MueEdit | undefined {
  let best: MuePeriod | undefined;
  for (const period of table.periods) {
    if (period.from <= date && (period.to === undefined || date <= period.to) && (best === undefined || period.from > best.from)) best = period;
  }
  return best?.edits.get(code);
}
