import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimTables } from '../../../src/claims/claimOptions.js';
import { loadHcpcsAnweb } from '../../../src/claims/loaders/loadHcpcsAnweb.js';
import { loadNcciAddOn } from '../../../src/claims/loaders/loadNcciAddOn.js';
import { loadNcciMue } from '../../../src/claims/loaders/loadNcciMue.js';
import { loadNcciPtp } from '../../../src/claims/loaders/loadNcciPtp.js';
import { ptpTable } from '../../../src/claims/ncci/ptpTable.js';
import { validateClaim } from '../../../src/claims/validateClaim.js';
import { claimWith, line, sharedClaimsData } from '../fixtures.js';

const read = (path: string): string => readFileSync(join(sharedClaimsData, path), 'utf8');
function value<T>(checked: { ok: true; value: T } | { ok: false }): T {
  if (!checked.ok) throw new Error('table did not load');
  return checked.value;
}

const practitionerMue = value(loadNcciMue(read('ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'), { from: '2026-07-01' }));
const tables: ClaimTables = {
  ptp: value(loadNcciPtp(read('ncci/ccipra-v322r0-f1.excerpt.txt'))),
  mue: practitionerMue,
  hcpcs: value(loadHcpcsAnweb(read('hcpcs/HCPC2026_OCT_ANWEB.header-and-modifier-rows.excerpt.csv'))),
  addOn: value(loadNcciAddOn('11001,11000,1,20100101,*,20100101,*,\n99292,,2,,,20100101,*,\n64484,64483,3,20100101,*,20100101,*,\n')),
};
// The HCPCS excerpt holds 5 of the file's modifiers, so modifier.unknown (tested below) is left out here, as is
// modifier.misplaced (59 on an E/M code; tested with the modifier checks).
const ncci = (lines: Record<string, unknown>[]) =>
  validateClaim(claimWith(lines), { tables })
    .issues.filter((i) => i.code.startsWith('ncci.') || (i.code.startsWith('modifier.') && i.code !== 'modifier.unknown' && i.code !== 'modifier.misplaced'))
    .map((i) => [i.code, i.severity, i.path]);

