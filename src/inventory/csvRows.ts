import { errorIssue, type Issue } from '../core/issue.js';
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
 * named twice and that every record has as many fields as the header. Returns the well-formed rows
 * and the issues of the rest (`csv.missing_column` and `csv.duplicate_column` on the header, which
 * leave no rows, and `csv.field_count` on a record).
 *
 * @param table - the parsed file
 * @param source - the file's name for issue paths
 * @param required - columns that must be present
 * @example
 * ```ts
 * const { rows } = csvRows(parseCsv(text, 'usage.csv'), 'usage.csv', ['item_id', 'date', 'quantity']);
 * rows[0]?.text('date');
 * ```
 */
export function csvRows(table: CsvTable, source: string, required: readonly string[]): { rows: CsvRow[]; issues: Issue[] } {
  const shape = newShape(source, required);
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
 * Reads a CSV file record by record, as {@link csvRows} checks it, and hands `visit` the trimmed
 * cells of `columns` for each well-formed row without keeping any row: memory stays that of one
 * record however long the file. The `cells` array is reused from row to row.
 *
 * @param text - the file's contents
 * @param source - the file's name for issue paths
 * @param columns - the columns to read, all required
 * @param visit - called with each row's cells (in the order of `columns`) and its line
 * @returns the file's structural issues, in the order `csvRows` reports them
 * @example
 * ```ts
 * let total = 0;
 * forEachCsvRow('id,qty\na,2\nb,3\n', 'f.csv', ['qty'], ([qty]) => { total += Number(qty); }); // total === 5
 * ```
 */
export function forEachCsvRow(text: string, source: string, columns: readonly string[], visit: (cells: readonly string[], line: number) => void): Issue[] {
  const shape = newShape(source, columns);
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
  readonly issues: Issue[];
  readonly index: Map<string, number>;
  /** Fields in the header, or -1 before it is read. */
  width: number;
  /** False when the header lacks a column or names one twice: then no row is read. */
  usable: boolean;
}

function newShape(source: string, required: readonly string[]): RowShape {
  return { source, required, issues: [], index: new Map(), width: -1, usable: false };
}

/** True when `record` is a well-formed data row; reads the header from the first record. */
function acceptsRow(shape: RowShape, record: CsvRecord): boolean {
  if (shape.width < 0) {
    readHeader(shape, record);
    return false;
  }
  if (!shape.usable || record.malformed) return false;
  // A line of nothing but spaces is a blank line, as an empty one is.
  if (record.fields.length === 1 && (record.fields[0] ?? '').trim() === '') return false;
  if (record.fields.length !== shape.width) {
    shape.issues.push(errorIssue('csv.field_count', [shape.source, record.line], `has ${record.fields.length} fields, the header has ${shape.width}`));
    return false;
  }
  return true;
}

function readHeader(shape: RowShape, header: CsvRecord): void {
  const { source, issues, index } = shape;
  const names = header.fields.map((name) => name.trim().toLowerCase());
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
