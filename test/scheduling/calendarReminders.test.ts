import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../src/scheduling/appointment.js';
import type { IanaZone } from '../../src/core/time.js';
import { planReminders, ReminderPlanSchema, type ReminderPlan } from '../../src/scheduling/reminders.js';

const zone = 'America/New_York' as IanaZone;
function appointment(start: string, patientZone?: string): Appointment {
  return { id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start, end: start, status: 'booked', resourceIds: [], ...(patientZone !== undefined ? { patientZone } : {}) } as unknown as Appointment;
}

/** Send time, planned lead, calendar rule and whether it moved, of each reminder planned. */
function planned(start: string, plan: ReminderPlan, patientZone?: string) {
  const result = planReminders(appointment(start, patientZone), zone, plan);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.map((r) => [r.sendAt, r.offsetMinutes, r.calendar ?? null, r.moved]);
}

const noQuiet = { quietStart: '00:00', quietEnd: '00:00' } as const;

describe('planReminders: calendar reminders (a wall-clock time on a day before the visit)', () => {
  it('sends the evening before at 18:00 whatever the visit hour, and only that when no offsets are given', () => {
    expect(planned('2026-11-04T09:30:00-05:00', { calendar: [{ daysBefore: 1, at: '18:00' }] })).toEqual([['2026-11-03T18:00:00-05:00', 930, { daysBefore: 1, at: '18:00' }, false]]);
    expect(planned('2026-11-04T16:15:00-05:00', { calendar: [{ daysBefore: 1, at: '18:00' }] })).toEqual([['2026-11-03T18:00:00-05:00', 1335, { daysBefore: 1, at: '18:00' }, false]]);
  });

  it('mixes with elapsed offsets, earliest first', () => {
    expect(planned('2026-11-04T09:30:00-05:00', { offsetsMinutes: [120], calendar: [{ daysBefore: 3, at: '10:00' }] })).toEqual([
      ['2026-11-01T10:00:00-05:00', 4290, { daysBefore: 3, at: '10:00' }, false],
      // 2 h before is 07:30, in quiet hours: 08:00 still leaves 90 minutes.
      ['2026-11-04T08:00:00-05:00', 120, null, true],
    ]);
  });

  it('counts days on the calendar and the lead in elapsed minutes across a fall-back change', () => {
    // 2026-10-31 18:00 EDT to 2026-11-02 09:30 EST is 39.5 h of wall clock and 40.5 h elapsed.
    expect(planned('2026-11-02T09:30:00-05:00', { calendar: [{ daysBefore: 2, at: '18:00' }] })).toEqual([['2026-10-31T18:00:00-04:00', 2430, { daysBefore: 2, at: '18:00' }, false]]);
  });

  it('reads the day and time in the patient zone', () => {
    // 09:30 in New York is 14:30 in London; the evening before in London.
    expect(planned('2026-11-04T09:30:00-05:00', { calendar: [{ daysBefore: 1, at: '18:00' }] }, 'Europe/London')).toEqual([['2026-11-03T18:00:00+00:00', 1230, { daysBefore: 1, at: '18:00' }, false]]);
    // 23:30 in New York is already the next day in Tokyo: the day before is the New York visit's own date there.
    expect(planned('2026-11-04T23:30:00-05:00', { calendar: [{ daysBefore: 1, at: '09:00' }], ...noQuiet }, 'Asia/Tokyo')).toEqual([['2026-11-04T09:00:00+09:00', 1710, { daysBefore: 1, at: '09:00' }, false]]);
  });

  it('moves one that falls in quiet hours like any reminder', () => {
    expect(planned('2026-11-04T09:30:00-05:00', { calendar: [{ daysBefore: 0, at: '06:00' }] })).toEqual([['2026-11-04T08:00:00-05:00', 210, { daysBefore: 0, at: '06:00' }, true]]);
  });

  it('sends one set in the spring-forward gap as the clocks jump past it', () => {
    expect(planned('2026-03-08T12:00:00-04:00', { calendar: [{ daysBefore: 0, at: '02:30' }], ...noQuiet })).toEqual([['2026-03-08T03:00:00-04:00', 540, { daysBefore: 0, at: '02:30' }, false]]);
  });

  it('leaves out a calendar time at or after the visit, and one the same as another reminder', () => {
    expect(planned('2026-11-04T09:30:00-05:00', { calendar: [{ daysBefore: 0, at: '18:00' }, { daysBefore: 0, at: '09:30' }] })).toEqual([]);
    expect(planned('2026-11-04T09:30:00-05:00', { offsetsMinutes: [1440], calendar: [{ daysBefore: 1, at: '09:30' }] })).toEqual([['2026-11-03T09:30:00-05:00', 1440, null, false]]);
  });

  it('refuses a calendar reminder of the wrong shape at its place', () => {
    for (const [rule, path] of [
      [{ daysBefore: -1, at: '18:00' }, ['calendar', 0, 'daysBefore']],
      [{ daysBefore: 367, at: '18:00' }, ['calendar', 0, 'daysBefore']],
      [{ daysBefore: 1.5, at: '18:00' }, ['calendar', 0, 'daysBefore']],
      [{ daysBefore: 1, at: '25:00' }, ['calendar', 0, 'at']],
      [{ daysBefore: 1 }, ['calendar', 0, 'at']],
    ] as const) {
      const result = planReminders(appointment('2026-11-04T09:30:00-05:00'), zone, { calendar: [rule as never] });
      expect(!result.ok && result.issues.map((i) => [i.code, i.path]), JSON.stringify(rule)).toEqual([['reminders.plan', path]]);
    }
    const empty = planReminders(appointment('2026-11-04T09:30:00-05:00'), zone, { calendar: [] });
    expect(!empty.ok && empty.issues.map((i) => [i.code, i.path])).toEqual([['reminders.plan', ['calendar']]]);
  });

  describe('properties', () => {
    it('an unmoved calendar reminder goes at its wall time on its day in the patient zone, before the visit', () => {
      const zones = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Santiago'];
      fc.assert(
        fc.property(
          fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
          fc.constantFrom(...zones),
          fc.integer({ min: 0, max: 10 }),
          fc.integer({ min: 0, max: 1439 }),
          (startMillis, patientZone, daysBefore, minute) => {
            const at = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
            const start = DateTime.fromMillis(startMillis - (startMillis % 60000), { zone: patientZone });
            const result = planReminders(appointment(start.toISO() as string, patientZone), zone, { calendar: [{ daysBefore, at }], ...noQuiet });
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            const day = start.startOf('day').minus({ days: daysBefore });
            for (const reminder of result.value) {
              const sent = DateTime.fromISO(reminder.sendAt, { setZone: true }).setZone(patientZone);
              expect(sent < start).toBe(true);
              expect(reminder.offsetMinutes).toBe(Math.round(start.diff(sent, 'minutes').minutes));
              expect(sent.toISODate()).toBe(day.toISODate());
              // Only a time the clocks skip is sent later, when they jump past it.
              if (sent.toFormat('HH:mm') !== at) expect(sent.minus({ minutes: 1 }).offset).not.toBe(sent.offset);
            }
            const expected = day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
            if (expected < start && expected.toFormat('HH:mm') === at) expect(result.value).toHaveLength(1);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

describe('ReminderPlanSchema', () => {
  it('fills in 72 h, 24 h and 2 h before only when a plan names neither offsets nor calendar reminders', () => {
    expect(ReminderPlanSchema.parse({}).offsetsMinutes).toEqual([4320, 1440, 120]);
    expect(ReminderPlanSchema.parse({ calendar: [{ daysBefore: 1, at: '18:00' }] }).offsetsMinutes).toBeUndefined();
    expect(ReminderPlanSchema.parse({ offsetsMinutes: [60] }).offsetsMinutes).toEqual([60]);
  });
});
