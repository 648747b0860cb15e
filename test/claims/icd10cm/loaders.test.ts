import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/claims/icd10cm/calendarDays.js';
import { checkDiagnoses } from '../../../src/claims/icd10cm/checkDiagnoses.js';
import { allBillableOn } from '../../../src/claims/icd10cm/inForce.js';
import { loadIcd10cmOrderFile, loadIcd10cmTabularXml } from '../../../src/claims/icd10cm/loaders.js';
import { icd10Children, lookupIcd10cm } from '../../../src/claims/icd10cm/lookup.js';
import { bundledIcd10Tables, mergeIcd10Tables, type Icd10Tables } from '../../../src/claims/icd10cm/tables.js';
import { readClaimsData } from './sharedData.js';

const FY2021 = { from: '2020-10-01', to: '2021-09-30' } as const;
const orderText = readClaimsData('icd10cm/fy2021/icd10cm-order-Jan-2021.txt');
const tabularText = readClaimsData('icd10cm/fy2021/icd10cm_tabular_2021.xml');

function loaded(result: ReturnType<typeof loadIcd10cmOrderFile>): Icd10Tables {
  if (!result.ok) throw new Error('expected the file to load');
  return result.value;
}

describe('loadIcd10cmOrderFile on the FY2021 (January 2021) order file', () => {
  const tables = loaded(loadIcd10cmOrderFile(orderText, FY2021));

  it('reads every billable code (72,621) with its title, and knows the headers', () => {
    const set = tables.codeSets[0];
    expect(set === undefined ? [] : allBillableOn(set, dayNumber('2021-01-01') ?? 0)).toHaveLength(72_621);
    expect(lookupIcd10cm('A00.0', '2021-01-01', tables)).toMatchObject({
      billable: true, description: 'Cholera due to Vibrio cholerae 01, biovar cholerae', source: 'ICD-10-CM FY2021 (loaded order file)',
    });
    expect(lookupIcd10cm('A00', '2021-01-01', tables)).toMatchObject({ billable: false, description: 'Cholera' });
    expect(icd10Children('A00', '2021-01-01', tables).map((child) => child.code)).toEqual(['A00.0', 'A00.1', 'A00.9']);
  });

  it('answers only inside its effective dates', () => {
    expect(lookupIcd10cm('A00.0', '2021-10-01', tables)).toBeUndefined();
    expect(checkDiagnoses({ diagnoses: ['A00.0'], serviceDates: [['2021-10-01']], fallbackDate: undefined, patient: {}, tables })
      .map((issue) => issue.code)).toEqual(['icd10.no_code_set']);
  });

  it('agrees with the bundled tables on 2021-01-01 for every code (same 72,621 codes)', () => {
    const set = tables.codeSets[0];
    const loaded = set === undefined ? [] : allBillableOn(set, dayNumber('2021-01-01') ?? 0);
    const inForce = loaded.filter((code) => lookupIcd10cm(code, '2021-01-01', bundledIcd10Tables())?.billable === true);
    expect(inForce).toHaveLength(72_621);
  });

  it('takes precedence over the bundled tables once merged', () => {
    const merged = mergeIcd10Tables(bundledIcd10Tables(), tables);
    expect(lookupIcd10cm('A00.0', '2021-01-01', merged)?.source).toBe('ICD-10-CM FY2021 (loaded order file)');
    expect(lookupIcd10cm('A00.0', '2022-01-01', merged)?.source).toBe('ICD-10-CM FY2022 (CMS MCE v43.1)');
  });

  it('reports malformed lines with their line numbers and keeps the rest', () => {
    const result = loadIcd10cmOrderFile(`${orderText.slice(0, 300)}\nnot an order line\n`, FY2021);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['icd10.order_file_line', ['lines', 4]]]);
  });

  it('refuses a file without billable codes or an impossible date range', () => {
    expect(loadIcd10cmOrderFile('garbage', FY2021).ok).toBe(false);
    const backwards = loadIcd10cmOrderFile(orderText, { from: '2021-09-30', to: '2020-10-01' });
    expect(backwards.ok ? [] : backwards.issues.map((issue) => issue.code)).toEqual(['icd10.effective_dates']);
  });
});

