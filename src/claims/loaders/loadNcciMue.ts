import { errorIssue, warningIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import type { MueEdit, MueTable } from '../ncci/mueTable.js';
import { parseCsv } from '../../core/csv.js';
import { MedofficeUsageError } from '../../core/result.js';
import { isCalendarDate } from '../calendarDay.js';
import { kindOf, requireText } from '../usageChecks.js';

/**
 * Loads a CMS MUE table (practitioner, outpatient hospital or DME) in its CSV layout: the AMA
 * notice, a header row starting `HCPCS/CPT Code`, then rows of code, MUE value, adjudication
 * indicator (`1 Line Edit`, `2 Date of Service Edit: Policy`, `3 Date of Service Edit: Clinical`)
 * and rationale. CMS publishes one table per quarter, so the dates it covers come as an argument.
 *
 * @param text - the file as text
 * @param period - the first (and, if superseded, last) date of service it applies to
 * @returns the table; rows that cannot be read are warnings `table.row` with their line number
 * @throws MedofficeUsageError when `text` is not a string, or `period` is not `{ from, to? }` with
 *   `YYYY-MM-DD` dates, `to` not before `from`
 * @example
 * ```ts
 * const mue = loadNcciMue(readFileSync('MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', 'utf8'), { from: '2026-07-01' });
 * ```
 */
export function loadNcciMue(text: string, period: { readonly from: string; readonly to?: string }): Checked<MueTable> {
  requireText(text, 'loadNcciMue: text');
  checkPeriod(period);
  const rows = parseCsv(text, 'table').records;
  const header = rows.findIndex((row) => /^HCPCS/i.test(row.fields[0]?.trim() ?? ''));
  if (header < 0) return fail([errorIssue('table.format', [], 'no "HCPCS/CPT Code" header row: not an MUE table')]);
  const edits = new Map<string, MueEdit>();
  const warnings: Issue[] = [];
  for (const row of rows.slice(header + 1)) {
    const [codeText = '', valueText = '', indicatorText = '', rationale = ''] = row.fields.map((f) => f.trim());
    if (codeText === '') continue;
    const code = codeText.toUpperCase();
    // A blank value would read as 0 (refusing every unit): only whole numbers written as digits count.
    const value = /^\d{1,9}$/.test(valueText) ? Number(valueText) : Number.NaN;
    const indicator = Number(indicatorText.charAt(0));
    if (!/^[0-9A-Z]{5}$/.test(code) || !Number.isInteger(value) || value < 0 || (indicator !== 1 && indicator !== 2 && indicator !== 3)) {
      warnings.push(warningIssue('table.row', [row.line], `line ${row.line} is not an MUE row`));
      continue;
    }
    edits.set(code, { code, value, indicator, rationale });
  }
  const covered = period.to === undefined ? { from: period.from, edits } : { from: period.from, to: period.to, edits };
  return ok({ periods: [covered] }, warnings);
}

function checkPeriod(period: unknown): asserts period is { readonly from: string; readonly to?: string } {
  let from: unknown;
  let to: unknown;
  try {
    ({ from, to } = typeof period === 'object' && period !== null ? (period as { from?: unknown; to?: unknown }) : {});
  } catch {
    from = undefined;
  }
  if (!isCalendarDate(from) || (to !== undefined && (!isCalendarDate(to) || to < from))) {
    throw new MedofficeUsageError(`loadNcciMue: period must be { from, to? } with YYYY-MM-DD dates, to not before from; from is ${kindOf(from)}, to ${kindOf(to)}`);
  }
}
