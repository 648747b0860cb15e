import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateSessions, type SimulationResult } from '../../../src/scheduling/simulate/simulateSessions.js';
import { evaluateSchedule } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import type { Distribution } from '../../../src/core/distribution.js';
import { compileScenario } from '../../../src/scheduling/simulate/compile.js';
import { traceReplication } from '../../../src/scheduling/simulate/replications.js';
import { ScenarioSchema } from '../../../src/scheduling/simulate/scenario.js';
import { p90InPlace } from '../../../src/scheduling/simulate/kpis.js';

function simulated(scenario: unknown, options: Parameters<typeof simulateSessions>[1]): SimulationResult {
  const result = simulateSessions(scenario, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function scheduled(slots: number[], intervalMinutes: number, sessionMinutes: number, service: Distribution, noShowProbability: number) {
  return {
    sessionMinutes,
    classes: { visit: { service, noShowProbability } },
    schedule: { slots, intervalMinutes, class: 'visit' },
  };
}

describe('simulateSessions agrees with the exact evaluation', () => {
  const cases: [number[], number, number, Distribution, number][] = [
    [new Array(20).fill(1), 15, 300, { kind: 'lognormal', mean: 15, sd: 7.5 }, 0.1],
    [[2, 1, 1, 0, 2, 1, 1, 1, 0, 1], 15, 160, { kind: 'exponential', mean: 14 }, 0.2],
    [[3, 0, 1, 1, 2, 0, 1, 1], 20, 160, { kind: 'gamma', mean: 18, sd: 6 }, 0.15],
  ];

  it.each(cases)('case %#: total wait, idle and overtime within their 99.9% intervals', (slots, interval, session, service, q) => {
    const exact = evaluateSchedule({ slots, intervalMinutes: interval, sessionMinutes: session, service, noShowProbability: q });
    if (!exact.ok) throw new Error('unexpected issues');
    const sim = simulated(scheduled(slots, interval, session, service, q), { replications: 40_000, seed: 11 });
    const within = (mean: number, se: number, truth: number): void => expect(Math.abs(mean - truth)).toBeLessThan(3.3 * se);
    within(sim.kpis.waitTotal.mean, sim.kpis.waitTotal.standardError, exact.value.expectedTotalWait);
    within(sim.kpis.idle.mean, sim.kpis.idle.standardError, exact.value.expectedIdle);
    within(sim.kpis.overtime.mean, sim.kpis.overtime.standardError, exact.value.expectedOvertime);
  });
});

describe('long single-server runs agree with queueing closed forms', () => {
  it('M/M/1 (walk-ins only, Poisson arrivals): mean wait ρ·s/(1 − ρ)', () => {
    const scenario = {
      sessionMinutes: 100_000,
      classes: { walkIn: { service: { kind: 'exponential', mean: 10 } } },
      appointments: [],
      walkIns: { perHour: 4.2, class: 'walkIn' },
    };
    const sim = simulated(scenario, { replications: 12, seed: 3 });
    const rho = (4.2 / 60) * 10;
    const truth = (rho * 10) / (1 - rho);
    expect(Math.abs(sim.kpis.waitMean.mean - truth)).toBeLessThan(Math.max(3.5 * sim.kpis.waitMean.standardError, 0.02 * truth));
    expect(sim.kpis.utilisation.mean).toBeCloseTo(rho, 1);
  });

  it('D/M/1 (appointments every a minutes, exponential service): mean wait σ·s/(1 − σ), σ = exp(−(1 − σ)a/s)', () => {
    const [a, s] = [15, 12];
    let sigma = 0.5;
    for (let i = 0; i < 500; i++) sigma = Math.exp((-(1 - sigma) * a) / s);
    const truth = (sigma * s) / (1 - sigma);
    const sim = simulated(scheduled(new Array(6000).fill(1), a, 6000 * a, { kind: 'exponential', mean: s }, 0), { replications: 16, seed: 5 });
    expect(sim.engine).toBe('single-server');
    expect(Math.abs(sim.kpis.waitMean.mean - truth)).toBeLessThan(Math.max(3.5 * sim.kpis.waitMean.standardError, 0.01 * truth));
  });
});

describe('reproducibility', () => {
  const scenario = scheduled(new Array(12).fill(1), 15, 180, { kind: 'lognormal', mean: 15, sd: 7.5 }, 0.1);

  it('the same seed gives the same numbers; another seed does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const a = simulated(scenario, { replications: 200, seed });
        const b = simulated(scenario, { replications: 200, seed });
        expect(a.kpis).toEqual(b.kpis);
        expect(simulated(scenario, { replications: 200, seed: seed + 1 }).kpis.waitTotal.mean).not.toBe(a.kpis.waitTotal.mean);
      }),
      { numRuns: 10 },
    );
  });

  it('the single-server recursion and the event engine give identical replications', () => {
    const late = { ...scenario, punctuality: { kind: 'normal', mean: 0, sd: 6 } };
    for (const s of [scenario, late]) {
      const fast = simulated(s, { replications: 500, seed: 9, keepReplications: true });
      const event = simulated(s, { replications: 500, seed: 9, engine: 'event', keepReplications: true });
      expect(fast.engine).toBe('single-server');
      expect(event.engine).toBe('event');
      for (const name of ['waitTotal', 'waitP90', 'idle', 'overtime', 'seen'] as const) {
        const x = fast.columns?.[name] ?? new Float64Array();
        const y = event.columns?.[name] ?? new Float64Array();
        expect([x.length, y.length]).toEqual([500, 500]);
        for (let i = 0; i < x.length; i++) expect(x[i]).toBeCloseTo(y[i] as number, 9);
      }
    }
  });

  it('takes a fixed early arrival (deterministic punctuality below zero) as the same law written as one observation', () => {
    const base = scheduled([1, 0, 1, 0, 1, 0], 10, 60, { kind: 'deterministic', value: 12 }, 0);
    const fixed = simulated({ ...base, punctuality: { kind: 'deterministic', value: -5 } }, { replications: 50, seed: 3, engine: 'event' });
    const observed = simulated({ ...base, punctuality: { kind: 'empirical', values: [-5] } }, { replications: 50, seed: 3, engine: 'event' });
    expect(fixed.kpis).toEqual(observed.kpis);
    // Patients at 0, 20 and 40 arrive at -5, 15 and 35; 12-minute visits start on time and never wait.
    expect(fixed.kpis.waitMean.mean).toBe(0);
    const service = simulateSessions(scheduled([1], 10, 60, { kind: 'deterministic', value: -5 }, 0), { replications: 1, seed: 1 });
    expect(service.ok ? [] : service.issues.map((found) => [found.code, found.path])).toEqual([['simulate.negative_duration', ['classes', 'visit', 'service', 'value']]]);
  });

  it('the two engines also agree on long sessions (200 patients arriving out of order)', () => {
    const long = { ...scheduled(new Array(200).fill(1), 5, 1000, { kind: 'lognormal', mean: 5, sd: 2.5 }, 0.1), punctuality: { kind: 'normal', mean: 0, sd: 12 } };
    const fast = simulated(long, { replications: 50, seed: 3, keepReplications: true });
    const event = simulated(long, { replications: 50, seed: 3, engine: 'event', keepReplications: true });
    expect([fast.engine, event.engine]).toEqual(['single-server', 'event']);
    for (const name of ['waitTotal', 'waitP90', 'idle', 'overtime', 'seen'] as const) {
      const x = fast.columns?.[name] ?? new Float64Array();
      const y = event.columns?.[name] ?? new Float64Array();
      for (let i = 0; i < x.length; i++) expect(x[i]).toBeCloseTo(y[i] as number, 9);
    }
  });

  it('the two engines also agree when patients arrive at the same moment (ties served in booking order)', () => {
    // The engine choice is only a speed-up, so replications must match. Two booked at 0 and one at 30, all 5 minutes early:
    // the first two arrive together at −5. Appointment ties keep their booking order (compile.ts), and so must arrival ties.
    const tied = { sessionMinutes: 60, classes: { visit: { service: { kind: 'exponential', mean: 10 }, noShowProbability: 0 } }, schedule: { slots: [2, 1], intervalMinutes: 30, class: 'visit' }, punctuality: { kind: 'deterministic', value: -5 } };
    const fast = simulated(tied, { replications: 3, seed: 1, keepReplications: true });
    const event = simulated(tied, { replications: 3, seed: 1, engine: 'event', keepReplications: true });
    expect([fast.engine, event.engine]).toEqual(['single-server', 'event']);
    const x = Array.from(fast.columns?.waitTotal ?? []);
    const y = Array.from(event.columns?.waitTotal ?? []);
    expect(x).toHaveLength(3);
    x.forEach((w, i) => expect(w).toBeCloseTo(y[i] as number, 9));
  });

  it('p90InPlace is the type-7 90th percentile for short and long lists alike', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { maxLength: 300 }), (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const h = (sorted.length - 1) * 0.9;
      const lo = Math.floor(h);
      const expected = sorted.length === 0 ? 0 : (sorted[lo] as number) + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number));
      expect(p90InPlace(Float64Array.from([...values, 5e9]), values.length)).toBeCloseTo(expected, 9);
    }));
  });

  it('a replication does not depend on how many run before it', () => {
    const all = simulated(scenario, { replications: 300, seed: 4, keepReplications: true }).columns;
    const first = simulated(scenario, { replications: 100, seed: 4, keepReplications: true }).columns;
    expect(first?.waitTotal.length).toBe(100);
    expect(Array.from(all?.waitTotal.subarray(0, 100) ?? [])).toEqual(Array.from(first?.waitTotal ?? []));
  });
});

