import { errorIssue, warningIssue } from '../../core/issue.js';
import type { ClaimIssue } from '../claimIssue.js';
import { inCodeRange, type CodeRange } from './codeRange.js';
import type { DiagnosisEntry } from './diagnosisEntry.js';
import { sourceOn } from './inForce.js';
import { mceFlagBit } from './mceFlags.js';
import { formatIcd10 } from './normalize.js';
import { notesOn } from './notesOn.js';
import type { Icd10Tables } from './tables.js';

const MANIFESTATION = mceFlagBit('manifestation');

/**
 * `icd10.external_cause_first`: an external-cause code (V00-Y99) listed first. External causes
 * describe how an injury happened and are never the first-listed diagnosis.
 *
 * @example
 * ```ts
 * externalCauseFirstIssues(entries); // one issue when diagnosis 1 is W19.XXXA
 * ```
 */
export function externalCauseFirstIssues(entries: readonly DiagnosisEntry[]): ClaimIssue[] {
  const code = entries[0]?.code;
  if (code === undefined || !'VWXY'.includes(code[0] ?? '')) return [];
  return [{
    ...errorIssue('icd10.external_cause_first', ['diagnoses', 0], `${formatIcd10(code)} is an external-cause code (V00-Y99) and cannot be listed first; list the injury or condition first`),
    source: 'ICD-10-CM Official Guidelines I.C.20; CMS MCE external cause edit',
  }];
}

/**
 * `icd10.manifestation_first`: a manifestation code (MCE `manifestation` flag, "in diseases
 * classified elsewhere") listed first (an error), or listed after diagnoses none of which falls in
 * its code-first note (a warning: those notes give examples, not a closed list).
 *
 * @example
 * ```ts
 * manifestationIssues(entries, tables); // an error when G63 is diagnosis 1
 * ```
 */
export function manifestationIssues(entries: readonly DiagnosisEntry[], tables: Icd10Tables): ClaimIssue[] {
  const issues: ClaimIssue[] = [];
  for (const entry of entries) {
    const flagged = entry.verdicts.find((v) => v.kind === 'billable' && (v.flags & MANIFESTATION) !== 0);
    if (entry.code === undefined || flagged === undefined || flagged.kind !== 'billable') continue;
    const shown = formatIcd10(entry.code);
    const source = `${sourceOn(flagged.set, flagged.day)}, MCE manifestation edit`;
    if (entry.index === 0) {
      issues.push({ ...errorIssue('icd10.manifestation_first', ['diagnoses', 0], `${shown} is a manifestation code and cannot be listed first; code the underlying condition first`), source });
      continue;
    }
    const codeFirst = codeFirstRanges(entry.code, tables, flagged.day);
    if (codeFirst.length === 0) continue;
    const before = entries.slice(0, entry.index).flatMap((other) => (other.code === undefined ? [] : [other.code]));
    if (before.some((code) => codeFirst.some((range) => inCodeRange(code, range)))) continue;
    issues.push({
      ...warningIssue('icd10.manifestation_first', ['diagnoses', entry.index], `${shown} is a manifestation code; none of the diagnoses before it is among the underlying conditions its code-first note names`),
      source,
    });
  }
  return issues;
}

function codeFirstRanges(code: string, tables: Icd10Tables, day: number): CodeRange[] {
  const notes = notesOn(tables, day, 'codeFirst')?.codeFirst;
  if (notes === undefined) return [];
  const ranges: CodeRange[] = [];
  for (let length = 3; length <= code.length; length += 1) ranges.push(...(notes.get(code.slice(0, length)) ?? []));
  return ranges;
}