describe('ncci.ptp against real rows of the CMS practitioner PTP file v32.2', () => {
  it('0001A/36591, modifier indicator 0, in force 2023-06-01: reported even with 59', () => {
    const lines = [line({ procedure: '0001A', serviceDate: '2023-06-01' }), line({ procedure: '36591', serviceDate: '2023-06-01', modifiers: ['59'] })];
    expect(ncci(lines)).toEqual([['ncci.ptp', 'error', ['lines', 1, 'procedure']]]);
  });

  it('0001A/99213, modifier indicator 1: reported without a modifier, bypassed by 25 or 57 on the visit, 59 or an X{EPSU} on the procedure, or an anatomic one', () => {
    const plain = [line({ procedure: '0001A', serviceDate: '2023-06-01' }), line({ procedure: '99213', serviceDate: '2023-06-01' })];
    const reported = [['ncci.ptp', 'error', ['lines', 1, 'procedure']]];
    expect(ncci(plain)).toEqual(reported);
    const onVisit = (modifiers: string[]) => ncci([plain[0] as Record<string, unknown>, { ...plain[1], modifiers }]);
    const onProcedure = (modifiers: string[]) => ncci([{ ...plain[0], modifiers }, plain[1] as Record<string, unknown>]);
    for (const modifier of ['25', '57', 'RT']) expect(onVisit([modifier])).toEqual([]);
    for (const modifier of ['59', 'XU', 'XE', 'XS', 'XP', 'RT']) expect(onProcedure([modifier])).toEqual([]);
    expect(onVisit(['GA'])).toEqual(reported);
  });

  it('suggests 25 on the visit for a pair with a visit, and 59 or XU otherwise', () => {
    const message = (lines: Record<string, unknown>[]) => validateClaim(claimWith(lines), { tables }).issues.find((i) => i.code === 'ncci.ptp')?.message ?? '';
    expect(message([line({ procedure: '0001A', serviceDate: '2023-06-01' }), line({ procedure: '99213', serviceDate: '2023-06-01' })])).toMatch(/; add 25 to the visit 99213 if it was significant and separately identifiable \(57 if it decided on surgery\)$/);
    expect(message([line({ procedure: '0001U', serviceDate: '2026-06-01' }), line({ procedure: '0029U', serviceDate: '2026-06-01' })])).toMatch(/; add an NCCI-associated modifier such as 59 or XU if the services were distinct$/);
  });

  it('a modifier on the wrong kind of service bypasses nothing (NCCI Policy Manual, chapter I): 25 or 57 on the procedure, 59 or an X{EPSU} on the visit', () => {
    const pair = (first: string[], second: string[]) => [
      line({ procedure: '0001A', serviceDate: '2023-06-01', modifiers: first }),
      line({ procedure: '99213', serviceDate: '2023-06-01', modifiers: second }),
    ];
    const reported = [['ncci.ptp', 'error', ['lines', 1, 'procedure']]];
    for (const modifier of ['25', '57', '24']) expect(ncci(pair([modifier], []))).toEqual(reported);
    for (const modifier of ['59', 'XU', 'XE', 'XS', 'XP']) expect(ncci(pair([], [modifier]))).toEqual(reported);
    expect(ncci(pair(['25'], ['59']))).toEqual(reported);
    expect(ncci(pair(['59'], ['25']))).toEqual([]);
  });

  it('reads only the first four modifiers, in ASCII: a fifth 59 or an xſ does not bypass an edit', () => {
    const plain = [line({ procedure: '0001A', serviceDate: '2023-06-01' }), line({ procedure: '99213', serviceDate: '2023-06-01' })];
    const withModifiers = (modifiers: string[]) => ncci([{ ...plain[0], modifiers }, plain[1] as Record<string, unknown>]).filter(([code]) => code === 'ncci.ptp');
    expect(withModifiers(['GA', 'GY', 'GZ', 'Q5', '59'])).toEqual([['ncci.ptp', 'error', ['lines', 1, 'procedure']]]);
    expect(withModifiers(['x\u017F'])).toEqual([['ncci.ptp', 'error', ['lines', 1, 'procedure']]]);
    expect(withModifiers([' xs'])).toEqual([]);
    expect(withModifiers(['GA', 'GY', 'GZ', '59'])).toEqual([]);
  });

  it('anatomic modifiers bypass indicator 1 only for different sites (NCCI Policy Manual, Chapter I, section E): RT with RT does not', () => {
    const pair = (first: string[], second: string[]) => [
      line({ procedure: '0001A', serviceDate: '2023-06-01', modifiers: first }),
      line({ procedure: '99213', serviceDate: '2023-06-01', modifiers: second }),
    ];
    expect(ncci(pair(['RT'], ['RT']))).toEqual([['ncci.ptp', 'error', ['lines', 1, 'procedure']]]);
    expect(ncci(pair(['F1'], ['F1']))).toEqual([['ncci.ptp', 'error', ['lines', 1, 'procedure']]]);
    expect(ncci(pair(['RT'], ['LT']))).toEqual([]);
    expect(ncci(pair(['RT', 'XS'], ['RT']))).toEqual([]);
    expect(ncci(pair(['F1'], ['F2']))).toEqual([]);
  });

  it('indicator 9 is not applied (0001A/G0008) and edits apply only in force and on the same date', () => {
    expect(ncci([line({ procedure: '0001A', serviceDate: '2022-01-01' }), line({ procedure: 'G0008', serviceDate: '2022-01-01' })])).toEqual([]);
    expect(ncci([line({ procedure: '0001A', serviceDate: '2024-01-02' }), line({ procedure: '36591', serviceDate: '2024-01-02' })])).toEqual([]);
    expect(ncci([line({ procedure: '0001A', serviceDate: '2023-06-01' }), line({ procedure: '36591', serviceDate: '2023-06-02' })])).toEqual([]);
  });
});

