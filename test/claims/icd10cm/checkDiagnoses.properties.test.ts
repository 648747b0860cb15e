import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDiagnoses, type DiagnosisContext } from '../../../src/claims/icd10cm/checkDiagnoses.js';
import { inCodeRange, type CodeRange } from '../../../src/claims/icd10cm/codeRange.js';
import { dayNumber } from '../../../src/claims/icd10cm/calendarDays.js';
import { allBillableOn, codeSetOn } from '../../../src/claims/icd10cm/inForce.js';
import { notesOn } from '../../../src/claims/icd10cm/notesOn.js';
import { bundledIcd10Tables } from '../../../src/claims/icd10cm/tables.js';

const CODES = [
  'icd10.format', 'icd10.unknown', 'icd10.not_billable', 'icd10.seventh_character', 'icd10.no_code_set',
  'icd10.excludes1', 'icd10.manifestation_first', 'icd10.external_cause_first', 'icd10.duplicate',
  'icd10.age_conflict', 'icd10.sex_conflict',
];

const tables = bundledIcd10Tables();

/** Billable codes in force on a date. */
function billableOn(date: string): string[] {
  const day = dayNumber(date) ?? 0;
  const set = codeSetOn(tables, day);
  return set === undefined ? [] : allBillableOn(set, day);
}

/** Pairs of billable codes in force on a date that an Excludes1 note in force that day relates. */
function excludes1Pairs(date: string, limit: number): [string, string][] {
  const codes = billableOn(date);
  const notes: ReadonlyMap<string, readonly CodeRange[]> = notesOn(tables, dayNumber(date) ?? 0, 'excludes1')?.excludes1 ?? new Map();
  const pairs: [string, string][] = [];
  for (const [noteAt, ranges] of notes) {
    const holder = codes.find((code) => code.startsWith(noteAt));
    const other = codes.find((code) => ranges.some((range) => inCodeRange(code, range)) && code !== holder);
    if (holder !== undefined && other !== undefined) pairs.push([holder, other]);
    if (pairs.length >= limit) break;
  }
  return pairs;
}

const text = fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z][0-9][0-9A-Za-z]\.?[0-9A-Za-z]{0,4}$/), fc.constantFrom('E11.9', 'T14.91A', 'G63', 'W19.XXXA', 'O80', 'N40.0'));
const date = fc.oneof(fc.string(), fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
const context: fc.Arbitrary<DiagnosisContext> = fc.record({
  diagnoses: fc.array(text, { maxLength: 14 }),
  serviceDates: fc.array(fc.array(date, { maxLength: 3 }), { maxLength: 14 }),
  fallbackDate: fc.option(date, { nil: undefined }),
  patient: fc.record({ birthDate: date, sex: fc.constantFrom('F', 'M', 'U') }, { requiredKeys: [] }),
});

describe('checkDiagnoses properties', () => {
  it('never throws, and every issue is documented and points at an existing diagnosis', () => {
    fc.assert(fc.property(context, (given) => {
      for (const issue of checkDiagnoses(given)) {
        expect(CODES).toContain(issue.code);
        expect(issue.path).toHaveLength(2);
        expect(issue.path[0]).toBe('diagnoses');
        const index = issue.path[1];
        expect(typeof index === 'number' && index >= 0 && index < given.diagnoses.length).toBe(true);
        expect(issue.source).toBeDefined();
      }
    }), { numRuns: 400 });
  });

  it('adding an Excludes1 pair always yields icd10.excludes1 (FY2026 and FY2027 notes)', () => {
    for (const serviceDate of ['2026-01-01', '2026-11-02']) {
      const pairs = excludes1Pairs(serviceDate, 400);
      const codes = billableOn(serviceDate);
      expect(pairs.length).toBeGreaterThan(300);
      const claim = fc.record({
        others: fc.array(fc.constantFrom(...codes), { maxLength: 8 }),
        pair: fc.constantFrom(...pairs),
        at: fc.tuple(fc.nat(), fc.nat()),
        flip: fc.boolean(),
      });
      fc.assert(fc.property(claim, ({ others, pair, at, flip }) => {
        const diagnoses = [...others];
        const [first, second] = flip ? [pair[1], pair[0]] : pair;
        diagnoses.splice(at[0] % (diagnoses.length + 1), 0, first);
        diagnoses.splice(at[1] % (diagnoses.length + 1), 0, second);
        const issues = checkDiagnoses({ diagnoses, serviceDates: diagnoses.map(() => [serviceDate]), fallbackDate: serviceDate, patient: {} });
        expect(issues.map((issue) => issue.code)).toContain('icd10.excludes1');
      }), { numRuns: 300 });
    }
  });

  it('the issues about each code alone do not depend on the order of the diagnoses', () => {
    const codes = billableOn('2026-01-01');
    const alone = new Set(['icd10.unknown', 'icd10.not_billable', 'icd10.seventh_character', 'icd10.format', 'icd10.age_conflict', 'icd10.sex_conflict']);
    const claim = fc.tuple(fc.array(fc.oneof(fc.constantFrom(...codes), text), { minLength: 1, maxLength: 10 }), fc.nat());
    fc.assert(fc.property(claim, ([diagnoses, seed]) => {
      const rotated = diagnoses.map((_, i) => diagnoses[(i + seed) % diagnoses.length] ?? '');
      const judged = (list: string[]): string[] => checkDiagnoses({
        diagnoses: list, serviceDates: list.map(() => ['2024-06-01']), fallbackDate: '2024-06-01', patient: { birthDate: '1990-02-03', sex: 'F' },
      }).filter((issue) => alone.has(issue.code)).map((issue) => `${issue.code} ${list[issue.path[1] as number] ?? ''}`).sort();
      expect(judged(rotated)).toEqual(judged(diagnoses));
    }), { numRuns: 200 });
  });
});
