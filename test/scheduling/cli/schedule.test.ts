import { describe, expect, it } from 'vitest';
import { bookCommand } from '../../../src/cli/schedule/book.js';
import type { CliIo } from '../../../src/cli/command.js';
import { slotsCommand } from '../../../src/cli/schedule/slots.js';
import { clinicInput } from '../fixtures.js';

type TestIo = CliIo & { stdout: string[]; stderr: string[]; files: Record<string, string> };

/** An in-memory io whose clock reads `now` (a month before the fixture's appointments by default). */
function fakeIo(files: Record<string, string>, now = '2026-10-01T08:00:00-04:00'): TestIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    files,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    writeText: async (path, text) => {
      files[path] = text;
    },
    readStream: async function* (path) {
      yield files[path] ?? '';
    },
    today: () => now.slice(0, 10),
    now: () => now,
  };
}

const clinicJson = JSON.stringify(clinicInput());

describe('medoffice schedule slots', () => {
  it('lists slots as text and json', async () => {
    const io = fakeIo({ 'clinic.json': clinicJson });
    const args = ['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'];
    expect(await slotsCommand.run(args, io)).toBe(0);
    const lines = io.stdout.join('').split('\n');
    expect(lines[0]).toMatch(/^\d+ free scan slots/);
    expect(lines[1]).toContain('2026-11-02 09:00-09:30 (-05:00)  dr-lee');
    const json = fakeIo({ 'clinic.json': clinicJson });
    expect(await slotsCommand.run([...args, '--format', 'json', '--limit', '2', '--patient-zone', 'Asia/Tokyo'], json)).toBe(0);
    const slots = JSON.parse(json.stdout.join('')) as { start: string; patientStart: string }[];
    expect(slots.map((s) => [s.start, s.patientStart])).toEqual([
      ['2026-11-02T09:00:00-05:00', '2026-11-02T23:00:00+09:00'],
      ['2026-11-02T09:15:00-05:00', '2026-11-02T23:15:00+09:00'],
    ]);
  });

  it('asks as of the current moment from the io\'s clock when --now is not given: past slots are gone and a released urgent hold is free', async () => {
    // Urgent hold: the last quarter of each stretch (11:15-12:00 and 16:00-17:00 for dr-lee) until 10:00.
    const clinic = JSON.stringify(clinicInput({ policy: { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365, urgentHold: { share: 0.25, release: '10:00' } } }));
    const args = ['--clinic', 'clinic.json', '--type', 'follow-up', '--from', '2026-11-02', '--to', '2026-11-02', '--provider', 'dr-lee', '--format', 'json'];
    const io = fakeIo({ 'clinic.json': clinic }, '2026-11-02T10:46:05-05:00');
    expect(await slotsCommand.run(args, io)).toBe(0);
    const starts = (JSON.parse(io.stdout.join('')) as { start: string }[]).map((slot) => slot.start.slice(11, 16));
    expect(starts.slice(0, 4)).toEqual(['11:00', '11:15', '11:30', '13:00']);
    expect(starts).toContain('16:00');
    // The same as asking with --now.
    const explicit = fakeIo({ 'clinic.json': clinic }, '2026-01-01T00:00:00Z');
    expect(await slotsCommand.run([...args, '--now', '2026-11-02T10:46:05-05:00'], explicit)).toBe(0);
    expect(explicit.stdout.join('')).toBe(io.stdout.join(''));
  });

  it('explains a --now that is a date alone, and refuses stray words, as bad usage', async () => {
    const base = ['--clinic', 'clinic.json', '--type', 'follow-up', '--from', '2026-11-02', '--to', '2026-11-02'];
    const dateOnly = fakeIo({ 'clinic.json': clinicJson });
    expect(await slotsCommand.run([...base, '--now', '2026-11-01'], dateOnly)).toBe(2);
    const said = dateOnly.stderr.join('');
    expect(said).toContain('slots.query at now');
    expect(said).toContain('a date alone is not a moment');
    expect(said).toContain('date-time with an offset');
    const stray = fakeIo({ 'clinic.json': clinicJson });
    expect(await slotsCommand.run([...base, 'stray-word'], stray)).toBe(2);
    expect(stray.stdout.join('')).toBe('');
    expect(stray.stderr.join('')).toContain("unexpected word 'stray-word'");
  });

  it('reads a clinic file saved with a byte-order mark', async () => {
    const io = fakeIo({ 'clinic.json': `\ufeff${clinicJson}` });
    expect(await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'], io)).toBe(0);
  });

  it('exits 2 on missing options and unreadable files, and 1 on invalid clinics (with paths)', async () => {
    expect(await slotsCommand.run(['--type', 'scan'], fakeIo({}))).toBe(2);
    expect(await slotsCommand.run(['--clinic', 'missing.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'], fakeIo({}))).toBe(2);
    const io = fakeIo({ 'clinic.json': JSON.stringify({ ...clinicInput(), zone: 'Mars/Olympus' }) });
    expect(await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'], io)).toBe(1);
    expect(io.stderr.join('')).toContain('time.unknown_zone at zone');
  });
});

describe('medoffice schedule book', () => {
  it('books, writes the clinic file, and refuses a clash with exit 1', async () => {
    const io = fakeIo({ 'clinic.json': clinicJson });
    const args = ['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee', '--start', '2026-11-02T09:00', '--patient', 'p1', '--out', 'clinic.json'];
    expect(await bookCommand.run(args, io)).toBe(0);
    const written = JSON.parse(io.files['clinic.json'] ?? '{}') as { appointments: { id: string; start: string }[] };
    expect(written.appointments.map((a) => [a.id, a.start])).toEqual([['appt-1', '2026-11-02T09:00:00-05:00']]);
    const again = fakeIo(io.files);
    expect(await bookCommand.run([...args.slice(0, 9), 'p2', '--format', 'json'], again)).toBe(1);
    expect(JSON.parse(again.stdout.join('')).issues.map((i: { code: string; conflictsWith?: string }) => [i.code, i.conflictsWith])).toEqual([
      ['booking.provider_conflict', 'appt-1'],
    ]);
    expect(await bookCommand.run(['--clinic', 'clinic.json'], fakeIo({}))).toBe(2);
  });

  it('books a start off the slot grid and says so on stderr (and in the JSON)', async () => {
    const io = fakeIo({ 'clinic.json': clinicJson });
    const args = ['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee', '--start', '2026-11-02T09:07', '--patient', 'p1'];
    expect(await bookCommand.run(args, io)).toBe(0);
    expect(io.stderr.join('')).toContain('booking: warning booking.off_grid at start');
    const json = fakeIo({ 'clinic.json': clinicJson });
    expect(await bookCommand.run([...args, '--format', 'json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join('')).warnings.map((w: { code: string }) => w.code)).toEqual(['booking.off_grid']);
  });

  it('answers an unknown --type or --provider, or a stray word, as bad usage (exit 2), like slots, and books nothing', async () => {
    const args = (type: string, provider: string): string[] => ['--clinic', 'clinic.json', '--type', type, '--provider', provider, '--start', '2026-11-02T09:00', '--patient', 'p1', '--out', 'clinic.json'];
    for (const [words, code] of [
      [args('nope', 'dr-lee'), 'booking.unknown_type'],
      [args('follow-up', 'dr-zzz'), 'booking.unknown_provider'],
    ] as const) {
      const io = fakeIo({ 'clinic.json': clinicJson });
      expect(await bookCommand.run([...words, '--format', 'json'], io), code).toBe(2);
      expect(JSON.parse(io.stdout.join('')).issues.map((i: { code: string }) => i.code)).toEqual([code]);
      expect(io.files['clinic.json']).toBe(clinicJson);
    }
    const stray = fakeIo({ 'clinic.json': clinicJson });
    expect(await bookCommand.run([...args('follow-up', 'dr-lee'), 'stray-word', 'extra'], stray)).toBe(2);
    expect(stray.stderr.join('')).toContain("unexpected word 'stray-word'");
    expect(stray.files['clinic.json']).toBe(clinicJson);
  });

  it('says in plain words why --out could not be written, and that the booking was not saved', async () => {
    const io: TestIo = {
      ...fakeIo({ 'clinic.json': clinicJson }),
      writeText: async (path) => {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      },
    };
    const args = ['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee', '--start', '2026-11-02T09:00', '--patient', 'p1', '--out', 'missing/x.json'];
    expect(await bookCommand.run(args, io)).toBe(2);
    const said = io.stderr.join('');
    expect(said).toContain('missing/x.json');
    expect(said).toContain('its folder does not exist');
    expect(said).toContain('not saved');
    expect(said).not.toContain('ENOENT');
    expect(io.stdout.join('')).toBe('');
  });

  it('answers a malformed --start as bad usage (exit 2) and books nothing', async () => {
    const io = fakeIo({ 'clinic.json': clinicJson });
    const args = ['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee', '--start', 'next tuesday', '--patient', 'p1', '--out', 'clinic.json', '--format', 'json'];
    expect(await bookCommand.run(args, io)).toBe(2);
    expect(JSON.parse(io.stdout.join('')).issues.map((i: { code: string }) => i.code)).toEqual(['time.invalid_datetime']);
    expect(io.files['clinic.json']).toBe(clinicJson);
  });
});
