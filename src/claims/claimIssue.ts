import type { Issue } from '../core/issue.js';

/**
 * One finding about a claim. `path` points into the claim as given (for X12 input, into the claim
 * model built from it, with the segment named in `source`); `source` names the rule or data it
 * rests on, e.g. `ICD-10-CM FY2026 tabular, Excludes1 at E11` or `X12 segment SV1 #14`.
 *
 * @example
 * ```ts
 * const found: ClaimIssue = {
 *   code: 'icd10.not_billable',
 *   severity: 'error',
 *   path: ['diagnoses', 0],
 *   message: 'E11 is a category header; bill one of its codes such as E11.9',
 *   source: 'ICD-10-CM FY2026',
 * };
 * ```
 */
export interface ClaimIssue extends Issue {
  /** The rule, table or input segment the finding rests on. */
  readonly source?: string;
}
