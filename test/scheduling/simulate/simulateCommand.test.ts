import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../../../src/cli/schedule/simulate.js';
import { fakeIo } from '../../cli/fakeIo.js';

const scenario = {
  sessionMinutes: 180,
  classes: { visit: { service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 } },
  schedule: { slots: new Array(12).fill(1), intervalMinutes: 15, class: 'visit' },
};

describe('medoffice schedule simulate', () => {
  it('prints every KPI and gives the same numbers for the same seed', async () => {
    const a = fakeIo({ 's.json': JSON.stringify(scenario) });
    const b = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '2000', '--seed', '7'], a)).toBe(0);
    expect(await simulateCommand.run(['s.json', '--reps', '2000', '--seed', '7'], b)).toBe(0);
    expect(a.stdout()).toBe(b.stdout());
    for (const kpi of ['waitMean', 'waitP90', 'idle', 'overtime', 'utilisation', 'seen']) expect(a.stdout()).toContain(kpi);
  });

  it('prints no interval or standard error for a single replication, which measures no spread', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '1', '--seed', '7'], io)).toBe(0);
    const waitLine = io.stdout().split('\n').find((line) => line.startsWith('waitMean')) ?? '';
    expect(waitLine).toMatch(/^waitMean\s+\d+\.\d\d\s+–\s+–\s/);
    expect(io.stdout()).not.toContain('NaN');
  });

  it('gives the same numbers on two worker threads', async () => {
    const a = fakeIo({ 's.json': JSON.stringify(scenario) });
    const b = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '3000', '--seed', '5'], a)).toBe(0);
    expect(await simulateCommand.run(['s.json', '--reps', '3000', '--seed', '5', '--workers', '2'], b)).toBe(0);
    expect(b.stdout()).toBe(a.stdout());
  });

  it('writes a self-contained HTML report with three charts', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '1000', '--report', 'out.html'], io)).toBe(0);
    const html = io.files.get('out.html') ?? '';
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('refuses a --report that would overwrite the scenario, and names a report it cannot write', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '100', '--report', './s.json'], io)).toBe(2);
    expect(io.stderr()).toContain('would overwrite the scenario file');
    expect(io.files.get('s.json')).toBe(JSON.stringify(scenario));
    const folder = await mkdtemp(join(tmpdir(), 'medoffice-report-'));
    try {
      const real = join(folder, 's.json');
      await writeFile(real, JSON.stringify(scenario));
      await symlink(real, join(folder, 'link.json'));
      const linked = fakeIo({ [real]: JSON.stringify(scenario) });
      expect(await simulateCommand.run([real, '--reps', '100', '--report', join(folder, 'link.json')], linked)).toBe(2);
      expect(linked.stderr()).toContain('would overwrite the scenario file');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    const base = fakeIo({ 's.json': `\ufeff${JSON.stringify(scenario)}` });
    const missing = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    const failing = { ...base, writeText: () => Promise.reject(missing) };
    const err: string[] = [];
    expect(await simulateCommand.run(['s.json', '--reps', '100', '--report', 'gone/out.html'], { ...failing, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toContain('cannot write the report gone/out.html: its folder does not exist');
  });

  it('lists scenario problems with their paths and exits 1', async () => {
    const bad = { ...scenario, classes: { visit: { service: { kind: 'empirical', values: [10, -2] } } } };
    const io = fakeIo({ 'bad.json': JSON.stringify(bad) });
    expect(await simulateCommand.run(['bad.json', '--reps', '10'], io)).toBe(1);
    expect(io.stderr()).toContain('simulate.negative_duration at classes.visit.service.values[1]');
  });

  it('exits 2 for bad usage', async () => {
    expect(await simulateCommand.run(['s.json', '--reps', 'many'], fakeIo({ 's.json': '{}' }))).toBe(2);
    expect(await simulateCommand.run([], fakeIo())).toBe(2);
    expect(await simulateCommand.run(['missing.json'], fakeIo())).toBe(2);
  });
});
