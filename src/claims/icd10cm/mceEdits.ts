import { errorIssue, warningIssue } from '../../core/issue.js';
import type { ClaimIssue } from '../claimIssue.js';
import { ageInYears, isoDate } from './calendarDays.js';
import type { DiagnosisEntry } from './diagnosisEntry.js';
import { mceFlagBit } from './mceFlags.js';
import { formatIcd10 } from './normalize.js';
import type { Icd10Tables, MceAgeGroup } from './tables.js';

/** The patient facts the MCE age and sex edits read. */
export interface EditedPatient {
  /** `YYYY-MM-DD`. */
  readonly birthDate?: string;
  /** F, M or U (unknown: no sex edit). */
  readonly sex?: 'F' | 'M' | 'U';
}

const AGE_FLAGS = (['newborn', 'pediatric', 'maternity', 'adult'] as const).map((flag) => ({ flag, bit: mceFlagBit(flag) }));
const AGE_MASK = AGE_FLAGS.reduce((mask, { bit }) => mask | bit, 0);
const MALE = mceFlagBit('male');
const FEMALE = mceFlagBit('female');

/**
 * `icd10.age_conflict` (error) and `icd10.sex_conflict` (warning): the MCE edits in force on each
 * date of service. Age is in whole years on the date of service; the age range is the MCE group's
 * range in force that day (maternity 12-55 until 2019-09-30, 9-64 after). The sex flags the data
 * carries end 2024-09-30, when CMS dropped the diagnosis sex edits.
 *
 * @example
 * ```ts
 * mceEditIssues(entries, { birthDate: '1950-01-01', sex: 'M' }, tables); // O80 gives both edits before 2024-10-01
 * ```
 */
export function mceEditIssues(entries: readonly DiagnosisEntry[], patient: EditedPatient, tables: Icd10Tables): ClaimIssue[] {
  const issues: ClaimIssue[] = [];
  for (const entry of entries) {
    if (entry.code === undefined) continue;
    const age = ageIssue(entry, entry.code, patient, tables);
    if (age !== undefined) issues.push(age);
    const sex = sexIssue(entry, entry.code, patient);
    if (sex !== undefined) issues.push(sex);
  }
  return issues;
}

function ageIssue(entry: DiagnosisEntry, code: string, patient: EditedPatient, tables: Icd10Tables): ClaimIssue | undefined {
  if (typeof patient.birthDate !== 'string') return undefined;
  for (const verdict of entry.verdicts) {
    if (verdict.kind !== 'billable' || (verdict.flags & AGE_MASK) === 0) continue;
    const age = ageInYears(patient.birthDate, verdict.date);
    if (age === undefined) continue;
    for (const { flag, bit } of AGE_FLAGS) {
      if ((verdict.flags & bit) === 0) continue;
      const group = ageGroupOn(tables, flag, verdict.day);
      if (group === undefined || (age >= group.minAge && age <= group.maxAge)) continue;
      return {
        ...errorIssue('icd10.age_conflict', ['diagnoses', entry.index],
          `${formatIcd10(code)} is a ${flag} diagnosis (ages ${group.minAge}-${group.maxAge}) but the patient is ${age} on ${verdict.date}`),
        source: `CMS MCE v43.1 ${flag} age edit, ages ${group.minAge}-${group.maxAge} from ${isoDate(group.from)}`,
      };
    }
  }
  return undefined;
}

function sexIssue(entry: DiagnosisEntry, code: string, patient: EditedPatient): ClaimIssue | undefined {
  if (patient.sex !== 'F' && patient.sex !== 'M') return undefined;
  const conflicting = patient.sex === 'F' ? 'male' : 'female';
  const bit = conflicting === 'male' ? MALE : FEMALE;
  const verdict = entry.verdicts.find((v) => v.kind === 'billable' && (v.flags & bit) !== 0);
  if (verdict === undefined) return undefined;
  return {
    ...warningIssue('icd10.sex_conflict', ['diagnoses', entry.index],
      `${formatIcd10(code)} is a ${conflicting}-only diagnosis in the MCE on ${verdict.date} but the patient's sex is ${patient.sex}`),
    source: `CMS MCE v43.1 ${conflicting} diagnosis edit (ended 2024-09-30)`,
  };
}

function ageGroupOn(tables: Icd10Tables, flag: MceAgeGroup['flag'], day: number): MceAgeGroup | undefined {
  for (let i = tables.ageGroups.length - 1; i >= 0; i -= 1) {
    const group = tables.ageGroups[i];
    if (group !== undefined && group.flag === flag && group.from <= day && day <= group.to) return group;
  }
  return undefined;
}