describe('the rich model', () => {
  const base = {
    sessionMinutes: 240,
    providers: 2,
    classes: {
      new: { service: { kind: 'lognormal', mean: 30, sd: 12 }, noShowProbability: 0.15 },
      followUp: { service: { kind: 'gamma', mean: 15, sd: 6 }, noShowProbability: 0.1 },
      urgent: { service: { kind: 'exponential', mean: 20 } },
    },
    appointments: Array.from({ length: 24 }, (_, i) => ({ minute: i * 10, class: i % 3 === 0 ? 'new' : 'followUp' })),
    punctuality: { kind: 'normal', mean: -3, sd: 8 },
    walkIns: { perHour: 1, class: 'followUp' },
    urgent: { perHour: 0.5, class: 'urgent' },
  };

  it('runs on the event engine and keeps its KPIs in range', () => {
    const sim = simulated(base, { replications: 2000, seed: 1 });
    expect(sim.engine).toBe('event');
    expect(sim.kpis.utilisation.max).toBeLessThanOrEqual(1 + 1e-12);
    expect(sim.kpis.idle.min).toBeGreaterThanOrEqual(-1e-9);
    expect(sim.kpis.waitP90.mean).toBeGreaterThanOrEqual(sim.kpis.waitMean.mean * 0.5);
  });

  it('each patient\'s own no-show probability overrides the class rate', () => {
    const appointments = [0, 15, 30, 45].map((minute, i) => ({ minute, class: 'followUp', noShowProbability: i < 2 ? 1 : 0 }));
    const sim = simulated({ sessionMinutes: 60, classes: base.classes, appointments }, { replications: 500, seed: 1 });
    expect(sim.kpis.seen.min).toBe(2);
    expect(sim.kpis.seen.max).toBe(2);
  });

  it('urgent patients jump the queue: no regular visit starts while an urgent patient waits', () => {
    const busy = ScenarioSchema.parse({ ...base, providers: 1, urgent: { perHour: 3, class: 'urgent' } });
    const compiled = compileScenario(busy);
    for (let r = 0; r < 200; r++) {
      const visits = traceReplication(compiled, 5, r);
      const urgent = visits.filter((v) => v.urgent);
      for (const v of visits.filter((x) => !x.urgent)) {
        expect(urgent.some((u) => u.arrival < v.start && u.start > v.start)).toBe(false);
      }
    }
  });

  it('fewer rooms, or a room turnover, never shorten the day on average', () => {
    const roomy = simulated(base, { replications: 3000, seed: 2 }).kpis.overtime.mean;
    const cramped = simulated({ ...base, rooms: 1 }, { replications: 3000, seed: 2 }).kpis.overtime.mean;
    const turnover = simulated({ ...base, roomTurnoverMinutes: 5 }, { replications: 3000, seed: 2 }).kpis.overtime.mean;
    expect(cramped).toBeGreaterThan(roomy);
    expect(turnover).toBeGreaterThan(roomy);
  });
});

