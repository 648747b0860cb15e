import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/cli/nodeIo.js';
import { bookCommand } from '../../src/cli/schedule/book.js';
import { optimizeCommand } from '../../src/cli/schedule/optimize.js';
import { simulateCommand } from '../../src/cli/schedule/simulate.js';
import { slotsCommand } from '../../src/cli/schedule/slots.js';
import { simulateSessions } from '../../src/scheduling/simulate/simulateSessions.js';
import { clinicInput } from '../scheduling/fixtures.js';
import { fakeIo } from './fakeIo.js';

// Urgent hold: the last quarter of each stretch (11:15-12:00 for dr-lee's morning) until 10:00 that day.
const held = JSON.stringify(clinicInput({ policy: { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365, urgentHold: { share: 0.25, release: '10:00' } } }));
const bookAt = (start: string, ...more: string[]): string[] => ['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee', '--start', start, '--patient', 'p1', ...more];

function codesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { issues: { code: string }[] }).issues.map((issue) => issue.code);
}

describe('medoffice schedule book and urgent holds', () => {
  it('refuses held time by the io clock, as slots hides it, and books it once the hold is released', async () => {
    const dayBefore = fakeIo({ 'clinic.json': held }, '2026-11-01', '2026-11-01T12:00:00-05:00');
    expect(await bookCommand.run([...bookAt('2026-11-02T11:30'), '--format', 'json'], dayBefore)).toBe(1);
    expect(codesOf(dayBefore.stdout())).toEqual(['booking.held_for_urgent']);
    const released = fakeIo({ 'clinic.json': held }, '2026-11-02', '2026-11-02T10:30:00-05:00');
    expect(await bookCommand.run(bookAt('2026-11-02T11:30'), released)).toBe(0);
  });

  it('takes the moment from --now, and lets --urgent use held time on the day of --now', async () => {
    const clockAfterRelease = '2026-11-02T11:00:00-05:00';
    const early = fakeIo({ 'clinic.json': held }, '2026-11-02', clockAfterRelease);
    expect(await bookCommand.run([...bookAt('2026-11-02T11:30', '--now', '2026-11-02T08:00:00-05:00'), '--format', 'json'], early)).toBe(1);
    expect(codesOf(early.stdout())).toEqual(['booking.held_for_urgent']);
    const urgent = fakeIo({ 'clinic.json': held }, '2026-11-02', clockAfterRelease);
    expect(await bookCommand.run([...bookAt('2026-11-02T11:30', '--now', '2026-11-02T08:00:00-05:00', '--urgent'), '--format', 'json'], urgent)).toBe(0);
    expect((JSON.parse(urgent.stdout()) as { appointment: { urgent?: boolean } }).appointment.urgent).toBe(true);
    const dateOnly = fakeIo({ 'clinic.json': held });
    expect(await bookCommand.run(bookAt('2026-11-02T11:30', '--now', '2026-11-02'), dateOnly)).toBe(2);
    expect(dateOnly.stderr()).toContain('booking.request at now');
  });
});

