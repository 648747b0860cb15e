/**
 * Every issue code the ICD-10-CM checks add to a claim's report (documented with their triggers in
 * docs/claims-icd10cm.md). The loaders' own codes (`icd10.order_file_line` and the like) are about a
 * file, never a claim, and are not among them.
 *
 * @example
 * ```ts
 * ICD10_CLAIM_ISSUE_CODES.includes('icd10.not_billable'); // true
 * ```
 */
export const ICD10_CLAIM_ISSUE_CODES: readonly string[] = [
  'icd10.format',
  'icd10.unknown',
  'icd10.not_billable',
  'icd10.seventh_character',
  'icd10.excludes1',
  'icd10.manifestation_first',
  'icd10.external_cause_first',
  'icd10.duplicate',
  'icd10.age_conflict',
  'icd10.sex_conflict',
  'icd10.no_code_set',
];