describe('bad scenarios', () => {
  const good = scheduled([1, 1], 15, 30, { kind: 'exponential', mean: 15 }, 0.1);
  it.each([
    [{ ...good, classes: { visit: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 1.5 } } }, 'simulate.schema', ['classes', 'visit', 'noShowProbability']],
    [{ ...good, classes: { visit: { service: { kind: 'empirical', values: [10, -4] } } } }, 'simulate.negative_duration', ['classes', 'visit', 'service', 'values', 1]],
    [{ ...good, classes: { visit: { service: { kind: 'normal', mean: 10, sd: 3 } } } }, 'simulate.service_unsupported', ['classes', 'visit', 'service', 'kind']],
    [{ ...good, schedule: { slots: [1], intervalMinutes: 15, class: 'nobody' } }, 'simulate.unknown_class', ['schedule', 'class']],
    [{ sessionMinutes: 30, classes: {} }, 'simulate.no_schedule', ['appointments']],
    [{ ...good, walkIns: { perHour: -1, class: 'visit' } }, 'simulate.schema', ['walkIns', 'perHour']],
    [{ ...good, walkIns: { perHour: 1e9, class: 'visit' } }, 'simulate.too_many_patients', ['walkIns', 'perHour']],
    [{ ...good, schedule: { slots: [200_001], intervalMinutes: 15, class: 'visit' } }, 'simulate.too_many_patients', ['schedule']],
  ])('%# reports %s at its path', (scenario, code, path) => {
    const r = simulateSessions(scenario, { replications: 10, seed: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('reports unusable replication counts', () => {
    const r = simulateSessions(good, { replications: 0, seed: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ code: 'simulate.replications', path: ['replications'] }));
  });
});
