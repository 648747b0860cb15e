import { errorIssue, type Issue } from '../core/issue.js';
import type { CsvTable } from '../core/csv.js';

/** A CSV record as a lookup by header name, with helpers that report bad cells by line and column. */
export interface CsvRow {
  readonly line: number;
  /** The trimmed cell under `column`, or '' when the column or cell is absent. */
  readonly text: (column: string) => string;
  /** The issue path of a cell: `[source, line, column]`. */
  readonly at: (column: string) => (string | number)[];
}

/**
 * Matches each CSV record to the header, checking that required columns exist and that every record
 * has as many fields as the header. Returns the well-formed rows and the issues of the rest
 * (`csv.missing_column` on the header, `csv.field_count` on a record).
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
  const issues: Issue[] = [...table.issues];
  const [header, ...body] = table.records;
  if (header === undefined) return { rows: [], issues: [...issues, errorIssue('csv.empty', [source], 'the file has no header row')] };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const index = new Map(names.map((name, position) => [name, position]));
  const missing = required.filter((name) => !index.has(name));
  for (const name of missing) issues.push(errorIssue('csv.missing_column', [source, header.line, name], `the header has no '${name}' column`));
  if (missing.length > 0) return { rows: [], issues };
  const rows: CsvRow[] = [];
  for (const record of body) {
    if (record.malformed) continue;
    // A line of nothing but spaces is a blank line, as an empty one is.
    if (record.fields.length === 1 && (record.fields[0] ?? '').trim() === '') continue;
    if (record.fields.length !== names.length) {
      issues.push(errorIssue('csv.field_count', [source, record.line], `has ${record.fields.length} fields, the header has ${names.length}`));
      continue;
    }
    rows.push({
      line: record.line,
      text: (column) => {
        const position = index.get(column);
        return position === undefined ? '' : (record.fields[position] ?? '').trim();
      },
      at: (column) => [source, record.line, column],
    });
  }
  return { rows, issues };
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
