import { lineModifiers } from '../procedures/lineModifiers.js';
import { errorIssue, warningIssue } from '../../core/issue.js';
import type { Claim, ClaimLine } from '../claim.js';
import { MAX_LINES } from '../checkLines.js';
import type { ClaimTables } from '../claimOptions.js';
import type { ClaimIssue } from '../claimIssue.js';
import { normalizeProcedure } from '../procedures/procedureFormat.js';
import type { AddOnTable } from './addOnTable.js';
import { NCCI_ANATOMIC_MODIFIERS, NCCI_ASSOCIATED_MODIFIERS } from './associatedModifiers.js';
import { mueEditOn, type MueTable } from './mueTable.js';
import { ptpEditOn, type PtpTable } from './ptpTable.js';
import { isAnesthesia } from '../procedures/anesthesia.js';
import { misplacement } from '../procedures/modifierPlacement.js';

/**
 * Runs the NCCI edits the user loaded: procedure-to-procedure pairs on the same date
 * (`ncci.ptp`), medically unlikely units (`ncci.mue`) and add-on codes without their primary
 * (`ncci.addon_without_primary`). Does nothing for tables not loaded.
 *
 * @param claim - a claim that passed the schema
 * @param tables - loaded tables
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkNcci(claim, { ptp, mue }, found);
 * ```
 */
export function checkNcci(claim: Claim, tables: ClaimTables | undefined, issues: ClaimIssue[]): void {
  if (tables === undefined) return;
  const codes = claim.lines.map((line) => normalizeProcedure(line.procedure));
  if (tables.ptp !== undefined) checkPtp(claim.lines, codes, tables.ptp, issues);
  if (tables.mue !== undefined) checkMue(claim.lines, codes, tables.mue, issues);
  if (tables.addOn !== undefined) checkAddOns(claim.lines, codes, tables.addOn, issues);
}

function checkPtp(lines: readonly ClaimLine[], codes: readonly string[], table: PtpTable, issues: ClaimIssue[]): void {
  // Pairs among the first MAX_LINES lines only: a longer claim is already refused (claim.too_many_lines).
  const paired = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < paired; i++) {
    for (let j = 0; j < paired; j++) {
      const first = lines[i] as ClaimLine;
      const second = lines[j] as ClaimLine;
      if (i === j || first.serviceDate !== second.serviceDate) continue;
      const edit = ptpEditOn(table, codes[i] ?? '', codes[j] ?? '', first.serviceDate);
      if (edit === undefined || edit.modifierIndicator === 9) continue;
      if (edit.modifierIndicator === 1 && bypassesPtp(first, second)) continue;
      const bypass = edit.modifierIndicator === 0 ? 'no modifier allows it' : 'add an NCCI-associated modifier such as 59 or XU if the services were distinct';
      issues.push({
        ...errorIssue('ncci.ptp', ['lines', j, 'procedure'], `${edit.column2} is not paid with ${edit.column1} (line ${i + 1}) on ${first.serviceDate}: ${edit.rationale}; ${bypass}`),
        source: `NCCI PTP ${edit.column1}/${edit.column2}, effective ${edit.effective}, modifier indicator ${edit.modifierIndicator}`,
      });
    }
  }
}

/**
 * Whether the lines' modifiers bypass an edit with modifier indicator 1: a non-anatomic
 * NCCI-associated modifier (59, XU, 25, …) on either line, or anatomic modifiers naming
 * different sites (RT with LT, or a site on only one of the lines; RT with RT is the same site).
 * A modifier on the wrong kind of service bypasses nothing: 25 on the procedure rather than the
 * visit, or 59 on an evaluation and management code ({@link misplacement}).
 */
