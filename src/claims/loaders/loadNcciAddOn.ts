import { errorIssue, warningIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { compactToIsoDate } from '../calendarDay.js';
import { addOnTable, type AddOnEdit, type AddOnTable } from '../ncci/addOnTable.js';
import { parseCsv } from '../../core/csv.js';

/**
 * Loads the CMS NCCI add-on code edit file saved as CSV or tab-separated text. Columns, as CMS
 * publishes them: add-on code, primary code, add-on edit type (1, 2 or 3), primary code effective
 * date, primary code deletion date, edit effective date, edit deletion date (`*` or blank = none),
 * special instruction notes. Dates are `YYYYMMDD`.
 *
 * @param text - the file as text
 * @returns the table; rows that cannot be read are warnings `table.row` with their line number
 * @example
 * ```ts
 * const addOn = loadNcciAddOn('11001,11000,1,20100101,*,20100101,*,');
 * ```
 */
export function loadNcciAddOn(text: string): Checked<AddOnTable> {
  const tabbed = text.includes('\t');
  const rows = tabbed ? text.split(/\r?\n/).map((line, i) => ({ line: i + 1, fields: line.split('\t') })) : parseCsv(text, 'table').records;
  const edits: AddOnEdit[] = [];
  const warnings: Issue[] = [];
  for (const row of rows) {
    const first = (row.fields[0] ?? '').trim().toUpperCase();
    if (!/^[0-9A-Z]{5}$/.test(first)) continue;
    const edit = addOnEdit(row.fields.map((f) => f.trim().toUpperCase()));
    if (edit === undefined) warnings.push(warningIssue('table.row', [row.line], `line ${row.line} is not an add-on edit row`));
    else edits.push(edit);
  }
  if (edits.length === 0) return fail([errorIssue('table.format', [], 'no add-on edit rows found')]);
  return ok(addOnTable(edits), warnings);
}

function addOnEdit(fields: readonly string[]): AddOnEdit | undefined {
  const [addOn = '', primary = '', typeText = '', , , effectiveText = '', deletionText = ''] = fields;
  const type = Number(typeText);
  const effective = compactToIsoDate(effectiveText) ?? '0000-01-01';
  const none = deletionText === '' || deletionText === '*';
  const deletion = none ? undefined : compactToIsoDate(deletionText);
  if ((type !== 1 && type !== 2 && type !== 3) || (!none && deletion === undefined)) return undefined;
  if (type !== 2 && !/^[0-9A-Z]{5}$/.test(primary)) return undefined;
  const base = { addOn, primary: type === 2 ? '' : primary, type, effective } as const;
  return deletion === undefined ? base : { ...base, deletion };
}
