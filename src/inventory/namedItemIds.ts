import { parseCsv } from '../core/csv.js';
import { columnName } from './csvRows.js';

/**
 * Every item id an items CSV names, the ids of rows that will be rejected included, so that a
 * usage reader given them does not report the usage rows of a rejected item as usage of an unknown
 * item: one bad cell gives one error. The rows `csvRows` leaves out count too: those the CSV reader
 * found malformed (a stray quote in `Gauze 4"x4"`) and those of the wrong width (an unquoted comma
 * in a name). The id cell of such a record is taken as it reads when nothing before it can have
 * moved or spoiled it: the record's first fault is after the id column, and the record has the
 * header's width or the id is the first column. Otherwise the id cannot be told, so every word of
 * the record counts (its fields split at quotes and commas, and with their quotes dropped): its
 * usage rows are then left out with the item instead of reported again. A file without a header
 * or an `id` column names no id (it is reported as unreadable anyway).
 *
 * @param text - the items file's contents
 * @param source - the file's name, as for `readItemsCsv`
 * @returns the ids, trimmed, blank ones left out
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * const { items } = readItemsCsv(text, 'items.csv'); // the row of gauze, 'Gauze 4"x4"', is rejected
 * readUsageCsv(usageText, namedItemIds(text, 'items.csv'), '2026-11-02'); // no unknown_item for gauze's usage
 * ```
 */
export function namedItemIds(text: string, source: string): Set<string> {
  const table = parseCsv(text, source);
  const [header, ...records] = table.records;
  const ids = new Set<string>();
  const idColumn = header === undefined ? -1 : header.fields.findIndex((cell) => columnName(cell) === 'id');
  if (header === undefined || idColumn < 0) return ids;
  // The first faulty field of each malformed record, 1-based, as the parse issues name it.
  const firstFault = new Map<number, number>();
  for (const issue of table.issues) {
    const [, line, column] = issue.path;
    if (typeof line === 'number' && typeof column === 'number') firstFault.set(line, Math.min(firstFault.get(line) ?? column, column));
  }
  for (const record of records) {
    const id = (record.fields[idColumn] ?? '').trim();
    if (id !== '') ids.add(id);
    const shifted = record.fields.length !== header.fields.length && idColumn > 0;
    const spoiled = record.malformed && (firstFault.get(record.line) ?? 0) <= idColumn + 1;
    if (!shifted && !spoiled) continue;
    for (const word of record.fields.flatMap(wordsOf)) if (word !== '') ids.add(word);
  }
  return ids;
}

/** The words of a field a stray quote or comma spoiled: split at quotes and commas, and with its quotes dropped (`gau"ze` → gau, ze, gauze). */
function wordsOf(field: string): string[] {
  return [...field.split(/[",]/), ...field.replaceAll('"', '').split(',')].map((word) => word.trim());
}
