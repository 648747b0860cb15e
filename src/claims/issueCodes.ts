import type { Severity } from '../core/issue.js';

/** What a claim issue code means: its default severity, what triggers it, and the rule it rests on. */
export interface IssueCodeInfo {
  /** Severity before payer rules. */
  readonly severity: Severity;
  /** What triggers it. */
  readonly trigger: string;
  /** The rule, code set or table it rests on. */
  readonly source: string;
}

/**
 * Every issue code this module reports outside the ICD-10-CM checks (`icd10.*`, documented in
 * docs/claims-icd10cm.md), with its default severity, trigger and source.
 *
 * @example
 * ```ts
 * CLAIM_ISSUE_CODES['ncci.ptp'].source; // 'CMS NCCI procedure-to-procedure edits (loaded)'
 * ```
 */
export const CLAIM_ISSUE_CODES = {
  'claim.schema': { severity: 'error', trigger: 'a field is missing, of the wrong type, or could not be read', source: 'ClaimSchema' },
  'claim.check_failed': { severity: 'error', trigger: 'a check failed unexpectedly on a claim that passed the schema (a defect to report)', source: 'validateClaim' },
  'claim.too_many_diagnoses': { severity: 'error', trigger: 'more than 12 diagnoses', source: 'CMS-1500 box 21 (A–L); 837P HI' },
  'claim.too_many_lines': { severity: 'error', trigger: 'more than 50 service lines', source: '837P loop 2400 (50 repeats)' },
  'claim.total_mismatch': { severity: 'error', trigger: 'totalChargeCents differs from the sum of the lines', source: 'CMS-1500 box 28; 837P CLM02' },
  'claim.id': { severity: 'error', trigger: 'a claim id of white space only or longer than 38 characters; a warning when it is longer than 20, the most a receiver must keep and return', source: '837P CLM01 (element 1028, 1–38 characters; the guide\'s note on 20); CMS-1500 box 26' },
  'claim.frequency': { severity: 'error', trigger: 'a claim frequency other than 1 (original), 7 (replacement) or 8 (void); absent means 1', source: '837P CLM05-3; CMS-1500 box 22' },
  'claim.original_reference': { severity: 'error', trigger: 'a replacement (7) or void (8) without originalClaimId, or with a blank one; a warning when an original claim (1 or absent) carries one', source: '837P REF*F8 (loop 2300); CMS-1500 box 22' },
  'line.units': { severity: 'error', trigger: 'units below 0.001, above 99,999, or with more than three decimals', source: '837P SV104' },
  'line.unit_basis': { severity: 'error', trigger: 'a unit basis other than UN (units of service) or MJ (minutes)', source: '837P SV103' },
  'line.charge': { severity: 'error', trigger: 'a charge that is negative or not whole cents', source: '837P SV102' },
  'line.duplicate': { severity: 'error', trigger: 'two lines with the same procedure, modifiers, dates and place', source: 'payer duplicate-claim edits' },
  'procedure.format': { severity: 'error', trigger: 'neither CPT (Category I, II, III, PLA, MAAA, vaccine) nor HCPCS Level II', source: 'AMA CPT and CMS HCPCS code formats' },
  'procedure.unknown': { severity: 'error', trigger: 'not in the loaded HCPCS file on the date, or not in the loaded CPT list', source: 'loaded HCPCS / CPT tables' },
  'modifier.format': { severity: 'error', trigger: 'a modifier that is not two letters or digits', source: 'CMS-1500 box 24D; 837P SV101-3..6' },
  'modifier.too_many': { severity: 'error', trigger: 'more than four modifiers on a line', source: 'CMS-1500 box 24D; 837P SV101-3..6' },
  'modifier.conflict': { severity: 'error', trigger: 'LT with RT, 26 with TC, 50 with LT or RT, 59 with XE/XS/XP/XU, GA with GZ, 76 with 77, or a repeated modifier on one line', source: 'CMS modifier definitions; CMS IOM 100-04 ch. 12 §40.7 and ch. 30; CMS CR 8863; CPT modifiers 76 and 77' },
  'modifier.misplaced': { severity: 'warning', trigger: '24, 25 or 57 on a code that is not a visit (99202–99499, 98000–98016 from 2025, 92002–92014), or 59/XE/XS/XP/XU on an evaluation and management code; it then bypasses no PTP edit', source: 'CPT modifier definitions; CMS NCCI policy manual ch. I' },
  'modifier.unknown': { severity: 'error', trigger: 'a modifier beginning with a letter that the loaded HCPCS file does not list (CPT modifiers, beginning with a digit, are judged on format only)', source: 'CMS HCPCS file (loaded), modifier rows' },
  'modifier.terminated': { severity: 'error', trigger: 'a modifier not in force on the date of service', source: 'CMS HCPCS file (loaded), ADD DT and TERM DT' },
  'ncci.ptp': { severity: 'error', trigger: 'a Column 1/Column 2 pair on one date (or on a day two spans share), not bypassed by its modifier indicator', source: 'CMS NCCI procedure-to-procedure edits (loaded)' },
  'ncci.mue': { severity: 'error', trigger: 'units above the MUE per line (indicator 1) or per date of service (2, 3; a span spreads its units over its days)', source: 'CMS NCCI medically unlikely edits (loaded)' },
  'ncci.addon_without_primary': { severity: 'error', trigger: 'an add-on code with none of its primary codes on a day its line covers (type 3: a warning)', source: 'CMS NCCI add-on code edits (loaded)' },
  'npi.invalid': { severity: 'error', trigger: 'an NPI that is not ten digits with a valid Luhn check digit over 80840', source: 'CMS NPI check digit algorithm' },
  'npi.first_digit': { severity: 'error', trigger: 'an NPI with a valid check digit that does not begin with 1 or 2, the only first digits NPPES issues', source: 'NPI Final Rule (69 FR 3434)' },
  'provider.tax_id': { severity: 'error', trigger: 'a tax id that is not nine digits (EIN 12-3456789 or SSN 123-45-6789)', source: 'IRS EIN / SSN formats; 837P REF*EI' },
  'provider.taxonomy': { severity: 'error', trigger: 'a taxonomy that is not ten characters ending in X', source: 'NUCC Health Care Provider Taxonomy' },
  'pointer.invalid': { severity: 'error', trigger: 'a line with no pointer, more than four, one out of range, or one repeated', source: 'CMS-1500 box 24E; 837P SV107' },
  'pointer.unused': { severity: 'warning', trigger: 'a diagnosis no line points at', source: 'CMS-1500 box 24E' },
  'date.future': { severity: 'error', trigger: 'a service or birth date after options.asOf', source: 'options.asOf' },
  'date.before_birth': { severity: 'error', trigger: 'a service before the patient was born', source: 'patient.birthDate' },
  'date.range': { severity: 'error', trigger: 'serviceDateTo before serviceDate', source: '837P DTP*472 RD8' },
  'date.timely_filing': { severity: 'error', trigger: 'asOf is past the payer\'s limit from the date of service (timelyFilingDays days or timelyFilingMonths calendar months)', source: 'payer rules; Medicare 12 calendar months (42 CFR 424.44)' },
  'pos.invalid': { severity: 'error', trigger: 'a place of service not in the CMS list in force on the date', source: 'CMS Place of Service Code Set' },
  'input.malformed': { severity: 'error', trigger: 'an NDJSON line that is not JSON', source: 'NDJSON input' },
  'x12.envelope': { severity: 'error', trigger: 'no interchange or no ISA header; an ISA of wrong element widths or colliding separators, or segments not ended by the terminator it declares (the interchange is skipped); an ST/SE, GE or IEA mismatch; a group left open; an ST outside a group; a group or transaction that is not 837P (005010X222A1)', source: 'X12 005010 envelopes' },
  'x12.segment': { severity: 'error', trigger: 'a malformed or misplaced segment or element', source: 'X12 837P 005010X222A1' },
  'table.format': { severity: 'error', trigger: 'a loaded file that is not in the CMS layout', source: 'loaders' },
  'table.row': { severity: 'warning', trigger: 'a row of a loaded file that cannot be read (skipped)', source: 'loaders' },
} as const satisfies Readonly<Record<string, IssueCodeInfo>>;

/** An issue code of this module (the ICD-10-CM checks add `icd10.*`). */
export type ClaimIssueCode = keyof typeof CLAIM_ISSUE_CODES;
