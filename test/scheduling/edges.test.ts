import { describe, expect, it } from 'vitest';
import type { IanaZone } from '../../src/core/time.js';
import { book } from '../../src/scheduling/book.js';
import { toFhirSlot } from '../../src/scheduling/fhir/fhirSlot.js';
import { zoneOffsetAt } from '../../src/scheduling/time/zoneOffset.js';
import { cancel, changeStatus } from '../../src/scheduling/changeStatus.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { toClinicFile } from '../../src/scheduling/schedule.js';
import { clinicInput, scheduleOf } from './fixtures.js';

const policy = { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365 };

describe('scheduling edges', () => {
  it('gives the two 01:30s of a fall-back night different FHIR Slot ids', () => {
    const schedule = scheduleOf(clinicInput({ extraHours: [{ id: 'x', providerId: 'dr-cho', date: '2026-11-01', start: '00:00', end: '03:00' }] }));
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-01', to: '2026-11-01', providerIds: ['dr-cho'], now: '2026-10-01T00:00:00Z' });
    if (!found.ok) throw new Error('findSlots failed');
    const ids = found.value.map((slot) => toFhirSlot(slot).id);
    expect(found.value.filter((slot) => slot.start.slice(11, 16) === '01:30')).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(`dr-cho-${found.value[0]?.start === '2026-11-01T00:00:00-04:00' ? '202611010400Z' : '?'}-follow-up`);
  });

  it('counts a grid step that does not divide the day from local midnight, the same every day', () => {
    const schedule = scheduleOf(clinicInput({ policy: { ...policy, alignmentMinutes: 25 } }));
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-03', providerIds: ['dr-lee'], now: '2026-10-01T00:00:00Z' });
    if (!found.ok) throw new Error('findSlots failed');
    for (const date of ['2026-11-02', '2026-11-03']) {
      expect(found.value.filter((slot) => slot.date === date).slice(0, 3).map((slot) => slot.start.slice(11, 16))).toEqual(['09:10', '09:35', '10:00']);
    }
    const booked = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-03T09:35' });
    expect(booked.ok && booked.warnings).toEqual([]);
  });

  it('answers a mistyped year with issues, never an exception', () => {
    const booked = book(scheduleOf(clinicInput()), { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '0226-11-02T09:00' });
    expect(!booked.ok && booked.issues.map((i) => i.code)).toEqual(['booking.outside_availability']);
    expect(zoneOffsetAt('America/New_York' as IanaZone, Date.UTC(2026, 6, 1) / 60_000)).toBe(-240);
    expect(zoneOffsetAt('UTC' as IanaZone, Date.UTC(226, 6, 1) / 60_000)).toBe(0);
    const yearZero = new Date(0);
    yearZero.setUTCFullYear(0, 6, 1);
    expect(zoneOffsetAt('UTC' as IanaZone, yearZero.getTime() / 60_000)).toBe(0);
    const zero = book(scheduleOf(clinicInput()), { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '0000-11-02T09:00' });
    expect(!zero.ok && zero.issues.map((i) => i.code)).toEqual(['booking.outside_availability']);
  });

  it('offers nothing, and throws nothing, when the urgent hold takes a whole window before its release', () => {
    const schedule = scheduleOf(clinicInput({ policy: { ...policy, urgentHold: { share: 1, release: '10:00' } } }));
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-lee'], now: '2026-11-02T08:00:00-05:00' });
    expect(found.ok && found.value).toEqual([]);
  });

  it('lets an urgent booking use held time only on the day it is made, as findSlots offers it', () => {
    const schedule = scheduleOf(clinicInput({ policy: { ...policy, urgentHold: { share: 1, release: '10:00' } } }));
    const now = '2026-11-02T08:00:00-05:00';
    const request = (start: string) => ({ patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start, now, urgent: true });
    expect(book(schedule, request('2026-11-02T09:00')).ok).toBe(true);
    const ahead = book(schedule, request('2026-11-06T09:00'));
    expect(!ahead.ok && ahead.issues.map((i) => i.code)).toEqual(['booking.held_for_urgent']);
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-06', to: '2026-11-06', providerIds: ['dr-lee'], now, urgent: true });
    expect(found.ok && found.value.some((slot) => slot.start.slice(11, 16) === '09:00')).toBe(false);
  });

  it('gives with a limit exactly the first slots of the whole answer', () => {
    const schedule = scheduleOf(clinicInput());
    const query = { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-13', now: '2026-11-02T10:40:00-05:00' };
    const all = findSlots(schedule, query);
    if (!all.ok) throw new Error('findSlots failed');
    for (const limit of [1, 5, 40, 41, 200, all.value.length + 1]) {
      const some = findSlots(schedule, { ...query, limit });
      expect(some.ok && some.value, String(limit)).toEqual(all.value.slice(0, limit));
    }
  });

  it('refuses a start with seconds, a 24:00 or an offset past 14 hours', () => {
    const schedule = scheduleOf(clinicInput());
    for (const start of ['2026-11-02T09:00:30-05:00', '2026-11-02T24:00', '2026-11-02T14:00:00+25:00', '2026-02-30T09:00']) {
      const result = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start });
      expect(!result.ok && result.issues.map((i) => [i.code, i.path]), start).toEqual([[start.includes(':30-') ? 'booking.request' : 'time.invalid_datetime', ['start']]]);
    }
  });

  it('keeps the urgent hold of the policy when a query asks for a coarser grid, as booking does', () => {
    const schedule = scheduleOf(clinicInput({ policy: { ...policy, urgentHold: { share: 0.25, release: '10:00' } } }));
    const now = '2026-11-02T08:00:00-05:00';
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-lee'], now, alignmentMinutes: 60 });
    if (!found.ok) throw new Error('findSlots failed');
    for (const slot of found.value) {
      expect(book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: slot.start, now }).ok).toBe(true);
    }
  });

  it('offers a late visit that runs on into the next day\'s hours joined at midnight, as booking allows it', () => {
    const schedule = scheduleOf(clinicInput({
      appointmentTypes: [{ id: 'late', name: 'Late', durationMinutes: 60, visit: 'follow-up', requiredResources: [{ anyOf: ['room-1'] }] }],
      rules: [],
      extraHours: [{ id: 'a', providerId: 'dr-lee', date: '2026-11-02', start: '22:00', end: '24:00' }, { id: 'b', providerId: 'dr-lee', date: '2026-11-03', start: '00:00', end: '02:00' }],
    }));
    const found = findSlots(schedule, { typeId: 'late', from: '2026-11-02', to: '2026-11-03', now: '2026-10-01T00:00:00-04:00' });
    if (!found.ok) throw new Error('findSlots failed');
    expect(found.value.map((slot) => `${slot.date} ${slot.start.slice(11, 16)}`)).toEqual([
      '2026-11-02 22:00', '2026-11-02 22:15', '2026-11-02 22:30', '2026-11-02 22:45', '2026-11-02 23:00', '2026-11-02 23:15', '2026-11-02 23:30', '2026-11-02 23:45',
      '2026-11-03 00:00', '2026-11-03 00:15', '2026-11-03 00:30', '2026-11-03 00:45', '2026-11-03 01:00',
    ]);
    for (const slot of found.value) expect(book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'late', start: slot.start }).ok, slot.start).toBe(true);
  });

  it("does not count an appointment at the next local midnight toward today's daily cap", () => {
    const schedule = scheduleOf(clinicInput({
      providers: [{ id: 'dr-lee', name: 'Lee', dailyCap: 1 }, { id: 'dr-cho', name: 'Cho' }],
      rules: [
        { id: 'lee-wed', providerId: 'dr-lee', weekday: 3, start: '13:00', end: '17:00', effectiveFrom: '2026-01-01' },
        { id: 'lee-thu-night', providerId: 'dr-lee', weekday: 4, start: '00:00', end: '02:00', effectiveFrom: '2026-01-01' },
      ],
    }));
    // Thursday's 00:00 is the instant Wednesday ends: it belongs to Thursday only.
    const night = book(schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-05T00:00' });
    if (!night.ok) throw new Error(JSON.stringify(night.issues));
    const wednesday = book(night.value.schedule, { patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-04T13:00' });
    expect(wednesday.ok ? wednesday.value.appointment.start : wednesday.issues.map((i) => i.code)).toBe('2026-11-04T13:00:00-05:00');
    // Thursday itself is at its cap of one.
    const again = book(night.value.schedule, { patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-05T01:00' });
    expect(!again.ok && again.issues.map((i) => i.code)).toEqual(['booking.daily_cap']);
  });

  it('sees a room blocked on the next day when a late visit or its buffer runs past midnight', () => {
    const schedule = scheduleOf(clinicInput({
      appointmentTypes: [{ id: 'late', name: 'Late', durationMinutes: 60, visit: 'follow-up', bufferAfterMinutes: 30, requiredResources: [{ anyOf: ['room-1'] }] }],
      rules: [],
      extraHours: [{ id: 'a', providerId: 'dr-lee', date: '2026-11-02', start: '22:00', end: '24:00' }, { id: 'b', providerId: 'dr-lee', date: '2026-11-03', start: '00:00', end: '02:00' }],
      exceptions: [{ id: 'maint', kind: 'blocked', resourceId: 'room-1', date: '2026-11-03', start: '00:00', end: '01:00' }],
    }));
    const found = findSlots(schedule, { typeId: 'late', from: '2026-11-02', to: '2026-11-02', now: '2026-10-01T00:00:00-04:00' });
    // A 60-minute visit with 30 minutes after must end its buffer by midnight: 22:30 is the last start.
    expect(found.ok && found.value.map((s) => s.start.slice(11, 16)).pop()).toBe('22:30');
    const spanning = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'late', start: '2026-11-02T23:30' });
    expect(!spanning.ok && spanning.issues.map((i) => i.code)).toContain('booking.resource_conflict');
  });

  it("refuses an overbooking of a type the provider may not see, or whose needs the holder's rooms do not meet", () => {
    const schedule = scheduleOf(clinicInput({
      policy: { ...policy, overbooking: { showThreshold: 0.9, dailyCap: 3 } },
      appointments: [{ id: 'h', patientId: 'p1', providerId: 'dr-cho', typeId: 'new', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:40:00-05:00', status: 'booked', resourceIds: ['room-1'] }],
    }));
    const showProbability = () => 0.1;
    const scan = book(schedule, { patientId: 'p9', providerId: 'dr-cho', typeId: 'scan', start: '2026-11-02T09:05', overbook: true }, { showProbability });
    expect(!scan.ok && scan.issues.map((i) => i.code)).toEqual(['booking.provider_not_allowed']);
    const lee = scheduleOf(clinicInput({
      policy: { ...policy, overbooking: { showThreshold: 0.9, dailyCap: 3 } },
      appointments: [{ id: 'h', patientId: 'p1', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:40:00-05:00', status: 'booked', resourceIds: ['room-1'] }],
    }));
    const noUltrasound = book(lee, { patientId: 'p9', providerId: 'dr-lee', typeId: 'scan', start: '2026-11-02T09:05', overbook: true }, { showProbability });
    expect(!noUltrasound.ok && noUltrasound.issues.map((i) => i.code)).toEqual(['booking.overbook_not_allowed']);
    const followUp = book(lee, { patientId: 'p9', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:05', overbook: true }, { showProbability });
    expect(followUp.ok).toBe(true);
  });

  it('books an overbooking that comes back after its holder left as a booking of its own, checked as one', () => {
    const schedule = scheduleOf(clinicInput({
      appointments: [
        { id: 'h', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', status: 'cancelled', cancellation: { reason: 'pat' }, resourceIds: ['room-1'] },
        { id: 'c', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', status: 'booked', resourceIds: ['room-1'] },
        { id: 'x', patientId: 'p3', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', status: 'proposed', resourceIds: ['room-1'], overbooks: 'h' },
      ],
    }));
    const clash = changeStatus(schedule, 'x', 'booked');
    expect(!clash.ok && clash.issues.map((i) => i.code)).toContain('booking.provider_conflict');
    const freed = cancel(schedule, 'c', { reason: 'pat' });
    if (!freed.ok) throw new Error('cancel failed');
    const own = changeStatus(freed.value, 'x', 'booked');
    if (!own.ok) throw new Error(JSON.stringify(own.issues));
    expect(own.value.appointments.find((a) => a.id === 'x')).not.toHaveProperty('overbooks');
    expect(parseSchedule(JSON.parse(JSON.stringify(toClinicFile(own.value)))).ok).toBe(true);
  });
});
