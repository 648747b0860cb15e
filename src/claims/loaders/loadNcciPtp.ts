import { errorIssue, warningIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { compactToIsoDate } from '../calendarDay.js';
import { ptpTable, type PtpEdit, type PtpTable } from '../ncci/ptpTable.js';
import { requireText } from '../usageChecks.js';

/**
 * Loads a CMS NCCI procedure-to-procedure file (practitioner or hospital) in its tab-separated
 * text layout: a few header lines, then rows of Column 1, Column 2, `*` (in existence before
 * 1996), effective date, deletion date (`*` = none), modifier indicator (0, 1 or 9) and rationale.
 *
 * @param text - the file as text
 * @returns the table; rows that cannot be read are warnings `table.row` with their line number
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * const ptp = loadNcciPtp(readFileSync('ccipra-v322r0-f1.txt', 'utf8'));
 * ```
 */
export function loadNcciPtp(text: string): Checked<PtpTable> {
  requireText(text, 'loadNcciPtp: text');
  const edits: PtpEdit[] = [];
  const warnings: Issue[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const fields = (lines[i] ?? '').split('\t');
    if (!/^[0-9A-Z]{5}$/.test((fields[0] ?? '').trim())) continue;
    const edit = ptpEdit(fields);
    if (edit === undefined) warnings.push(warningIssue('table.row', [i + 1], `line ${i + 1} is not a PTP edit row`));
    else edits.push(edit);
  }
  if (edits.length === 0) return fail([errorIssue('table.format', [], 'no PTP edit rows found')]);
  return ok(ptpTable(edits), warnings);
}

function ptpEdit(fields: readonly string[]): PtpEdit | undefined {
  const [column1 = '', column2 = '', , effectiveText = '', deletionText = '', indicatorText = '', rationale = ''] = fields.map((f) => f.trim());
  const effective = compactToIsoDate(effectiveText);
  const deletion = deletionText === '*' || deletionText === '' ? undefined : compactToIsoDate(deletionText);
  // Only the published digits: a blank or odd indicator is an unreadable row, never a hard edit.
  const indicator = /^[019]$/.test(indicatorText) ? Number(indicatorText) : Number.NaN;
  if (!/^[0-9A-Z]{5}$/.test(column2) || effective === undefined || (deletion === undefined && deletionText !== '*' && deletionText !== '')) return undefined;
  if (indicator !== 0 && indicator !== 1 && indicator !== 9) return undefined;
  const base = { column1, column2, effective, modifierIndicator: indicator, rationale } as const;
  return deletion === undefined ? base : { ...base, deletion };
}
