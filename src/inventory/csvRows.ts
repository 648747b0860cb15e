import { errorIssue, warningIssue, type Issue } from '../core/issue.js';
import { readCsv, type CsvRecord, type CsvTable } from '../core/csv.js';

/** A CSV record as a lookup by header name, with helpers that report bad cells by line and column. */
export interface CsvRow {
  readonly line: number;
  /** The trimmed cell under `column`, or '' when the column or cell is absent. */
  readonly text: (column: string) => string;
  /** The issue path of a cell: `[source, line, column]`. */
  readonly at: (column: string) => (string | number)[];
}

/**
 * Matches each CSV record to the header, checking that required columns exist, that no column is
 * named twice and that every record has as many fields as the header. A record whose fields are all
 * blank (`,,,,`, as a spreadsheet saves a row cleared but not deleted) is skipped as a blank line is,
 * whatever its width. Returns the well-formed rows and the issues of the rest (`csv.missing_column` and `csv.duplicate_column` on the header, which
 * leave no rows, and `csv.field_count` on a record). Header names are matched without regard to
 * case or surrounding spaces.
 *
 * When `optional` is given, every other named column of the header gets a `csv.unknown_column`
 * warning at its header cell (`[source, line, name]`): its cells are ignored, and a misspelled
 * optional column would otherwise leave its setting at the default without a word. The warning
 * names the one documented column that is a near match, if one is nearest (the same but for case,
 * spaces, underscores and hyphens; an edit distance of at most 2; or the same with words added or
 * dropped at the end, `shelf_life` for `shelf_life_days`), and otherwise lists the documented
 * columns. The rows are read all the same.
 *
 * @param table - the parsed file
 * @param source - the file's name for issue paths
 * @param required - columns that must be present
 * @param optional - the documented columns that may be present; omitted, other columns pass unremarked
 * @example
 * ```ts
 * const { rows, issues } = csvRows(parseCsv(text, 'usage.csv'), 'usage.csv', ['item_id', 'date', 'quantity'], []);
 * rows[0]?.text('date');
 * issues.filter((issue) => issue.code === 'csv.unknown_column'); // columns the reader ignores
 * ```
 */
export function csvRows(table: CsvTable, source: string, required: readonly string[], optional?: readonly string[]): { rows: CsvRow[]; issues: Issue[] } {
  const shape = newShape(source, required, optional);
  const { index } = shape;
  const rows: CsvRow[] = [];
  for (const record of table.records) {
    if (!acceptsRow(shape, record)) continue;
    rows.push({
      line: record.line,
      text: (column) => {
        const position = index.get(column);
        return position === undefined ? '' : (record.fields[position] ?? '').trim();
      },
      at: (column) => [source, record.line, column],
    });
  }
  return { rows, issues: [...table.issues, ...shapeIssues(shape)] };
}

/**
 * Reads a CSV file record by record, as {@link csvRows} checks it (all-blank records skipped), and
 * hands `visit` the trimmed cells of `columns` for each well-formed row without keeping any row: memory stays that of one
 * record however long the file. The `cells` array is reused from row to row.
 *
 * @param text - the file's contents
 * @param source - the file's name for issue paths
 * @param columns - the columns to read, all required
 * @param visit - called with each row's cells (in the order of `columns`) and its line
 * @param optional - as for `csvRows`: given, any column neither in `columns` nor here is warned about
 * @returns the file's structural issues, in the order `csvRows` reports them
 * @example
 * ```ts
 * let total = 0;
 * forEachCsvRow('id,qty\na,2\nb,3\n', 'f.csv', ['qty'], ([qty]) => { total += Number(qty); }); // total === 5
 * ```
 */
export function forEachCsvRow(text: string, source: string, columns: readonly string[], visit: (cells: readonly string[], line: number) => void, optional?: readonly string[]): Issue[] {
  const shape = newShape(source, columns, optional);
  const cells: string[] = columns.map(() => '');
  let positions: number[] = [];
  const parseIssues = readCsv(text, source, (record) => {
    if (!acceptsRow(shape, record)) return;
    if (positions.length === 0) positions = columns.map((column) => shape.index.get(column) as number);
    for (let k = 0; k < positions.length; k++) cells[k] = (record.fields[positions[k] as number] ?? '').trim();
    visit(cells, record.line);
  });
  return [...parseIssues, ...shapeIssues(shape)];
}

/** The header of a file, read from its first record, and the issues of the records checked against it. */
interface RowShape {
  readonly source: string;
  readonly required: readonly string[];
  /** The documented optional columns, when other columns are to be warned about. */
  readonly optional: readonly string[] | undefined;
  readonly issues: Issue[];
  readonly index: Map<string, number>;
  /** Fields in the header, or -1 before it is read. */
  width: number;
  /** False when the header lacks a column or names one twice: then no row is read. */
  usable: boolean;
}

function newShape(source: string, required: readonly string[], optional: readonly string[] | undefined): RowShape {
  return { source, required, optional, issues: [], index: new Map(), width: -1, usable: false };
}

