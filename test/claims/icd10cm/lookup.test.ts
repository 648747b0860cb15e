import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/claims/icd10cm/calendarDays.js';
import { allBillableOn, codeSetOn } from '../../../src/claims/icd10cm/inForce.js';
import { icd10Children, lookupIcd10cm } from '../../../src/claims/icd10cm/lookup.js';
import { bundledIcd10Tables } from '../../../src/claims/icd10cm/tables.js';
import { readClaimsData } from './sharedData.js';

function billableOn(date: string): Set<string> {
  const day = dayNumber(date) ?? 0;
  const set = codeSetOn(bundledIcd10Tables(), day);
  return new Set(set === undefined ? [] : allBillableOn(set, day));
}

function listed(path: string): string[] {
  return readClaimsData(path).split(/\r?\n/).filter((line) => line !== '');
}

/** How many codes the MCE master table (mce_v43.1_i10dx_master.tsv) has in force on a YYYYMMDD day. */
function mceCountOn(day: string): number {
  const codes = new Set<string>();
  for (const row of listed('mce/mce_v43.1_i10dx_master.tsv').slice(1)) {
    const [code = '', start = '', end = ''] = row.split('\t');
    if (start <= day && (end === '' || day <= end)) codes.add(code);
  }
  return codes.size;
}

describe('bundled ICD-10-CM code sets', () => {
  it('hold the official billable counts (data README: FY2021 72,621; FY2026 74,719; FY2027 74,879)', () => {
    expect(billableOn('2021-01-01').size).toBe(72_621);
    expect(billableOn('2026-01-01').size).toBe(74_719);
    expect(billableOn('2026-10-01').size).toBe(74_879);
  });

  it('hold, on the first day of every fiscal year 2016–2027, the billable count of that year\'s official order file (icd10cm-code-counts-fy2016-fy2027.csv)', () => {
    const [header = '', ...rows] = listed('icd10cm/fy2027/icd10cm-code-counts-fy2016-fy2027.csv');
    const columns = header.split(',');
    const from = columns.indexOf('effectiveFrom');
    const billable = columns.indexOf('billableCodes');
    const official = rows.map((row) => row.split(',')).map((cells) => [cells[from], Number(cells[billable])] as const);
    expect(official).toHaveLength(12);
    const differing = official.filter(([date, count]) => billableOn(date ?? '').size !== count).map(([date]) => date);
    // FY2022: the MCE v43.1 table the bundle is generated from holds two codes fewer on 2021-10-01 than the order file counts.
    expect(differing).toEqual(['2021-10-01']);
    expect(billableOn('2021-10-01').size).toBe(mceCountOn('20211001'));
  });

  it('equal the CMS FY2026 list on 2026-09-30 and the FY2027 list on 2026-10-01', () => {
    expect([...billableOn('2026-09-30')].sort()).toEqual(listed('icd10cm/fy2026/icd10cm_billable_codes_fy2026.txt').sort());
    expect([...billableOn('2026-10-01')].sort()).toEqual(listed('icd10cm/fy2027/icd10cm_billable_codes_fy2027.txt').sort());
  });
});