describe('ncci.ptp with a CPT 2025 telemedicine service (98000-98016, evaluation and management from 2025-01-01)', () => {
  const edits = ['99203', '98002'].map((column2) => ({ column1: '20610', column2, effective: '2025-01-01', modifierIndicator: 1 as const, rationale: 'synthetic: E/M with procedure' }));
  const withVisit = (visit: string, modifiers: string[], serviceDate = '2026-11-02') =>
    validateClaim(claimWith([line({ procedure: '20610', serviceDate }), line({ procedure: visit, modifiers, serviceDate })]), { asOf: '2026-11-02', tables: { ptp: ptpTable(edits) } })
      .issues.filter((i) => i.code === 'ncci.ptp' || i.code === 'modifier.misplaced')
      .map((i) => [i.code, i.path]);

  it('25 on 98002 bypasses the edit as it does on 99203', () => {
    expect(withVisit('99203', ['25'])).toEqual([]);
    expect(withVisit('98002', ['25'])).toEqual([]);
  });

  it('59 on 98002 is misplaced and bypasses nothing', () => {
    expect(withVisit('98002', ['59'])).toEqual([
      ['modifier.misplaced', ['lines', 1, 'modifiers', 0]],
      ['ncci.ptp', ['lines', 1, 'procedure']],
    ]);
  });
});

describe('ncci.mue against real rows of the CMS practitioner MUE table effective 2026-07-01', () => {
  it('0009U (MUE 2, indicator 3, per date of service): 2 units pass, 3 across two lines fail once', () => {
    expect(ncci([line({ procedure: '0009U', units: 2 })])).toEqual([]);
    expect(ncci([line({ procedure: '0009U', units: 2 }), line({ procedure: '0009U', units: 1, modifiers: ['91'] })])).toEqual([['ncci.mue', 'error', ['lines', 1, 'units']]]);
  });

  it('0001U (MUE 1, indicator 2): 2 units on one line fail; the edit starts with the table on 2026-07-01', () => {
    expect(ncci([line({ procedure: '0001U', units: 2 })])).toEqual([['ncci.mue', 'error', ['lines', 0, 'units']]]);
    expect(ncci([line({ procedure: '0001U', units: 2, serviceDate: '2026-06-30' })])).toEqual([]);
  });
});

