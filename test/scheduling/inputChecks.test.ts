import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Checked } from '../../src/core/result.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import type { IanaZone } from '../../src/core/time.js';
import type { Appointment } from '../../src/scheduling/appointment.js';
import { book } from '../../src/scheduling/book.js';
import { bookSeries } from '../../src/scheduling/bookSeries.js';
import { cancel, changeStatus } from '../../src/scheduling/changeStatus.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { providerDayMetrics } from '../../src/scheduling/metrics.js';
import { planReminders } from '../../src/scheduling/reminders.js';
import { reschedule } from '../../src/scheduling/reschedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { fillFromWaitlist, rankWaitlist } from '../../src/scheduling/waitlist.js';
import { clinicInput, scheduleOf } from './fixtures.js';

const policy = { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365 };
const zone = 'America/New_York' as IanaZone;

// Each distinct code and path, in order (a schema may say two things about one field).
function codes(result: Checked<unknown>): unknown {
  if (result.ok) return 'ok';
  const seen = new Set<string>();
  return result.issues.filter((i) => !seen.has(JSON.stringify([i.code, i.path])) && seen.add(JSON.stringify([i.code, i.path]))).map((i) => [i.code, i.path]);
}

function withBooking(schedule: Schedule, start: string, extra: Record<string, unknown> = {}): { schedule: Schedule; appointment: Appointment } {
  const booked = book(schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start, ...extra });
  if (!booked.ok) throw new Error(JSON.stringify(booked.issues));
  return booked.value;
}

describe('the urgent hold in reschedule and changeStatus', () => {
  // Dr. Lee's 09:00-12:00 and 13:00-17:00 with the last 20 % of each held until 10:00: 11:24-12:00 and 16:12-17:00 on the grid.
  const held = () => scheduleOf(clinicInput({ policy: { ...policy, urgentHold: { share: 0.2, release: '10:00' } } }));
  const monday8 = '2026-11-02T08:00:00-05:00';

  it('keeps a rescheduled appointment out of held time when given now, and says that without now no hold applies', () => {
    const { schedule, appointment } = withBooking(held(), '2026-11-06T09:00');
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-06T11:30', now: monday8 }))).toEqual([['booking.held_for_urgent', ['start']]]);
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-06T11:30', now: DateTime.fromISO(monday8) }))).toEqual([['booking.held_for_urgent', ['start']]]);
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-06T11:30', now: '2026-11-06T10:00:00-05:00' }))).toBe('ok');
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-06T11:30' }))).toBe('ok');
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-06T10:30', now: monday8 }))).toBe('ok');
  });

  it('lets an urgent appointment move into held time on the day of now only', () => {
    const { schedule, appointment } = withBooking(held(), '2026-11-02T09:00', { urgent: true });
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-02T11:30', now: monday8 }))).toBe('ok');
    expect(codes(reschedule(schedule, appointment.id, { start: '2026-11-06T11:30', now: monday8 }))).toEqual([['booking.held_for_urgent', ['start']]]);
  });

  it('keeps an appointment coming back to booked out of held time when given now', () => {
    const { schedule, appointment } = withBooking(held(), '2026-11-06T11:30');
    const waiting = changeStatus(schedule, appointment.id, 'cancelled', { reason: 'pat' });
    if (!waiting.ok) throw new Error('cancel failed');
    const proposed = { ...waiting.value, appointments: waiting.value.appointments.map((a) => ({ ...a, status: 'waitlist' as const })) };
    expect(codes(changeStatus(proposed, appointment.id, 'booked', { now: monday8 }))).toEqual([['booking.held_for_urgent', ['start']]]);
    expect(codes(changeStatus(proposed, appointment.id, 'booked'))).toBe('ok');
    expect(codes(changeStatus(proposed, appointment.id, 'booked', { now: '2026-11-06T10:00:00-05:00' }))).toBe('ok');
  });
});