describe('loadIcd10cmTabularXml on the FY2021 tabular list', () => {
  const notes = loaded(loadIcd10cmTabularXml(tabularText, FY2021)).notes[0];

  it('reads Excludes1, code-first and 7th-character notes (data README: 507 sevenChrDef blocks)', () => {
    expect(notes?.source).toBe('ICD-10-CM FY2021 tabular (loaded)');
    expect(notes?.seventhCharacters?.size).toBe(507);
    expect(notes?.seventhCharacters?.get('T14')).toEqual({ characters: 'ADS', meanings: ['initial encounter', 'subsequent encounter', 'sequela'] });
    expect(notes?.excludes1?.get('E10')).toContainEqual({ low: 'E11', high: 'E11' });
    expect(notes?.excludes1?.get('A04')).toContainEqual({ low: 'A1832', high: 'A1832' });
    expect(notes?.excludes1?.get('A15')).toContainEqual({ low: 'P370', high: 'P370' });
    expect(notes?.codeFirst?.get('G63')).toContainEqual({ low: 'E85', high: 'E85' });
  });

  it('gives a chapter\'s Excludes1 notes that name codes to every category of the chapter; a note naming none adds nothing', () => {
    expect(notes?.excludes1?.get('E16')).toContainEqual({ low: 'P70', high: 'P74' });
    expect(notes?.excludes1?.get('E89')).toContainEqual({ low: 'P70', high: 'P74' });
    expect(notes?.excludes1?.get('S06')).toEqual(expect.arrayContaining([{ low: 'P10', high: 'P15' }, { low: 'O70', high: 'O71' }]));
    expect(notes?.excludes1?.get('O26')).toContainEqual({ low: 'Z34', high: 'Z34' });
    expect(notes?.excludes1?.get('F01')?.some((range) => range.low === 'P70')).not.toBe(true);
    const small = loadIcd10cmTabularXml([
      '<ICD10CM.tabular><chapter><name>1</name><excludes1><note>certain localized infections - see body system-related chapters</note></excludes1>',
      '<section id="A00-A01"><diag><name>A00</name></diag><diag><name>A01</name></diag></section></chapter>',
      '<chapter><name>4</name><excludes1><note>newborn disorders (P70-P74)</note></excludes1>',
      '<section id="E00-E01"><diag><name>E00</name></diag><diag><name>E01</name><diag><name>E01.0</name></diag></diag></section></chapter></ICD10CM.tabular>',
    ].join(''), FY2021);
    expect([...(loaded(small).notes[0]?.excludes1 ?? new Map())]).toEqual([['E00', [{ low: 'P70', high: 'P74' }]], ['E01', [{ low: 'P70', high: 'P74' }]]]);
  });

  it('reads qualified references with their conditions, and warns of one it cannot read, leaving it out of Excludes1 only', () => {
    expect(notes?.excludes1?.get('S61')).toContainEqual({ low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } });
    const full = loadIcd10cmTabularXml(tabularText, FY2021);
    // The one reference of the official file no code meets: B27 meningitis codes have 2 as their fifth character.
    expect((full.ok ? full.warnings : full.issues).map((issue) => issue.message)).toEqual([
      'an Excludes1 note at G02 names B27.- with fourth character 2, which no code of the file is; that reference is left out',
    ]);
    expect(loaded(full).notes[0]?.excludes1?.get('G02')?.some((range) => range.low === 'B27')).toBe(false);
    const small = loadIcd10cmTabularXml([
      '<ICD10CM.tabular><chapter><name>19</name><section id="J84"><diag><name>J84</name><diag><name>J84.8</name>',
      '<excludes1><note>toxic (T51-T65 with fifth or sixth character to indicate intent), (J68.-)</note></excludes1>',
      '<codeFirst><note>poisoning (T51-T65 with fifth or sixth character to indicate intent)</note></codeFirst>',
      '</diag></diag></section></chapter></ICD10CM.tabular>',
    ].join(''), FY2021);
    const layer = loaded(small).notes[0];
    expect(layer?.excludes1?.get('J848')).toEqual([{ low: 'J68', high: 'J68' }]);
    expect(layer?.codeFirst?.get('J848')).toEqual([{ low: 'T51', high: 'T65' }]);
    expect((small.ok ? small.warnings : small.issues).map((issue) => [issue.code, issue.severity, issue.message])).toEqual([[
      'icd10.note_unread', 'warning', 'an Excludes1 note at J84.8 names codes "with fifth or sixth character to indicate intent", words not understood; that reference is left out',
    ]]);
  });

  it('leaves out a condition no code of the file meets, counting 7th characters defined above a code', () => {
    const small = loadIcd10cmTabularXml([
      '<ICD10CM.tabular><chapter><name>19</name><section id="S00-S09">',
      '<diag><name>S01</name><excludes1><note>open skull fracture (S02.- with 7th character B)</note><note>misprint (S02.- with 7th character Z)</note></excludes1></diag>',
      '<diag><name>S02</name><sevenChrDef><extension char="A">initial, closed</extension><extension char="B">initial, open</extension></sevenChrDef>',
      '<diag><name>S02.0</name></diag></diag></section></chapter></ICD10CM.tabular>',
    ].join(''), FY2021);
    expect(loaded(small).notes[0]?.excludes1?.get('S01')).toEqual([{ low: 'S02', high: 'S02', where: { kind: 'at', position: 7, anyOf: ['B'] } }]);
    expect((small.ok ? small.warnings : small.issues).map((issue) => issue.message)).toEqual([
      'an Excludes1 note at S01 names S02.- with seventh character Z, which no code of the file is; that reference is left out',
    ]);
  });

  it('drives the checks once merged', () => {
    const tables = loaded(loadIcd10cmTabularXml(tabularText, FY2021));
    const merged = mergeIcd10Tables(bundledIcd10Tables(), tables);
    const issues = checkDiagnoses({ diagnoses: ['E10.9', 'E11.9'], serviceDates: [['2021-01-01'], ['2021-01-01']], fallbackDate: undefined, patient: {}, tables: merged });
    expect(issues.map((issue) => issue.source)).toEqual(['ICD-10-CM FY2021 tabular (loaded), Excludes1 at E10']);
  });

  it('reports a file that is not a tabular list', () => {
    const broken = loadIcd10cmTabularXml('<ICD10CM.tabular><diag><name>A00</name></ICD10CM.tabular>', FY2021);
    expect(broken.ok ? [] : broken.issues.map((issue) => issue.code)).toEqual(['icd10.tabular_format']);
    const empty = loadIcd10cmTabularXml('<x/>', FY2021);
    expect(empty.ok ? [] : empty.issues.map((issue) => issue.code)).toEqual(['icd10.tabular_format']);
  });
});
