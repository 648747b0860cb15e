import { describe, expect, it } from 'vitest';
import { addCalendarMonths as sameDayMonthsLater } from '../../src/core/calendarDay.js';
import { MAX_UNITS } from '../../src/claims/checkLines.js';
import { validateClaim } from '../../src/claims/validateClaim.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import { claimWith, codesOf, goodClaim, line } from './fixtures.js';

describe('validateClaim', () => {
  it('passes the example claim of the issue', () => {
    const report = validateClaim(goodClaim(), { asOf: '2026-11-02' });
    expect(report.issues).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('reports claim.schema with the path of each bad field', () => {
    const bad = { ...goodClaim(), patient: { birthDate: '1980-02-30', sex: 'X' }, lines: [{ ...goodClaim().lines[0], units: '1' }] };
    const report = validateClaim(bad);
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([
      ['claim.schema', ['patient', 'sex']],
      ['claim.schema', ['patient', 'birthDate']],
      ['claim.schema', ['lines', 0, 'units']],
    ]);
  });

  it('reports claim.schema at the root for a non-object', () => {
    for (const input of [null, undefined, 42, 'claim', [], () => 1]) {
      expect(validateClaim(input).issues.map((i) => [i.code, i.path])).toEqual([['claim.schema', []]]);
    }
  });

  it('counts diagnoses and lines: claim.too_many_diagnoses above 12, claim.too_many_lines above 50', () => {
    const diagnoses = ['E11.9', 'I10', 'E78.5', 'J45.909', 'K21.9', 'M54.50', 'F41.1', 'G47.33', 'N39.0', 'R51.9', 'Z00.00', 'E66.9', 'D64.9'];
    const tooManyDx = validateClaim(claimWith([line({ diagnosisPointers: [1, 2, 3, 4] })], diagnoses));
    expect(tooManyDx.issues.find((i) => i.code === 'claim.too_many_diagnoses')?.path).toEqual(['diagnoses', 12]);
    const lines = Array.from({ length: 51 }, (_, i) => line({ serviceDate: `2026-0${1 + (i % 6)}-${String(1 + Math.floor(i / 6)).padStart(2, '0')}` }));
    expect(codesOf(validateClaim(claimWith(lines)))).toContain('claim.too_many_lines');
  });

  it('checks the total, units and charges', () => {
    const report = validateClaim({ ...claimWith([line({ units: 0 }), line({ procedure: '36415', chargeCents: 12.5 })]), totalChargeCents: 1 });
    expect(report.issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['line.units', ['lines', 0, 'units']],
        ['line.charge', ['lines', 1, 'chargeCents']],
      ]),
    );
    const mismatch = validateClaim({ ...claimWith([line()]), totalChargeCents: 9999 });
    expect(mismatch.issues.map((i) => [i.code, i.path])).toContainEqual(['claim.total_mismatch', ['totalChargeCents']]);
    expect(codesOf(validateClaim(claimWith([line({ units: 1e300 })])))).toContain('line.units');
    expect(codesOf(validateClaim(claimWith([line({ units: 0.0001 })])))).toContain('line.units');
    expect(codesOf(validateClaim(claimWith([line({ units: 2.5 })])))).not.toContain('line.units');
  });

  it('reports line.duplicate on the repeated line, whatever the order of its modifiers', () => {
    const report = validateClaim(claimWith([line({ modifiers: ['LT', '59'] }), line({ modifiers: ['59', 'LT'] })]));
    expect(report.issues.map((i) => [i.code, i.path])).toContainEqual(['line.duplicate', ['lines', 1]]);
    expect(codesOf(validateClaim(claimWith([line(), line({ modifiers: ['76'] })])))).not.toContain('line.duplicate');
  });

  it('checks procedure and modifier formats, conflicts and count', () => {
    const report = validateClaim(
      claimWith([line({ procedure: '9921' }), line({ procedure: '73560', modifiers: ['LT', 'RT'] }), line({ procedure: '71046', modifiers: ['26', 'TC', 'X', '59', 'XU'] })]),
    );
    expect(report.issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['procedure.format', ['lines', 0, 'procedure']],
        ['modifier.conflict', ['lines', 1, 'modifiers', 1]],
        ['modifier.conflict', ['lines', 2, 'modifiers', 1]],
        ['modifier.format', ['lines', 2, 'modifiers', 2]],
        ['modifier.too_many', ['lines', 2, 'modifiers', 4]],
      ]),
    );
    const many = validateClaim(claimWith([line({ modifiers: Array.from({ length: 100_000 }, (_, k) => (k % 2 === 0 ? 'LT' : 'RT')) })]));
    expect(many.issues.filter((i) => i.code.startsWith('modifier.')).map((i) => [i.code, i.path])).toEqual([
      ['modifier.conflict', ['lines', 0, 'modifiers', 1]],
      ['modifier.conflict', ['lines', 0, 'modifiers', 2]],
      ['modifier.conflict', ['lines', 0, 'modifiers', 3]],
      ['modifier.too_many', ['lines', 0, 'modifiers', 4]],
    ]);
    // Fifty lines of 20,000 modifiers each, equal in the first four: duplicates of one another, found without sorting every modifier.
    const long = Array.from({ length: 50 }, (_, i) => line({ modifiers: [...Array.from({ length: 19_999 }, () => 'GA'), `Q${i % 10}`] }));
    const duplicates = validateClaim(claimWith(long)).issues.filter((i) => i.code === 'line.duplicate');
    expect(duplicates).toHaveLength(49);
  });

  it('checks a modifier as written, so a letter that only upper-cases to ASCII is refused', () => {
    const report = validateClaim(claimWith([line({ modifiers: ['\u017Ft'] }), line({ procedure: '99214', modifiers: ['rt'] })]));
    expect(report.issues.filter((i) => i.code === 'modifier.format').map((i) => i.path)).toEqual([['lines', 0, 'modifiers', 0]]);
  });

  it('refuses 50 with LT or RT and 59 with an X{EPSU} on one line (CMS IOM 100-04 ch. 12 §40.7; CR 8863)', () => {
    const conflicts = (modifiers: string[]) =>
      validateClaim(claimWith([line({ procedure: '73560', modifiers })])).issues.filter((i) => i.code === 'modifier.conflict').map((i) => i.path);
    expect(conflicts(['50', 'RT'])).toEqual([['lines', 0, 'modifiers', 1]]);
    expect(conflicts(['LT', '50'])).toEqual([['lines', 0, 'modifiers', 1]]);
    for (const x of ['XE', 'XS', 'XP', 'XU']) expect(conflicts(['59', x])).toEqual([['lines', 0, 'modifiers', 1]]);
    expect(conflicts(['50'])).toEqual([]);
    expect(conflicts(['59', 'RT'])).toEqual([]);
    expect(conflicts(['XS', 'RT'])).toEqual([]);
  });

  it('warns of 24, 25 or 57 on a code that is not a visit (E/M or 92002-92014), and of 59 or X{EPSU} on an E/M code (modifier.misplaced)', () => {
    const misplaced = (procedure: string, modifiers: string[]) =>
      validateClaim(claimWith([line({ procedure, modifiers })])).issues.filter((i) => i.code === 'modifier.misplaced').map((i) => [i.severity, i.path]);
    expect(misplaced('11042', ['25'])).toEqual([['warning', ['lines', 0, 'modifiers', 0]]]);
    expect(misplaced('99213', ['25'])).toEqual([]);
    expect(misplaced('99499', ['25'])).toEqual([]);
    expect(misplaced('99201', ['25'])).toEqual([['warning', ['lines', 0, 'modifiers', 0]]]);
    expect(validateClaim(claimWith([line({ procedure: '99201', modifiers: ['25'], serviceDate: '2020-06-01' })]), { asOf: '2020-07-01' }).issues.map((i) => i.code)).not.toContain('modifier.misplaced');
    expect(misplaced(' 99213', ['25'])).toEqual([]);
    expect(misplaced('99214', ['RT', 'XU'])).toEqual([['warning', ['lines', 0, 'modifiers', 1]]]);
    expect(misplaced('11042', ['59'])).toEqual([]);
    expect(misplaced('9921', ['25'])).toEqual([]);
    expect(misplaced('92012', ['25'])).toEqual([]);
    expect(misplaced('92002', ['57'])).toEqual([]);
    expect(misplaced('92015', ['25'])).toEqual([['warning', ['lines', 0, 'modifiers', 0]]]);
    expect(misplaced('11042', ['57', '24'])).toEqual([['warning', ['lines', 0, 'modifiers', 0]], ['warning', ['lines', 0, 'modifiers', 1]]]);
    expect(misplaced('99213', ['24'])).toEqual([]);
    expect(misplaced('92012', ['59'])).toEqual([]);
    expect(misplaced('98002', ['25'])).toEqual([]);
    expect(misplaced('98002', ['59'])).toEqual([['warning', ['lines', 0, 'modifiers', 0]]]);
  });

  it('judges a diagnosis named only by a fifth pointer, which is not read, on the claim\'s earliest date', () => {
    // M54.5 is billable until 2021-09-30 and a header from 2021-10-01 (FY2022).
    const claim = claimWith(
      [line({ serviceDate: '2021-09-15', diagnosisPointers: [1] }), line({ procedure: '99214', serviceDate: '2021-10-15', diagnosisPointers: [1, 2, 3, 4, 5] })],
      ['E11.9', 'I10', 'E78.5', 'K21.9', 'M54.5'],
    );
    expect(validateClaim(claim).issues.map((i) => [i.code, i.path])).toEqual([
      ['pointer.invalid', ['lines', 1, 'diagnosisPointers', 4]],
      ['pointer.unused', ['diagnoses', 4]],
    ]);
  });

  it('judges procedure.unknown only against a loaded list', () => {
    const claim = claimWith([line({ procedure: '99215' })]);
    expect(codesOf(validateClaim(claim))).not.toContain('procedure.unknown');
    expect(codesOf(validateClaim(claim, { tables: { cpt: new Set(['99213']) } }))).toContain('procedure.unknown');
    expect(codesOf(validateClaim(claim, { tables: { cpt: new Set(['99215']) } }))).not.toContain('procedure.unknown');
  });

  it('judges a HCPCS Level II code only against a HCPCS table that lists procedures (a modifier-only file lists none)', () => {
    const claim = claimWith([line({ procedure: 'G0438' })]);
    const period = { effective: '2011-01-01', description: '' };
    const modifiersOnly = { procedures: new Map(), modifiers: new Map([['25', period]]) };
    expect(codesOf(validateClaim(claim, { tables: { hcpcs: modifiersOnly } }))).not.toContain('procedure.unknown');
    const withProcedures = { procedures: new Map([['G0439', period]]), modifiers: new Map() };
    expect(codesOf(validateClaim(claim, { tables: { hcpcs: withProcedures } }))).toContain('procedure.unknown');
    expect(codesOf(validateClaim(claimWith([line({ procedure: 'G0439' })]), { tables: { hcpcs: withProcedures } }))).not.toContain('procedure.unknown');
  });

  it('reads a taxonomy code in either case, but only with ASCII letters', () => {
    const withTaxonomy = (taxonomy: string) => codesOf(validateClaim({ ...goodClaim(), billingProvider: { ...goodClaim().billingProvider, taxonomy } }));
    expect(withTaxonomy('207q00000x')).not.toContain('provider.taxonomy');
    expect(withTaxonomy(' 207Q00000X ')).not.toContain('provider.taxonomy');
    expect(withTaxonomy('207\u017F00000X')).toContain('provider.taxonomy');
    expect(withTaxonomy('207Q0000\u212AX')).toContain('provider.taxonomy');
  });

  it('checks NPIs, tax id and taxonomy', () => {
    const claim = { ...goodClaim(), billingProvider: { npi: '1234567890', taxId: '12-34567', taxonomy: '207Q0000X' }, renderingProvider: { npi: '123' } };
    expect(validateClaim(claim).issues.map((i) => [i.code, i.path])).toEqual([
      ['npi.invalid', ['billingProvider', 'npi']],
      ['provider.tax_id', ['billingProvider', 'taxId']],
      ['provider.taxonomy', ['billingProvider', 'taxonomy']],
      ['npi.invalid', ['renderingProvider', 'npi']],
    ]);
    const ein = { ...goodClaim(), billingProvider: { npi: '1234567893', taxId: '12-3456789', taxonomy: '363LF0000X' } };
    expect(validateClaim(ein).issues).toEqual([]);
    const lowercase = { ...goodClaim(), billingProvider: { npi: '1234567893', taxonomy: '207q00000x' }, renderingProvider: { npi: '1234567893', taxonomy: ' 363lf0000x' } };
    expect(validateClaim(lowercase).issues).toEqual([]);
  });

  it('checks diagnosis pointers: out of range, repeated, more than 4, none; unused is a warning', () => {
    const report = validateClaim(claimWith([line({ diagnosisPointers: [1, 1, 3, 2, 2] }), line({ procedure: '36415', diagnosisPointers: [] })], ['E11.9', 'I10', 'E78.5']));
    expect(report.issues.filter((i) => i.code === 'pointer.invalid').map((i) => i.path)).toEqual([
      ['lines', 0, 'diagnosisPointers', 1],
      ['lines', 0, 'diagnosisPointers', 4],
      ['lines', 1, 'diagnosisPointers'],
    ]);
    const many = validateClaim(claimWith([line({ diagnosisPointers: Array.from({ length: 100_000 }, (_, k) => k + 1) })], ['E11.9', 'I10']));
    expect(many.issues.filter((i) => i.code === 'pointer.invalid').map((i) => [i.path, i.message])).toEqual([
      [['lines', 0, 'diagnosisPointers', 2], 'pointer 3 points at no diagnosis of the claim: a pointer is 1–2'],
      [['lines', 0, 'diagnosisPointers', 3], 'pointer 4 points at no diagnosis of the claim: a pointer is 1–2'],
      [['lines', 0, 'diagnosisPointers', 4], 'a line carries at most 4 diagnosis pointers, not 100000; the rest are not read'],
    ]);
    const thirteenth = validateClaim(claimWith([line({ diagnosisPointers: [1, 13] })], Array.from({ length: 14 }, () => 'E11.9')));
    expect(thirteenth.issues.filter((i) => i.code === 'pointer.invalid').map((i) => i.path)).toEqual([['lines', 0, 'diagnosisPointers', 1]]);
    const unused = validateClaim(claimWith([line()], ['E11.9', 'I10']));
    expect(unused.issues.map((i) => [i.code, i.severity, i.path])).toContainEqual(['pointer.unused', 'warning', ['diagnoses', 1]]);
    expect(codesOf(validateClaim(claimWith([line({ diagnosisPointers: [0] })])))).toContain('pointer.invalid');
  });

  it('counts Medicare timely filing in calendar months: the anniversary is still timely across a leap day', () => {
    const filed = (serviceDate: string, asOf: string) => codesOf(validateClaim(claimWith([line({ serviceDate })]), { asOf })).includes('date.timely_filing');
    expect(sameDayMonthsLater('2023-03-01', 12)).toBe('2024-03-01');
    expect(sameDayMonthsLater('2024-02-29', 12)).toBe('2025-02-28');
    expect(sameDayMonthsLater('2026-01-31', 1)).toBe('2026-02-28');
    expect(filed('2023-03-01', '2024-03-01')).toBe(false); // 366 days, one calendar year
    expect(filed('2023-03-01', '2024-03-02')).toBe(true);
    expect(filed('2024-02-29', '2025-02-28')).toBe(false);
    expect(filed('2024-02-29', '2025-03-01')).toBe(true);
    const report = validateClaim(claimWith([line({ serviceDate: '2024-02-29' })]), { asOf: '2025-03-01' });
    expect(report.issues.find((i) => i.code === 'date.timely_filing')?.message).toContain('filed by 2025-02-28');
    const misuse = { ...claimWith([line()]), payer: { id: 'ACME' } };
    expect(() => validateClaim(misuse, { asOf: '2026-11-02', payers: { ACME: { timelyFilingMonths: 12.5 } } })).toThrow(MedofficeUsageError);
  });

  it('checks dates: range, before birth, future and timely filing (Medicare: 12 calendar months by default)', () => {
    const claim = claimWith([
      line({ serviceDate: '2026-07-02', serviceDateTo: '2026-07-01' }),
      line({ procedure: '36415', serviceDate: '1979-01-01' }),
      line({ procedure: '81002', serviceDate: '2026-12-01' }),
      line({ procedure: '85025', serviceDate: '2025-11-01' }),
    ]);
    const report = validateClaim(claim, { asOf: '2026-11-02' });
    expect(report.issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['date.range', ['lines', 0, 'serviceDateTo']],
        ['date.before_birth', ['lines', 1, 'serviceDate']],
        ['date.future', ['lines', 2, 'serviceDate']],
        ['date.timely_filing', ['lines', 3, 'serviceDate']],
      ]),
    );
    expect(codesOf(validateClaim(claimWith([line({ serviceDate: '2025-11-02' })]), { asOf: '2026-11-02' }))).not.toContain('date.timely_filing');
    expect(codesOf(validateClaim(claim))).not.toContain('date.future');
  });

  it('applies payer rules: timely-filing days and severities', () => {
    const claim = { ...claimWith([line({ serviceDate: '2026-07-01' })], ['E11.9', 'I10']), payer: { id: 'ACME' } };
    const options = { asOf: '2026-11-02', payers: { ACME: { timelyFilingDays: 90, severity: { 'pointer.unused': 'off', 'date.timely_filing': 'warning' } } } } as const;
    const report = validateClaim(claim, options);
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['date.timely_filing', 'warning']]);
    expect(report.valid).toBe(true);
  });

  it('timely-filing days allow exactly that many days: 90 days before the as-of date is on time, 91 is late', () => {
    const options = { asOf: '2026-11-02', payers: { ACME: { timelyFilingDays: 90 } } } as const;
    const filing = (serviceDate: string) =>
      validateClaim({ ...claimWith([line({ serviceDate })]), payer: { id: 'ACME' } }, options).issues.filter((i) => i.code === 'date.timely_filing').map((i) => [i.path, i.message]);
    expect(filing('2026-08-04')).toEqual([]); // 90 days before 2026-11-02
    expect(filing('2026-08-03')).toEqual([[['lines', 0, 'serviceDate'], 'service on 2026-08-03 is 91 days before 2026-11-02, past the 90-day filing limit']]);
  });

  it('takes up to MAX_UNITS (99999) units on a line and refuses more (line.units)', () => {
    expect(MAX_UNITS).toBe(99_999);
    const unitIssues = (units: number) => validateClaim(claimWith([line({ units })])).issues.filter((i) => i.code === 'line.units').map((i) => i.path);
    expect(unitIssues(MAX_UNITS)).toEqual([]);
    expect(unitIssues(99_998.999)).toEqual([]);
    expect(unitIssues(99_999.001)).toEqual([['lines', 0, 'units']]);
    expect(unitIssues(100_000)).toEqual([['lines', 0, 'units']]);
  });

  it('checks the claim-level place of service even when every line has its own, and finds a duplicate line that inherits it', () => {
    const own = validateClaim({ ...claimWith([line({ placeOfService: '11' })]), placeOfService: '48' });
    expect(own.issues.map((i) => [i.code, i.path])).toContainEqual(['pos.invalid', ['placeOfService']]);
    const twice = validateClaim({ ...claimWith([line({ placeOfService: '11' }), line()]), placeOfService: '11' });
    expect(twice.issues.map((i) => [i.code, i.path])).toContainEqual(['line.duplicate', ['lines', 1]]);
    const elsewhere = validateClaim({ ...claimWith([line({ placeOfService: '22' }), line()]), placeOfService: '11' });
    expect(codesOf(elsewhere)).not.toContain('line.duplicate');
  });

  it('refuses a claim of more than 50 lines, comparing pairs of lines only among the first 50', () => {
    const lines = Array.from({ length: 60 }, (_, i) => line({ procedure: String(10_000 + i), chargeCents: 1 }));
    lines[10] = line({ procedure: '10001', chargeCents: 1 }); // repeats line 2, inside the first 50
    lines[55] = line({ procedure: '10054', chargeCents: 1 }); // repeats line 55, past the first 50
    const report = validateClaim(claimWith(lines));
    expect(report.issues.filter((i) => i.code === 'claim.too_many_lines' || i.code === 'line.duplicate').map((i) => [i.code, i.path])).toEqual([
      ['claim.too_many_lines', ['lines', 50]],
      ['line.duplicate', ['lines', 10]],
    ]);
  });

  it('checks the place of service against the CMS list on the date (POS 66 from 2024-08-01)', () => {
    const before = validateClaim({ ...claimWith([line({ serviceDate: '2024-07-31' })]), placeOfService: '66' });
    expect(before.issues.map((i) => [i.code, i.path])).toContainEqual(['pos.invalid', ['placeOfService']]);
    const after = validateClaim({ ...claimWith([line({ serviceDate: '2024-08-01' })]), placeOfService: '66' });
    expect(codesOf(after)).not.toContain('pos.invalid');
    const lineLevel = validateClaim(claimWith([line({ placeOfService: '48' })]));
    expect(lineLevel.issues.map((i) => [i.code, i.path])).toContainEqual(['pos.invalid', ['lines', 0, 'placeOfService']]);
  });

  it('throws MedofficeUsageError only for a misused option, never for the claim', () => {
    expect(() => validateClaim(goodClaim(), { asOf: '2026-13-01' })).toThrow(MedofficeUsageError);
    expect(() => validateClaim(Symbol('claim'), { asOf: '2026-11-02' })).not.toThrow();
  });

  it('refuses loaded tables that are not what their loaders make, naming the member, instead of failing inside every claim', () => {
    const ptp = { ok: true, value: { edits: new Map() }, warnings: [] };
    const cases: [unknown, RegExp][] = [
      [null, /options\.tables must be an object/],
      [{ cpt: ['99213'] }, /options\.tables\.cpt must be a Set of CPT codes, not an array/],
      [{ ptp }, /options\.tables\.ptp must be a PTP table .*pass its \.value/],
      [{ mue: { periods: {} } }, /options\.tables\.mue must be an MUE table/],
      [{ icd10: {} }, /options\.tables\.icd10 must be ICD-10-CM tables/],
      [{ hcpcs: new Map() }, /options\.tables\.hcpcs must be a HCPCS table/],
      [{ addOn: { edits: [] } }, /options\.tables\.addOn must be an add-on table/],
    ];
    for (const [tables, message] of cases) expect(() => validateClaim(goodClaim(), { tables } as never)).toThrow(message);
    expect(validateClaim(goodClaim(), { asOf: '2026-11-02', tables: { ptp: ptp.value, cpt: new Set(['99213']) } }).valid).toBe(true);
  });

  it('is valid exactly when no issue is an error', () => {
    const report = validateClaim(claimWith([line()], ['E11.9', 'I10']));
    expect(report.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(report.valid).toBe(true);
  });

  it('refuses a claim of thousands of diagnoses once and checks only the first 12, with few issues', () => {
    for (const count of [5_000, 50_000]) {
      for (const diagnoses of [Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'E11.9' : 'E10.9')), new Array<string>(count).fill('E11.9')]) {
        const report = validateClaim(claimWith([line({ diagnosisPointers: [1, 2, 3, 4] })], diagnoses), { asOf: '2026-11-02' });
        expect(codesOf(report).filter((code) => code === 'claim.too_many_diagnoses')).toHaveLength(1);
        expect(report.issues.length).toBeLessThan(80);
        expect(report.issues.every((i) => i.path[0] !== 'diagnoses' || (i.path[1] as number) <= 12)).toBe(true);
      }
    }
  });

  it('checks a procedure code as written: ſ0438 (a long s) is not S0438', () => {
    expect(validateClaim(claimWith([line({ procedure: '\u017F0438' })])).issues.map((i) => [i.code, i.path])).toEqual([['procedure.format', ['lines', 0, 'procedure']]]);
  });

  it('refuses a payer severity other than error, warning or off, as it refuses a bad filing limit', () => {
    for (const wanted of ['Error', 'ignore', '', null, 1]) {
      const options = { payers: { MEDICARE: { severity: { 'icd10.not_billable': wanted } } } } as never;
      expect(() => validateClaim(claimWith([line()], ['E11']), options)).toThrow(MedofficeUsageError);
      expect(() => validateClaim(claimWith([line()], ['E11']), { defaultPayerRules: { severity: { 'icd10.not_billable': wanted } } } as never)).toThrow(MedofficeUsageError);
    }
    expect(() => validateClaim(goodClaim(), { payers: { ACME: 5 } } as never)).toThrow(MedofficeUsageError);
    expect(() => validateClaim(goodClaim(), { payers: { ACME: { severity: 'off' } } } as never)).toThrow(MedofficeUsageError);
  });

  it('takes null options as none, and refuses options that are not an object', () => {
    expect(validateClaim(goodClaim(), null)).toEqual(validateClaim(goodClaim()));
    for (const options of ['2026-11-02', 5, [], () => ({})]) expect(() => validateClaim(goodClaim(), options as never)).toThrow(MedofficeUsageError);
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    expect(() => validateClaim(goodClaim(), hostile)).toThrow(MedofficeUsageError);
  });
});
