import { describe, expect, it } from 'vitest';
import { optimizeCommand } from '../../../src/cli/schedule/optimize.js';
import { fakeIo } from '../../cli/fakeIo.js';

const session = {
  slots: [1, 1, 1, 1, 1, 1, 1, 1],
  intervalMinutes: 15,
  sessionMinutes: 120,
  service: { kind: 'exponential', mean: 15 },
  noShowProbability: 0.1,
};

describe('medoffice schedule optimize', () => {
  it('prints the optimised schedule beside the given one and the classic rules', async () => {
    const io = fakeIo({ 'session.json': JSON.stringify(session) });
    expect(await optimizeCommand.run(['session.json'], io)).toBe(0);
    for (const name of ['optimised', 'given', 'bailey-welch', 'equal-spacing', 'dome', 'offset', 'multiple-block']) expect(io.stdout()).toContain(name);
  });

  it('answers in JSON with the optimised row first and never worse than the others', async () => {
    const io = fakeIo({ 'session.json': JSON.stringify(session) });
    expect(await optimizeCommand.run(['session.json', '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.stdout()) as { rows: { name: string; evaluation: { objective: number } }[] };
    const [first, ...others] = out.rows;
    expect(first?.name).toBe('optimised');
    for (const row of others) expect(first?.evaluation.objective).toBeLessThanOrEqual(row.evaluation.objective + 1e-9);
  });

  it('accepts a session file without sessionMinutes, as a problem file may leave it out', async () => {
    const { sessionMinutes: _omitted, ...open } = session;
    const io = fakeIo({ 'open.json': JSON.stringify(open) });
    expect(await optimizeCommand.run(['open.json'], io)).toBe(0);
  });

  it('accepts a problem file', async () => {
    const io = fakeIo({ 'p.json': JSON.stringify({ patients: 6, intervals: 8, intervalMinutes: 10, service: { kind: 'gamma', mean: 12, sd: 6 }, noShowProbability: 0.2 }) });
    expect(await optimizeCommand.run(['p.json'], io)).toBe(0);
  });

  it('lists problems with their paths and exits 1', async () => {
    const io = fakeIo({ 'bad.json': JSON.stringify({ ...session, noShowProbability: 1.4 }) });
    expect(await optimizeCommand.run(['bad.json'], io)).toBe(1);
    expect(io.stderr()).toContain('schedule.schema at noShowProbability');
  });

  it('reports a bad entry of the given schedule where it is, never dropping it', async () => {
    for (const [slots, path] of [[[1, 'x', 1], 'slots[1]'], [[1, 1.5], 'slots[1]'], [[], 'slots']] as const) {
      const io = fakeIo({ 'bad.json': JSON.stringify({ ...session, slots }) });
      expect(await optimizeCommand.run(['bad.json'], io)).toBe(1);
      expect(io.stderr()).toContain(`schedule.schema at ${path}`);
    }
  });

  it('stops at --max-evaluations and says so', async () => {
    const io = fakeIo({ 'session.json': JSON.stringify({ ...session, slots: Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 1 : 0)), sessionMinutes: 360 }) });
    expect(await optimizeCommand.run(['session.json', '--max-evaluations', '20', '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.stdout()) as { optimised: { evaluations: number; stoppedEarly: boolean } };
    expect(out.optimised.stoppedEarly).toBe(true);
    expect(out.optimised.evaluations).toBeLessThanOrEqual(21);
    const text = fakeIo({ 'session.json': JSON.stringify(session) });
    expect(await optimizeCommand.run(['session.json', '--max-evaluations', '1'], text)).toBe(0);
    expect(text.stdout()).toContain('stopped at the evaluation budget');
  });

  it('exits 2 for a malformed --max-evaluations', async () => {
    for (const bad of ['0', '-3', '2.5', 'many', '', '1e3']) {
      const io = fakeIo({ 'session.json': JSON.stringify(session) });
      expect(await optimizeCommand.run(['session.json', `--max-evaluations=${bad}`], io)).toBe(2);
      expect(io.stderr()).toContain('--max-evaluations must be a whole number');
    }
  });

  it('exits 2 for a missing file, bad JSON or no file', async () => {
    expect(await optimizeCommand.run(['nope.json'], fakeIo())).toBe(2);
    expect(await optimizeCommand.run(['x.json'], fakeIo({ 'x.json': '{' }))).toBe(2);
    expect(await optimizeCommand.run([], fakeIo())).toBe(2);
  });
});
