import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scheduling/simulate/scenario.js';

const good = {
  sessionMinutes: 480,
  classes: { visit: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 } },
  schedule: { slots: [1, 1], intervalMinutes: 15, class: 'visit' },
};

function found(input: unknown): [string, readonly (string | number)[]][] {
  const r = checkScenario(input);
  return r.ok ? [] : r.issues.map((issue) => [issue.code, issue.path]);
}

describe('simulate.too_many_patients names the source that brings the most patients', () => {
  it.each([
    ['urgent', { ...good, walkIns: { perHour: 1, class: 'visit' }, urgent: { perHour: 1_000_000, class: 'visit' } }, ['urgent', 'perHour']],
    ['urgent, no walk-ins', { ...good, urgent: { perHour: 1_000_000, class: 'visit' } }, ['urgent', 'perHour']],
    ['walk-ins', { ...good, walkIns: { perHour: 1_000_000, class: 'visit' }, urgent: { perHour: 1, class: 'visit' } }, ['walkIns', 'perHour']],
    ['appointments beside a small schedule', { ...good, appointments: Array.from({ length: 100_001 }, () => ({ minute: 0, class: 'visit' })) }, ['appointments']],
    ['schedule beside a few walk-ins', { ...good, schedule: { ...good.schedule, slots: [100_001] }, walkIns: { perHour: 10, class: 'visit' } }, ['schedule']],
  ])('%s', (_, scenario, path) => {
    expect(found(scenario)).toEqual([['simulate.too_many_patients', path]]);
  });
});

describe('checkScenario: a schema error does not hide the independent checks', () => {
  it('an unsupported law and an unknown class are reported beside a bad no-show probability', () => {
    const scenario = { ...good, classes: { v: { service: { kind: 'normal', mean: 10, sd: 2 }, noShowProbability: 2 } }, schedule: { ...good.schedule, class: 'w' } };
    expect(found(scenario)).toEqual([
      ['simulate.schema', ['classes', 'v', 'noShowProbability']],
      ['simulate.service_unsupported', ['classes', 'v', 'service', 'kind']],
      ['simulate.unknown_class', ['schedule', 'class']],
    ]);
  });

  it('a missing schedule and too many urgent patients are reported beside a bad provider count', () => {
    const { schedule: _, ...unbooked } = good;
    expect(found({ ...unbooked, providers: 0, urgent: { perHour: 1e9, class: 'visit' } })).toEqual([
      ['simulate.schema', ['providers']],
      ['simulate.too_many_patients', ['urgent', 'perHour']],
      ['simulate.no_schedule', ['appointments']],
    ]);
  });

  it('reports no follow-on of the broken part', () => {
    // Classes that are not an object: no reference to a class is called unknown.
    expect(found({ ...good, classes: 'visit' })).toEqual([['simulate.schema', ['classes']]]);
    // A class with a broken no-show probability is still defined.
    expect(found({ ...good, classes: { visit: { ...good.classes.visit, noShowProbability: -1 } } })).toEqual([['simulate.schema', ['classes', 'visit', 'noShowProbability']]]);
    // A broken service law is not also checked as a duration law.
    expect(found({ ...good, classes: { visit: { service: { kind: 'exponential', mean: -1 } } } }).map(([code]) => code)).toEqual(['simulate.schema']);
    // A broken schedule is not also "no schedule", and its class is not checked.
    expect(found({ ...good, schedule: { slots: [-1], intervalMinutes: 15, class: 'nope' } })).toEqual([['simulate.schema', ['schedule', 'slots', 0]]]);
    // A broken session length does not make the size check guess.
    expect(found({ ...good, sessionMinutes: 'long', urgent: { perHour: 1e9, class: 'visit' } })).toEqual([['simulate.schema', ['sessionMinutes']]]);
  });
});
