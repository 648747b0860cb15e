import { errorIssue, warningIssue, type IssuePath } from '../core/issue.js';
import type { Claim } from './claim.js';
import type { ClaimIssue } from './claimIssue.js';

const FREQUENCY: IssuePath = ['frequency'];
const ORIGINAL: IssuePath = ['originalClaimId'];

/**
 * Checks the claim frequency (CLM05-3) against the reference to the prior claim (REF*F8). An absent
 * frequency means an original claim (`1`). Reports `claim.frequency` (error) for a code other than
 * `1`, `7` or `8`, the only ones the 837P professional guide allows; `claim.original_reference` as
 * an error when a replacement (`7`) or void (`8`) has no `originalClaimId`, or a blank one, since
 * the guide requires REF*F8 for them, and as a warning when an original claim carries one, which
 * payers then ignore.
 *
 * @param claim - a claim that passed the schema
 * @param issues - where findings are added
 * @example
 * ```ts
 * const found: ClaimIssue[] = [];
 * checkFrequency({ ...claim, frequency: '7' }, found); // claim.original_reference at ['originalClaimId']
 * ```
 */
export function checkFrequency(claim: Claim, issues: ClaimIssue[]): void {
  const frequency: string | undefined = claim.frequency;
  const original: string | undefined = claim.originalClaimId;
  if (frequency === undefined || frequency === '1') {
    if (original !== undefined && !isBlank(original)) {
      issues.push(warningIssue('claim.original_reference', ORIGINAL, `originalClaimId ${original} is given on an original claim (frequency 1), where payers ignore it; a replacement is frequency 7, a void 8`));
    }
    return;
  }
  if (frequency !== '7' && frequency !== '8') {
    issues.push(errorIssue('claim.frequency', FREQUENCY, `claim frequency '${frequency}' is not 1 (original), 7 (replacement) or 8 (void), the codes of the 837P professional claim`));
    return;
  }
  if (original === undefined || isBlank(original)) {
    const kind = frequency === '7' ? 'a replacement (frequency 7)' : 'a void (frequency 8)';
    issues.push(errorIssue('claim.original_reference', ORIGINAL, `${kind} must name the payer claim control number of the claim it ${frequency === '7' ? 'replaces' : 'voids'} in originalClaimId (REF*F8)`));
  }
}

/** True for an empty text or one of whitespace only. */
function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
