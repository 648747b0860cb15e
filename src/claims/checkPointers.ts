import { errorIssue, warningIssue } from '../core/issue.js';
import type { Claim, ClaimLine } from './claim.js';
import { MAX_DIAGNOSES } from './checkLines.js';
import type { ClaimIssue } from './claimIssue.js';

/**
 * The most diagnosis pointers one line carries (CMS-1500 box 24E; 837P SV107).
 *
 * @example
 * ```ts
 * if (line.diagnosisPointers.length > MAX_POINTERS) console.log('pointer.invalid');
 * ```
 */
export const MAX_POINTERS = 4;

/**
 * Checks the lines' diagnosis pointers (1-based into `diagnoses`): each line has one to four,
 * none out of range (past the claim's diagnoses or its first {@link MAX_DIAGNOSES}) or repeated
 * (`pointer.invalid`; pointers past the fourth are reported once and not read); a diagnosis no line points at is
 * `pointer.unused` (a warning), among the first {@link MAX_DIAGNOSES} only (the rest are refused
 * at once as `claim.too_many_diagnoses`).
 *
 * @param claim - a claim that passed the schema
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkPointers({ ...claim, lines: [{ ...line, diagnosisPointers: [3] }] }, found); // out of range with 2 diagnoses
 * ```
 */
export function checkPointers(claim: Claim, issues: ClaimIssue[]): void {
  const count = claim.diagnoses.length;
  // Only the first MAX_DIAGNOSES diagnoses are on the claim at all; a pointer past them points at nothing.
  const reachable = Math.min(count, MAX_DIAGNOSES);
  const used: boolean[] = new Array<boolean>(reachable).fill(false);
  for (let i = 0; i < claim.lines.length; i++) {
    const pointers = (claim.lines[i] as ClaimLine).diagnosisPointers;
    const path = ['lines', i, 'diagnosisPointers'];
    if (pointers.length === 0) issues.push(errorIssue('pointer.invalid', path, 'a line points at one to four diagnoses'));
    for (let p = 0; p < Math.min(pointers.length, MAX_POINTERS); p++) {
      const pointer = pointers[p] as number;
      if (pointer < 1 || pointer > reachable) {
        const range = reachable === 0 ? 'there is no diagnosis to point at' : `a pointer is 1–${reachable}`;
        issues.push(errorIssue('pointer.invalid', [...path, p], `pointer ${pointer} points at no diagnosis of the claim: ${range}`));
      } else if (pointers.indexOf(pointer) < p) {
        issues.push(errorIssue('pointer.invalid', [...path, p], `pointer ${pointer} is repeated`));
      } else {
        used[pointer - 1] = true;
      }
    }
    if (pointers.length > MAX_POINTERS) {
      issues.push(errorIssue('pointer.invalid', [...path, MAX_POINTERS], `a line carries at most ${MAX_POINTERS} diagnosis pointers, not ${pointers.length}; the rest are not read`));
    }
  }
  for (let d = 0; d < reachable; d++) {
    if (used[d] !== true) issues.push(warningIssue('pointer.unused', ['diagnoses', d], `diagnosis ${d + 1} is not pointed at by any line`));
  }
}