describe('bad input gives issues, not exceptions', () => {
  const schedule = () => withBooking(scheduleOf(clinicInput()), '2026-11-02T09:00').schedule;

  it('checks a cancellation and the rest of a status move', () => {
    expect(codes(cancel(schedule(), 'appt-1', { reason: 5 } as never))).toEqual([['booking.request', ['reason']]]);
    expect(codes(changeStatus(schedule(), 'appt-1', 'cancelled', { reason: 'pat', note: 7 } as never))).toEqual([['booking.request', ['note']]]);
    expect(codes(cancel(schedule(), 'appt-1', null as never))).toEqual([['booking.request', []]]);
    expect(codes(cancel(schedule(), 'appt-1', { reason: '  ' }))).toEqual([['booking.reason_required', ['reason']]]);
    expect(codes(changeStatus(schedule(), 'appt-1', 'arrived', { now: 'monday' }))).toEqual([['booking.request', ['now']]]);
    expect(codes(cancel(schedule(), 'appt-1', { reason: 'pat' }))).toBe('ok');
  });

  it('checks where an appointment is moved', () => {
    expect(codes(reschedule(schedule(), 'appt-1', null as never))).toEqual([['booking.request', []]]);
    expect(codes(reschedule(schedule(), 'appt-1', { start: '2026-11-02T10:00', resourceIds: 'room-1' } as never))).toEqual([['booking.request', ['resourceIds']]]);
    expect(codes(reschedule(schedule(), 'appt-1', { start: '2026-11-02T10:00', now: '2026-02-30T08:00:00Z' }))).toEqual([['booking.request', ['now']]]);
  });

  it('checks a series request and pattern, and wants a series id', () => {
    const request = { seriesId: 'knee', patientId: 'p4', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:00' };
    expect(codes(bookSeries(schedule(), null as never, { count: 2 }))).toEqual([['booking.request', []]]);
    expect(codes(bookSeries(schedule(), request, null as never))).toEqual([['booking.series_pattern', []]]);
    expect(codes(bookSeries(schedule(), { ...request, seriesId: undefined } as never, { count: 2 }))).toEqual([['booking.request', ['seriesId']]]);
    expect(codes(bookSeries(schedule(), request, { count: 2, allowPartial: 'yes' } as never))).toEqual([['booking.series_pattern', ['allowPartial']]]);
    const named = bookSeries(schedule(), { ...request, id: 'visit' }, { count: 2 });
    expect(named.ok && named.value.appointments.map((a) => [a.id, a.seriesId])).toEqual([['visit-1', 'knee'], ['visit-2', 'knee']]);
  });

  it('checks freed time: shape, order and provider', () => {
    const now = DateTime.fromISO('2026-11-01T12:00:00-05:00');
    const good = { providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' };
    const cases: [unknown, unknown][] = [
      [null, [['booking.request', []]]],
      [{ ...good, start: 'garbage' }, [['booking.request', ['start']]]],
      [{ ...good, end: '2026-02-30T10:20:00-05:00' }, [['booking.request', ['end']]]],
      [{ ...good, end: good.start }, [['booking.request', ['end']]]],
      [{ ...good, providerId: 'dr-nobody' }, [['booking.unknown_provider', ['providerId']]]],
      [good, [['waitlist.no_candidate', ['waitlist']]]],
    ];
    for (const [freed, expected] of cases) {
      expect(rankWaitlist(schedule(), freed as never, now), JSON.stringify(freed)).toEqual([]);
      expect(codes(fillFromWaitlist(schedule(), freed as never, now)), JSON.stringify(freed)).toEqual(expected);
    }
  });

  it('checks the appointment reminders are planned for, and bounds the offsets', () => {
    const appointment = withBooking(scheduleOf(clinicInput()), '2026-11-05T14:00').appointment;
    expect(codes(planReminders(null as never, zone))).toEqual([['reminders.appointment', []]]);
    expect(codes(planReminders({ ...appointment, start: 'garbage' }, zone))).toEqual([['reminders.appointment', ['start']]]);
    expect(codes(planReminders(appointment, zone, { offsetsMinutes: [1e12] }))).toEqual([['reminders.plan', ['offsetsMinutes', 0]]]);
    expect(codes(planReminders(appointment, zone, { minimumLeadMinutes: 1e12 }))).toEqual([['reminders.plan', ['minimumLeadMinutes']]]);
    const yearAhead = planReminders(appointment, zone, { offsetsMinutes: [366 * 1440] });
    expect(yearAhead.ok && yearAhead.value.map((r) => r.sendAt)).toEqual(['2025-11-04T14:00:00-05:00']);
  });

  it('refuses a metrics range that is not two calendar dates in order, within the search limit, with a usage error carrying issues', () => {
    const attempt = (range: unknown): unknown => {
      try {
        providerDayMetrics(schedule(), range as never);
        return 'returned';
      } catch (error) {
        return error instanceof MedofficeUsageError ? error.issues.map((i) => [i.code, i.path]) : String(error);
      }
    };
    expect(attempt(null)).toEqual([['slots.query', []]]);
    expect(attempt({ from: '2026-02-30', to: '2026-03-02' })).toEqual([['slots.query', ['from']]]);
    expect(attempt({ from: '2026-03-02', to: '2026-03-01' })).toEqual([['slots.date_range', ['to']]]);
    expect(attempt({ from: '2026-01-01', to: '2027-02-05' })).toEqual([['slots.range_too_long', ['to']]]);
    expect(attempt({ from: '9999-12-31', to: '9999-12-31' })).toEqual([['slots.query', ['from']], ['slots.query', ['to']]]);
    expect(providerDayMetrics(schedule(), { from: '2026-01-01', to: '2027-02-04', providerIds: ['dr-cho'] })).toHaveLength(400);
  });
});

describe('the last days of year 9999', () => {
  const everyDay = () =>
    scheduleOf(clinicInput({
      providers: [{ id: 'dr-lee', name: 'Dr. Ana Lee', dailyCap: 40 }],
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: `all-${weekday}`, providerId: 'dr-lee', weekday, start: '00:00', end: '24:00', effectiveFrom: '9999-01-01' })),
      exceptions: [{ id: 'eve', kind: 'holiday', date: '9999-12-31' }],
    }));

  it('searches up to 9999-12-30 and stops there, whatever the horizon', () => {
    for (const [from, now, horizonDays] of [['9999-12-30', '9999-12-30T10:00:00Z', 1], ['9999-12-29', '9999-12-29T10:00:00Z', 3660], ['9999-12-31', '9999-12-31T10:00:00Z', 0]] as const) {
      const found = findSlots(everyDay(), { typeId: 'follow-up', from, to: '9999-12-31', now, horizonDays });
      if (!found.ok) throw new Error(JSON.stringify(found.issues));
      expect(found.value.length > 0 || from === '9999-12-31', from).toBe(true);
      expect(found.value.every((slot) => slot.date <= '9999-12-30'), from).toBe(true);
    }
    const urgent = findSlots(everyDay(), { typeId: 'follow-up', from: '9999-12-01', to: '9999-12-31', now: '9999-12-30T22:00:00-05:00', urgent: true });
    expect(urgent.ok && [...new Set(urgent.value.map((slot) => slot.date))]).toEqual(['9999-12-30']);
  });

  it('measures 9999-12-30', () => {
    expect(providerDayMetrics(everyDay(), { from: '9999-12-29', to: '9999-12-30' }).map((row) => [row.date, row.availableMinutes])).toEqual([
      ['9999-12-29', 1440],
      ['9999-12-30', 1440],
    ]);
  });
});
