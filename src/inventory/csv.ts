import { errorIssue, type Issue } from '../core/issue.js';

/** One record of a CSV file, with the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** True when the record was malformed (its issues are in {@link CsvTable.issues}). */
  readonly malformed: boolean;
}

/** A parsed CSV file. */
export interface CsvTable {
  readonly records: readonly CsvRecord[];
  /** `csv.unterminated_quote`, `csv.stray_quote`, `csv.text_after_quote`, with path `[source, line, column]`. */
  readonly issues: readonly Issue[];
}

/**
 * Reads CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF or LF,
 * fields optionally in double quotes, where a doubled quote stands for one quote and commas and
 * line breaks are literal. Malformed records are reported with line and column (1-based) and
 * flagged; the rest are read normally. Blank lines are skipped.
 *
 * @param text - the file's contents
 * @param source - a name for the file, used as the first element of issue paths
 * @example
 * ```ts
 * parseCsv('id,name\r\ng1,"Gloves, nitrile ""M"""\r\n', 'items.csv').records[1]?.fields;
 * // ['g1', 'Gloves, nitrile "M"']
 * ```
 */
export function parseCsv(text: string, source: string): CsvTable {
  const records: CsvRecord[] = [];
  const issues: Issue[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let malformed = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const report = (code: string, message: string): void => {
    malformed = true;
    issues.push(errorIssue(code, [source, recordLine, fields.length + 1], message));
  };
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !malformed)) records.push({ line: recordLine, fields, malformed });
    fields = [];
    field = '';
    malformed = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      const quoted = readQuoted(text, i + 1);
      line += quoted.newlines;
      i = quoted.end;
      field = quoted.value;
      if (!quoted.closed) {
        report('csv.unterminated_quote', 'a quoted field is never closed');
        break;
      }
      const trailing = readUntilDelimiter(text, i);
      if (trailing.length > 0) {
        report('csv.text_after_quote', 'text follows a closing quote');
        field += trailing;
        i += trailing.length;
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (c === '"') report('csv.stray_quote', 'a quote inside an unquoted field');
      field += c;
    }
    i++;
  }
  if (field !== '' || fields.length > 0 || malformed) endRecord();
  return { records, issues };
}

function readQuoted(text: string, start: number): { value: string; end: number; closed: boolean; newlines: number } {
  let value = '';
  let newlines = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i + 1, closed: true, newlines };
    }
    if (c === '\n') newlines++;
    value += c;
    i++;
  }
  return { value, end: i, closed: false, newlines };
}

function readUntilDelimiter(text: string, start: number): string {
  let end = start;
  while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
  return text.slice(start, end);
}
