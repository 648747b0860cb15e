import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHcpcsAnweb } from '../../../src/claims/loaders/loadHcpcsAnweb.js';
import { loadNcciAddOn } from '../../../src/claims/loaders/loadNcciAddOn.js';
import { loadNcciMue } from '../../../src/claims/loaders/loadNcciMue.js';
import { loadNcciPtp } from '../../../src/claims/loaders/loadNcciPtp.js';
import { mueEditOn } from '../../../src/claims/ncci/mueTable.js';
import { mergePtpTables, ptpEditOn } from '../../../src/claims/ncci/ptpTable.js';
import { sharedClaimsData } from '../fixtures.js';

const read = (path: string): string => readFileSync(join(sharedClaimsData, path), 'utf8');

describe('loadNcciPtp on the CMS practitioner PTP file v32.2 excerpt (ccipra-v322r0-f1)', () => {
  const loaded = loadNcciPtp(read('ncci/ccipra-v322r0-f1.excerpt.txt'));
  if (!loaded.ok) throw new Error('PTP excerpt did not load');
  const table = loaded.value;

  it('reads all 18 rows with no warnings', () => {
    expect([...table.edits.values()].flat()).toHaveLength(18);
    expect(loaded.warnings).toEqual([]);
  });

  it('reads row 0001A/36591: 20220101 to 20231231, modifier indicator 0', () => {
    expect(table.edits.get('0001A|36591')).toEqual([
      { column1: '0001A', column2: '36591', effective: '2022-01-01', deletion: '2023-12-31', modifierIndicator: 0, rationale: 'CPT Manual or CMS manual coding instruction' },
    ]);
  });

  it('reads a deletion date of * as none (0001U/0030U from 20180701, indicator 1)', () => {
    const edit = ptpEditOn(table, '0001U', '0030U', '2026-07-01');
    expect(edit).toEqual({ column1: '0001U', column2: '0030U', effective: '2018-07-01', modifierIndicator: 1, rationale: 'Misuse of Column Two code with Column One code' });
  });

  it('merges the files a quarter is split over (f1 … f4) without losing a row', () => {
    const rows = read('ncci/ccipra-v322r0-f1.excerpt.txt').split(/\r?\n/);
    const part = (prefix: string) => loadNcciPtp([...rows.slice(0, 6), ...rows.filter((r) => r.startsWith(prefix))].join('\n'));
    const [first, second] = [part('0001A\t'), part('0001U\t')];
    if (!first.ok || !second.ok) throw new Error('split excerpt did not load');
    const merged = mergePtpTables(first.value, second.value);
    expect(ptpEditOn(merged, '0001A', '36591', '2023-06-01')?.modifierIndicator).toBe(0);
    expect(ptpEditOn(merged, '0001U', '0030U', '2026-07-01')?.modifierIndicator).toBe(1);
    expect([...merged.edits.values()].flat()).toHaveLength(rows.filter((r) => /^0001[AU]\t/.test(r)).length);
  });

  it('a row deleted retroactively (indicator 9) does not hide a row of the pair in force the same day, in either order', () => {
    const header = read('ncci/ccipra-v322r0-f1.excerpt.txt').split(/\r?\n/).slice(0, 6);
    const retired = '11042\t97597\t\t20260701\t20260701\t9\tMutually exclusive procedures';
    const live = '11042\t97597\t\t20260701\t*\t0\tStandards of medical/surgical practice';
    for (const rows of [[retired, live], [live, retired]]) {
      const loaded = loadNcciPtp([...header, ...rows].join('\n'));
      if (!loaded.ok) throw new Error('did not load');
      expect(ptpEditOn(loaded.value, '11042', '97597', '2026-07-01')?.modifierIndicator).toBe(0);
    }
    const alone = loadNcciPtp([...header, retired].join('\n'));
    expect(alone.ok && ptpEditOn(alone.value, '11042', '97597', '2026-07-01')?.modifierIndicator).toBe(9);
  });

  it('skips, with a warning, a row whose modifier indicator is blank or not 0, 1 or 9 (never reads it as a hard edit)', () => {
    const rows = read('ncci/ccipra-v322r0-f1.excerpt.txt').split(/\r?\n/);
    const row = rows.find((r) => r.startsWith('0001U\t0030U')) ?? '';
    const fields = row.split('\t');
    for (const bad of ['', ' ', '1.0', '0x1']) {
      const edited = [...fields];
      edited[5] = bad;
      const loaded = loadNcciPtp([...rows.slice(0, 6), edited.join('\t'), rows.find((r) => r.startsWith('0001A\t36591')) ?? ''].join('\n'));
      if (!loaded.ok) throw new Error('did not load');
      expect(ptpEditOn(loaded.value, '0001U', '0030U', '2026-07-01')).toBeUndefined();
      expect(loaded.warnings.map((w) => w.code)).toEqual(['table.row']);
    }
  });

  it('honours effective and deletion dates (0001U/0029U ends 20260630; 0001T/0002T 2003-01-01 to 2004-03-31)', () => {
    expect(ptpEditOn(table, '0001U', '0029U', '2026-06-30')).toBeDefined();
    expect(ptpEditOn(table, '0001U', '0029U', '2026-07-01')).toBeUndefined();
    expect(ptpEditOn(table, '0001T', '0002T', '2002-12-31')).toBeUndefined();
    expect(ptpEditOn(table, '0001T', '0002T', '2004-03-31')?.modifierIndicator).toBe(1);
  });
});

