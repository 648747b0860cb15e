import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scheduling/simulate/scenario.js';
import { compileScenario } from '../../../src/scheduling/simulate/compile.js';
import { simulateSessions } from '../../../src/scheduling/simulate/simulateSessions.js';

const good = {
  sessionMinutes: 60,
  classes: { visit: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 } },
  schedule: { slots: [1, 1, 1, 1], intervalMinutes: 15, class: 'visit' },
};

describe('checkScenario: providers and rooms are bounded (1 to 1,000)', () => {
  it.each([
    [{ ...good, providers: 1001 }, ['providers']],
    [{ ...good, providers: 1e9 }, ['providers']],
    [{ ...good, rooms: 1001 }, ['rooms']],
    [{ ...good, rooms: 1e9 }, ['rooms']],
  ])('%# reports simulate.schema at %j', (scenario, path) => {
    // Before the bound, 1e9 providers ran the process out of memory and 1e8 hung it.
    const r = checkScenario(scenario);
    expect(r.ok ? [] : r.issues.map((issue) => [issue.code, issue.path])).toEqual([['simulate.schema', path]]);
  });

  it('simulates the largest allowed clinic', () => {
    const r = simulateSessions({ ...good, providers: 1000, rooms: 1000 }, { replications: 20, seed: 1 });
    expect(r.ok && r.value.kpis.waitTotal.max).toBe(0);
  });
});

describe('checkScenario: class names are kept as given', () => {
  const named = (name: string): unknown =>
    JSON.parse(`{"sessionMinutes":60,"classes":{"${name}":{"service":{"kind":"deterministic","value":10}}},"schedule":{"slots":[1,1,1,1],"intervalMinutes":15,"class":"${name}"}}`);

  it.each(['__proto__', 'constructor', 'toString'])('a class named %s is found and simulated', (name) => {
    const checked = checkScenario(named(name));
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(Object.keys(checked.value.classes)).toEqual([name]);
    expect(compileScenario(checked.value).classNames).toEqual([name]);
    const r = simulateSessions(named(name), { replications: 5, seed: 1 });
    expect(r.ok && r.value.kpis.seen.mean).toBe(4);
  });

  it('an undefined class that names an Object.prototype member is still unknown', () => {
    const r = checkScenario({ ...good, schedule: { ...good.schedule, class: 'hasOwnProperty' } });
    expect(r.ok ? [] : r.issues.map((issue) => [issue.code, issue.path])).toEqual([['simulate.unknown_class', ['schedule', 'class']]]);
  });

  it('classes that are not an object of classes are a schema issue at classes', () => {
    for (const classes of ['visit', [good.classes.visit], undefined]) {
      const r = checkScenario({ ...good, classes });
      expect(r.ok ? [] : r.issues.map((issue) => [issue.code, issue.path])).toEqual([['simulate.schema', ['classes']]]);
    }
  });
});
