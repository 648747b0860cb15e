import { lineModifiers } from '../procedures/lineModifiers.js';
import { errorIssue, warningIssue } from '../../core/issue.js';
import type { Claim, ClaimLine } from '../claim.js';
import { MAX_LINES } from '../checkLines.js';
import type { ClaimTables } from '../claimOptions.js';
import type { ClaimIssue } from '../claimIssue.js';
import { normalizeProcedure } from '../procedures/procedureFormat.js';
import type { AddOnTable } from './addOnTable.js';
import { NCCI_ANATOMIC_MODIFIERS, NCCI_ASSOCIATED_MODIFIERS } from './associatedModifiers.js';
import { checkMue } from './checkMue.js';
import { sharedStretch, spanOf, type ServiceSpan } from './serviceSpan.js';
import { ptpEditDuring, type PtpModifierIndicator, type PtpTable } from './ptpTable.js';
import { isVisit, misplacement } from '../procedures/modifierPlacement.js';

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
  const stretches = sharedStretches(lines.slice(0, paired));
  for (let i = 0; i < paired; i++) {
    for (let j = 0; j < paired; j++) {
      if (i === j) continue;
      const shared = stretches(i, j);
      if (shared === undefined) continue;
      const first = lines[i] as ClaimLine;
      const second = lines[j] as ClaimLine;
      const found = ptpEditDuring(table, codes[i] ?? '', codes[j] ?? '', shared.first, shared.last);
      if (found === undefined) continue;
      const { edit, date } = found;
      if (edit.modifierIndicator === 1 && bypassesPtp(first, second)) continue;
      issues.push({
        ...errorIssue('ncci.ptp', ['lines', j, 'procedure'], `${edit.column2} is not paid with ${edit.column1} (line ${i + 1}) on ${date}: ${edit.rationale}; ${bypassHint(edit.modifierIndicator, first, second)}`),
        source: `NCCI PTP ${edit.column1}/${edit.column2}, effective ${edit.effective}, modifier indicator ${edit.modifierIndicator}`,
      });
    }
  }
}

/** What would let a pair through: nothing for indicator 0; otherwise 25 or 57 on a visit, or a distinct-service modifier. */
function bypassHint(indicator: PtpModifierIndicator, first: ClaimLine, second: ClaimLine): string {
  if (indicator === 0) return 'no modifier allows it';
  const visit = [first, second].find((line) => isVisit(line.procedure.trim(), line.serviceDate));
  return visit === undefined
    ? 'add an NCCI-associated modifier such as 59 or XU if the services were distinct'
    : `add 25 to the visit ${visit.procedure.trim()} if it was significant and separately identifiable (57 if it decided on surgery)`;
}

/**
 * The days two lines are judged together on, or undefined when they share none: the stretch their
 * spans share when some line spans several days, otherwise their common date of service.
 */
function sharedStretches(lines: readonly ClaimLine[]): (i: number, j: number) => { readonly first: string; readonly last: string } | undefined {
  const spanned = lines.some((line) => line.serviceDateTo !== undefined && line.serviceDateTo > line.serviceDate);
  if (!spanned) {
    return (i, j) => {
      const date = (lines[i] as ClaimLine).serviceDate;
      return date === (lines[j] as ClaimLine).serviceDate ? { first: date, last: date } : undefined;
    };
  }
  const spans = lines.map(spanOf);
  return (i, j) => sharedStretch(spans[i] as ServiceSpan, spans[j] as ServiceSpan);
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

function checkAddOns(lines: readonly ClaimLine[], codes: readonly string[], table: AddOnTable, issues: ClaimIssue[]): void {
  const stretches = sharedStretches(lines);
  for (let i = 0; i < lines.length; i++) {
    const rows = table.edits.get(codes[i] ?? '');
    if (rows === undefined) continue;
    const date = (lines[i] as ClaimLine).serviceDate;
    const inForce = rows.filter((row) => row.effective <= date && (row.deletion === undefined || date <= row.deletion) && row.type !== 2);
    if (inForce.length === 0) continue;
    const primaries = new Set(inForce.map((row) => row.primary));
    // A primary on a day the add-on's line shares (another line, or the same code again on another line).
    const present = codes.some((code, j) => j !== i && primaries.has(code) && stretches(i, j) !== undefined);
    if (present) continue;
    const type = inForce.some((row) => row.type === 1) ? 1 : 3;
    const make = type === 1 ? errorIssue : warningIssue;
    issues.push({
      ...make('ncci.addon_without_primary', ['lines', i, 'procedure'], `add-on code ${codes[i] ?? ''} has no primary procedure on ${date} (such as ${[...primaries].slice(0, 5).join(', ')})`),
      source: `NCCI add-on code edits, type ${type}`,
    });
  }
}
