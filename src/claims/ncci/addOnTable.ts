/** CMS add-on edit type: 1 only the listed primaries, 2 any primary (payer decides), 3 listed primaries and others the payer accepts. */
export type AddOnEditType = 1 | 2 | 3;

/** One row of the NCCI add-on code edit file. */
export interface AddOnEdit {
  /** The add-on code. */
  readonly addOn: string;
  /** A primary code it may be reported with (empty for type 2). */
  readonly primary: string;
  /** The edit type. */
  readonly type: AddOnEditType;
  /** First day the edit is in force. */
  readonly effective: string;
  /** Last day in force, when deleted: the edit's deletion date, or its primary code's when that comes first. */
  readonly deletion?: string;
}

/**
 * Add-on edits indexed by add-on code.
 *
 * @example
 * ```ts
 * const rows = table.edits.get('99354');
 * ```
 */
export interface AddOnTable {
  /** Edits by add-on code. */
  readonly edits: ReadonlyMap<string, readonly AddOnEdit[]>;
}

/**
 * Builds an add-on table from rows.
 *
 * @example
 * ```ts
 * const table = addOnTable([{ addOn: '11001', primary: '11000', type: 1, effective: '2010-01-01' }]);
 * ```
 */
export function addOnTable(rows: Iterable<AddOnEdit>): AddOnTable {
  const edits = new Map<string, AddOnEdit[]>();
  for (const row of rows) {
    const list = edits.get(row.addOn);
    if (list === undefined) edits.set(row.addOn, [row]);
    else list.push(row);
  }
  return { edits };
}

/**
 * Combines add-on tables into one (several files, or one per quarter).
 *
 * @param tables - the tables loaded from each file
 * @returns one table holding every row
 * @example
 * ```ts
 * const addOn = mergeAddOnTables(type1, type2, type3);
 * ```
 */
export function mergeAddOnTables(...tables: readonly AddOnTable[]): AddOnTable {
  return addOnTable(tables.flatMap((table) => [...table.edits.values()].flat()));
}