describe('ncci.mue units: exact sums and anesthesia minutes', () => {
  // Rows in the official layout for codes the excerpt does not hold (values as the CMS table gives them).
  const mueRows = '"HCPCS/ CPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\nJ1100,3,3 Date of Service Edit: Clinical,Clinical\n00142,1,2 Date of Service Edit: Policy,Anesthesia\n';
  const mue = value(loadNcciMue(mueRows, { from: '2026-01-01' }));
  const mueOnly = (lines: Record<string, unknown>[]) =>
    validateClaim(claimWith(lines), { tables: { mue } }).issues.filter((i) => i.code === 'ncci.mue').map((i) => [i.path, i.message]);

  it('sums decimal units exactly: 0.1 + 2.7 + 0.2 is 3, within an MUE of 3; 3.001 is over', () => {
    const doses = (last: number) => [0.1, 2.7, last].map((units, i) => line({ procedure: 'J1100', units, modifiers: i === 0 ? [] : ['76'], chargeCents: 100 * (i + 1) }));
    expect(mueOnly(doses(0.2))).toEqual([]);
    expect(mueOnly(doses(0.201))).toEqual([[['lines', 2, 'units'], '3.001 units of J1100 on 2026-07-01 exceed the MUE of 3 per date of service']]);
  });

  it('a line of anesthesia minutes (unit basis MJ) is one service: 95 minutes of 00142 pass an MUE of 1, a second line does not', () => {
    const minutes = line({ procedure: '00142', units: 95, unitBasis: 'MJ' });
    expect(mueOnly([minutes])).toEqual([]);
    expect(mueOnly([line({ procedure: '00142', units: 95 })])).toEqual([[['lines', 0, 'units'], '95 units of 00142 on 2026-07-01 exceed the MUE of 1 per date of service']]);
    expect(mueOnly([minutes, { ...minutes, units: 30, modifiers: ['76'] }])).toEqual([[['lines', 1, 'units'], '2 units of 00142 on 2026-07-01 exceed the MUE of 1 per date of service']]);
  });

  it('reads the unit basis in any case: 95 minutes of 00142 written mj pass an MUE of 1', () => {
    expect(mueOnly([line({ procedure: '00142', units: 95, unitBasis: 'mj' })])).toEqual([]);
    expect(mueOnly([line({ procedure: '00142', units: 95, unitBasis: ' Mj ' })])).toEqual([]);
  });

  it('reports a date\'s total once, at the line that first takes it past the MUE: three lines of 2 units of J1100 (MUE 3)', () => {
    const three = [line({ procedure: 'J1100', units: 2 }), line({ procedure: 'J1100', units: 2, modifiers: ['76'] }), line({ procedure: 'J1100', units: 2, modifiers: ['77'] })];
    expect(mueOnly(three)).toEqual([[['lines', 1, 'units'], '4 units of J1100 on 2026-07-01 exceed the MUE of 3 per date of service']]);
    // Another date keeps its own total.
    const twoDates = [...three, line({ procedure: 'J1100', units: 2, serviceDate: '2026-07-02', chargeCents: 300 }), line({ procedure: 'J1100', units: 2, serviceDate: '2026-07-02', modifiers: ['76'], chargeCents: 400 })];
    expect(mueOnly(twoDates).map(([path]) => path)).toEqual([['lines', 1, 'units'], ['lines', 4, 'units']]);
  });

  it('minutes are for anesthesia codes only: MJ on another code is line.unit_basis, and its units still meet the MUE', () => {
    const issues = validateClaim(claimWith([line({ procedure: 'J1100', units: 50, unitBasis: 'MJ' })]), { tables: { mue } }).issues;
    expect(issues.filter((i) => i.code === 'line.unit_basis' || i.code === 'ncci.mue').map((i) => [i.code, i.path])).toEqual([
      ['line.unit_basis', ['lines', 0, 'unitBasis']],
      ['ncci.mue', ['lines', 0, 'units']],
    ]);
  });

  it('a unit basis other than UN or MJ is line.unit_basis at that line', () => {
    const issues = validateClaim(claimWith([line({ procedure: '00142', units: 95, unitBasis: 'MIN' })])).issues;
    expect(issues.filter((i) => i.code === 'line.unit_basis').map((i) => i.path)).toEqual([['lines', 0, 'unitBasis']]);
  });
});

