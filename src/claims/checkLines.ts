import { errorIssue } from '../core/issue.js';
import type { Claim, ClaimLine } from './claim.js';
import type { ClaimIssue } from './claimIssue.js';
import { lineModifiers } from './procedures/lineModifiers.js';
import { isAnesthesia } from './procedures/anesthesia.js';
import { unitBasisOf } from './procedures/unitBasis.js';

/**
 * The most diagnoses a professional claim carries (CMS-1500 box 21 A–L; 837P HI).
 *
 * @example
 * ```ts
 * claim.diagnoses.length > MAX_DIAGNOSES; // claim.too_many_diagnoses
 * ```
 */
export const MAX_DIAGNOSES = 12;
/**
 * The most service lines of one professional claim (837P loop 2400 repeats 50 times).
 *
 * @example
 * ```ts
 * claim.lines.length > MAX_LINES; // claim.too_many_lines
 * ```
 */
export const MAX_LINES = 50;
/**
 * The most units one line may carry (837P SV104 holds at most five digits before the decimal point).
 *
 * @example
 * ```ts
 * line.units > MAX_UNITS; // line.units
 * ```
 */
export const MAX_UNITS = 99_999;

/**
 * Checks the claim's size and arithmetic: `claim.too_many_diagnoses`, `claim.too_many_lines`,
 * `line.units`, `line.unit_basis`, `line.charge`, `claim.total_mismatch` and `line.duplicate` (among the first
 * {@link MAX_LINES} lines; a line without a place of service is at the claim's).
 *
 * @param claim - a claim that passed the schema
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkLines({ ...claim, totalChargeCents: 1 }, found); // claim.total_mismatch
 * ```
 */
export function checkLines(claim: Claim, issues: ClaimIssue[]): void {
  if (claim.diagnoses.length > MAX_DIAGNOSES) {
    issues.push(errorIssue('claim.too_many_diagnoses', ['diagnoses', MAX_DIAGNOSES], `${claim.diagnoses.length} diagnoses; a claim carries at most ${MAX_DIAGNOSES}, and only those are checked`));
  }
  if (claim.lines.length > MAX_LINES) {
    issues.push(errorIssue('claim.too_many_lines', ['lines', MAX_LINES], `${claim.lines.length} lines; a claim carries at most ${MAX_LINES}`));
  }
  let total = 0;
  let chargesValid = true;
  for (let i = 0; i < claim.lines.length; i++) {
    const line = claim.lines[i] as ClaimLine;
    checkUnits(line.units, i, issues);
    const basis = unitBasisOf(line);
    if (basis !== 'UN' && basis !== 'MJ') {
      issues.push(errorIssue('line.unit_basis', ['lines', i, 'unitBasis'], `unit basis '${line.unitBasis ?? ''}' is neither UN (units of service) nor MJ (minutes)`));
    } else if (basis === 'MJ' && !isAnesthesia(line.procedure)) {
      issues.push(errorIssue('line.unit_basis', ['lines', i, 'unitBasis'], `minutes (MJ) are for anesthesia codes 00100–01999, not ${line.procedure}`));
    }
    if (!Number.isSafeInteger(line.chargeCents) || line.chargeCents < 0) {
      issues.push(errorIssue('line.charge', ['lines', i, 'chargeCents'], `${line.chargeCents} is not a whole, non-negative number of cents`));
      chargesValid = false;
    } else {
      total += line.chargeCents;
    }
  }
  if (chargesValid && total !== claim.totalChargeCents) {
    issues.push(errorIssue('claim.total_mismatch', ['totalChargeCents'], `total ${claim.totalChargeCents} cents differs from the sum of the lines, ${total} cents`));
  }
  checkDuplicates(claim, issues);
}

/**
 * Units are written to SV104 with at most three decimals, so they must be at least 0.001 and a whole
 * number of thousandths to within one part in 10^12: a thousand times the floating-point error of a
 * number written with three decimals, and far below a fourth decimal at any size up to MAX_UNITS.
 */
const UNITS_TOLERANCE = 1e-12;

function checkUnits(units: number, index: number, issues: ClaimIssue[]): void {
  const scaled = units * 1000;
  const thousandths = Math.round(scaled);
  if (!(thousandths >= 1) || units > MAX_UNITS || Math.abs(scaled - thousandths) > thousandths * UNITS_TOLERANCE) {
    issues.push(errorIssue('line.units', ['lines', index, 'units'], `${units} units: must be at least 0.001, at most ${MAX_UNITS}, with at most three decimals`));
  }
}

// Pairs are compared among the first MAX_LINES lines only: a longer claim is already refused, and
// comparing every pair of thousands of lines would hold up the rest of a batch.
function checkDuplicates(claim: Claim, issues: ClaimIssue[]): void {
  const lines = claim.lines;
  const placeOf = (line: ClaimLine): string | undefined => line.placeOfService ?? claim.placeOfService;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    for (let j = 0; j < i; j++) {
      if (!sameService(lines[i] as ClaimLine, lines[j] as ClaimLine, placeOf)) continue;
      issues.push(errorIssue('line.duplicate', ['lines', i], duplicateAdvice(lines[i] as ClaimLine, i, j)));
      break;
    }
  }
}

/** Repeat modifiers: the same procedure again by the same physician (76), another (77), or a repeated lab test (91). */
const REPEAT_MODIFIERS: readonly string[] = ['76', '77', '91'];

function duplicateAdvice(line: ClaimLine, index: number, earlier: number): string {
  const repeat = lineModifiers(line).find((modifier) => REPEAT_MODIFIERS.includes(modifier));
  return repeat === undefined
    ? `line ${index + 1} repeats line ${earlier + 1}: bill the units on one line or add a repeat modifier (76, 77, 91)`
    : `line ${index + 1} repeats line ${earlier + 1}, ${repeat} and all: combine their units on one ${repeat} line`;
}

function sameService(a: ClaimLine, b: ClaimLine, placeOf: (line: ClaimLine) => string | undefined): boolean {
  if (a.serviceDate !== b.serviceDate || (a.serviceDateTo ?? a.serviceDate) !== (b.serviceDateTo ?? b.serviceDate)) return false;
  // A line without a place of service is at the claim's.
  if (placeOf(a) !== placeOf(b)) return false;
  if (a.procedure !== b.procedure && (isWrittenPlainly(a.procedure) && isWrittenPlainly(b.procedure) || a.procedure.trim().toUpperCase() !== b.procedure.trim().toUpperCase())) return false;
  return sameModifiers(lineModifiers(a), lineModifiers(b));
}

/** True when a code has no lower-case letter or space, so it differs from another such code only if its text does. */
function isWrittenPlainly(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c <= 32 || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

function sameModifiers(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  a.sort();
  b.sort();
  return a.every((m, i) => m === b[i]);
}
