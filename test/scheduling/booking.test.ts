import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../src/scheduling/appointment.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { toClinicFile } from '../../src/scheduling/schedule.js';
import { book } from '../../src/scheduling/book.js';
import { bookSeries } from '../../src/scheduling/bookSeries.js';
import { cancel, changeStatus, checkIn, markNoShow } from '../../src/scheduling/changeStatus.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { reschedule } from '../../src/scheduling/reschedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { canMove, nextStatuses } from '../../src/scheduling/statusTransitions.js';
import { clinicInput, scheduleOf, smallClinic } from './fixtures.js';

function booked(schedule: Schedule, start: string, patientId = 'p1', providerId = 'dr-lee', typeId = 'follow-up'): Schedule {
  const result = book(schedule, { patientId, providerId, typeId, start });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.schedule;
}

describe('book', () => {
  it('returns a new schedule and leaves the input untouched', () => {
    const before = smallClinic();
    const snapshot = JSON.stringify(before.appointments);
    const result = book(before, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', patientZone: 'Europe/Paris' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(before.appointments)).toBe(snapshot);
    expect(result.value.appointment).toMatchObject({ id: 'appt-1', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', status: 'booked', resourceIds: ['room-1'], patientZone: 'Europe/Paris' });
    expect(result.value.schedule.appointments).toHaveLength(1);
  });

  it('names the clashing appointment', () => {
    const schedule = booked(smallClinic(), '2026-11-02T09:00');
    const clash = book(schedule, { patientId: 'p2', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T08:50:00-05:00' });
    expect(!clash.ok && clash.issues.map((i) => [i.code, i.conflictsWith])).toContainEqual(['booking.provider_conflict', 'appt-1']);
  });

  it('refuses times outside availability, unknown references and bad zones, with paths', () => {
    const schedule = smallClinic();
    const outside = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:50' });
    expect(!outside.ok && outside.issues.map((i) => i.code)).toEqual(['booking.outside_availability']);
    const unknown = book(schedule, { patientId: 'p', providerId: 'dr-nobody', typeId: 'follow-up', start: '2026-11-02T10:00' });
    expect(!unknown.ok && unknown.issues.map((i) => [i.code, i.path])).toEqual([['booking.unknown_provider', ['providerId']]]);
    const zone = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:00', patientZone: 'Nowhere/Land' });
    expect(!zone.ok && zone.issues.map((i) => [i.code, i.path])).toEqual([['time.unknown_zone', ['patientZone']]]);
    const notAllowed = book(schedule, { patientId: 'p', providerId: 'dr-cho', typeId: 'scan', start: '2026-11-02T10:00' });
    expect(!notAllowed.ok && notAllowed.issues.map((i) => i.code)).toEqual(['booking.provider_not_allowed']);
    const badTime = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: 'tomorrow at ten' });
    expect(!badTime.ok && badTime.issues.map((i) => [i.code, i.path])).toEqual([['time.invalid_datetime', ['start']]]);
  });
});

describe('cancel, check-in, no-show and the transition table', () => {
  it('cancel needs a reason, frees the time and records the reason', () => {
    const schedule = booked(smallClinic(), '2026-11-02T09:00');
    const noReason = cancel(schedule, 'appt-1', { reason: ' ' });
    expect(!noReason.ok && noReason.issues.map((i) => i.code)).toEqual(['booking.reason_required']);
    const cancelled = cancel(schedule, 'appt-1', { reason: 'pat', note: 'flu' });
    expect(cancelled.ok && cancelled.value.appointments[0]).toMatchObject({ status: 'cancelled', cancellation: { reason: 'pat', note: 'flu' } });
    if (!cancelled.ok) return;
    expect(book(cancelled.value, { patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00' }).ok).toBe(true);
  });

  it('walks a visit through check-in to fulfilled, and refuses going back', () => {
    const schedule = booked(smallClinic(), '2026-11-02T09:00');
    const checked = checkIn(schedule, 'appt-1');
    if (!checked.ok) throw new Error('check-in failed');
    const done = changeStatus(checked.value, 'appt-1', 'fulfilled');
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const back = changeStatus(done.value, 'appt-1', 'booked');
    expect(!back.ok && back.issues.map((i) => [i.code, i.path])).toEqual([['booking.illegal_transition', ['status']]]);
    const noShow = markNoShow(done.value, 'appt-1');
    expect(!noShow.ok && noShow.issues.map((i) => i.code)).toEqual(['booking.illegal_transition']);
    expect(changeStatus(done.value, 'nope', 'cancelled').ok).toBe(false);
  });

  it('the table (FHIR R4 appointment workflow) is exactly this', () => {
    const table = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, [...nextStatuses(s)].sort()]));
    expect(table).toEqual({
      proposed: ['booked', 'cancelled', 'entered-in-error', 'pending', 'waitlist'],
      waitlist: ['booked', 'cancelled', 'entered-in-error', 'pending', 'proposed'],
      pending: ['booked', 'cancelled', 'entered-in-error'],
      booked: ['arrived', 'cancelled', 'checked-in', 'entered-in-error', 'noshow'],
      arrived: ['cancelled', 'checked-in', 'entered-in-error', 'fulfilled'],
      'checked-in': ['entered-in-error', 'fulfilled'],
      fulfilled: ['entered-in-error'],
      cancelled: ['entered-in-error'],
      noshow: ['entered-in-error'],
      'entered-in-error': [],
    });
    for (const from of APPOINTMENT_STATUSES) for (const to of APPOINTMENT_STATUSES) expect(canMove(from, to)).toBe(nextStatuses(from).includes(to as AppointmentStatus));
  });

  it('a waitlisted appointment becoming booked is checked for conflicts', () => {
    const input = clinicInput({
      appointments: [
        { id: 'w1', patientId: 'p7', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', status: 'waitlist' },
      ],
    });
    const schedule = booked(scheduleOf(input), '2026-11-02T09:10');
    const promote = changeStatus(schedule, 'w1', 'booked');
    expect(!promote.ok && promote.issues.map((i) => [i.code, i.conflictsWith])).toContainEqual(['booking.provider_conflict', 'appt-2']);
  });
});

describe('reschedule', () => {
  it('moves atomically and keeps the id', () => {
    const schedule = booked(booked(smallClinic(), '2026-11-02T09:00'), '2026-11-02T10:00', 'p2');
    const moved = reschedule(schedule, 'appt-1', { start: '2026-11-02T09:30' });
    expect(moved.ok && moved.value.appointment).toMatchObject({ id: 'appt-1', start: '2026-11-02T09:30:00-05:00' });
    const clash = reschedule(schedule, 'appt-1', { start: '2026-11-02T10:10' });
    expect(!clash.ok && clash.issues.map((i) => [i.code, i.conflictsWith])).toContainEqual(['booking.provider_conflict', 'appt-2']);
    const overlapSelf = reschedule(schedule, 'appt-1', { start: '2026-11-02T09:10' });
    expect(overlapSelf.ok).toBe(true);
  });
});

describe('bookSeries', () => {
  it('books weekly x 6 at 09:00 local across the fall-back change', () => {
    const series = bookSeries(smallClinic(), { seriesId: 'knee', patientId: 'p4', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-10-19T09:00' }, { count: 6 });
    expect(series.ok && series.value.appointments.map((a) => a.start)).toEqual([
      '2026-10-19T09:00:00-04:00',
      '2026-10-26T09:00:00-04:00',
      '2026-11-02T09:00:00-05:00',
      '2026-11-09T09:00:00-05:00',
      '2026-11-16T09:00:00-05:00',
      '2026-11-23T09:00:00-05:00',
    ]);
  });
  it('reports each conflicting occurrence by index, and books none unless partial is allowed', () => {
    const input = clinicInput({ exceptions: [{ id: 'lee-off', kind: 'time-off', providerId: 'dr-lee', date: '2026-11-09' }] });
    const schedule = booked(scheduleOf(input), '2026-10-26T09:10', 'p9');
    const request = { seriesId: 'knee', patientId: 'p4', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-10-19T09:00' };
    const all = bookSeries(schedule, request, { count: 6 });
    expect(!all.ok && all.issues.map((i) => [i.code, i.path[1]])).toEqual([
      ['booking.provider_conflict', 1],
      ['booking.outside_availability', 3],
    ]);
    const partial = bookSeries(schedule, request, { count: 6, allowPartial: true });
    expect(partial.ok && partial.value.appointments).toHaveLength(4);
    expect(partial.ok && partial.warnings.map((w) => w.severity)).toEqual(['warning', 'warning']);
  });

  it('refuses an unusable pattern with the path of the bad field', () => {
    const request = { seriesId: 'knee', patientId: 'p4', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-10-19T09:00' };
    for (const [pattern, path] of [[{ count: 0 }, 'count'], [{ count: 6, everyWeeks: 0 }, 'everyWeeks'], [{ count: 6, everyWeeks: 1.5 }, 'everyWeeks']] as const) {
      const result = bookSeries(smallClinic(), request, pattern);
      expect(!result.ok && result.issues.map((i) => [i.code, i.path])).toEqual([['booking.series_pattern', [path]]]);
    }
  });
});

describe('overbooking', () => {
  const policy = { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.7, dailyCap: 1 } };
  it('refuses to overbook when the show predictor does not give a probability', () => {
    const schedule = booked(scheduleOf(clinicInput({ policy })), '2026-11-02T09:00', 'risky');
    for (const answer of [undefined, Number.NaN, -1, 1.5, '0.1']) {
      const showProbability = () => answer as unknown as number;
      const result = book(schedule, { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
      expect(!result.ok && result.issues.map((i) => i.code), String(answer)).toEqual(['booking.overbook_not_allowed']);
    }
  });

  it('allows a second booking over a likely no-show, within the daily cap, and promotes it if the holder cancels', () => {
    let schedule = booked(booked(scheduleOf(clinicInput({ policy })), '2026-11-02T09:00', 'risky'), '2026-11-02T10:00', 'steady');
    const showProbability = (a: { patientId: string }) => (a.patientId === 'risky' ? 0.4 : 0.95);
    const refused = book(schedule, { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:00', overbook: true }, { showProbability });
    expect(!refused.ok && refused.issues.map((i) => i.code)).toEqual(['booking.overbook_not_allowed']);
    const over = book(schedule, { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    if (!over.ok) throw new Error(JSON.stringify(over.issues));
    expect(over.value.appointment).toMatchObject({ overbooks: 'appt-1', resourceIds: ['room-1'] });
    schedule = over.value.schedule;
    const capped = book(schedule, { patientId: 'p4', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    expect(!capped.ok && capped.issues.map((i) => i.code)).toEqual(['booking.overbook_not_allowed']);
    const cancelled = cancel(schedule, 'appt-1', { reason: 'pat' });
    if (!cancelled.ok) throw new Error('cancel failed');
    expect(cancelled.value.appointments.find((a) => a.id === over.value.appointment.id)?.overbooks).toBeUndefined();
    // The clinic file of each step passes the overbooking checks of parseSchedule.
    for (const step of [schedule, cancelled.value]) expect(parseSchedule(JSON.parse(JSON.stringify(toClinicFile(step)))).ok).toBe(true);
    const found = findSlots(cancelled.value, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-lee'], now: '2026-10-01T00:00:00Z' });
    expect(found.ok && found.value.some((s) => s.start === '2026-11-02T09:00:00-05:00')).toBe(false);
  });
  it('lets an overbooked holder keep its time (a change of room) with its overbooking still on it, and promotes the overbooking when the holder moves away', () => {
    let schedule = scheduleOf(clinicInput({ policy: { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.5, dailyCap: 2 } } }));
    const holder = book(schedule, { id: 'H', patientId: 'p1', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T09:00' });
    if (!holder.ok) throw new Error('booking failed');
    const over = book(holder.value.schedule, { id: 'O', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability: () => 0.2 });
    if (!over.ok) throw new Error('overbooking failed');
    schedule = over.value.schedule;
    for (const to of [{ start: '2026-11-02T09:00' }, { start: '2026-11-02T09:00', resourceIds: ['room-2'] }]) {
      const kept = reschedule(schedule, 'H', to);
      expect(kept.ok ? kept.value.schedule.appointments.find((a) => a.id === 'O')?.overbooks : kept.issues.map((i) => i.code)).toBe('H');
      if (kept.ok) expect(parseSchedule(toClinicFile(kept.value.schedule)).ok).toBe(true);
    }
    const away = reschedule(schedule, 'H', { start: '2026-11-02T11:00' });
    expect(away.ok && away.value.schedule.appointments.find((a) => a.id === 'O')?.overbooks).toBeUndefined();
    const withdrawn = cancel(schedule, 'O', { reason: 'pat' });
    if (!withdrawn.ok) throw new Error('cancel failed');
    const movedAway = reschedule(withdrawn.value, 'H', { start: '2026-11-02T11:00', resourceIds: ['room-2'] });
    expect(movedAway.ok && movedAway.value.schedule.appointments.find((a) => a.id === 'O')?.resourceIds).toEqual(['room-1']);
    const elsewhere = reschedule(schedule, 'H', { start: '2026-11-02T09:15' });
    expect(!elsewhere.ok && elsewhere.issues.map((i) => i.code)).toEqual(['booking.provider_conflict']);
  });

  it('saves clinic files that load again: overbooking late in the holder\'s time, and a cancelled overbooking whose holder moves', () => {
    const loads = (schedule: Schedule): boolean => parseSchedule(JSON.parse(JSON.stringify(toClinicFile(schedule)))).ok;
    const showProbability = () => 0.3;
    const holder = booked(scheduleOf(clinicInput({ policy })), '2026-11-02T09:00', 'risky', 'dr-lee', 'new');
    const late = book(holder, { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:20', overbook: true }, { showProbability });
    if (!late.ok) throw new Error(JSON.stringify(late.issues));
    expect(loads(late.value.schedule)).toBe(true);
    const over = book(booked(scheduleOf(clinicInput({ policy })), '2026-11-02T09:00', 'risky'), { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    if (!over.ok) throw new Error(JSON.stringify(over.issues));
    const dropped = cancel(over.value.schedule, over.value.appointment.id, { reason: 'patient' });
    if (!dropped.ok) throw new Error('cancel failed');
    const moved = reschedule(dropped.value, 'appt-1', { start: '2026-11-02T10:00' });
    if (!moved.ok) throw new Error(JSON.stringify(moved.issues));
    expect(moved.value.schedule.appointments.find((a) => a.id === over.value.appointment.id)).toMatchObject({ status: 'cancelled', overbooks: 'appt-1' });
    expect(loads(moved.value.schedule)).toBe(true);
  });

  it('stops at the daily overbooking cap', () => {
    const schedule = booked(booked(scheduleOf(clinicInput({ policy })), '2026-11-02T09:00', 'risky-1'), '2026-11-02T10:00', 'risky-2');
    const showProbability = () => 0.3;
    const first = book(schedule, { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const second = book(first.value.schedule, { patientId: 'p4', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:00', overbook: true }, { showProbability });
    expect(!second.ok && second.issues.map((i) => [i.code, i.path])).toEqual([['booking.overbook_cap', ['overbook']]]);
    const noPolicy = book(booked(smallClinic(), '2026-11-02T09:00'), { patientId: 'p5', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    expect(!noPolicy.ok && noPolicy.issues.map((i) => i.code)).toEqual(['booking.overbook_not_allowed']);
  });
});
