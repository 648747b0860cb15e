import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type Appointment, type AppointmentStatus } from '../../src/scheduling/appointment.js';
import type { IanaZone } from '../../src/core/time.js';
import { planReminders } from '../../src/scheduling/reminders.js';

const zone = 'America/New_York' as IanaZone;
function appointment(start: string, patientZone?: string, status: AppointmentStatus = 'booked'): Appointment {
  return { id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start, end: start, status, resourceIds: [], ...(patientZone !== undefined ? { patientZone } : {}) } as unknown as Appointment;
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

  it('keeps a reminder due exactly now: only one already past is dropped', () => {
    const visit = appointment('2026-11-05T14:00:00-05:00');
    const atNow = planReminders(visit, zone, { now: '2026-11-02T14:00:00-05:00' });
    expect(atNow.ok && atNow.value.map((r) => [r.offsetMinutes, r.sendAt])).toEqual([
      [4320, '2026-11-02T14:00:00-05:00'],
      [1440, '2026-11-04T14:00:00-05:00'],
      [120, '2026-11-05T12:00:00-05:00'],
    ]);
    const justAfter = planReminders(visit, zone, { now: '2026-11-02T14:00:00.001-05:00' });
    expect(justAfter.ok && justAfter.value.map((r) => r.offsetMinutes)).toEqual([1440, 120]);
  });

  it('sends a late booking its reminder at the end of quiet hours when the evening before has passed', () => {
    // Booked at 22:00 for 08:30: 72 h and 24 h are past; 2 h (06:30) is quiet, 08:00 leaves 30 min, 20:59 has passed.
    const planned = planReminders(appointment('2026-11-02T08:30:00-05:00'), zone, { now: '2026-11-01T22:00:00-05:00' });
    expect(planned.ok && planned.value.map((r) => [r.offsetMinutes, r.sendAt, r.moved, r.shortLead])).toEqual([[120, '2026-11-02T08:00:00-05:00', true, true]]);
    // Planned the afternoon before, the same reminder still goes at 20:59 with its full lead.
    const early = planReminders(appointment('2026-11-02T08:30:00-05:00'), zone, { now: '2026-11-01T15:00:00-05:00' });
    expect(early.ok && early.value.map((r) => [r.offsetMinutes, r.sendAt, r.moved, r.shortLead])).toEqual([[120, '2026-11-01T20:59:00-05:00', true, false]]);
    // A 07:00 visit booked at 22:00 leaves no moment outside quiet hours before it: no reminder.
    const quietVisit = planReminders(appointment('2026-11-02T07:00:00-05:00'), zone, { now: '2026-11-01T22:00:00-05:00' });
    expect(quietVisit.ok && quietVisit.value).toEqual([]);
  });

  it('marks shortLead only for the end-of-quiet-hours fallback, not for a reminder moved to just before quiet hours', () => {
    // 15 min before a 21:30 visit is quiet; 08:00 is after the visit, so it goes at 20:59 (31 min, under the 60-minute minimum).
    const before = planReminders(appointment('2026-11-05T21:30:00-05:00'), zone, { offsetsMinutes: [15], now: '2026-10-01T00:00:00Z' });
    expect(before.ok && before.value.map((r) => [r.sendAt, r.moved, r.shortLead])).toEqual([['2026-11-05T20:59:00-05:00', true, false]]);
    const unknownNow = planReminders(appointment('2026-11-05T21:30:00-05:00'), zone, { offsetsMinutes: [15] });
    expect(unknownNow.ok && unknownNow.value.map((r) => r.shortLead)).toEqual([false]);
  });

  it('quiet hours starting or ending in the spring-forward gap begin and end as the clocks jump past them', () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 never shows on the clock.
    const sendAt = (start: string, plan: Parameters<typeof planReminders>[2]) => {
      const planned = planReminders(appointment(start), zone, plan);
      return planned.ok ? planned.value.map((r) => [r.sendAt, r.moved]) : planned.issues;
    };
    // Quiet from 02:30: they begin at the jump (03:00 EDT), so a reminder due at 03:00 EDT goes at
    // 01:59 EST, the last minute before them, not 25 hours early (the day before at 02:29).
    const quietFromTheGap = { offsetsMinutes: [30], quietStart: '02:30', quietEnd: '06:00' };
    expect(sendAt('2026-03-08T03:30:00-04:00', quietFromTheGap)).toEqual([['2026-03-08T01:59:00-05:00', true]]);
    expect(sendAt('2026-03-08T03:30:00-04:00', { ...quietFromTheGap, now: '2026-03-08T00:00:00-05:00' })).toEqual([['2026-03-08T01:59:00-05:00', true]]);
    // Quiet until 02:30: they end at the jump, so a reminder due in them goes at 03:00 EDT.
    expect(sendAt('2026-03-08T09:00:00-04:00', { offsetsMinutes: [420], quietStart: '22:00', quietEnd: '02:30' })).toEqual([['2026-03-08T03:00:00-04:00', true]]);
  });

  it('plans an appointment without a status as a booked one', () => {
    const { status: _status, ...withoutStatus } = appointment('2026-11-05T14:00:00-05:00');
    const planned = planReminders(withoutStatus as Appointment, zone, { now: '2026-10-01T00:00:00Z' });
    const booked = planReminders(appointment('2026-11-05T14:00:00-05:00'), zone, { now: '2026-10-01T00:00:00Z' });
    expect(planned).toEqual(booked);
    expect(planned.ok && planned.value.length).toBe(3);
    const badStatus = planReminders({ ...withoutStatus, status: 'gone' } as unknown as Appointment, zone, {});
    expect(!badStatus.ok && badStatus.issues.map((i) => [i.code, i.path])).toEqual([['reminders.appointment', ['status']]]);
  });

  it('never sends a reminder as the visit starts, even with no minimum lead', () => {
    // 2 h before an 08:00 visit is quiet; the end of quiet hours is the visit itself, so it goes at 20:59 the evening before.
    const planned = planReminders(appointment('2026-10-27T08:00:00-04:00'), zone, { offsetsMinutes: [120], minimumLeadMinutes: 0 });
    expect(planned.ok && planned.value.map((r) => r.sendAt)).toEqual(['2026-10-26T20:59:00-04:00']);
  });

  it('reminds only of pending and booked appointments', () => {
    const reminded = APPOINTMENT_STATUSES.filter((status) => {
      const planned = planReminders(appointment('2026-11-05T14:00:00-05:00', undefined, status), zone, { now: '2026-10-01T00:00:00Z' });
      if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
      return planned.value.length > 0;
    });
    expect(reminded).toEqual(['pending', 'booked']);
  });
});

