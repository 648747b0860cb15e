import { errorIssue, warningIssue, type IssuePath } from '../core/issue.js';
import type { Claim } from './claim.js';
import type { ClaimIssue } from './claimIssue.js';

const ID: IssuePath = ['id'];

/**
 * The most characters X12 data element 1028 (CLM01, the claim submitter's identifier) holds.
 *
 * @example
 * ```ts
 * 'A'.repeat(MAX_CLAIM_ID_LENGTH + 1); // a claim.id error
 * ```
 */
export const MAX_CLAIM_ID_LENGTH = 38;

/**
 * The most characters of CLM01 a receiver of the 837P must keep and return: the guide's note says
 * characters beyond 20 need not be stored nor returned, so a longer id may come back cut short on
 * the remittance (835 CLP01) and no longer match the claim.
 *
 * @example
 * ```ts
 * 'A'.repeat(RETURNED_CLAIM_ID_LENGTH + 1); // a claim.id warning
 * ```
 */
export const RETURNED_CLAIM_ID_LENGTH = 20;

/**
 * Checks the claim id, the patient control number of 837P CLM01 (CMS-1500 box 26) that payers
 * return on the remittance to match payment to the claim. Reports `claim.id` as an error for an id
 * of white space only (an X12 value needs a character other than a space) or longer than 38
 * characters (the element's maximum), and as a warning for one longer than 20, the most a receiver
 * must keep and return.
 *
 * @param claim - a claim that passed the schema
 * @param issues - where findings are added
 * @example
 * ```ts
 * const found: ClaimIssue[] = [];
 * checkClaimId({ ...claim, id: 'RIVERSIDE-2026-11-02-000123' as ClaimId }, found); // claim.id warning at ['id']
 * ```
 */
export function checkClaimId(claim: Claim, issues: ClaimIssue[]): void {
  const id: string = claim.id;
  // UTF-16 length bounds the character count from above, so short ids are not split into characters.
  const length = id.length <= RETURNED_CLAIM_ID_LENGTH ? id.length : [...id].length;
  if (id.trim().length === 0) {
    issues.push(errorIssue('claim.id', ID, 'the claim id (patient control number, CLM01) is white space only; it needs a character other than a space'));
  } else if (length > MAX_CLAIM_ID_LENGTH) {
    issues.push(errorIssue('claim.id', ID, `the claim id (patient control number, CLM01) is ${length} characters; X12 allows at most ${MAX_CLAIM_ID_LENGTH}`));
  } else if (length > RETURNED_CLAIM_ID_LENGTH) {
    issues.push(warningIssue('claim.id', ID, `the claim id (patient control number, CLM01) is ${length} characters; receivers need keep and return only the first ${RETURNED_CLAIM_ID_LENGTH}, so the remittance may not match it`));
  }
}
