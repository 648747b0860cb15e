/** NCCI PTP modifier indicator: 0 no modifier bypasses the edit, 1 an NCCI-associated modifier may, 9 the edit does not apply. */
export type PtpModifierIndicator = 0 | 1 | 9;

/** One NCCI procedure-to-procedure edit: Column 2 is not paid with Column 1 on the same date. */
export interface PtpEdit {
  /** Column 1 code (the one that is paid). */
  readonly column1: string;
  /** Column 2 code (the one that is denied). */
  readonly column2: string;
  /** First day in force, `YYYY-MM-DD`. */
  readonly effective: string;
  /** Last day in force, when deleted. */
  readonly deletion?: string;
  /** Whether a modifier may bypass the edit. */
  readonly modifierIndicator: PtpModifierIndicator;
  /** The PTP edit rationale as CMS states it. */
  readonly rationale: string;
}

/**
 * NCCI PTP edits indexed by `column1|column2`.
 *
 * @example
 * ```ts
 * const edits = table.edits.get('0001U|0030U');
 * ```
 */
export interface PtpTable {
  /** Edits by `column1|column2` (a pair may have several rows over time). */
  readonly edits: ReadonlyMap<string, readonly PtpEdit[]>;
}

/**
 * Builds a PTP table from edits, e.g. the rows of several files of one release. Do not combine
 * releases: each quarter's release replaces the one before in full (see `newestNcciRelease`).
 *
 * @example
 * ```ts
 * const table = ptpTable([...practitioner.edits.values()].flat());
 * ```
 */
export function ptpTable(edits: Iterable<PtpEdit>): PtpTable {
  const byPair = new Map<string, PtpEdit[]>();
  for (const edit of edits) {
    const key = `${edit.column1}|${edit.column2}`;
    const list = byPair.get(key);
    if (list === undefined) byPair.set(key, [edit]);
    else list.push(edit);
  }
  return { edits: byPair };
}

/**
 * Combines PTP tables into one, e.g. the four files CMS splits a release's practitioner edits over
 * (`ccipra-v322r0-f1.txt` … `f4`). Tables of different releases must not be combined: a newer release
 * lists every edit with its current dates, and an older one would bring back edits it deleted.
 *
 * @param tables - the tables loaded from each file
 * @returns one table holding every edit
 * @example
 * ```ts
 * const ptp = mergePtpTables(f1, f2, f3, f4);
 * ```
 */
export function mergePtpTables(...tables: readonly PtpTable[]): PtpTable {
  return ptpTable(tables.flatMap((table) => [...table.edits.values()].flat()));
}

/**
 * The PTP edit in force for a pair on a date, if any. A row with modifier indicator 9 (an edit deleted
 * retroactively, so never applied) does not hide another row of the pair in force that day; it is
 * answered only when no other row is.
 *
 * @example
 * ```ts
 * ptpEditOn(table, '0001U', '0030U', '2026-07-01')?.modifierIndicator; // 1
 * ```
 */
export function ptpEditOn(table: PtpTable, column1: string, column2: string, date: string): PtpEdit | undefined {
  const list = table.edits.get(`${column1}|${column2}`);
  if (list === undefined) return undefined;
  let notApplied: PtpEdit | undefined;
  for (const edit of list) {
    if (edit.effective > date || (edit.deletion !== undefined && date > edit.deletion)) continue;
    if (edit.modifierIndicator !== 9) return edit;
    notApplied ??= edit;
  }
  return notApplied;
}

/**
 * The PTP edit of a pair in force on some day from `from` through `to` (two lines that share those
 * days), with the first such day: the edit that starts applying earliest, rows with modifier indicator 9
 * (deleted retroactively, never applied) left out. For one day it answers as {@link ptpEditOn} does for
 * an edit that applies.
 *
 * @param table - the loaded table
 * @param column1 - the Column 1 code
 * @param column2 - the Column 2 code
 * @param from - the first shared day, `YYYY-MM-DD`
 * @param to - the last shared day
 * @returns the edit and the first day it applies, or undefined
 * @example
 * ```ts
 * ptpEditDuring(table, '0001A', '36591', '2023-12-30', '2024-01-02'); // { edit, date: '2023-12-30' } (deleted after 2023-12-31)
 * ```
 */
export function ptpEditDuring(table: PtpTable, column1: string, column2: string, from: string, to: string): { edit: PtpEdit; date: string } | undefined {
  const list = table.edits.get(`${column1}|${column2}`);
  if (list === undefined) return undefined;
  let found: { edit: PtpEdit; date: string } | undefined;
  for (const edit of list) {
    if (edit.modifierIndicator === 9) continue;
    const first = edit.effective > from ? edit.effective : from;
    const last = edit.deletion !== undefined && edit.deletion < to ? edit.deletion : to;
    if (first <= last && (found === undefined || first < found.date)) found = { edit, date: first };
  }
  return found;
}
