import { errorIssue, warningIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { compactToIsoDate } from '../calendarDay.js';
import type { HcpcsPeriod, HcpcsTable } from '../procedures/hcpcsTable.js';
import { parseCsv } from '../../core/csv.js';
import { requireText } from '../usageChecks.js';

/**
 * Loads the CMS HCPCS Level II quarterly file in its "ANWEB" comma-separated layout (columns
 * `HCPC`, `RECID`, `SHORT DESCRIPTION`, `ADD DT`, `ACT EFF DT`, `TERM DT`, …). Record id 3 rows
 * are procedure codes and 7 rows modifiers (4 and 8 continue a long description and are skipped).
 * A code is in force from its add date (or, without one, its action effective date) through its
 * termination date; the action effective date of a terminated code is the day after it ends.
 *
 * @param text - the file as text
 * @returns the table; rows that cannot be read are warnings `table.row` with their line number
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * const hcpcs = loadHcpcsAnweb(readFileSync('HCPC2026_OCT_ANWEB.csv', 'utf8'));
 * if (hcpcs.ok) hcpcs.value.modifiers.get('GD')?.terminated; // '2019-12-31'
 * ```
 */
export function loadHcpcsAnweb(text: string): Checked<HcpcsTable> {
  requireText(text, 'loadHcpcsAnweb: text');
  const rows = parseCsv(text, 'table').records;
  const header = rows.findIndex((row) => row.fields[0]?.trim() === 'HCPC');
  if (header < 0) return fail([errorIssue('table.format', [], 'no HCPC header row: not a HCPCS ANWEB file')]);
  const names = (rows[header]?.fields ?? []).map((name) => name.trim());
  const column = (name: string): number => names.indexOf(name);
  const at = { code: column('HCPC'), recid: column('RECID'), short: column('SHORT DESCRIPTION'), add: column('ADD DT'), effective: column('ACT EFF DT'), term: column('TERM DT') };
  if (Object.values(at).some((index) => index < 0)) return fail([errorIssue('table.format', [], 'the HCPCS header lacks HCPC, RECID, SHORT DESCRIPTION, ADD DT, ACT EFF DT or TERM DT')]);
  const procedures = new Map<string, HcpcsPeriod>();
  const modifiers = new Map<string, HcpcsPeriod>();
  const warnings: Issue[] = [];
  for (const row of rows.slice(header + 1)) {
    const f = row.fields;
    const recid = f[at.recid]?.trim();
    if (recid !== '3' && recid !== '7') continue;
    const code = (f[at.code] ?? '').trim().toUpperCase();
    const effective = compactToIsoDate(f[at.add] ?? '') ?? compactToIsoDate(f[at.effective] ?? '');
    const termText = (f[at.term] ?? '').trim();
    const terminated = termText === '' ? undefined : compactToIsoDate(termText);
    if (code === '' || effective === undefined || (termText !== '' && terminated === undefined)) {
      warnings.push(warningIssue('table.row', [row.line], `line ${row.line} has no code or unreadable dates`));
      continue;
    }
    const description = (f[at.short] ?? '').trim();
    const period: HcpcsPeriod = terminated === undefined ? { effective, description } : { effective, terminated, description };
    (recid === '7' ? modifiers : procedures).set(code, period);
  }
  return ok({ procedures, modifiers }, warnings);
}