describe('lookupIcd10cm', () => {
  it('takes dotted or undotted codes in any case', () => {
    const found = lookupIcd10cm('e11.9', '2026-11-02');
    expect(found).toMatchObject({ code: 'E11.9', billable: true, fiscalYear: 2027, effectiveFrom: '2015-10-01' });
    expect(found?.description).toBe('Type 2 diabetes mellitus without complications');
    expect(lookupIcd10cm('E119', '2026-11-02')?.code).toBe('E11.9');
  });

  it('knows U07.1 from its mid-year start 2020-04-01 (CMS COVID-19 addition)', () => {
    expect(lookupIcd10cm('U07.1', '2020-03-31')).toBeUndefined();
    expect(lookupIcd10cm('U07.1', '2020-04-01')).toMatchObject({ billable: true, fiscalYear: 2020, effectiveFrom: '2020-04-01' });
  });

  it('knows Z20.822 from 2021-01-01 (mid-year FY2021 addition)', () => {
    expect(lookupIcd10cm('Z20.822', '2020-12-31')).toBeUndefined();
    expect(lookupIcd10cm('Z20.822', '2021-01-01')?.billable).toBe(true);
  });

  it('ends a code deleted in FY2027 on 2026-09-30 (S23.420A, changes/deleted.csv)', () => {
    expect(lookupIcd10cm('S23.420A', '2026-09-30')).toMatchObject({ billable: true, effectiveTo: '2026-09-30' });
    expect(lookupIcd10cm('S23.420A', '2026-10-01')).toBeUndefined();
  });

  it('starts a FY2027 addition on 2026-10-01 (C78.31, changes/added.csv)', () => {
    expect(lookupIcd10cm('C78.31', '2026-09-30')).toBeUndefined();
    expect(lookupIcd10cm('C78.31', '2026-10-01')).toMatchObject({ billable: true, description: 'Secondary malignant neoplasm of larynx' });
  });

  it('knows the FY2027 category QA1, whose second character is a letter (QA1.71 Lynch syndrome, changes/added.csv)', () => {
    expect(lookupIcd10cm('QA1.71', '2026-10-01')).toMatchObject({ code: 'QA1.71', billable: true, description: 'Lynch syndrome' });
    expect(lookupIcd10cm('QA1', '2026-10-01')?.billable).toBe(false);
    expect(lookupIcd10cm('qa171', '2026-09-30')).toBeUndefined();
  });

  it('turns I42.0 into a header in FY2027 with its new children (changes/billable-status-changes.csv)', () => {
    expect(lookupIcd10cm('I42.0', '2026-09-30')?.billable).toBe(true);
    expect(lookupIcd10cm('I42.0', '2026-10-01')).toMatchObject({ billable: false, description: 'Dilated cardiomyopathy' });
    expect(icd10Children('I42.0', '2026-10-01').map((child) => child.code)).toEqual(['I42.00', 'I42.01', 'I42.09']);
    expect(icd10Children('I42.0', '2026-09-30')).toEqual([]);
  });

  it('returns headers as not billable, with their billable children in force', () => {
    expect(lookupIcd10cm('E11', '2026-01-01')).toMatchObject({ code: 'E11', billable: false, description: 'Type 2 diabetes mellitus' });
    expect(icd10Children('U07', '2020-04-01').map((child) => child.code)).toEqual(['U07.0', 'U07.1']);
    expect(icd10Children('U07', '2020-03-31')).toEqual([]);
    expect(icd10Children('E11', '2026-01-01').every((child) => child.billable && child.code.startsWith('E11.'))).toBe(true);
  });

  it('keeps real X-ending subcategories as headers but not placeholder runs (order file FY2021)', () => {
    expect(lookupIcd10cm('H54.0X', '2026-01-01')?.billable).toBe(false);
    expect(lookupIcd10cm('T14.91X', '2026-01-01')).toBeUndefined();
    expect(lookupIcd10cm('T14.91', '2026-01-01')?.billable).toBe(false);
  });

  it('carries the MCE flags in force on the date (mce_v43.1_i10dx_master.tsv: N40.0 male until 2024-09-30)', () => {
    expect(lookupIcd10cm('N40.0', '2024-09-30')?.mceFlags).toEqual(['adult', 'male']);
    expect(lookupIcd10cm('N40.0', '2024-10-01')?.mceFlags).toEqual(['adult']);
  });

  it('answers nothing outside the bundled years or for a bad date', () => {
    expect(lookupIcd10cm('E11.9', '2015-09-30')).toBeUndefined();
    expect(lookupIcd10cm('E11.9', '2027-10-01')).toBeUndefined();
    expect(lookupIcd10cm('E11.9', 'yesterday')).toBeUndefined();
  });
});

describe('lookupIcd10cm dates: a code billable throughout is one stretch, whatever its MCE flags did', () => {
  it('N40.0 and O40.1XX0 (sex and age flags changed 2024-10-01) are in force from 2015-10-01', () => {
    expect(lookupIcd10cm('N40.0', '2026-07-02')?.effectiveFrom).toBe('2015-10-01');
    expect(lookupIcd10cm('O40.1XX0', '2026-11-02')?.effectiveFrom).toBe('2015-10-01');
  });

  it('every code in force on 2026-07-02 starts where its unbroken run of rows in the MCE master starts', () => {
    const runs = new Map<string, { start: string; end: string }[]>();
    const compact = (iso: string) => iso.replaceAll('-', '');
    for (const row of listed('mce/mce_v43.1_i10dx_master.tsv').slice(1)) {
      const [code = '', start = '', end = ''] = row.split('\t');
      runs.set(code, [...(runs.get(code) ?? []), { start, end: end === '' ? '99999999' : end }]);
    }
    const day = '20260702';
    const dayAfter = (yyyymmdd: string) => compact(new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6)) + 1)).toISOString().slice(0, 10));
    let checked = 0;
    const wrong: string[] = [];
    for (const [code, rows] of runs) {
      const holding = rows.find((r) => r.start <= day && day <= r.end);
      if (holding === undefined) continue;
      let start = holding.start;
      for (let earlier = rows.find((r) => dayAfter(r.end) === start); earlier !== undefined; earlier = rows.find((r) => dayAfter(r.end) === start)) start = earlier.start;
      const found = lookupIcd10cm(code, '2026-07-02');
      checked++;
      if (found === undefined || compact(found.effectiveFrom) !== start) wrong.push(`${code}: ${found?.effectiveFrom} vs ${start}`);
    }
    expect(checked).toBe(74_719);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
