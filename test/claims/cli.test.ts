import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsCommand } from '../../src/cli/claims.js';
import { fakeIo, type FakeIo } from '../cli/fakeIo.js';
import { goodClaim, line, sharedClaimsData } from './fixtures.js';
import { build837p } from './x12/build837p.js';

const bad = { ...goodClaim(), id: 'C-BAD', billingProvider: { npi: '1234567890' }, lines: goodClaim().lines.map((l) => ({ ...l, procedure: '9921' })) };

describe('medoffice claims validate', () => {
  it('prints a summary and the findings per claim, exit 1 when a claim is invalid', async () => {
    const io = fakeIo({ 'batch.json': JSON.stringify([goodClaim(), bad]) });
    expect(await claimsCommand.run(['validate', 'batch.json'], io)).toBe(1);
    // Each claim's findings as it is checked, the counts at the end.
    expect(io.stdout()).toMatch(/^C-BAD {2}.*INVALID\n/);
    expect(io.stdout()).toMatch(/\n\nclaims 2 {3}valid 1 {3}invalid 1\nmost frequent: npi.invalid ×1, procedure.format ×1\n$/);
    expect(io.stdout()).toContain('C-BAD');
    expect(io.stdout()).not.toContain('C-1001');
  });

  it('writes each claim\'s findings as it is checked, never the whole batch at once, as text or as one JSON object', async () => {
    const claims = Array.from({ length: 40 }, (_, i) => ({ ...bad, id: `C-${i}` }));
    const ndjson = `${[goodClaim(), ...claims].map((c) => JSON.stringify(c)).join('\n')}\n`;
    for (const format of ['text', 'json'] as const) {
      const writes: string[] = [];
      const io = fakeIo({ 'batch.ndjson': ndjson });
      expect(await claimsCommand.run(['validate', 'batch.ndjson', '--format', format], { ...io, out: (t) => writes.push(t) })).toBe(1);
      expect(writes.length, format).toBe(41);
      if (format === 'json') {
        const out = JSON.parse(writes.join('')) as { reports: { claimId: string }[]; summary: { claims: number; invalid: number } };
        expect(out.reports.map((r) => r.claimId)).toEqual(claims.map((c) => c.id));
        expect(out.summary).toMatchObject({ claims: 41, invalid: 40 });
      }
    }
    const clean = fakeIo({ 'one.ndjson': JSON.stringify(goodClaim()) });
    expect(await claimsCommand.run(['validate', 'one.ndjson', '--as-of', '2026-11-02', '--format', 'json'], clean)).toBe(0);
    expect(JSON.parse(clean.stdout())).toMatchObject({ reports: [], summary: { claims: 1, valid: 1 } });
  });

  it('closes the JSON it has begun when the input cannot be read to its end, so standard output stays one document', async () => {
    const io = fakeIo();
    const failing: typeof io = {
      ...io,
      readStream: async function* () {
        yield `${JSON.stringify(bad)}\n${JSON.stringify({ ...bad, id: 'C-2' })}\n`;
        throw new Error('it is not UTF-8 text (byte 9000 starts a sequence that is not UTF-8; save the file as UTF-8)');
      },
    };
    expect(await claimsCommand.run(['validate', 'batch.ndjson', '--format', 'json'], failing)).toBe(2);
    const out = JSON.parse(io.stdout()) as { reports: { claimId: string }[]; error: string; summary: unknown };
    expect(out.reports.map((r) => r.claimId)).toEqual(['C-BAD', 'C-2']);
    expect(out.error).toContain('byte 9000');
    expect(out.summary).toBeNull();
    expect(io.stderr()).toContain('byte 9000');
  });

  it('exits 0 when every claim is valid and reads a single JSON object', async () => {
    const io = fakeIo({ 'one.json': JSON.stringify(goodClaim()) });
    expect(await claimsCommand.run(['validate', 'one.json', '--as-of', '2026-11-02'], io)).toBe(0);
  });

  it('reads one pretty-printed JSON claim from standard input or a .txt file', async () => {
    for (const path of ['-', 'claim.txt']) {
      const io = fakeIo({ [path]: JSON.stringify(goodClaim(), null, 2) });
      expect(await claimsCommand.run(['validate', path, '--as-of', '2026-11-02', '--format', 'json'], io)).toBe(0);
      expect((JSON.parse(io.stdout()) as { summary: { claims: number } }).summary.claims).toBe(1);
    }
  });

  it('reads NDJSON and 837P, by extension or by sniffing standard input, and prints JSON', async () => {
    const ndjson = `${JSON.stringify(goodClaim())}\nnot json\n${JSON.stringify(bad)}\n`;
    const x12 = build837p([goodClaim(), bad]);
    for (const [path, text] of [['batch.ndjson', ndjson], ['batch.837', x12], ['batch.txt', x12], ['-', x12], ['-', ndjson]] as const) {
      const io = fakeIo({ [path]: text });
      expect(await claimsCommand.run(['validate', path, '--format', 'json'], io)).toBe(1);
      const out = JSON.parse(io.stdout()) as { summary: { claims: number; invalid: number } };
      expect(out.summary.claims).toBe(ndjson === text ? 3 : 2);
    }
  });

  it('counts X12 envelope problems apart from claims, and names why a file holds no claims', async () => {
    const x12 = build837p([goodClaim(), bad]);
    const cut = fakeIo({ 'cut.837': x12.slice(0, x12.indexOf('IEA')) });
    expect(await claimsCommand.run(['validate', 'cut.837', '--as-of', '2026-11-02'], cut)).toBe(1);
    expect(cut.stdout()).toMatch(/\nclaims 2 {3}valid 1 {3}invalid 1 {3}envelope problems 1\n/);
    expect(cut.stdout()).toContain('(envelope)  ISA 000000001  PROBLEM');
    const good = fakeIo({ 'good.837': build837p([goodClaim()]).slice(0, build837p([goodClaim()]).indexOf('IEA')) });
    expect(await claimsCommand.run(['validate', 'good.837', '--as-of', '2026-11-02', '--format', 'json'], good)).toBe(1);
    expect((JSON.parse(good.stdout()) as { summary: unknown }).summary).toMatchObject({ claims: 1, valid: 1, invalid: 0, envelopeProblems: 1 });
    const err: string[] = [];
    const stray = fakeIo({ 'stray.837': 'ISA*00*junk~' });
    expect(await claimsCommand.run(['validate', 'stray.837'], { ...stray, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toMatch(/stray\.837 holds no claims \(.+\)/);
  });

  it('reads files that start with a byte-order mark (as Windows tools save them)', async () => {
    for (const [path, text] of [['bom.json', JSON.stringify([goodClaim()])], ['bom.ndjson', JSON.stringify(goodClaim())], ['bom.837', build837p([goodClaim()])]] as const) {
      const io = fakeIo({ [path]: `\uFEFF${text}` });
      expect(await claimsCommand.run(['validate', path, '--format', 'json'], io), path).toBe(0);
      expect((JSON.parse(io.stdout()) as { summary: { claims: number; valid: number } }).summary).toMatchObject({ claims: 1, valid: 1 });
    }
  });

  it('names the X12 segment and element of every finding on 837P input, diagnosis findings included', async () => {
    const io = fakeIo({ 'bad.837': build837p([{ ...goodClaim(), diagnoses: ['T14.91A', 'I10'] }]) });
    expect(await claimsCommand.run(['validate', 'bad.837'], io)).toBe(1);
    const finding = io.stdout().split('\n').find((text) => text.startsWith('  error   icd10.seventh_character'));
    expect(finding).toMatch(/\[X12 HI \(segment \d+, element 1\)\]$/);
  });

  it('loads NCCI and HCPCS files with --ncci and --hcpcs', async () => {
    const io = { ...fakeIo({}), readText: (path: string) => (path === 'c.json' ? Promise.resolve(JSON.stringify([claim])) : readFile(path, 'utf8')) };
    const claim = { ...goodClaim(), lines: goodClaim().lines.map((l) => ({ ...l, procedure: '0001U', units: 2, serviceDate: '2026-08-03', serviceDateTo: '2026-08-03', modifiers: ['JG'] })) };
    const hcpcs = join(sharedClaimsData, 'hcpcs', 'HCPC2026_OCT_ANWEB.header-and-modifier-rows.excerpt.csv');
    const out: string[] = [];
    const code = await claimsCommand.run(['validate', 'c.json', '--ncci', join(sharedClaimsData, 'ncci'), '--hcpcs', hcpcs, '--format', 'json'], { ...io, out: (t) => out.push(t) });
    expect(code).toBe(1);
    const codes = (JSON.parse(out.join('')) as { reports: { issues: { code: string }[] }[] }).reports.flatMap((r) => r.issues.map((i) => i.code));
    expect(codes).toEqual(expect.arrayContaining(['ncci.mue', 'modifier.terminated']));
  });

  it('--ncci keeps every PTP file of a quarter (CMS splits them: ccipra-v322r0-f1 … f4), and refuses a folder with none', async () => {
    const rows = (await readFile(join(sharedClaimsData, 'ncci', 'ccipra-v322r0-f1.excerpt.txt'), 'utf8')).split(/\r?\n/);
    const folder = await mkdtemp(join(tmpdir(), 'ncci-'));
    await writeFile(join(folder, 'ccipra-v322r0-f1.txt'), [...rows.slice(0, 6), ...rows.filter((r) => r.startsWith('0001A\t'))].join('\n'));
    await writeFile(join(folder, 'ccipra-v322r0-f2.txt'), [...rows.slice(0, 6), ...rows.filter((r) => r.startsWith('0001U\t'))].join('\n'));
    const pair = (first: string, second: string, date: string) => ({ ...goodClaim(), id: `${first}-${second}`, lines: [first, second].map((procedure) => ({ ...line(), procedure, serviceDate: date, chargeCents: 100 })), totalChargeCents: 200 });
    const claims = fakeIo({ 'c.json': JSON.stringify([pair('0001A', '36591', '2023-06-01'), pair('0001U', '0030U', '2026-07-02')]) });
    const io = { ...claims, readText: (path: string) => (path === 'c.json' ? claims.readText(path) : readFile(path, 'utf8')) };
    expect(await claimsCommand.run(['validate', 'c.json', '--ncci', folder, '--format', 'json'], io)).toBe(1);
    const reports = (JSON.parse(claims.stdout()) as { reports: { claimId: string; issues: { code: string }[] }[] }).reports;
    expect(reports.map((r) => [r.claimId, r.issues.filter((i) => i.code === 'ncci.ptp').length])).toEqual([['0001A-36591', 1], ['0001U-0030U', 1]]);
    const empty = await mkdtemp(join(tmpdir(), 'ncci-'));
    expect(await claimsCommand.run(['validate', 'c.json', '--ncci', empty], fakeIo({ 'c.json': '[]' }))).toBe(2);
    await rm(folder, { recursive: true });
    await rm(empty, { recursive: true });
  });

  it('--ncci loads only the newest PTP release: an older one in the folder would bring back an edit the newer deleted', async () => {
    const current = await readFile(join(sharedClaimsData, 'ncci', 'ccipra-v322r0-f1.excerpt.txt'), 'utf8');
    // The previous quarter's file, in which 0001U/0029U was still in force (v322 deletes it on 2026-06-30).
    const previous = current.replace('0001U\t0029U\t\t20180701\t20260630', '0001U\t0029U\t\t20180701\t*');
    expect(previous).not.toBe(current);
    const folder = await mkdtemp(join(tmpdir(), 'ncci-'));
    await writeFile(join(folder, 'ccipra-v321r0-f1.txt'), previous);
    await writeFile(join(folder, 'ccipra-v322r0-f1.txt'), current);
    const pair = { ...goodClaim(), id: 'after-deletion', lines: ['0001U', '0029U'].map((procedure) => ({ ...line(), procedure, serviceDate: '2026-08-03', chargeCents: 100 })), totalChargeCents: 200 };
    const claims = fakeIo({ 'c.json': JSON.stringify([pair]) });
    const io = { ...claims, readText: (path: string) => (path === 'c.json' ? claims.readText(path) : readFile(path, 'utf8')) };
    expect(await claimsCommand.run(['validate', 'c.json', '--ncci', folder, '--format', 'json', '--as-of', '2026-11-02'], io)).toBe(0);
    expect(claims.stderr()).toContain('using PTP release v322r0; older releases left out: ccipra-v321r0-f1.txt');
    await rm(folder, { recursive: true });
  });

  it('--ncci uses the practitioner MUE table even beside the DME table of the same quarter', async () => {
    const mue = await readFile(join(sharedClaimsData, 'ncci', 'MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'), 'utf8');
    const folder = await mkdtemp(join(tmpdir(), 'ncci-'));
    await writeFile(join(folder, 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv'), mue);
    // A DME table listing other codes only: sorted first, it must not hide the practitioner limits.
    await writeFile(join(folder, 'MCR_MUE_DMESupplierServices_Eff_07-01-2026.csv'), mue.split(/\r?\n/).filter((row) => !/^"?0009U/.test(row)).join('\n'));
    const claim = { ...goodClaim(), lines: [{ ...line(), procedure: '0009U', units: 3, serviceDate: '2026-08-03', chargeCents: 100 }], totalChargeCents: 100 };
    const claims = fakeIo({ 'c.json': JSON.stringify(claim) });
    const io = { ...claims, readText: (path: string) => (path === 'c.json' ? claims.readText(path) : readFile(path, 'utf8')) };
    expect(await claimsCommand.run(['validate', 'c.json', '--ncci', folder, '--format', 'json', '--as-of', '2026-11-02'], io)).toBe(1);
    const codes = (JSON.parse(claims.stdout()) as { reports: { issues: { code: string }[] }[] }).reports.flatMap((r) => r.issues.map((i) => i.code));
    expect(codes).toContain('ncci.mue');
    await rm(folder, { recursive: true });
  });

  it('answers bad usage and unreadable input with exit 2', async () => {
    expect(await claimsCommand.run(['validate'], fakeIo())).toBe(2);
    expect(await claimsCommand.run(['validate', 'missing.json'], fakeIo())).toBe(2);
    expect(await claimsCommand.run(['validate', 'x.json', '--as-of', 'tomorrow'], fakeIo({ 'x.json': '[]' }))).toBe(2);
    for (const day of ['2026-02-30', '2026-13-01']) {
      const io = fakeIo({ 'one.json': JSON.stringify(goodClaim()) });
      expect(await claimsCommand.run(['validate', 'one.json', '--as-of', day], io), day).toBe(2);
      expect(await claimsCommand.run(['code', 'E11.9', '--date', day], io), day).toBe(2);
      expect(io.stdout()).toBe('');
    }
    expect(await claimsCommand.run(['validate', 'x.json'], fakeIo({ 'x.json': '[oops' }))).toBe(2);
  });

  it('shows help for --help and -h without a file, and names the table file that cannot be read', async () => {
    for (const args of [['validate', '--help'], ['validate', '-h'], ['code', '--help']]) {
      const io = fakeIo();
      expect(await claimsCommand.run(args, io), args.join(' ')).toBe(0);
      expect(io.stdout(), args.join(' ')).toContain('Usage: medoffice claims');
    }
    const base = fakeIo({ 'claim.json': JSON.stringify(goodClaim()) });
    const folder = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
    const io = { ...base, readText: (path: string) => (path === 'hcpcs' ? Promise.reject(folder) : base.readText(path)) };
    const err: string[] = [];
    expect(await claimsCommand.run(['validate', 'claim.json', '--hcpcs', 'hcpcs'], { ...io, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toContain('hcpcs is a folder, not a file');
    const notFolder = fakeIo({ 'claim.json': JSON.stringify(goodClaim()) });
    expect(await claimsCommand.run(['validate', 'claim.json', '--ncci', join(sharedClaimsData, 'ncci', 'ccipra-v322r0-f1.excerpt.txt')], notFolder)).toBe(2);
    expect(notFolder.stderr()).toContain('is not a folder (--ncci names the folder of NCCI files)');
  });

  it('answers empty, claimless, binary and folder inputs with exit 2 and nothing on standard output', async () => {
    const folder = { ...fakeIo(), readText: () => Promise.reject(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' })) };
    const cases: [string, FakeIo][] = [
      ['empty.json', fakeIo({ 'empty.json': '' })],
      ['blank.ndjson', fakeIo({ 'blank.ndjson': '\n\n' })],
      ['none.json', fakeIo({ 'none.json': '[]' })],
      ['junk.bin', fakeIo({ 'junk.bin': '\u0000\u00ff\u0013PK\u0003\u0004' })],
      ['-', fakeIo({ '-': '   ' })],
      ['claims', folder],
    ];
    for (const [path, io] of cases) {
      const err: string[] = [];
      expect(await claimsCommand.run(['validate', path], { ...io, err: (t) => err.push(t) }), path).toBe(2);
      expect(err.join(''), path).toContain(path);
      expect(io.stdout(), path).toBe('');
    }
  });
});

describe('medoffice claims code', () => {
  it('explains a procedure format and a place of service', async () => {
    const io = fakeIo();
    expect(await claimsCommand.run(['code', '0591T', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ kind: 'procedure', format: 'cpt-category-3' });
    const pos = fakeIo();
    expect(await claimsCommand.run(['code', '66', '--date', '2024-08-01', '--format', 'json'], pos)).toBe(0);
    expect(JSON.parse(pos.stdout())).toMatchObject({ kind: 'place-of-service', place: { code: '66' } });
  });

  it('explains an ICD-10-CM header with its billable children', async () => {
    const io = fakeIo();
    expect(await claimsCommand.run(['code', 'E11.6', '--date', '2026-11-02', '--format', 'json'], io)).toBe(0);
    const explained = JSON.parse(io.stdout()) as { kind: string; lookup: { billable: boolean }; children: { code: string }[] };
    expect(explained.kind).toBe('icd10');
    expect(explained.lookup.billable).toBe(false);
    expect(explained.children.map((c) => c.code)).toContain('E11.65');
  });

  it('gives both readings of J0131 (HCPCS J0131, diagnosis J01.31), and one of J01.31', async () => {
    const json = fakeIo();
    expect(await claimsCommand.run(['code', 'J0131', '--date', '2026-11-02', '--format', 'json'], json)).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({ kind: 'ambiguous', code: 'J0131', procedure: { format: 'hcpcs-level-2' }, icd10: { lookup: { code: 'J01.31' } } });
    const text = fakeIo();
    expect(await claimsCommand.run(['code', 'J0131', '--date', '2026-11-02'], text)).toBe(0);
    expect(text.stdout().split('\n').slice(1, 3).map((row) => row.slice(0, 22))).toEqual(['as a procedure: J0131 ', 'as a diagnosis: J01.31']);
    const dotted = fakeIo();
    expect(await claimsCommand.run(['code', 'J01.31', '--date', '2026-11-02', '--format', 'json'], dotted)).toBe(0);
    expect(JSON.parse(dotted.stdout())).toMatchObject({ kind: 'icd10', lookup: { code: 'J01.31' } });
  });

  it('exits 1 for a code that is nothing known', async () => {
    expect(await claimsCommand.run(['code', 'QQQ'], fakeIo())).toBe(1);
  });

  it('says a diagnosis code was not looked up, never that it is unknown, on a date no code set covers (exit 2)', async () => {
    for (const date of ['2027-10-05', '2015-09-30']) {
      const io = fakeIo();
      expect(await claimsCommand.run(['code', 'I10', '--date', date], io), date).toBe(2);
      expect(io.stdout(), date).toBe(`I10: not looked up as a diagnosis: no ICD-10-CM code set covers ${date} (covered: 2015-10-01 to 2027-09-30); it is not a procedure code or a place of service\n`);
      expect(io.stdout(), date).not.toContain('not an ICD-10-CM code');
      const json = fakeIo();
      expect(await claimsCommand.run(['code', 'e11.9', '--date', date, '--format', 'json'], json), date).toBe(2);
      expect(JSON.parse(json.stdout())).toEqual({ kind: 'no-code-set', code: 'e11.9', date, covered: [{ from: '2015-10-01', to: '2027-09-30' }] });
    }
    // The default date is the io's today; codes other than diagnoses are still explained.
    const later = fakeIo({}, '2027-10-05');
    expect(await claimsCommand.run(['code', 'I10', '--format', 'json'], later)).toBe(2);
    expect(await claimsCommand.run(['code', '0591T', '--date', '2027-10-05'], fakeIo())).toBe(0);
    expect(await claimsCommand.run(['code', '11', '--date', '2027-10-05'], fakeIo())).toBe(0);
    expect(await claimsCommand.run(['code', 'I10', '--date', '2027-09-30'], fakeIo())).toBe(0);
  });

  it('names the subcommand in its usage errors', async () => {
    for (const [args, prefix] of [
      [['validate'], 'medoffice claims validate: give one file'],
      [['validate', 'x.json', '--as-of', 'soon'], 'medoffice claims validate: --as-of must be'],
      [['validate', '--bogus'], "medoffice claims validate: Unknown option '--bogus'"],
      [['code'], 'medoffice claims code: give one code'],
      [['code', 'I10', '--date', 'soon'], 'medoffice claims code: --date must be'],
    ] as const) {
      const io = fakeIo();
      expect(await claimsCommand.run(args, io), args.join(' ')).toBe(2);
      expect(io.stderr().startsWith(prefix), io.stderr()).toBe(true);
    }
  });
});
