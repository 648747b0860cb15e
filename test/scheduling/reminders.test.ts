import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../src/scheduling/appointment.js';
import type { IanaZone } from '../../src/core/time.js';
import { planReminders } from '../../src/scheduling/reminders.js';

const zone = 'America/New_York' as IanaZone;
function appointment(start: string, patientZone?: string): Appointment {
  return { id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start, end: start, status: 'booked', resourceIds: [], ...(patientZone !== undefined ? { patientZone } : {}) } as unknown as Appointment;
}

describe('planReminders', () => {
  it('sends 72 h, 24 h and 2 h before, in the patient zone', () => {
    const planned = planReminders(appointment('2026-11-05T14:00:00-05:00', 'America/Los_Angeles'), zone);
    expect(planned.ok && planned.value.map((r) => [r.sendAt, r.moved])).toEqual([
      ['2026-11-02T11:00:00-08:00', false],
      ['2026-11-04T11:00:00-08:00', false],
      ['2026-11-05T09:00:00-08:00', false],
    ]);
  });

  it('moves a reminder out of quiet hours: later when there is room, else just before they start', () => {
    const planned = planReminders(appointment('2026-11-05T08:30:00-05:00'), zone, { offsetsMinutes: [1440 + 120, 120] });
    // 26 h before = 06:30 (quiet) -> 08:00 that day; 2 h before = 06:30 (quiet) and 08:00 leaves only 30 min -> 20:59 the evening before
    expect(planned.ok && planned.value.map((r) => [r.offsetMinutes, r.sendAt, r.moved])).toEqual([
      [1560, '2026-11-04T08:00:00-05:00', true],
      [120, '2026-11-04T20:59:00-05:00', true],
    ]);
  });

  it('drops reminders already past, and moves across a DST change by wall clock', () => {
    const planned = planReminders(appointment('2026-11-02T09:00:00-05:00'), zone, { now: '2026-10-31T00:00:00-04:00' });
    expect(planned.ok && planned.value.map((r) => r.sendAt)).toEqual(['2026-11-01T09:00:00-05:00', '2026-11-02T08:00:00-05:00']);
    const bad = planReminders(appointment('2026-11-02T09:00:00-05:00', 'Moon/Base'), zone);
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.path])).toEqual([['time.unknown_zone', ['patientZone']]]);
  });
});