function bypassesPtp(first: ClaimLine, second: ClaimLine): boolean {
  const sitesOf = (line: ClaimLine): string[] => {
    const sites: string[] = [];
    const procedure = line.procedure.trim();
    for (const modifier of lineModifiers(line)) {
      if (!NCCI_ASSOCIATED_MODIFIERS.has(modifier) || misplacement(modifier, procedure, line.serviceDate) !== undefined) continue;
      if (!NCCI_ANATOMIC_MODIFIERS.has(modifier)) return ['*'];
      sites.push(modifier);
    }
    return sites.sort();
  };
  const a = sitesOf(first);
  const b = sitesOf(second);
  if (a[0] === '*' || b[0] === '*') return true;
  return (a.length > 0 || b.length > 0) && a.join() !== b.join();
}

// Units are summed in thousandths (a line carries at most three decimals), so 0.1 + 2.7 + 0.2 is 3 exactly.
const THOUSANDTHS = 1000;

/**
 * The units of service a line counts for MUE, in thousandths. A line whose units are minutes
 * (`unitBasis` MJ, anesthesia time) is one service: its minutes measure time, not services.
 */
function mueThousandths(line: ClaimLine): number {
  return line.unitBasis === 'MJ' && isAnesthesia(line.procedure) ? THOUSANDTHS : Math.round(line.units * THOUSANDTHS);
}

function unitsText(thousandths: number): string {
  return String(thousandths / THOUSANDTHS);
}

function checkMue(lines: readonly ClaimLine[], codes: readonly string[], table: MueTable, issues: ClaimIssue[]): void {
  const perDate = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ClaimLine;
    const code = codes[i] ?? '';
    const edit = mueEditOn(table, code, line.serviceDate);
    if (edit === undefined) continue;
    const source = `NCCI MUE ${code}: ${edit.value}, adjudication indicator ${edit.indicator}`;
    const limit = edit.value * THOUSANDTHS;
    const units = mueThousandths(line);
    if (edit.indicator === 1) {
      if (units > limit) {
        issues.push({ ...errorIssue('ncci.mue', ['lines', i, 'units'], `${unitsText(units)} units of ${code} exceed the MUE of ${edit.value} per line`), source });
      }
      continue;
    }
    const key = `${code}|${line.serviceDate}`;
    const previous = perDate.get(key) ?? 0;
    const total = previous + units;
    perDate.set(key, total);
    if (total > limit && previous <= limit) {
      issues.push({ ...errorIssue('ncci.mue', ['lines', i, 'units'], `${unitsText(total)} units of ${code} on ${line.serviceDate} exceed the MUE of ${edit.value} per date of service`), source });
    }
  }
}

function checkAddOns(lines: readonly ClaimLine[], codes: readonly string[], table: AddOnTable, issues: ClaimIssue[]): void {
  // How many lines carry each code on each date: a lookup per primary instead of a scan of every line.
  const onDate = new Map<string, number>();
  for (let j = 0; j < lines.length; j++) {
    const key = `${codes[j] ?? ''}|${(lines[j] as ClaimLine).serviceDate}`;
    onDate.set(key, (onDate.get(key) ?? 0) + 1);
  }
  for (let i = 0; i < lines.length; i++) {
    const rows = table.edits.get(codes[i] ?? '');
    if (rows === undefined) continue;
    const date = (lines[i] as ClaimLine).serviceDate;
    const inForce = rows.filter((row) => row.effective <= date && (row.deletion === undefined || date <= row.deletion) && row.type !== 2);
    if (inForce.length === 0) continue;
    const present = inForce.some((row) => (onDate.get(`${row.primary}|${date}`) ?? 0) > (row.primary === codes[i] ? 1 : 0));
    if (present) continue;
    const type = inForce.some((row) => row.type === 1) ? 1 : 3;
    const make = type === 1 ? errorIssue : warningIssue;
    const primaries = [...new Set(inForce.map((row) => row.primary))].slice(0, 5).join(', ');
    issues.push({
      ...make('ncci.addon_without_primary', ['lines', i, 'procedure'], `add-on code ${codes[i] ?? ''} has no primary procedure on ${date} (such as ${primaries})`),
      source: `NCCI add-on code edits, type ${type}`,
    });
  }
}