describe('medoffice schedule book --out', () => {
  it('writes back every field of the clinic file, those the schema does not know included, adding only the appointment', async () => {
    const input = clinicInput({ appointments: [{ id: 'appt-1', patientId: 'p0', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T08:00-05:00', end: '2026-11-02T08:20-05:00', status: 'booked', resourceIds: ['room-2'] }] });
    const extra = {
      clinicName: 'Lakeside Family Practice',
      ...input,
      providers: input.providers.map((p, i) => (i === 0 ? { ...p, npi: '1234567893' } : p)),
      appointmentTypes: input.appointmentTypes.map((t, i) => (i === 0 ? { ...t, cptCode: '99213' } : t)),
      appointments: input.appointments?.map((a) => ({ ...a, note: 'kept as written' })),
    };
    const io = fakeIo({ 'clinic.json': JSON.stringify(extra) });
    expect(await bookCommand.run(bookAt('2026-11-02T09:00', '--out', 'clinic.json'), io)).toBe(0);
    const written = JSON.parse(io.files.get('clinic.json') ?? '{}') as typeof extra & { appointments: { id: string; start: string }[] };
    const { appointments, ...rest } = written;
    const { appointments: before, ...restBefore } = extra;
    expect(rest).toEqual(restBefore);
    expect(appointments[0]).toEqual(before?.[0]);
    expect(appointments.map((a) => [a.id, a.start])).toEqual([['appt-1', '2026-11-02T08:00-05:00'], ['appt-2', '2026-11-02T09:00:00-05:00']]);
    // The file written is a clinic file that books on: the new appointment is in the way.
    const again = fakeIo({ 'clinic.json': io.files.get('clinic.json') ?? '' });
    expect(await bookCommand.run([...bookAt('2026-11-02T09:00'), '--format', 'json'], again)).toBe(1);
    // The same patient with the same provider at the same time: both are busy with appt-2.
    expect(codesOf(again.stdout())).toEqual(['booking.provider_conflict', 'booking.patient_conflict']);
  });

  it('replaces the clinic file it was given (the io is asked to replace it)', async () => {
    const io = fakeIo({ 'clinic.json': JSON.stringify(clinicInput()) });
    const replacing: boolean[] = [];
    const watched = { ...io, writeText: (path: string, text: string, options?: { replace?: boolean }) => (replacing.push(options?.replace === true), io.writeText(path, text, options)) };
    expect(await bookCommand.run(bookAt('2026-11-02T09:00', '--out', 'clinic.json'), watched)).toBe(0);
    expect(replacing).toEqual([true]);
  });

  it('refuses --out - (standard output carries the report) as bad usage, writing nothing', async () => {
    const io = fakeIo({ 'clinic.json': JSON.stringify(clinicInput()) });
    expect(await bookCommand.run(bookAt('2026-11-02T09:00', '--out', '-'), io)).toBe(2);
    expect(io.stderr()).toContain("medoffice schedule book: --out needs a file name, not '-'");
    expect([...io.files.keys()]).toEqual(['clinic.json']);
    expect(io.stdout()).toBe('');
  });
});

describe('medoffice schedule: an invalid clinic file is a problem in the input (exit 1), an unreadable one exit 2', () => {
  it('answers slots and book alike', async () => {
    const invalid = JSON.stringify({ ...clinicInput(), zone: 'Mars/Olympus' });
    const slots = ['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'];
    for (const run of [(io: ReturnType<typeof fakeIo>) => slotsCommand.run(slots, io), (io: ReturnType<typeof fakeIo>) => bookCommand.run(bookAt('2026-11-02T09:00'), io)]) {
      const bad = fakeIo({ 'clinic.json': invalid });
      expect(await run(bad)).toBe(1);
      expect(bad.stderr()).toContain('clinic.json: error time.unknown_zone at zone');
      expect(await run(fakeIo({ 'clinic.json': '{"zone":' }))).toBe(2);
      expect(await run(fakeIo({}))).toBe(2);
    }
  });
});

describe('medoffice schedule slots --limit', () => {
  it('refuses a limit past the largest safe whole number in its own words', async () => {
    const io = fakeIo({ 'clinic.json': JSON.stringify(clinicInput()) });
    expect(await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02', '--limit', '99999999999999999999'], io)).toBe(2);
    expect(io.stderr()).toContain("medoffice schedule slots: --limit must be a whole number from 1 to 9007199254740991, not '99999999999999999999'");
    expect(io.stderr()).not.toContain('Too big');
  });
});

describe('medoffice schedule optimize', () => {
  it('reports a session whose slots hold too many patients at slots, the key the file has', async () => {
    const io = fakeIo({ 'big.json': JSON.stringify({ slots: [1e9], intervalMinutes: 15, service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 }) });
    expect(await optimizeCommand.run(['big.json'], io)).toBe(1);
    expect(io.stderr()).toMatch(/^big\.json: error schedule\.too_many_patients at slots: /);
  });
});

const scenario = JSON.stringify({
  sessionMinutes: 60,
  classes: { visit: { service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 } },
  schedule: { slots: [1, 1, 1, 1], intervalMinutes: 15, class: 'visit' },
});

describe('medoffice schedule simulate options', () => {
  it('takes --reps and --workers only as plain whole numbers in range, answering anything else as bad usage naming the option', async () => {
    const cases = [['--reps', '1e3'], ['--reps', '0x10'], ['--reps', ' 5'], ['--reps', '5.0'], ['--reps', '0'], ['--reps', '50000001'], ['--reps', '-3'], ['--workers', '1e1'], ['--workers', '257'], ['--workers', ' 2']] as const;
    for (const [option, value] of cases) {
      const io = fakeIo({ 's.json': scenario });
      expect(await simulateCommand.run(['s.json', `${option}=${value}`], io), `${option} ${value}`).toBe(2);
      expect(io.stderr(), `${option} ${value}`).toContain(`medoffice schedule simulate: ${option} must be a whole number from `);
      expect(io.stdout()).toBe('');
    }
    const io = fakeIo({ 's.json': scenario });
    expect(await simulateCommand.run(['s.json', '--reps', '20', '--workers', '0'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^20 replications/);
  });

  it('reads --seed=-5 as the integer −5 (the help says "an integer or a word"), reproducing simulateSessions with seed −5', async () => {
    const io = fakeIo({ 's.json': scenario });
    expect(await simulateCommand.run(['s.json', '--reps', '5', '--seed=-5', '--format', 'json'], io)).toBe(0);
    const printed = JSON.parse(io.stdout()) as { seed: unknown; kpis: { waitTotal: { mean: number } } };
    expect(printed.seed).toBe(-5);
    const library = simulateSessions(JSON.parse(scenario), { replications: 5, seed: -5 });
    if (!library.ok) throw new Error(JSON.stringify(library.issues));
    expect(printed.kpis.waitTotal.mean).toBe(library.value.kpis.waitTotal.mean);
  });
});

describe('medoffice schedule simulate --report', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'medoffice-cli-report-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('leaves an existing file alone without --force, and says so before simulating', async () => {
    const existing = join(folder, 'victim.json');
    await writeFile(existing, '{"keep":true}');
    const io = { ...fakeIo({ 's.json': scenario }), writeText: nodeIo().writeText };
    expect(await simulateCommand.run(['s.json', '--reps', '10', '--report', existing], io)).toBe(2);
    expect(io.stderr()).toBe(`medoffice schedule simulate: cannot write the report ${existing}: it already exists; pass --force to replace it\n`);
    expect(await readFile(existing, 'utf8')).toBe('{"keep":true}');
    expect(io.stdout()).toBe('');
    // Before simulating: a scenario with problems is not even read for them.
    const early = { ...fakeIo({ 's.json': '{}' }), writeText: nodeIo().writeText };
    expect(await simulateCommand.run(['s.json', '--reps', '10', '--report', existing], early)).toBe(2);
    expect(early.stderr()).toContain('it already exists');
  });

  it('says before simulating that the report would be a folder or lie in a folder that does not exist, --force or not', async () => {
    for (const [target, reason] of [[folder, 'it is a folder'], [join(folder, 'no-such-folder', 'r.html'), 'its folder does not exist']] as const) {
      for (const force of [[], ['--force']]) {
        const io = { ...fakeIo({ 's.json': '{}' }), writeText: nodeIo().writeText };
        expect(await simulateCommand.run(['s.json', '--reps', '10', '--report', target, ...force], io)).toBe(2);
        expect(io.stderr()).toBe(`medoffice schedule simulate: cannot write the report ${target}: ${reason}\n`);
      }
    }
  });

  it('replaces an existing file with --force', async () => {
    const existing = join(folder, 'old.html');
    await writeFile(existing, 'old');
    const io = { ...fakeIo({ 's.json': scenario }), writeText: nodeIo().writeText };
    expect(await simulateCommand.run(['s.json', '--reps', '10', '--report', existing, '--force'], io)).toBe(0);
    expect(await readFile(existing, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('refuses --report - and --force without --report as bad usage', async () => {
    const dash = fakeIo({ 's.json': scenario });
    expect(await simulateCommand.run(['s.json', '--reps', '10', '--report', '-'], dash)).toBe(2);
    expect(dash.stderr()).toContain("--report needs a file name, not '-'");
    expect([...dash.files.keys()]).toEqual(['s.json']);
    const force = fakeIo({ 's.json': scenario });
    expect(await simulateCommand.run(['s.json', '--reps', '10', '--force'], force)).toBe(2);
    expect(force.stderr()).toContain('--force only applies with --report');
  });
});