describe('lines spanning several days (serviceDateTo, 837P DTP*472 RD8)', () => {
  const mueRows = '"HCPCS/ CPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\nJ1100,3,1 Line Edit,Clinical\n';
  const lineEdit = value(loadNcciMue(mueRows, { from: '2026-01-01' }));
  const mueIssues = (lines: Record<string, unknown>[], mue = practitionerMue) =>
    validateClaim(claimWith(lines), { tables: { mue } }).issues.filter((i) => i.code === 'ncci.mue').map((i) => [i.path, i.message]);
  const spanning = (procedure: string, units: number, from: string, to: string, extra: Record<string, unknown> = {}) =>
    line({ procedure, units, serviceDate: from, serviceDateTo: to, ...extra });

  it('a date-of-service MUE (0009U: 2, indicator 3) takes a span line\'s units spread over its days', () => {
    expect(mueIssues([spanning('0009U', 10, '2026-07-01', '2026-07-05')])).toEqual([]);
    expect(mueIssues([spanning('0009U', 11, '2026-07-01', '2026-07-05')])).toEqual([
      [['lines', 0, 'units'], '2.2 units of 0009U on 2026-07-01 exceed the MUE of 2 per date of service (lines spanning several days count their units spread evenly over them)'],
    ]);
    const withVisit = [spanning('0009U', 5, '2026-07-01', '2026-07-05'), line({ procedure: '0009U', units: 1, serviceDate: '2026-07-03', modifiers: ['91'], chargeCents: 700 })];
    expect(mueIssues(withVisit)).toEqual([]);
    const over = [spanning('0009U', 10, '2026-07-01', '2026-07-05'), line({ procedure: '0009U', units: 1, serviceDate: '2026-07-03', modifiers: ['91'], chargeCents: 700 })];
    expect(mueIssues(over)).toEqual([[['lines', 1, 'units'], '3 units of 0009U on 2026-07-03 exceed the MUE of 2 per date of service']]);
  });

  it('a line MUE (indicator 1) allows its value on each day of the line', () => {
    expect(mueIssues([spanning('J1100', 15, '2026-07-01', '2026-07-05')], lineEdit)).toEqual([]);
    expect(mueIssues([spanning('J1100', 16, '2026-07-01', '2026-07-05')], lineEdit)).toEqual([[['lines', 0, 'units'], '16 units of J1100 exceed the MUE of 3 per line of 5 days (3 a day)']]);
    expect(mueIssues([line({ procedure: 'J1100', units: 4 })], lineEdit)).toEqual([[['lines', 0, 'units'], '4 units of J1100 exceed the MUE of 3 per line']]);
  });

  it('a PTP pair applies on any day the lines share on which its edit is in force, named by the first such day', () => {
    const both = (from: string, to: string) => [spanning('0001U', 1, from, to), spanning('0428U', 1, from, to)];
    const messages = (lines: Record<string, unknown>[]) => validateClaim(claimWith(lines), { tables }).issues.filter((i) => i.code === 'ncci.ptp').map((i) => i.message);
    expect(messages(both('2024-09-29', '2024-10-02'))).toEqual([expect.stringMatching(/^0428U is not paid with 0001U \(line 1\) on 2024-10-01:/)]);
    expect(messages(both('2024-09-29', '2024-09-30'))).toEqual([]);
    expect(messages([spanning('0001A', 1, '2023-12-30', '2024-01-02'), spanning('36591', 1, '2023-12-31', '2024-01-03')])).toEqual([expect.stringMatching(/on 2023-12-31:/)]);
  });

  it('a PTP pair applies when the lines share a day, judged on the first day they share', () => {
    const pair = (from: string, to: string, other: string) => [spanning('0001A', 1, from, to), line({ procedure: '36591', serviceDate: other })];
    expect(ncci(pair('2023-05-31', '2023-06-02', '2023-06-01'))).toEqual([['ncci.ptp', 'error', ['lines', 1, 'procedure']]]);
    expect(validateClaim(claimWith(pair('2023-05-31', '2023-06-02', '2023-06-02')), { tables }).issues.find((i) => i.code === 'ncci.ptp')?.message).toMatch(/on 2023-06-02:/);
    expect(ncci(pair('2023-05-31', '2023-06-02', '2023-06-03'))).toEqual([]);
  });

  it('an add-on\'s primary may be on a line whose span covers the add-on\'s day', () => {
    expect(ncci([spanning('11000', 1, '2026-07-01', '2026-07-03'), line({ procedure: '11001', serviceDate: '2026-07-02' })])).toEqual([]);
    expect(ncci([spanning('11000', 1, '2026-07-01', '2026-07-03'), line({ procedure: '11001', serviceDate: '2026-07-04' })])).toEqual([['ncci.addon_without_primary', 'error', ['lines', 1, 'procedure']]]);
    expect(ncci([line({ procedure: '11000', serviceDate: '2026-07-04' }), spanning('11001', 1, '2026-07-01', '2026-07-03')])).toEqual([['ncci.addon_without_primary', 'error', ['lines', 1, 'procedure']]]);
    expect(ncci([line({ procedure: '11000', serviceDate: '2026-07-03' }), spanning('11001', 1, '2026-07-01', '2026-07-03')])).toEqual([]);
  });
});

