import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import { overbookedSlots, recommendOverbooking } from '../../../src/scheduling/optimize/overbooking.js';

describe('recommendOverbooking (LaGanga and Lawrence style)', () => {
  const question = {
    slots: 12,
    intervalMinutes: 15,
    service: { kind: 'exponential', mean: 15 },
    valuePerPatient: 20,
    costs: { wait: 0.2, idle: 1, overtime: 1.5 },
    maxExtra: 8,
  };

  it('books no extra patients when everyone comes, and some when a quarter do not', () => {
    const none = recommendOverbooking({ ...question, noShowProbability: 0 });
    const many = recommendOverbooking({ ...question, noShowProbability: 0.25 });
    if (!none.ok || !many.ok) throw new Error('unexpected issues');
    expect(none.value.best.booked).toBe(12);
    expect(many.value.best.booked).toBeGreaterThan(12);
    expect(many.value.naiveBooked).toBe(16);
    expect(many.value.options).toHaveLength(9);
  });

  it('spreads the extra bookings evenly', () => {
    expect(overbookedSlots(4, 2)).toEqual([1, 2, 1, 2]);
    expect(overbookedSlots(6, 0)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('refuses more than 100 extra bookings, or more than 300 slots, at their paths', () => {
    // Before the limit, maxExtra 400 took 42 s and 3000 never ended.
    const tooMany = recommendOverbooking({ ...question, noShowProbability: 0.2, slots: 4, maxExtra: 101 });
    const tooLong = recommendOverbooking({ ...question, noShowProbability: 0.2, slots: 301, maxExtra: 0 });
    expect(tooMany.ok ? [] : tooMany.issues.map((issue) => [issue.code, issue.path])).toEqual([['schedule.too_many_patients', ['maxExtra']]]);
    expect(tooLong.ok ? [] : tooLong.issues.map((issue) => [issue.code, issue.path])).toEqual([['schedule.too_many_patients', ['slots']]]);
  });

  it('considers at most 100 extra bookings by default', () => {
    const r = recommendOverbooking({ ...question, noShowProbability: 0.2, slots: 120, maxExtra: undefined, service: { kind: 'deterministic', value: 15 } });
    expect(r.ok && r.value.options.length).toBe(101);
  });

  it('overbookedSlots throws a usage error for counts that are not counts', () => {
    expect(() => overbookedSlots(0, 1)).toThrow(MedofficeUsageError);
    expect(() => overbookedSlots(4, -1)).toThrow(MedofficeUsageError);
    expect(() => overbookedSlots(4, 1.5)).toThrow(MedofficeUsageError);
  });

  it('reports a bad no-show probability at its path', () => {
    const r = recommendOverbooking({ ...question, noShowProbability: 1.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ code: 'schedule.schema', path: ['noShowProbability'] }));
  });
});
