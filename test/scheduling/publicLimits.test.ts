import { describe, expect, it } from 'vitest';
import {
  checkScenario,
  FreedTimeSchema,
  evaluateSchedule,
  MAX_CONVOLUTION_WORK,
  MAX_EXTRA_BOOKINGS,
  MAX_GRID_POINTS,
  MAX_OVERBOOKING_SLOTS,
  MAX_PROVIDERS,
  MAX_ROOMS,
  MetricsRangeSchema,
  recommendOverbooking,
  SeriesPatternSchema,
} from '../../src/scheduling/index.js';

// The limits and schemas the docs name are exported from medoffice/scheduling, and the limits are the
// ones the checks enforce: a caller can size a request to fit without copying numbers from the docs.

const scenario = {
  sessionMinutes: 60,
  classes: { visit: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 } },
  schedule: { slots: [1, 1, 1, 1], intervalMinutes: 15, class: 'visit' },
};

const question = {
  intervalMinutes: 15,
  service: { kind: 'deterministic', value: 15 },
  valuePerPatient: 20,
  costs: { wait: 0.2, idle: 1, overtime: 1.5 },
  noShowProbability: 0.2,
};

const paths = (r: { ok: boolean; issues?: readonly { path: readonly (string | number)[] }[] }): unknown[] => (r.ok ? [] : (r.issues ?? []).map((issue) => issue.path));

describe('medoffice/scheduling exports the limits it enforces', () => {
  it('MAX_PROVIDERS and MAX_ROOMS bound a scenario', () => {
    expect(checkScenario({ ...scenario, providers: MAX_PROVIDERS, rooms: MAX_ROOMS }).ok).toBe(true);
    expect(paths(checkScenario({ ...scenario, providers: MAX_PROVIDERS + 1 }))).toEqual([['providers']]);
    expect(paths(checkScenario({ ...scenario, rooms: MAX_ROOMS + 1 }))).toEqual([['rooms']]);
  });

  it('MAX_OVERBOOKING_SLOTS and MAX_EXTRA_BOOKINGS bound an overbooking question', () => {
    expect(recommendOverbooking({ ...question, slots: 4, maxExtra: MAX_EXTRA_BOOKINGS }).ok).toBe(true);
    expect(paths(recommendOverbooking({ ...question, slots: 4, maxExtra: MAX_EXTRA_BOOKINGS + 1 }))).toEqual([['maxExtra']]);
    expect(recommendOverbooking({ ...question, slots: MAX_OVERBOOKING_SLOTS, maxExtra: 0 }).ok).toBe(true);
    expect(paths(recommendOverbooking({ ...question, slots: MAX_OVERBOOKING_SLOTS + 1, maxExtra: 0 }))).toEqual([['slots']]);
  });

  it('MAX_GRID_POINTS and MAX_CONVOLUTION_WORK bound an evaluation, judged before computing', () => {
    expect([MAX_GRID_POINTS, MAX_CONVOLUTION_WORK]).toEqual([2_000_000, 2e10]);
    // An atom at 1 minute and one far out: one patient's workload grid reaches the far atom.
    const session = (far: number) => ({ slots: [1], intervalMinutes: 15, sessionMinutes: 15, service: { kind: 'empirical', values: [1, far] }, noShowProbability: 0.1 });
    const bound = (r: ReturnType<typeof evaluateSchedule>) => (r.ok ? [] : r.issues.map((issue) => [issue.code, issue.message.includes('workload grid') ? 'memory' : 'work']));
    expect(bound(evaluateSchedule(session(MAX_GRID_POINTS)))).toEqual([['schedule.grid_too_large', 'memory']]);
    expect(bound(evaluateSchedule(session(MAX_GRID_POINTS / 2)))).toEqual([['schedule.grid_too_large', 'work']]);
  });

  it('exports the schemas of a series pattern, a metrics range and freed time', () => {
    expect(MetricsRangeSchema.safeParse({ from: '2026-11-02', to: '2026-11-06' }).success).toBe(true);
    expect(MetricsRangeSchema.safeParse({ from: '2026-11-02' }).success).toBe(false);
    expect(SeriesPatternSchema.safeParse({ count: 6, everyWeeks: 2 }).success).toBe(true);
    expect(SeriesPatternSchema.safeParse({ count: 521 }).success).toBe(false);
    const freed = { providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' };
    expect(FreedTimeSchema.safeParse(freed).success).toBe(true);
    expect(FreedTimeSchema.safeParse({ ...freed, end: freed.start }).success).toBe(false);
  });
});
