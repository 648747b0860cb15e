import { errorIssue } from '../../core/issue.js';
import type { Claim, ClaimLine } from '../claim.js';
import type { ClaimTables } from '../claimOptions.js';
import type { ClaimIssue } from '../claimIssue.js';
import { inForce } from './hcpcsTable.js';
import { checkModifiers } from './modifiers.js';
import { describeProcedureFormat, normalizeProcedure, procedureFormat } from './procedureFormat.js';

/**
 * Checks every line's procedure code (`procedure.format`, and `procedure.unknown` against the
 * tables the user loaded: HCPCS for Level II, a licensed CPT list for CPT) and its modifiers.
 *
 * @param claim - a claim that passed the schema
 * @param tables - loaded tables (none needed)
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkProcedures(claim, { cpt: new Set(['99213']) }, found);
 * ```
 */
export function checkProcedures(claim: Claim, tables: ClaimTables | undefined, issues: ClaimIssue[]): void {
  const lines = claim.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ClaimLine;
    checkProcedureCode(line, i, tables, issues);
    if (line.modifiers !== undefined && line.modifiers.length > 0) checkModifiers(line, i, tables?.hcpcs, issues);
  }
}

function checkProcedureCode(line: ClaimLine, index: number, tables: ClaimTables | undefined, issues: ClaimIssue[]): void {
  const path = ['lines', index, 'procedure'];
  const format = procedureFormat(line.procedure);
  if (format === undefined) {
    issues.push(errorIssue('procedure.format', path, `'${line.procedure}' is neither a CPT nor a HCPCS Level II code`));
    return;
  }
  if (tables === undefined) return;
  const code = normalizeProcedure(line.procedure);
  if (format === 'hcpcs-level-2') {
    // A file of modifier rows only (or an excerpt) lists no procedures: it cannot call a code unknown.
    if (tables.hcpcs === undefined || tables.hcpcs.procedures.size === 0) return;
    const period = tables.hcpcs.procedures.get(code);
    if (period === undefined || !inForce(period, line.serviceDate)) {
      issues.push({ ...errorIssue('procedure.unknown', path, `${code} is not a HCPCS Level II code in force on ${line.serviceDate}`), source: 'HCPCS Level II file' });
    }
  } else if (tables.cpt !== undefined && !tables.cpt.has(code)) {
    issues.push({ ...errorIssue('procedure.unknown', path, `${code} is not in the loaded ${describeProcedureFormat(format)} list`), source: 'licensed CPT list' });
  }
}