describe('planReminders properties', () => {
  it('every reminder goes at or after now, before the visit, and outside quiet hours in the patient zone', () => {
    const base = DateTime.fromISO('2026-10-25T00:00:00-04:00').toMillis();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 * 96 }),
        fc.integer({ min: 1, max: 5 * 96 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 4 * 1440 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 180 }),
        fc.constantFrom('America/New_York', 'Europe/London', 'Asia/Kolkata'),
        (startStep, nowStepsBefore, offsetsMinutes, minimumLeadMinutes, patientZone) => {
          const start = DateTime.fromMillis(base + startStep * 15 * 60_000, { zone: 'America/New_York' });
          const now = start.minus({ minutes: nowStepsBefore * 15 });
          const planned = planReminders(appointment(start.toISO() as string, patientZone), zone, { offsetsMinutes, minimumLeadMinutes, now: now.toISO() as string });
          if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
          for (const reminder of planned.value) {
            const sendAt = DateTime.fromISO(reminder.sendAt, { zone: patientZone });
            const minute = sendAt.hour * 60 + sendAt.minute;
            expect(sendAt.toMillis() >= now.toMillis() && sendAt.toMillis() < start.toMillis(), reminder.sendAt).toBe(true);
            expect(minute >= 21 * 60 || minute < 8 * 60, reminder.sendAt).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
