import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../../../src/cli/schedule/simulate.js';
import { fakeIo } from '../../cli/fakeIo.js';

const scenario = {
  sessionMinutes: 30,
  classes: { visit: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.8 } },
  schedule: { slots: [2], intervalMinutes: 30, class: 'visit' },
};

describe('medoffice schedule simulate: --seed', () => {
  it.each(['', '   '])('refuses the empty seed %j as bad usage naming --seed', async (seed) => {
    const io = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '10', '--seed', seed], io)).toBe(2);
    expect(io.stderr()).toContain('--seed');
    expect(io.stdout()).toBe('');
  });

  it('still takes a word or an integer', async () => {
    for (const seed of ['clinic', '7']) {
      const io = fakeIo({ 's.json': JSON.stringify(scenario) });
      expect(await simulateCommand.run(['s.json', '--reps', '10', '--seed', seed], io)).toBe(0);
      expect(io.stdout()).toContain(`seed ${seed},`);
    }
  });
});

describe('medoffice schedule simulate: wait KPIs over the sessions with someone seen', () => {
  it('says over how many sessions waitMean and waitP90 are, when some had nobody seen', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await simulateCommand.run(['s.json', '--reps', '2000', '--seed', '1'], io)).toBe(0);
    expect(io.stdout()).toMatch(/waitMean and waitP90 are over the \d+ sessions in which someone was seen/);
  });

  it('prints – rather than NaN when nobody is ever seen', async () => {
    const io = fakeIo({ 's.json': JSON.stringify({ ...scenario, classes: { visit: { ...scenario.classes.visit, noShowProbability: 1 } } }) });
    expect(await simulateCommand.run(['s.json', '--reps', '50'], io)).toBe(0);
    expect(io.stdout()).not.toContain('NaN');
    expect(io.stdout()).toMatch(/^waitMean\s+–\s+–\s+–\s+–\s+–$/m);
    expect(io.stdout()).toContain('nobody was seen in any session');
  });

  it('writes a report without NaN when nobody is ever seen', async () => {
    const io = fakeIo({ 's.json': JSON.stringify({ ...scenario, classes: { visit: { ...scenario.classes.visit, noShowProbability: 1 } } }) });
    expect(await simulateCommand.run(['s.json', '--reps', '50', '--report', 'out.html'], io)).toBe(0);
    expect(io.files.get('out.html') ?? 'missing').not.toContain('NaN');
  });
});
