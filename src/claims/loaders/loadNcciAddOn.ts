import { errorIssue, warningIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { compactToIsoDate } from '../calendarDay.js';
import { addOnTable, type AddOnEdit, type AddOnEditType, type AddOnTable } from '../ncci/addOnTable.js';
import { parseCsv } from '../../core/csv.js';
import { requireText } from '../usageChecks.js';

/**
 * Loads the CMS NCCI add-on code edit file saved as CSV or tab-separated text. Columns, as CMS
 * publishes them: add-on code, primary code, add-on edit type (1, 2 or 3), primary code effective
 * date, primary code deletion date, edit effective date, edit deletion date (`*` or blank = none),
 * special instruction notes. Dates are `YYYYMMDD`. An edit is in force from its effective date
 * through the earlier of its own deletion date and its primary code's; the primary code's effective
 * date is not read.
 *
 * @param text - the file as text
 * @returns the table; rows that cannot be read (no edit type 1, 2 or 3, an edit effective date that
 *   is not a `YYYYMMDD` date, a deletion date that is neither that nor blank or `*`, a primary code
 *   that is not five characters) are warnings `table.row` with their line number
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * const addOn = loadNcciAddOn('11001,11000,1,20100101,*,20100101,*,');
 * ```
 */
export function loadNcciAddOn(text: string): Checked<AddOnTable> {
  requireText(text, 'loadNcciAddOn: text');
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
  const [addOn = '', primary = '', typeText = '', , primaryDeletionText = '', effectiveText = '', deletionText = ''] = fields;
  const effective = compactToIsoDate(effectiveText);
  const deletion = optionalDate(deletionText);
  const primaryDeletion = optionalDate(primaryDeletionText);
  if (!/^[123]$/.test(typeText) || effective === undefined || deletion === null || primaryDeletion === null) return undefined;
  const type = Number(typeText) as AddOnEditType;
  if (type !== 2 && !/^[0-9A-Z]{5}$/.test(primary)) return undefined;
  const base = { addOn, primary: type === 2 ? '' : primary, type, effective } as const;
  const last = primaryDeletion === undefined || (deletion !== undefined && deletion < primaryDeletion) ? deletion : primaryDeletion;
  return last === undefined ? base : { ...base, deletion: last };
}

/** A `YYYYMMDD` date that may be absent (blank or `*`): undefined when absent, null when unreadable. */
function optionalDate(text: string): string | undefined | null {
  if (text === '' || text === '*') return undefined;
  return compactToIsoDate(text) ?? null;
}
