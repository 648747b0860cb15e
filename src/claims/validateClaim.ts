import { errorIssue } from '../core/issue.js';
import type { Claim, ClaimLine } from './claim.js';
import { checkDates } from './checkDates.js';
import { checkClaimId } from './checkClaimId.js';
import { checkFrequency } from './checkFrequency.js';
import { applyPayerSeverity } from './payerSeverity.js';
import { checkOptions } from './checkOptions.js';
import { checkLines, MAX_DIAGNOSES } from './checkLines.js';
import { checkPointers, MAX_POINTERS } from './checkPointers.js';
import { payerRulesFor, type ValidateClaimOptions } from './claimOptions.js';
import type { ClaimIssue } from './claimIssue.js';
import { checkDiagnoses } from './icd10cm/checkDiagnoses.js';
import { checkNcci } from './ncci/checkNcci.js';
import { checkPlaceOfService } from './placeOfService.js';
import { checkProcedures } from './procedures/checkProcedures.js';
import { checkProviders } from './providers/checkProviders.js';
import { readClaim } from './readClaim.js';

/**
 * What `validateClaim` says about one claim: `valid` is false exactly when some issue is an error.
 *
 * @example
 * ```ts
 * const report: ClaimReport = { valid: true, issues: [] };
 * ```
 */
export interface ClaimReport {
  /** True when no issue is an error. */
  readonly valid: boolean;
  /** Every finding, errors and warnings, in the order the checks ran. */
  readonly issues: readonly ClaimIssue[];
}

/**
 * Validates one professional claim against its structure, the code sets in force on each date
 * of service, the NCCI tables loaded and the payer's rules. Never throws, whatever it is given:
 * unreadable or malformed input comes back as `claim.schema` issues with the path of the bad field.
 *
 * @param claim - anything, usually a parsed JSON claim (see `ClaimSchema`)
 * @param options - `asOf` date, loaded tables and payer rules; `undefined` or `null` for none
 * @returns the report: validity and every issue with its code, severity, path and message
 * @throws MedofficeUsageError (programming errors) when `options` is neither an object nor
 *   `undefined`/`null`, `options.asOf` is not a `YYYY-MM-DD` date, payer rules are not objects, a
 *   payer's filing limit is not a whole number from 1, or a severity is not `'error'`, `'warning'` or `'off'`
 * @example
 * ```ts
 * const report = validateClaim(JSON.parse(text), { asOf: '2026-11-02' });
 * for (const found of report.issues) console.log(found.code, formatPath(found.path));
 * ```
 */
export function validateClaim(claim: unknown, options?: ValidateClaimOptions | null): ClaimReport {
  checkOptions(options);
  return validateChecked(claim, options ?? {});
}

function validateChecked(claim: unknown, options: ValidateClaimOptions): ClaimReport {
  try {
    const read = readClaim(claim);
    if (!read.ok) return { valid: false, issues: read.issues };
    const rules = payerRulesFor(read.claim.payer.id, options);
    return applyPayerSeverity(checkClaimUnder(read.claim, options, rules), rules);
  } catch (error) {
    const message = `the claim could not be checked: ${error instanceof Error ? error.message : 'unexpected failure'}`;
    return { valid: false, issues: [errorIssue('claim.check_failed', [], message)] };
  }
}

/**
 * Runs every check on a claim that passed the schema and returns the raw issues (default
 * severities, before payer rules).
 *
 * @example
 * ```ts
 * const issues = checkClaim(parsedClaim, { asOf: '2026-11-02' });
 * ```
 */
export function checkClaim(claim: Claim, options: ValidateClaimOptions): ClaimIssue[] {
  return checkClaimUnder(claim, options, payerRulesFor(claim.payer.id, options));
}

/** {@link checkClaim} with the payer's rules already resolved, so that a validation resolves them once. */
function checkClaimUnder(claim: Claim, options: ValidateClaimOptions, rules: ReturnType<typeof payerRulesFor>): ClaimIssue[] {
  const issues: ClaimIssue[] = [];
  checkClaimId(claim, issues);
  checkLines(claim, issues);
  checkFrequency(claim, issues);
  checkProviders(claim, issues);
  checkPointers(claim, issues);
  checkDates(claim, options.asOf, rules, issues);
  checkPlaceOfService(claim, issues);
  checkProcedures(claim, options.tables, issues);
  checkNcci(claim, options.tables, issues);
  const diagnosisIssues = checkDiagnoses(diagnosisContext(claim, options));
  for (const found of diagnosisIssues) issues.push(found);
  return issues;
}

function diagnosisContext(claim: Claim, options: ValidateClaimOptions): Parameters<typeof checkDiagnoses>[0] {
  const lines = claim.lines as readonly ClaimLine[];
  const earliest = earliestServiceDate(lines);
  const tables = options.tables?.icd10;
  return {
    diagnoses: claim.diagnoses,
    serviceDates: serviceDatesByDiagnosis(Math.min(claim.diagnoses.length, MAX_DIAGNOSES), lines, earliest),
    fallbackDate: earliest,
    patient: patientOf(claim),
    ...(tables === undefined ? {} : { tables }),
  };
}

function earliestServiceDate(lines: readonly ClaimLine[]): string | undefined {
  let earliest: string | undefined;
  for (const line of lines) if (earliest === undefined || line.serviceDate < earliest) earliest = line.serviceDate;
  return earliest;
}

/**
 * Per diagnosis, the dates of the lines pointing at it with one of their first four pointers; when
 * every line has one date, one shared list serves all.
 */
function serviceDatesByDiagnosis(count: number, lines: readonly ClaimLine[], earliest: string | undefined): string[][] {
  if (earliest !== undefined && lines.every((line) => line.serviceDate === earliest)) {
    // An unpointed diagnosis falls back to the earliest date, which is this one date too.
    const shared = [earliest];
    return new Array<string[]>(count).fill(shared);
  }
  const dates: Set<string>[] = Array.from({ length: count }, () => new Set());
  for (const line of lines) {
    const pointers = line.diagnosisPointers;
    // Pointers past the fourth are refused (pointer.invalid) and not read, here as in checkPointers.
    for (let p = 0; p < Math.min(pointers.length, MAX_POINTERS); p++) dates[(pointers[p] as number) - 1]?.add(line.serviceDate);
  }
  return dates.map((found) => [...found]);
}

function patientOf(claim: Claim): { birthDate?: string; sex?: 'F' | 'M' | 'U' } {
  const { birthDate, sex } = claim.patient;
  if (birthDate !== undefined && sex !== undefined) return { birthDate, sex };
  if (birthDate !== undefined) return { birthDate };
  return sex !== undefined ? { sex } : {};
}
