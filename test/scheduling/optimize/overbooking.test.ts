import { describe, expect, it } from 'vitest';
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

  it('reports a bad no-show probability at its path', () => {
    const r = recommendOverbooking({ ...question, noShowProbability: 1.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ code: 'schedule.schema', path: ['noShowProbability'] }));
  });
});
