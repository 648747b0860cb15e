import { errorIssue, type Issue } from './issue.js';
import { MedofficeUsageError } from './result.js';

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
 * flagged; the rest are read normally. Blank lines (nothing between two line breaks) are skipped; a
 * line holding only `""` is a record with one empty field, as RFC 4180 reads it.
 *
 * A quote that opens a field but is not closed on its line is taken as stray when reading on would
 * swallow later lines into a bad record: when it is never closed, when its closing quote is
 * followed by more text, or when the record it makes has a different number of fields from the
 * first record. The field then ends at the end of its line (`csv.unterminated_quote`), and the
 * following lines are read as records of their own.
 *
 * @param text - the file's contents
 * @param source - a name for the file, used as the first element of issue paths
 * @throws MedofficeUsageError when `text` is not a string (decode a Buffer first)
 * @example
 * ```ts
 * parseCsv('id,name\r\ng1,"Gloves, nitrile ""M"""\r\n', 'items.csv').records[1]?.fields;
 * // ['g1', 'Gloves, nitrile "M"']
 * ```
 */
export function parseCsv(text: string, source: string): CsvTable {
  const records: CsvRecord[] = [];
  const issues = readCsv(text, source, (record) => records.push(record));
  return { records, issues };
}

/**
 * Reads CSV text as {@link parseCsv} does, handing each record to `visit` as soon as it is read
 * instead of keeping them, so a large file is read in memory proportional to one record.
 *
 * @param text - the file's contents
 * @param source - a name for the file, used as the first element of issue paths
 * @param visit - called with each record, in file order
 * @returns the issues `parseCsv` would report
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * let rows = 0;
 * readCsv('a,b\n1,2\n3,4\n', 'f.csv', () => rows++); // rows === 3
 * ```
 */
export function readCsv(text: string, source: string, visit: (record: CsvRecord) => void): Issue[] {
  if (typeof text !== 'string') {
    throw new MedofficeUsageError(`CSV text must be a string, not ${text === null ? 'null' : typeof text}${ArrayBuffer.isView(text) ? ' (decode the bytes first)' : ''}`);
  }
  const reader: Reader = { text, source, issues: [], line: 1, width: -1 };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) i = readRecord(reader, i, visit);
  return reader.issues;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The reader's progress through one file. */
interface Reader {
  readonly text: string;
  readonly source: string;
  readonly issues: Issue[];
  /** The line the reader is on. */
  line: number;
  /** Fields in the first record, or -1 before it is read. */
  width: number;
}

/** The record being read. */
interface Draft {
  readonly line: number;
  readonly fields: string[];
  malformed: boolean;
  /** True once a field of the record was quoted: then even a single empty field is a record, not a blank line. */
  quoted: boolean;
  /** Where the record's first quoted field that spans lines opened, to read again if the record is bad. */
  spanning: Spanning | undefined;
}

interface Spanning {
  readonly quote: number;
  readonly fields: number;
  readonly issues: number;
  readonly line: number;
  readonly malformed: boolean;
}

/** Reads the record starting at `start`, hands it on, and returns where the next one starts. */
function readRecord(reader: Reader, start: number, visit: (record: CsvRecord) => void): number {
  const { text } = reader;
  const draft: Draft = { line: reader.line, fields: [], malformed: false, quoted: false, spanning: undefined };
  let i = start;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      draft.quoted = true;
      i = readQuotedField(reader, draft, i);
    } else {
      i = readPlainField(reader, draft, i);
    }
    if (text.charCodeAt(i) !== COMMA) break;
    i++;
  }
  const { spanning } = draft;
  if (spanning !== undefined && reader.width >= 0 && draft.fields.length !== reader.width) {
    draft.fields.length = spanning.fields;
    reader.issues.length = spanning.issues;
    reader.line = spanning.line;
    draft.malformed = spanning.malformed;
    i = endFieldAtLine(reader, draft, spanning.quote);
  }
  if (draft.malformed || draft.quoted || draft.fields.length > 1 || draft.fields[0] !== '') {
    visit({ line: draft.line, fields: draft.fields, malformed: draft.malformed });
    if (reader.width < 0) reader.width = draft.fields.length;
  }
  if (i >= text.length) return i;
  reader.line++;
  return text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
}

function report(reader: Reader, draft: Draft, code: string, message: string): void {
  draft.malformed = true;
  reader.issues.push(errorIssue(code, [reader.source, draft.line, draft.fields.length + 1], message));
}

/** Reads an unquoted field; returns the position of the delimiter after it. */
function readPlainField(reader: Reader, draft: Draft, start: number): number {
  const end = delimiterAfter(reader.text, start);
  const value = reader.text.slice(start, end);
  if (value.includes('"')) report(reader, draft, 'csv.stray_quote', 'a quote inside an unquoted field');
  draft.fields.push(value);
  return end;
}

/** Reads the quoted field opening at `quote`; returns the position of the delimiter after it. */
function readQuotedField(reader: Reader, draft: Draft, quote: number): number {
  const { text } = reader;
  const quoted = readQuoted(text, quote + 1);
  if (quoted === undefined) return endFieldAtLine(reader, draft, quote);
  const newlines = countLineBreaks(text, quote + 1, quoted.end);
  const next = text.charCodeAt(quoted.end);
  const clean = quoted.end >= text.length || next === COMMA || next === LF || next === CR;
  if (newlines > 0) {
    if (!clean) return endFieldAtLine(reader, draft, quote);
    draft.spanning ??= { quote, fields: draft.fields.length, issues: reader.issues.length, line: reader.line, malformed: draft.malformed };
    reader.line += newlines;
  }
  if (clean) {
    draft.fields.push(quoted.value);
    return quoted.end;
  }
  const end = delimiterAfter(text, quoted.end);
  report(reader, draft, 'csv.text_after_quote', 'text follows a closing quote');
  draft.fields.push(quoted.value + text.slice(quoted.end, end));
  return end;
}

/** Takes the quote at `quote` as stray: the field runs to the end of its line. */
function endFieldAtLine(reader: Reader, draft: Draft, quote: number): number {
  const { text } = reader;
  let end = quote + 1;
  while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
  report(reader, draft, 'csv.unterminated_quote', 'a quoted field is not closed on its line (read as ending there)');
  draft.fields.push(text.slice(quote + 1, end));
  return end;
}

/** The text of a quoted field starting after its opening quote and where it ends (after the closing quote), or undefined when it never closes. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let from = start;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return undefined;
    if (text.charCodeAt(quote + 1) !== QUOTE) return { value: value + text.slice(from, quote), end: quote + 1 };
    value += text.slice(from, quote + 1);
    from = quote + 2;
  }
}

/** Line breaks (CRLF, LF or a lone CR) from `start` to before `end`. */
function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

function delimiterAfter(text: string, start: number): number {
  let end = start;
  for (;;) {
    const c = text.charCodeAt(end);
    if (c === COMMA || c === LF || c === CR || end >= text.length) return end;
    end++;
  }
}
