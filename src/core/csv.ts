import { errorIssue, type Issue } from './issue.js';

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
  const state = newCsvState(source);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && state.field === '') {
      i = takeQuotedField(state, text, i);
      continue;
    }
    if (c === ',') {
      state.fields.push(state.field);
      state.field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord(state);
      state.line++;
      state.recordLine = state.line;
    } else {
      if (c === '"') reportMalformed(state, 'csv.stray_quote', 'a quote inside an unquoted field');
      state.field += c;
    }
    i++;
  }
  if (state.field !== '' || state.fields.length > 0 || state.malformed) endRecord(state);
  return { records: state.records, issues: state.issues };
}

/** The reader's progress through one file: records so far and the record being read. */
interface CsvState {
  readonly source: string;
  readonly records: CsvRecord[];
  readonly issues: Issue[];
  fields: string[];
  field: string;
  line: number;
  recordLine: number;
  malformed: boolean;
}

function newCsvState(source: string): CsvState {
  return { source, records: [], issues: [], fields: [], field: '', line: 1, recordLine: 1, malformed: false };
}

function reportMalformed(state: CsvState, code: string, message: string): void {
  state.malformed = true;
  state.issues.push(errorIssue(code, [state.source, state.recordLine, state.fields.length + 1], message));
}

function endRecord(state: CsvState): void {
  state.fields.push(state.field);
  if (!(state.fields.length === 1 && state.fields[0] === '' && !state.malformed)) {
    state.records.push({ line: state.recordLine, fields: state.fields, malformed: state.malformed });
  }
  state.fields = [];
  state.field = '';
  state.malformed = false;
}

/** Reads the quoted field opening at `quote`; returns where reading goes on. */
function takeQuotedField(state: CsvState, text: string, quote: number): number {
  const quoted = readQuoted(text, quote + 1);
  state.line += quoted.newlines;
  state.field = quoted.value;
  if (!quoted.closed) {
    // Never closed: take the quote as stray, end this field (and record) at the end of its line, and
    // read on from the next line, so one bad quote does not swallow every later row.
    state.line -= quoted.newlines;
    const lineEnd = readUntilLineEnd(text, quote + 1);
    state.field = text.slice(quote + 1, lineEnd);
    reportMalformed(state, 'csv.unterminated_quote', 'a quoted field is never closed');
    return lineEnd;
  }
  const trailing = readUntilDelimiter(text, quoted.end);
  if (trailing.length === 0) return quoted.end;
  reportMalformed(state, 'csv.text_after_quote', 'text follows a closing quote');
  state.field += trailing;
  return quoted.end + trailing.length;
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
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) newlines++;
    value += c;
    i++;
  }
  return { value, end: i, closed: false, newlines };
}

function readUntilLineEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function readUntilDelimiter(text: string, start: number): string {
  let end = start;
  while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
  return text.slice(start, end);
}
