import { describe, expect, it } from 'vitest';
import { optimizeCommand } from '../../../src/cli/schedule/optimize.js';
import { fakeIo } from '../../cli/fakeIo.js';

interface JsonRow { name: string; slots: number[]; exceedsMaxPerInterval?: boolean }

const limited = {
  slots: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  intervalMinutes: 15,
  sessionMinutes: 150,
  service: { kind: 'exponential', mean: 15 },
  noShowProbability: 0.1,
  maxPerInterval: 1,
};

describe('medoffice schedule optimize: a session file with maxPerInterval', () => {
  it('keeps the limit: the optimised schedule books at most one per interval (it booked 2, 1, …, 1, 0)', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(limited) });
    expect(await optimizeCommand.run(['s.json', '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.stdout()) as { rows: JsonRow[] };
    expect(Math.max(...(out.rows[0]?.slots ?? [9]))).toBeLessThanOrEqual(1);
  });

  it('checks the limit as a problem does: too many patients for it is reported at slots', async () => {
    // A given schedule over the limit is compared (and marked), not refused: the limit is the problem's.
    const io = fakeIo({ 's.json': JSON.stringify({ ...limited, slots: [2, 0, 1, 1, 1, 0], sessionMinutes: 90 }) });
    expect(await optimizeCommand.run(['s.json'], io)).toBe(0);
    expect(io.stdout().split('\n').find((l) => l.startsWith('given'))).toContain('exceeds maxPerInterval');
    const tight = fakeIo({ 's.json': JSON.stringify({ ...limited, slots: [2, 2, 2], sessionMinutes: 45 }) });
    expect(await optimizeCommand.run(['s.json'], tight)).toBe(1);
    expect(tight.stderr()).toContain('schedule.too_many_patients at slots');
    const bad = fakeIo({ 's.json': JSON.stringify({ ...limited, maxPerInterval: 0 }) });
    expect(await optimizeCommand.run(['s.json'], bad)).toBe(1);
    expect(bad.stderr()).toContain('schedule.schema at maxPerInterval');
  });

  it('marks the rows that break the limit, in text and JSON, so they are not read as feasible', async () => {
    for (const file of [limited, { patients: 10, intervals: 10, intervalMinutes: 15, sessionMinutes: 150, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1, maxPerInterval: 1 }]) {
      const json = fakeIo({ 'f.json': JSON.stringify(file) });
      expect(await optimizeCommand.run(['f.json', '--format', 'json'], json)).toBe(0);
      const rows = (JSON.parse(json.stdout()) as { rows: JsonRow[] }).rows;
      for (const row of rows) expect(row.exceedsMaxPerInterval === true).toBe(row.slots.some((n) => n > 1));
      expect(rows.find((row) => row.name === 'bailey-welch')?.exceedsMaxPerInterval).toBe(true);
      const text = fakeIo({ 'f.json': JSON.stringify(file) });
      expect(await optimizeCommand.run(['f.json'], text)).toBe(0);
      const line = (name: string) => text.stdout().split('\n').find((l) => l.startsWith(name)) ?? '';
      expect(line('bailey-welch')).toContain('exceeds maxPerInterval');
      expect(line('optimised')).not.toContain('exceeds maxPerInterval');
      expect(line('equal-spacing')).not.toContain('exceeds maxPerInterval');
    }
  });
});

describe('medoffice schedule optimize: an empty slots list', () => {
  it('is reported at slots only, not also at a sessionMinutes the file does not have', async () => {
    const io = fakeIo({ 'e.json': JSON.stringify({ slots: [], intervalMinutes: 15, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.5 }) });
    expect(await optimizeCommand.run(['e.json'], io)).toBe(1);
    expect(io.stderr()).toContain('schedule.schema at slots');
    expect(io.stderr()).not.toContain('sessionMinutes');
  });

  it('a bad intervalMinutes is reported there, not at the sessionMinutes derived from it', async () => {
    const io = fakeIo({ 'e.json': JSON.stringify({ slots: [1, 1], intervalMinutes: 'x', service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.5 }) });
    expect(await optimizeCommand.run(['e.json'], io)).toBe(1);
    expect(io.stderr()).toContain('schedule.schema at intervalMinutes');
    expect(io.stderr()).not.toContain('sessionMinutes');
  });

  it('a sessionMinutes the file gives is still checked', async () => {
    const io = fakeIo({ 'e.json': JSON.stringify({ slots: [], intervalMinutes: 15, sessionMinutes: -1, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.5 }) });
    expect(await optimizeCommand.run(['e.json'], io)).toBe(1);
    expect(io.stderr()).toContain('schedule.schema at sessionMinutes');
  });
});
