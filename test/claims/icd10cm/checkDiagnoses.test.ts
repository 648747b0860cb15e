import { describe, expect, it } from 'vitest';
import type { ClaimIssue } from '../../../src/claims/claimIssue.js';
import { checkDiagnoses, type DiagnosisContext } from '../../../src/claims/icd10cm/checkDiagnoses.js';
import { icd10Children } from '../../../src/claims/icd10cm/lookup.js';

function check(diagnoses: string[], date: string, patient: DiagnosisContext['patient'] = {}): ClaimIssue[] {
  return checkDiagnoses({ diagnoses, serviceDates: diagnoses.map(() => [date]), fallbackDate: date, patient });
}

function found(issues: readonly ClaimIssue[]): [string, number | string | undefined, string][] {
  return issues.map((issue) => [issue.code, issue.path[1], issue.severity]);
}

describe('checkDiagnoses', () => {
  it('passes a clean claim', () => {
    expect(check(['E11.9', 'I10', 'Z79.4'], '2026-11-02')).toEqual([]);
  });

  it('judges each diagnosis on the dates of the lines pointing at it, the fallback date otherwise', () => {
    const issues = checkDiagnoses({
      diagnoses: ['S23.420A', 'S23.420A'.toLowerCase(), 'C78.31'],
      serviceDates: [['2026-09-30'], ['2026-10-01'], []],
      fallbackDate: '2026-09-30',
      patient: {},
    });
    expect(found(issues)).toEqual([['icd10.unknown', 1, 'error'], ['icd10.unknown', 2, 'error'], ['icd10.duplicate', 1, 'warning']]);
  });

  it('icd10.unknown: U07.1 before 2020-04-01, a FY2027 deletion from 2026-10-01 (CMS changes)', () => {
    expect(found(check(['U07.1'], '2020-03-31'))).toEqual([['icd10.unknown', 0, 'error']]);
    expect(check(['U07.1'], '2020-04-01')).toEqual([]);
    expect(check(['T52.8X1A'], '2026-09-30')).toEqual([]);
    expect(found(check(['T52.8X1A'], '2026-10-01'))).toEqual([['icd10.unknown', 0, 'error']]);
    expect(check(['Q99.9'], '2026-10-01')).toEqual([]);
  });

  it('icd10.unknown carries the release it was judged against', () => {
    expect(check(['U07.1'], '2020-03-31')[0]?.source).toBe('ICD-10-CM FY2020 (CMS MCE v43.1)');
    expect(check(['S23.420A'], '2026-10-01')[0]?.source).toBe('ICD-10-CM FY2027 (CMS FY2027 code changes)');
  });

  it('icd10.not_billable: a category header, and I42.0 once it became a header in FY2027', () => {
    expect(found(check(['E11'], '2026-01-01'))).toEqual([['icd10.not_billable', 0, 'error']]);
    expect(check(['I42.0'], '2026-09-30')).toEqual([]);
    expect(found(check(['I42.0'], '2026-10-01'))).toEqual([['icd10.not_billable', 0, 'error']]);
    expect(icd10Children('I42.0', '2026-10-01').map((child) => child.code)).toContain('I42.01');
  });

  it('icd10.seventh_character: T14.91A lacks the placeholder, T14.91XA is valid (ICD-10-CM guidelines I.A.5, I.B.1)', () => {
    expect(found(check(['T14.91A'], '2026-01-01'))).toEqual([['icd10.seventh_character', 0, 'error']]);
    expect(check(['T14.91XA'], '2026-01-01')).toEqual([]);
  });

  it('icd10.seventh_character: missing and not allowed (sevenChrDef at T14 and S72 in the FY2021 tabular)', () => {
    expect(found(check(['T14.91'], '2026-01-01'))).toEqual([['icd10.seventh_character', 0, 'error']]);
    expect(found(check(['T14.91XZ'], '2026-01-01'))).toEqual([['icd10.seventh_character', 0, 'error']]);
    expect(found(check(['S72.001'], '2026-01-01'))).toEqual([['icd10.seventh_character', 0, 'error']]);
    expect(found(check(['S72.001Z'], '2026-01-01'))).toEqual([['icd10.seventh_character', 0, 'error']]);
    expect(check(['S72.001A'], '2026-01-01')).toEqual([]);
    expect(found(check(['E08.32'], '2026-01-01'))).toEqual([['icd10.not_billable', 0, 'error']]);
  });

  it('icd10.excludes1: E10 excludes E11 and A04 excludes A18.32 (FY2021 tabular)', () => {
    expect(found(check(['E10.9', 'E11.9'], '2026-01-01'))).toEqual([['icd10.excludes1', 1, 'error']]);
    expect(found(check(['A18.32', 'A04.9'], '2026-01-01'))).toEqual([['icd10.excludes1', 1, 'error']]);
    expect(check(['E10.9', 'E11.9'], '2026-01-01')[0]?.source).toBe('ICD-10-CM FY2021 tabular, Excludes1 at E10');
  });

  it('icd10.excludes1: FY2027 notes from 2026-10-01, including "(E08-E13 with .42)" at G63 (fy2027-excludes1.csv)', () => {
    expect(check(['E10.9', 'E11.9'], '2026-10-01')[0]?.source).toBe('ICD-10-CM FY2027 tabular, Excludes1 at E10');
    expect(check(['E11.42', 'G63'], '2026-10-01').map((issue) => issue.code)).toContain('icd10.excludes1');
  });

  it('icd10.excludes1: a section note applies to its categories (Tuberculosis (A15-A19) excludes P37.0)', () => {
    expect(check(['A15.0', 'P37.0'], '2026-01-01').map((issue) => issue.code)).toContain('icd10.excludes1');
    expect(check(['A15.0', 'P37.0'], '2026-10-01').map((issue) => issue.code)).toContain('icd10.excludes1');
  });

  it('icd10.excludes1 ignores a note that names a code inside its own category (D72 names D72.824)', () => {
    expect(check(['D72.824', 'D72.89'], '2026-01-01')).toEqual([]);
  });

  it('icd10.manifestation_first: G63 (MCE manifestation flag) listed first', () => {
    expect(found(check(['G63', 'E85.1'], '2026-01-01'))).toEqual([['icd10.manifestation_first', 0, 'error']]);
    expect(check(['E85.1', 'G63'], '2026-01-01')).toEqual([]);
    expect(found(check(['I10', 'G63'], '2026-01-01'))).toEqual([['icd10.manifestation_first', 1, 'warning']]);
  });

  it('icd10.external_cause_first: W19.XXXA listed first, fine after the injury', () => {
    expect(found(check(['W19.XXXA', 'S72.001A'], '2026-01-01'))).toEqual([['icd10.external_cause_first', 0, 'error']]);
    expect(check(['S72.001A', 'W19.XXXA'], '2026-01-01')).toEqual([]);
  });

  it('icd10.duplicate: the same code however written', () => {
    expect(found(check(['E11.9', 'I10', 'e119'], '2026-01-01'))).toEqual([['icd10.duplicate', 2, 'warning']]);
  });

  it('icd10.age_conflict: maternity ages 12-55 until 2019-09-30, 9-64 from 2019-10-01 (mce_v43.1_age_ranges.tsv)', () => {
    const ten = { birthDate: '2009-06-01', sex: 'F' } as const;
    expect(found(check(['O80'], '2019-09-30', ten))).toEqual([['icd10.age_conflict', 0, 'error']]);
    expect(check(['O80'], '2019-10-01', ten)).toEqual([]);
    const sixty = { birthDate: '1959-06-01', sex: 'F' } as const;
    expect(found(check(['O80'], '2019-09-30', sixty))).toEqual([['icd10.age_conflict', 0, 'error']]);
    expect(check(['O80'], '2019-10-01', sixty)).toEqual([]);
  });

  it('icd10.age_conflict: newborn A33, pediatric A48.51, adult N40.0; P07.30 newborn only until 2016-09-30', () => {
    expect(found(check(['A33'], '2026-01-01', { birthDate: '2023-01-01' }))).toEqual([['icd10.age_conflict', 0, 'error']]);
    expect(check(['A33'], '2026-01-01', { birthDate: '2025-12-01' })).toEqual([]);
    expect(found(check(['A48.51'], '2026-01-01', { birthDate: '1990-01-01' }))).toEqual([['icd10.age_conflict', 0, 'error']]);
    expect(found(check(['N40.0'], '2026-01-01', { birthDate: '2016-01-01' }))).toEqual([['icd10.age_conflict', 0, 'error']]);
    expect(found(check(['P07.30'], '2016-09-30', { birthDate: '2000-01-01' }))).toEqual([['icd10.age_conflict', 0, 'error']]);
    expect(check(['P07.30'], '2016-10-01', { birthDate: '2000-01-01' })).toEqual([]);
  });

  it('icd10.sex_conflict: warnings while the MCE sex edits were in force (ended 2024-09-30)', () => {
    expect(found(check(['N40.0'], '2024-09-30', { sex: 'F' }))).toEqual([['icd10.sex_conflict', 0, 'warning']]);
    expect(check(['N40.0'], '2024-10-01', { sex: 'F' })).toEqual([]);
    expect(found(check(['O80'], '2024-09-30', { sex: 'M' }))).toEqual([['icd10.sex_conflict', 0, 'warning']]);
    expect(check(['N40.0'], '2024-09-30', { sex: 'U' })).toEqual([]);
  });

  it('icd10.no_code_set: a date no code set covers is said so, never "unknown"', () => {
    expect(found(check(['E11.9'], '2015-09-30'))).toEqual([['icd10.no_code_set', 0, 'warning']]);
    expect(found(check(['Z99.999'], '2027-10-01'))).toEqual([['icd10.no_code_set', 0, 'warning']]);
  });

  it('icd10.format: values that cannot be ICD-10-CM codes', () => {
    expect(found(check(['E1.19', '', '11.9', 'E11.9.', 'E11.99999'], '2026-01-01'))).toEqual([
      ['icd10.format', 0, 'error'],
      ['icd10.format', 1, 'error'],
      ['icd10.format', 2, 'error'],
      ['icd10.format', 3, 'error'],
      ['icd10.format', 4, 'error'],
    ]);
  });

  it('leaves dates it cannot read to the date checks', () => {
    const issues = checkDiagnoses({ diagnoses: ['E11.9'], serviceDates: [['2026-02-30']], fallbackDate: undefined, patient: {} });
    expect(issues).toEqual([]);
  });

  it('icd10.excludes1: a qualified reference names only the codes it qualifies (FY2021 tabular and FY2027 Excludes1 notes)', () => {
    for (const date of ['2025-06-02', '2026-11-02']) {
      // S61 "open fracture of wrist, hand and finger (S62.- with 7th character B)": a closed fracture may go with the wound.
      expect(check(['S61.210A', 'S62.600A'], date)).toEqual([]);
      expect(found(check(['S61.210A', 'S62.600B'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
      expect(check(['S01.01XA', 'S02.0XXA'], date)).toEqual([]);
      expect(found(check(['S01.01XA', 'S02.0XXB'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
      // S51 "(S52.- with open fracture 7th character)": B, C and the later open-fracture encounters.
      expect(check(['S51.011A', 'S52.001A'], date)).toEqual([]);
      expect(found(check(['S51.011A', 'S52.001M'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
      // I73.8 "diabetic (peripheral) angiopathy (E08-E13 with .51-.52)".
      expect(check(['E11.9', 'I73.81'], date)).toEqual([]);
      expect(found(check(['E11.52', 'I73.81'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
      // R44 "hallucinations in drug psychosis (F11-F19 with fifth to sixth characters 51)".
      expect(check(['F17.210', 'R44.0'], date)).toEqual([]);
      expect(found(check(['F11.151', 'R44.0'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
      // F80.81 "fluency disorder (stuttering) following cerebrovascular disease (I69. with final characters -23)".
      expect(check(['I69.351', 'F80.81'], date)).toEqual([]);
      expect(found(check(['I69.323', 'F80.81'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
    }
    expect(check(['S61.210A', 'S62.600B'], '2026-11-02')[0]?.message).toContain('names S62.- with seventh character B');
  });

  it('icd10.excludes1: a single-category FY2027 block note (Block T07 names L55.- and T20-T32)', () => {
    expect(found(check(['T07.XXXA', 'L55.0'], '2026-11-02'))).toEqual([['icd10.excludes1', 1, 'error']]);
    expect(found(check(['T20.00XA', 'T07.XXXA'], '2026-11-02'))).toEqual([['icd10.excludes1', 1, 'error']]);
  });

  it('icd10.excludes1: a chapter note that names codes applies to every category of the chapter', () => {
    // Chapter 4 (E00-E89): "transitory endocrine and metabolic disorders specific to newborn (P70-P74)", FY2021 and FY2027.
    for (const date of ['2021-06-01', '2026-11-02']) expect(found(check(['E16.2', 'P70.4'], date))).toEqual([['icd10.excludes1', 1, 'error']]);
    // Chapter 19 (S00-T88): "birth trauma (P10-P15)", in the FY2021 tabular (fy2027-excludes1.csv has no chapter 19 row).
    expect(found(check(['S06.5X0A', 'P10.0'], '2021-06-01'))).toEqual([['icd10.excludes1', 1, 'error']]);
    expect(found(check(['S06.5X0A', 'P10.0'], '2026-09-30'))).toEqual([['icd10.excludes1', 1, 'error']]);
    // Chapter 15 (O00-O9A): "supervision of normal pregnancy (Z34.-)".
    for (const date of ['2021-06-01', '2026-11-02']) expect(found(check(['O26.891', 'Z34.01'], date, { birthDate: '1990-01-01', sex: 'F' }))).toEqual([['icd10.excludes1', 1, 'error']]);
  });

  it('judges only the first 12 diagnoses, so thousands cost no more than twelve', () => {
    for (const count of [5_000, 50_000]) {
      const diagnoses = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'E11.9' : 'E10.9'));
      const issues = check(diagnoses, '2026-11-02');
      expect(issues.every((issue) => (issue.path[1] as number) < 12)).toBe(true);
      expect(issues.length).toBeLessThanOrEqual(66);
    }
  });
});
