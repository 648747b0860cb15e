import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/command.js';
import { bookCommand } from '../../../src/cli/schedule/book.js';
import { slotsCommand } from '../../../src/cli/schedule/slots.js';
import { clinicInput } from '../fixtures.js';

function fakeIo(files: Record<string, string>): CliIo & { stdout: string[]; stderr: string[]; files: Record<string, string> } {
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
    today: () => '2026-10-01',
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

  it("starts from today where the clinic is, not where the machine is, when --now is not given", async () => {
    const asked: (string | undefined)[] = [];
    // Late evening in New York is already the next day in UTC.
    const io = { ...fakeIo({ 'clinic.json': clinicJson }), today: (zone?: string) => (asked.push(zone), zone === 'America/New_York' ? '2026-11-02' : '2026-11-03') };
    expect(await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'follow-up', '--from', '2026-11-02', '--to', '2026-11-02', '--format', 'json'], io)).toBe(0);
    expect(asked).toContain('America/New_York');
    expect((JSON.parse(io.stdout.join('')) as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads a clinic file saved with a byte-order mark', async () => {
    const io = fakeIo({ 'clinic.json': `\ufeff${clinicJson}` });
    expect(await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'], io)).toBe(0);
  });

  it('exits 2 on missing options, unreadable files and invalid clinics (with paths)', async () => {
    expect(await slotsCommand.run(['--type', 'scan'], fakeIo({}))).toBe(2);
    expect(await slotsCommand.run(['--clinic', 'missing.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'], fakeIo({}))).toBe(2);
    const io = fakeIo({ 'clinic.json': JSON.stringify({ ...clinicInput(), zone: 'Mars/Olympus' }) });
    expect(await slotsCommand.run(['--clinic', 'clinic.json', '--type', 'scan', '--from', '2026-11-02', '--to', '2026-11-02'], io)).toBe(2);
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

  it('answers a malformed --start as bad usage (exit 2) and books nothing', async () => {
    const io = fakeIo({ 'clinic.json': clinicJson });
    const args = ['--clinic', 'clinic.json', '--type', 'follow-up', '--provider', 'dr-lee', '--start', 'next tuesday', '--patient', 'p1', '--out', 'clinic.json', '--format', 'json'];
    expect(await bookCommand.run(args, io)).toBe(2);
    expect(JSON.parse(io.stdout.join('')).issues.map((i: { code: string }) => i.code)).toEqual(['time.invalid_datetime']);
    expect(io.files['clinic.json']).toBe(clinicJson);
  });
});
