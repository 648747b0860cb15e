import { MAX_DIAGNOSES } from '../checkLines.js';
import type { ClaimIssue } from '../claimIssue.js';
import { dayNumber } from './calendarDays.js';
import { codeIssues } from './codeIssues.js';
import { readDiagnosis, type DiagnosisEntry } from './diagnosisEntry.js';
import { duplicateIssues } from './duplicates.js';
import { excludes1Issues } from './excludes1.js';
import { mceEditIssues } from './mceEdits.js';
import { externalCauseFirstIssues, manifestationIssues } from './sequencing.js';
import { bundledIcd10Tables, type Icd10Tables } from './tables.js';

/**
 * What {@link checkDiagnoses} needs to know about a claim's diagnoses.
 */
export interface DiagnosisContext {
  /** The diagnosis codes as given on the claim, dotted or not, any case. */
  readonly diagnoses: readonly string[];
  /** Per diagnosis index: the `YYYY-MM-DD` dates of service of the lines pointing at it. */
  readonly serviceDates: readonly (readonly string[])[];
  /** The date used for a diagnosis no line points at (the claim's earliest service date). */
  readonly fallbackDate: string | undefined;
  /** The patient, for the MCE age and sex edits. */
  readonly patient: { readonly birthDate?: string; readonly sex?: 'F' | 'M' | 'U' };
  /** The code tables; default {@link bundledIcd10Tables}. */
  readonly tables?: Icd10Tables;
}

/**
 * Checks a claim's diagnosis codes against the ICD-10-CM code set, tabular notes and Medicare Code
 * Editor (MCE) edits in force on each diagnosis's dates of service. Every issue has the path
 * `['diagnoses', i]` and a `source` naming the release or rule. Only the first
 * {@link MAX_DIAGNOSES} (12) diagnoses are judged, alone and together: a claim carries no more
 * (`validateClaim` reports the rest once, as `claim.too_many_diagnoses`), so a list of thousands
 * costs no more than a list of twelve.
 *
 * | code | severity | when |
 * |---|---|---|
 * | `icd10.format` | error | the value cannot be an ICD-10-CM code (a letter, then 2 to 6 letters or digits; a dot only after the 3rd character) |
 * | `icd10.unknown` | error | not in the code set in force on the date (fiscal years start October 1; mid-year additions such as U07.1 from 2020-04-01 count from their date) |
 * | `icd10.not_billable` | error | a header (category or subcategory) on that date; the message names its billable codes |
 * | `icd10.seventh_character` | error | a 7th character missing, not allowed by the `sevenChrDef` inherited from an ancestor, or given without the placeholder X (T14.91A for T14.91XA) |
 * | `icd10.no_code_set` | warning | no bundled or loaded code set covers the date, so the code was not judged |
 * | `icd10.excludes1` | error | two codes of the claim in an Excludes1 relation (note at either code or an ancestor; FY2027 notes from 2026-10-01) |
 * | `icd10.manifestation_first` | error / warning | an MCE manifestation code listed first (error), or after no diagnosis its code-first note names (warning) |
 * | `icd10.external_cause_first` | error | a V00-Y99 external-cause code listed first |
 * | `icd10.duplicate` | warning | the same code listed again |
 * | `icd10.age_conflict` | error | an MCE newborn, pediatric, maternity or adult code outside that group's ages on the date of service |
 * | `icd10.sex_conflict` | warning | an MCE male-only or female-only code for a patient of the other sex (the MCE sex edits ended 2024-09-30) |
 *
 * @param context - the diagnoses, their dates, the patient and optionally the tables
 * @returns the issues found, in diagnosis order per kind of check; never throws
 * @example
 * ```ts
 * checkDiagnoses({ diagnoses: ['E11.9'], serviceDates: [['2026-11-02']], fallbackDate: '2026-11-02', patient: {} }); // []
 * checkDiagnoses({ diagnoses: ['T14.91A'], serviceDates: [['2026-11-02']], fallbackDate: '2026-11-02', patient: {} })[0]?.code;
 * // 'icd10.seventh_character'
 * ```
 */
export function checkDiagnoses(context: DiagnosisContext): ClaimIssue[] {
  const tables = context.tables ?? bundledIcd10Tables();
  const diagnoses = judgedDiagnoses(context.diagnoses);
  const dayOf = lastDayRemembered();
  const entries: DiagnosisEntry[] = diagnoses.map((raw, index) => readDiagnosis(raw, index, datesOf(context, index), tables, dayOf));
  const issues: ClaimIssue[] = [];
  for (const entry of entries) append(issues, codeIssues(entry, diagnoses[entry.index], tables));
  append(issues, duplicateIssues(entries));
  append(issues, excludes1Issues(entries, tables));
  append(issues, externalCauseFirstIssues(entries));
  append(issues, manifestationIssues(entries, tables));
  append(issues, mceEditIssues(entries, context.patient ?? {}, tables));
  return issues;
}

function judgedDiagnoses(given: unknown): readonly unknown[] {
  if (!Array.isArray(given)) return [];
  return given.length > MAX_DIAGNOSES ? given.slice(0, MAX_DIAGNOSES) : given;
}

function append(into: ClaimIssue[], found: readonly ClaimIssue[]): void {
  for (const issue of found) into.push(issue);
}

/** {@link dayNumber} remembering the last date read: a claim's diagnoses mostly share one date of service. */
function lastDayRemembered(): (date: string) => number | undefined {
  let lastDate: string | undefined;
  let lastDay: number | undefined;
  return (date) => {
    if (date !== lastDate) {
      lastDate = date;
      lastDay = dayNumber(date);
    }
    return lastDay;
  };
}

function datesOf(context: DiagnosisContext, index: number): readonly string[] {
  const pointed = Array.isArray(context.serviceDates) ? context.serviceDates[index] : undefined;
  if (Array.isArray(pointed) && pointed.length > 0) return pointed;
  return typeof context.fallbackDate === 'string' ? [context.fallbackDate] : [];
}