describe('ncci.addon_without_primary', () => {
  it('type 1 is an error, type 3 a warning, type 2 not applied; the primary on the same date satisfies it', () => {
    expect(ncci([line({ procedure: '11001' })])).toEqual([['ncci.addon_without_primary', 'error', ['lines', 0, 'procedure']]]);
    expect(ncci([line({ procedure: '11000' }), line({ procedure: '11001' })])).toEqual([]);
    expect(ncci([line({ procedure: '64484' })])).toEqual([['ncci.addon_without_primary', 'warning', ['lines', 0, 'procedure']]]);
    expect(ncci([line({ procedure: '99292' })])).toEqual([]);
  });

  it('an edit applies through its deletion date: 11001 alone on 2026-07-01 (the deletion date) is reported, on 2026-07-02 not', () => {
    const addOn = value(loadNcciAddOn('11001,11000,1,20100101,*,20100101,20260701,\n'));
    const alone = (serviceDate: string) =>
      validateClaim(claimWith([line({ procedure: '11001', serviceDate })]), { tables: { addOn } }).issues.filter((i) => i.code.startsWith('ncci.')).map((i) => [i.code, i.path]);
    expect(alone('2026-06-30')).toEqual([['ncci.addon_without_primary', ['lines', 0, 'procedure']]]);
    expect(alone('2026-07-01')).toEqual([['ncci.addon_without_primary', ['lines', 0, 'procedure']]]);
    expect(alone('2026-07-02')).toEqual([]);
  });
});

describe('modifier.terminated against the CMS HCPCS October 2026 file', () => {
  it('GD ended 2019-12-31 and JG 2024-12-31', () => {
    expect(ncci([line({ procedure: 'J3301', modifiers: ['GD'], serviceDate: '2019-12-31' })])).toEqual([]);
    expect(ncci([line({ procedure: 'J3301', modifiers: ['GD'], serviceDate: '2020-01-01' })])).toEqual([['modifier.terminated', 'error', ['lines', 0, 'modifiers', 0]]]);
    expect(ncci([line({ procedure: 'J3301', modifiers: ['jg'], serviceDate: '2025-01-01' })])).toEqual([['modifier.terminated', 'error', ['lines', 0, 'modifiers', 0]]]);
  });
});

describe('modifier.unknown against the CMS HCPCS October 2026 file', () => {
  const modifierIssues = (modifiers: string[], hcpcs: ClaimTables['hcpcs']) =>
    validateClaim(claimWith([line({ procedure: 'J3301', modifiers })]), { tables: hcpcs === undefined ? {} : { hcpcs } })
      .issues.filter((i) => i.code.startsWith('modifier.') && i.code !== 'modifier.misplaced')
      .map((i) => [i.code, i.path]);

  it('refuses a modifier beginning with a letter that the loaded file does not list, in any case', () => {
    expect(modifierIssues(['ZZ', 'ae', 'zy'], tables.hcpcs)).toEqual([
      ['modifier.unknown', ['lines', 0, 'modifiers', 0]],
      ['modifier.unknown', ['lines', 0, 'modifiers', 2]],
    ]);
  });

  it('leaves CPT modifiers (beginning with a digit: 25, 59, 1P) to a format check, and judges nothing without a file listing modifiers', () => {
    expect(modifierIssues(['25', '59', '1P'], tables.hcpcs)).toEqual([]);
    expect(modifierIssues(['ZZ'], undefined)).toEqual([]);
    expect(modifierIssues(['ZZ'], { procedures: new Map(), modifiers: new Map() })).toEqual([]);
  });
});