describe('loadNcciMue on the CMS practitioner MUE table effective 2026-07-01 (excerpt)', () => {
  const loaded = loadNcciMue(read('ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'), { from: '2026-07-01' });
  if (!loaded.ok) throw new Error('MUE excerpt did not load');

  it('skips, with a warning, a row whose MUE value is blank or not a whole number (never reads it as 0)', () => {
    const text = read('ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv');
    const lines = text.split(/\r?\n/);
    const at = lines.findIndex((l) => /^"?0001U"?,/.test(l));
    for (const bad of ['', '1.5', 'x']) {
      const edited = [...lines];
      edited[at] = (lines[at] ?? '').replace(/^("?0001U"?),("?)\d+("?)/, `$1,$2${bad}$3`);
      const loaded = loadNcciMue(edited.join('\n'), { from: '2026-07-01' });
      if (!loaded.ok) throw new Error('did not load');
      expect(loaded.value.periods[0]?.edits.has('0001U')).toBe(false);
      expect(loaded.warnings.map((w) => w.code)).toEqual(['table.row']);
    }
  });

  it('reads all 44 rows past the AMA notice and the two-line quoted header', () => {
    expect(loaded.value.periods[0]?.edits.size).toBe(44);
    expect(loaded.warnings).toEqual([]);
  });

  it('reads real rows: 0001U 1 (indicator 2), 0002M 1 (indicator 3), 0009U 2 (indicator 3)', () => {
    expect(mueEditOn(loaded.value, '0001U', '2026-07-01')).toEqual({ code: '0001U', value: 1, indicator: 2, rationale: 'Code Descriptor / CPT Instruction' });
    expect(mueEditOn(loaded.value, '0002M', '2026-07-01')).toMatchObject({ value: 1, indicator: 3, rationale: 'Nature of Analyte' });
    expect(mueEditOn(loaded.value, '0009U', '2026-08-15')).toMatchObject({ value: 2, indicator: 3 });
    expect(mueEditOn(loaded.value, '0009U', '2026-06-30')).toBeUndefined();
  });
});

describe('loadHcpcsAnweb on the CMS HCPCS October 2026 ANWEB excerpt', () => {
  const loaded = loadHcpcsAnweb(read('hcpcs/HCPC2026_OCT_ANWEB.header-and-modifier-rows.excerpt.csv'));
  if (!loaded.ok) throw new Error('HCPCS excerpt did not load');

  it('reads the five modifiers with their dates (GD ended 2019-12-31, JG 2024-12-31, CP 2017-12-31)', () => {
    const modifiers = loaded.value.modifiers;
    expect([...modifiers.keys()]).toEqual(['AE', 'AK', 'CP', 'GD', 'JG']);
    expect(modifiers.get('GD')).toEqual({ effective: '2008-01-01', terminated: '2019-12-31', description: 'Unit of service > mue value' });
    expect(modifiers.get('JG')?.terminated).toBe('2024-12-31');
    expect(modifiers.get('AE')).toEqual({ effective: '2005-01-01', description: 'Registered dietician' });
  });
});

describe('loadNcciAddOn', () => {
  it('reads the CMS add-on layout, as CSV and as tab-separated text', () => {
    const csv = 'Add-on Code,Primary Code,AOC Edit Type,Primary Code Effective Date,Primary Code Deletion Date,AOC Edit Effective Date,AOC Edit Deletion Date,Special Instruction Notes\n11001,11000,1,20100101,*,20100101,*,\n99292,,2,,,20100101,*,\n';
    const loaded = loadNcciAddOn(csv);
    expect(loaded.ok && loaded.value.edits.get('11001')).toEqual([{ addOn: '11001', primary: '11000', type: 1, effective: '2010-01-01' }]);
    const tabbed = loadNcciAddOn(csv.replaceAll(',', '\t'));
    expect(tabbed.ok && tabbed.value.edits.get('99292')?.[0]?.type).toBe(2);
  });

  it('reports unreadable rows as table.row warnings and a file with no rows as table.format', () => {
    const loaded = loadNcciAddOn('11001,11000,7,20100101,*,20100101,*,\n11001,11000,1,20100101,*,20100101,*,\n');
    expect(loaded.ok && loaded.warnings.map((w) => [w.code, w.path])).toEqual([['table.row', [1]]]);
    const empty = loadNcciAddOn('nothing here');
    expect(empty.ok ? [] : empty.issues.map((i) => i.code)).toEqual(['table.format']);
  });
  it('reports an edit effective date that is not YYYYMMDD as table.row, never as an edit in force since always', () => {
    for (const effective of ['garbage', '2027-01-01', '1/1/2013', '', '*', '20270231']) {
      const loaded = loadNcciAddOn(`11045,11042,1,20100101,*,${effective},*,\n11001,11000,1,20100101,*,20100101,*,\n`);
      expect(loaded.ok && loaded.warnings.map((w) => [w.code, w.path])).toEqual([['table.row', [1]]]);
      expect(loaded.ok && loaded.value.edits.get('11045')).toBeUndefined();
    }
  });

  it('ends an edit at its primary code\'s deletion date when that comes before the edit\'s own', () => {
    const loaded = loadNcciAddOn('11045,11042,1,20100101,20181231,20100101,*,\n11046,11043,1,20100101,20181231,20100101,20151231,\n11047,11044,1,20100101,garbage,20100101,*,\n');
    expect(loaded.ok && loaded.value.edits.get('11045')).toEqual([{ addOn: '11045', primary: '11042', type: 1, effective: '2010-01-01', deletion: '2018-12-31' }]);
    expect(loaded.ok && loaded.value.edits.get('11046')?.[0]?.deletion).toBe('2015-12-31');
    expect(loaded.ok && loaded.warnings.map((w) => [w.code, w.path])).toEqual([['table.row', [3]]]);
  });
});
