import { warningIssue } from '../../core/issue.js';
import type { ClaimIssue } from '../claimIssue.js';
import type { DiagnosisEntry } from './diagnosisEntry.js';
import { formatIcd10 } from './normalize.js';

/**
 * `icd10.duplicate` (warning): a code listed again, however it is written (`e11.9` repeats `E119`),
 * reported at each repeat.
 *
 * @example
 * ```ts
 * duplicateIssues(entries); // [{ code: 'icd10.duplicate', path: ['diagnoses', 2], ... }] for E11.9, I10, e119
 * ```
 */
export function duplicateIssues(entries: readonly DiagnosisEntry[]): ClaimIssue[] {
  let issues: ClaimIssue[] | undefined;
  for (let later = 1; later < entries.length; later += 1) {
    const entry = entries[later];
    if (entry?.code === undefined) continue;
    let first = 0;
    while (first < later && entries[first]?.code !== entry.code) first += 1;
    if (first === later) continue;
    issues ??= [];
    issues.push({
      ...warningIssue('icd10.duplicate', ['diagnoses', entry.index], `${formatIcd10(entry.code)} repeats diagnosis ${first + 1}; list each code once`),
      source: 'CMS-1500 item 21 / X12 837P HI segment',
    });
  }
  return issues ?? [];
}
