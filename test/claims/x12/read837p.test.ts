import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read837p } from '../../../src/claims/x12/read837p.js';
import { delimitersOf } from '../../../src/claims/x12/delimiters.js';
import { validateClaims, type BatchClaimReport } from '../../../src/claims/validateClaims.js';
import { goodClaim } from '../fixtures.js';
import { build837p, isaHeader } from './build837p.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('read837p', () => {
  it('takes the delimiters from ISA', () => {
    expect(isaHeader()).toHaveLength(106);
    expect(delimitersOf(isaHeader('|', '>', '\n'))).toEqual({ element: '|', component: '>', repetition: '^', segment: '\n' });
  });

  it('maps a claim into the claim model (billing provider 20, subscriber 22, CLM, HI, NM1*82, SV1, DTP*472)', async () => {
    const [entry] = await collect(read837p(build837p([goodClaim()])));
    expect(entry?.issues).toEqual([]);
    expect(entry?.claim).toEqual({
      ...goodClaim(),
      diagnoses: ['E119', 'I10'],
      renderingProvider: { npi: '1234567893' },
      lines: [{ ...goodClaim().lines[0], serviceDateTo: undefined }].map(({ serviceDateTo, ...rest }) => ({ ...rest, unitBasis: 'UN' })),
    });
  });

  it('never lets a later segment change a claim already begun, whole or in chunks (an unknown HL level between two subscribers)', async () => {
    const other = { ...goodClaim(), id: 'C-2002', patient: { birthDate: '2030-01-01', sex: 'M' } };
    const text = build837p([goodClaim(), other]).replace('HL*3*1*22*0', 'HL*3*1*2X*0');
    const whole = await collect(read837p(text));
    const chunked = await collect(read837p(text.match(/[\s\S]{1,50}/g) ?? []));
    const first = (entries: typeof whole) => entries.find((e) => e.claim !== undefined && (e.claim as { id?: string }).id === 'C-1001');
    expect((first(whole)?.claim as { patient?: unknown } | undefined)?.patient).toEqual({ birthDate: '1980-04-02', sex: 'F' });
    expect(whole.map((e) => e.claim)).toEqual(chunked.map((e) => e.claim));
    expect(whole.some((e) => e.issues.some((i) => i.code === 'x12.segment'))).toBe(true);
  });

  it('reports an interchange cut short (no IEA), a truncated ISA, and a terminator that never comes', async () => {
    const codes = async (source: string | string[]) => (await collect(read837p(source))).flatMap((e) => e.issues.map((i) => [i.code, i.message.slice(0, 40)]));
    const text = build837p([goodClaim()]);
    expect(await codes(text.slice(0, text.indexOf('IEA')))).toEqual([['x12.envelope', 'interchange 000000001 has no IEA trailer']]);
    const message = async (source: string) => (await collect(read837p(source))).flatMap((e) => e.issues.map((i) => i.message));
    expect(await message('ISA*00*    ')).toEqual([expect.stringContaining('the ISA header is not 106 characters of fixed-width elements')]);
    expect(await message(`ISA*00*short*00*${'x'.repeat(120)}~GS*HC~`)).toEqual([expect.stringContaining('the ISA header is not 106 characters')]);
    expect(await message('IS')).toEqual(['the input does not start with an ISA interchange header']);
    expect(await message('GS*HC*A*B~')).toEqual(['the input does not start with an ISA interchange header']);
    const runOn = isaHeader() + 'GS*HC'.padEnd(2_200_000, '*x');
    expect(await codes(runOn.match(/[\s\S]{1,65536}/g) ?? [])).toEqual([['x12.envelope', 'no segment terminator within 1048576 cha']]);
    const cut = text.slice(0, text.indexOf('IEA'));
    expect((await codes(cut + text)).filter(([code]) => code === 'x12.envelope')).toEqual([['x12.envelope', 'interchange 000000001 has no IEA trailer']]);
  });

  it('marks envelope problems as such, but not a claim that could not be placed (CLM outside a subscriber level)', async () => {
    const text = build837p([goodClaim()]);
    const cut = await collect(read837p(text.slice(0, text.indexOf('IEA'))));
    expect(cut.map((e) => e.envelope === true)).toEqual([false, true]);
    const stray = await collect(read837p(text.replace('HL*2*1*22*0', 'HL*2*1*2X*0')));
    const clm = stray.find((e) => e.issues.some((i) => i.message.startsWith('CLM outside')));
    expect(clm?.envelope).toBeUndefined();
    expect(stray.map((e) => [e.envelope === true, e.issues[0]?.message.slice(0, 14)])).toEqual([[true, 'HL level 2X is'], [false, 'CLM outside a ']]);
  });

  it('reads the same claims whatever the chunking, the delimiters and a leading byte-order mark', async () => {
    const text = build837p([goodClaim(), { ...goodClaim(), id: 'C-1002' }]);
    const whole = await collect(read837p(text));
    const chunks = text.match(/[\s\S]{1,7}/g) ?? [];
    const chunked = await collect(read837p(chunks));
    expect(chunked.map((e) => e.claim)).toEqual(whole.map((e) => e.claim));
    const piped = text.replace(/^ISA.{102}/, isaHeader('|', '>', '~', '000000001').slice(0, 105)).replaceAll('*', '|').replaceAll(':', '>');
    const other = await collect(read837p(piped));
    expect(other.map((e) => e.claim)).toEqual(whole.map((e) => e.claim));
    for (const marked of [`\uFEFF${text}`, ['\uFEFF', ...chunks], [`\uFEFF${chunks[0] ?? ''}`, ...chunks.slice(1)]]) {
      const read = await collect(read837p(marked));
      expect(read.map((e) => [e.issues, e.claim])).toEqual(whole.map((e) => [[], e.claim]));
    }
  });

  it('maps every issue back to its segment and element', async () => {
    const bad = { ...goodClaim(), lines: goodClaim().lines.map((l) => ({ ...l, procedure: '9921', diagnosisPointers: [1, 5] })) };
    const [report] = (await collect(validateClaims({ x12: build837p([bad]) }))) as BatchClaimReport[];
    const procedure = report?.issues.findIndex((i) => i.code === 'procedure.format') ?? -1;
    expect(report?.locations?.[procedure]).toEqual({ segment: 'SV1', position: expect.any(Number), element: 1 });
    expect(report?.issues[procedure]?.source).toMatch(/^X12 SV1 \(segment \d+, element 1\)/);
    const pointer = report?.issues.findIndex((i) => i.code === 'pointer.invalid') ?? -1;
    expect(report?.locations?.[pointer]).toMatchObject({ segment: 'SV1', element: 7 });
  });

  it('reads SV103 as the unit basis: MJ minutes are kept, and an unknown basis is reported at SV1 element 3', async () => {
    const minutes = { ...goodClaim(), lines: goodClaim().lines.map((l) => ({ ...l, procedure: '00142', units: 95, unitBasis: 'MJ' })) };
    const [read] = await collect(read837p(build837p([minutes])));
    expect(read?.claim).toMatchObject({ lines: [{ procedure: '00142', units: 95, unitBasis: 'MJ' }] });
    const odd = { ...minutes, lines: minutes.lines.map((l) => ({ ...l, unitBasis: 'MN' })) };
    const [report] = (await collect(validateClaims({ x12: build837p([odd]) }))) as BatchClaimReport[];
    const at = report?.issues.findIndex((i) => i.code === 'line.unit_basis') ?? -1;
    expect(at).toBeGreaterThanOrEqual(0);
    expect(report?.locations?.[at]).toMatchObject({ segment: 'SV1', element: 3 });
  });

  it('holds DTP*472 to its qualifier (D8 one date, RD8 a range) and names SV101 for a bad qualifier', async () => {
    const issuesOf = async (text: string) => ((await collect(read837p(text)))[0]?.issues ?? []).map((i) => [i.path, i.source?.replace(/segment \d+/, 'segment n')]);
    const good = build837p([goodClaim()]);
    expect(await issuesOf(good)).toEqual([]);
    expect(await issuesOf(good.replace('DTP*472*D8*20261102', 'DTP*472*RD8*20261102'))).toEqual([[['lines', 0, 'serviceDate'], 'X12 DTP (segment n, element 3)']]);
    expect(await issuesOf(good.replace('DTP*472*D8*20261102', 'DTP*472*D8*20261102-20261103'))).toEqual([[['lines', 0, 'serviceDate'], 'X12 DTP (segment n, element 3)']]);
    expect(await issuesOf(good.replace('DTP*472*D8*20261102', 'DTP*472*DT*20261102'))).toEqual([[['lines', 0, 'serviceDate'], 'X12 DTP (segment n, element 2)']]);
    expect(await issuesOf(good.replace('DTP*472*D8*20261102', 'DTP*472*RD8*20261102-20261103'))).toEqual([]);
    expect(await issuesOf(good.replace('SV1*HC:', 'SV1*ZZ:'))).toEqual([[['lines', 0, 'procedure'], 'X12 SV1 (segment n, element 1)']]);
  });

  it('maps provider, patient and diagnosis issues to NM1*85, DMG and the HI element', async () => {
    const claim = { ...goodClaim(), billingProvider: { npi: '1234567890', taxId: '123456789', taxonomy: '207Q00000X' }, patient: { birthDate: '2026-12-01', sex: 'F' }, diagnoses: ['E11.9', 'E11'] };
    const [report] = await collect(validateClaims({ x12: build837p([claim]) }, { asOf: '2026-11-02' }));
    const where = (code: string) => report?.locations?.[report.issues.findIndex((i) => i.code === code)];
    expect(where('npi.invalid')).toMatchObject({ segment: 'NM1', element: 9 });
    expect(where('date.future')).toMatchObject({ segment: 'DMG', element: 2 });
    expect(where('icd10.not_billable')).toMatchObject({ segment: 'HI', element: 2 });
  });

  it('maps billing taxonomy and tax id to PRV*BI and REF, and the patient to the DMG of a patient level (HL 23)', async () => {
    const claim = { ...goodClaim(), billingProvider: { npi: '1234567893', taxId: '12', taxonomy: 'XYZ' } };
    const [report] = await collect(validateClaims({ x12: build837p([claim]) }, { asOf: '2026-11-02' }));
    const where = (found: BatchClaimReport | undefined, code: string) => found?.locations?.[found.issues.findIndex((i) => i.code === code)];
    expect(where(report, 'provider.taxonomy')).toMatchObject({ segment: 'PRV', element: 3 });
    expect(where(report, 'provider.tax_id')).toMatchObject({ segment: 'REF', element: 2 });
    const patientLevel = build837p([goodClaim()]).replace('DMG*D8*19800402*F~\n', 'DMG*D8*19800402*F~\nHL*3*2*23*0~\nPAT*19~\nNM1*QC*1*DOE*JIM~\nDMG*D8*20261201*Q~\n');
    const [child] = await collect(validateClaims({ x12: patientLevel }, { asOf: '2026-11-02' }));
    expect(child?.issues.map((i) => i.path)).toEqual([['patient', 'sex']]);
    expect(where(child, 'claim.schema')).toMatchObject({ segment: 'DMG', element: 3 });
    const bornText = patientLevel.replace('20261201*Q', '20261201*M');
    const [born] = await collect(validateClaims({ x12: bornText }, { asOf: '2026-11-02' }));
    const patientDmg = bornText.split('~\n').indexOf('DMG*D8*20261201*M') + 1;
    expect(where(born, 'date.future')).toEqual({ segment: 'DMG', position: patientDmg, element: 2 });
  });

  it('reports a malformed segment or transaction with its place and goes on with the batch', async () => {
    const text = build837p([goodClaim(), { ...goodClaim(), id: 'C-2' }], 1)
      .replace('SV1*HC:99213:25*125', 'SV1*HC:99213:25*12x5')
      .replace(/SE\*\d+\*0002/, 'SE*3*0002');
    const reports = await collect(validateClaims({ x12: text }));
    expect(reports.map((r) => [r.claimId, r.valid, r.issues.map((i) => i.code)])).toEqual([
      ['C-1001', false, ['x12.segment']],
      ['C-2', true, []],
      [undefined, false, ['x12.envelope']],
    ]);
    expect(reports[2]?.place).toMatch(/^ST 0002/);
  });

  it('checks the group and interchange trailers (GE, IEA) against what they close', async () => {
    const text = build837p([goodClaim()]).replace('GE*1*1', 'GE*2*1').replace('IEA*1*000000001', 'IEA*1*000000009');
    const reports = await collect(validateClaims({ x12: text }));
    expect(reports.map((r) => [r.valid, r.issues.map((i) => i.code)])).toEqual([
      [true, []],
      [false, ['x12.envelope']],
      [false, ['x12.envelope']],
    ]);
    expect(reports[1]?.issues[0]?.source).toMatch(/^X12 GE/);
  });

  it('reads diagnoses from ABK/ABF only: condition codes (BG) are skipped, ICD-9 (BK) is reported', async () => {
    const text = build837p([goodClaim()]).replace('HI*ABK:E119*ABF:I10', 'HI*ABK:E119*ABF:I10~\nHI*BG:01');
    const [entry] = await collect(read837p(text));
    expect(entry?.issues).toEqual([]);
    expect((entry?.claim as { diagnoses: string[] }).diagnoses).toEqual(['E119', 'I10']);
    const [icd9] = await collect(validateClaims({ x12: build837p([goodClaim()]).replace('HI*ABK:E119', 'HI*BK:25000') }));
    expect(icd9?.issues.map((i) => [i.code, i.path])).toEqual([['x12.segment', ['diagnoses', 0]]]);
  });

  it('reports input that is not an interchange', async () => {
    const reports = await collect(validateClaims({ x12: 'hello world, not x12' }));
    expect(reports.map((r) => r.issues.map((i) => i.code))).toEqual([['x12.envelope']]);
  });

  describe('properties', () => {
    it('never throws on a damaged interchange, and every claim it reads keeps its place', async () => {
      const text = build837p([goodClaim(), { ...goodClaim(), id: 'C-2' }], 1);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 12 }), async (at, cut, insert) => {
          const damaged = text.slice(0, at) + insert + text.slice(at + cut);
          const reports = await collect(validateClaims({ x12: damaged }));
          expect(reports.length).toBeGreaterThan(0);
          for (const report of reports) expect(report.place).not.toBe('');
        }),
        { numRuns: 150 },
      );
    });
  });
});