/** True when `record` is a well-formed data row; reads the header from the first record. */
function acceptsRow(shape: RowShape, record: CsvRecord): boolean {
  if (shape.width < 0) {
    readHeader(shape, record);
    return false;
  }
  if (!shape.usable || record.malformed) return false;
  // A line of nothing but spaces or commas (a spreadsheet row cleared but not deleted, `,,,,`) is a
  // blank line, as an empty one is.
  if (record.fields.every((field) => field.trim() === '')) return false;
  if (record.fields.length !== shape.width) {
    shape.issues.push(errorIssue('csv.field_count', [shape.source, record.line], `has ${record.fields.length} fields, the header has ${shape.width}`));
    return false;
  }
  return true;
}

/**
 * A header cell as a column name: without case or surrounding spaces, as every reader matches it.
 *
 * @example
 * ```ts
 * columnName(' Unit_Cost '); // 'unit_cost'
 * ```
 */
export function columnName(cell: string): string {
  return cell.trim().toLowerCase();
}

function readHeader(shape: RowShape, header: CsvRecord): void {
  const { source, issues, index } = shape;
  const names = header.fields.map(columnName);
  shape.width = names.length;
  names.forEach((name, position) => {
    const first = index.get(name);
    if (first === undefined) index.set(name, position);
    else if (name !== '') issues.push(errorIssue('csv.duplicate_column', [source, header.line, name], `the header names '${name}' in columns ${first + 1} and ${position + 1}`));
  });
  for (const name of shape.required) {
    if (!index.has(name)) issues.push(errorIssue('csv.missing_column', [source, header.line, name], `the header has no '${name}' column`));
  }
  shape.usable = issues.length === 0;
  if (shape.optional !== undefined) issues.push(...unknownColumns(shape, header.line, header.fields));
}

/** A `csv.unknown_column` warning for each named header column that is neither required nor optional. */
function unknownColumns(shape: RowShape, line: number, fields: readonly string[]): Issue[] {
  const documented = [...shape.required, ...(shape.optional ?? [])];
  const known = new Set(documented);
  const warnings: Issue[] = [];
  fields.forEach((field, position) => {
    const name = columnName(field);
    if (name === '' || known.has(name) || shape.index.get(name) !== position) return;
    const near = nearestColumn(name, documented);
    const advice = near === undefined ? `the columns it reads are ${documented.join(', ')}` : `did you mean '${near}'?`;
    warnings.push(warningIssue('csv.unknown_column', [shape.source, line, name], `'${field.trim()}' (column ${position + 1}) is not a column this file reads, so its cells are ignored; ${advice}`));
  });
  return warnings;
}

/** A header name without case, spaces, underscores or hyphens: `Shelf-Life Days` → `shelflifedays`. */
const squeezed = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The documented column an unknown header name most likely meant, when exactly one is nearest:
 * first one equal to it but for case, spaces, underscores and hyphens (`Shelf-Life-Days`); then one
 * within an edit distance of 2 of it, so spelled (`shelf_lif_days`, `polcy`; at most a third of the
 * name's letters, so `x` is no misspelling of `id`); then one that is the name with words added or
 * dropped at its end (`shelf_life` for `shelf_life_days`, `on_hand_units` for `on_hand`).
 *
 * @param name - the header name, trimmed and in lower case
 * @param documented - the columns the file may have
 * @returns the suggestion, or undefined when none is near or two are equally near
 */
function nearestColumn(name: string, documented: readonly string[]): string | undefined {
  const short = squeezed(name);
  const rank = (column: string): number => {
    const distance = editDistance(short, squeezed(column));
    if (distance === 0) return 0;
    if (distance <= Math.min(2, short.length / 3)) return distance;
    const words = name.replace(/[\s-]+/g, '_');
    return column.startsWith(`${words}_`) || words.startsWith(`${column}_`) ? 3 + distance : Number.POSITIVE_INFINITY;
  };
  const ranked = documented.map((column) => ({ column, rank: rank(column) })).filter((entry) => Number.isFinite(entry.rank));
  const best = Math.min(...ranked.map((entry) => entry.rank));
  const nearest = ranked.filter((entry) => entry.rank === best);
  return nearest.length === 1 ? nearest[0]?.column : undefined;
}

/** Levenshtein distance: the fewest one-letter insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The issues found so far, with `csv.empty` when there was no header. */
function shapeIssues(shape: RowShape): Issue[] {
  return shape.width < 0 ? [...shape.issues, errorIssue('csv.empty', [shape.source], 'the file has no header row')] : shape.issues;
}

/**
 * A decimal number as written in a CSV cell (`12`, `-0.5`, `3e2`), or NaN: unlike `Number`, hex
 * (`0x10`), binary and blank text are no numbers.
 *
 * @param text - the trimmed cell
 * @returns the number, or NaN
 * @example
 * ```ts
 * decimalCell('0x10'); // NaN
 * ```
 */
export function decimalCell(text: string): number {
  return /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
}
