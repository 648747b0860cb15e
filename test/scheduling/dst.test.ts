import { describe, expect, it } from 'vitest';
import type { ClinicFileInput } from '../../src/scheduling/clinicFile.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { book } from '../../src/scheduling/book.js';
import { scheduleOf } from './fixtures.js';

// Sources: the IANA tz database (northamerica, europe, australasia files). US: Energy Policy Act of
// 2005, clocks change at 02:00 local on the second Sunday of March and the first Sunday of November.
// EU/UK: Directive 2000/84/EC, 01:00 UTC on the last Sundays of March and October. Lord Howe Island:
// +10:30 standard, +11 daylight, 02:00 local on the first Sundays of October and April, a 30-minute shift.

function sundayClinic(zone: string, start: string, end: string, duration: number, alignment: number): ClinicFileInput {
  return {
    zone,
    policy: { alignmentMinutes: alignment, minimumNoticeMinutes: 0, horizonDays: 365 },
    providers: [{ id: 'dr-night', name: 'Dr. Night' }],
    appointmentTypes: [{ id: 'visit', name: 'Visit', durationMinutes: duration, visit: 'follow-up' }],
    rules: [{ id: 'sun', providerId: 'dr-night', weekday: 7, start, end, effectiveFrom: '2026-01-01' }],
  };
}

function starts(input: ClinicFileInput, date: string): string[] {
  const found = findSlots(scheduleOf(input), { typeId: 'visit', from: date, to: date, now: '2026-01-01T00:00:00Z' });
  if (!found.ok) throw new Error(JSON.stringify(found.issues));
  return found.value.map((slot) => slot.start);
}

describe('America/New_York', () => {
  it('spring forward 2026-03-08: 00:00-06:00 is five real hours and 02:xx does not exist', () => {
    expect(starts(sundayClinic('America/New_York', '00:00', '06:00', 60, 60), '2026-03-08')).toEqual([
      '2026-03-08T00:00:00-05:00',
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T04:00:00-04:00',
      '2026-03-08T05:00:00-04:00',
    ]);
  });
  it('a 09:00 rule stays 09:00 local on both sides of the change', () => {
    const input = sundayClinic('America/New_York', '09:00', '10:00', 60, 60);
    expect(starts(input, '2026-03-01')).toEqual(['2026-03-01T09:00:00-05:00']);
    expect(starts(input, '2026-03-08')).toEqual(['2026-03-08T09:00:00-04:00']);
    expect(starts(input, '2026-11-01')).toEqual(['2026-11-01T09:00:00-05:00']);
    expect(starts(input, '2026-10-25')).toEqual(['2026-10-25T09:00:00-04:00']);
  });
  it('a rule starting in the gap (02:30) starts when the clock reaches 03:30', () => {
    expect(starts(sundayClinic('America/New_York', '02:30', '04:30', 30, 30), '2026-03-08')).toEqual([
      '2026-03-08T03:30:00-04:00',
      '2026-03-08T04:00:00-04:00',
    ]);
  });
  it('fall back 2026-11-01: 00:00-03:00 is four real hours and 01:00 is offered twice', () => {
    expect(starts(sundayClinic('America/New_York', '00:00', '03:00', 60, 60), '2026-11-01')).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
  });
  it('a rule starting in the repeated hour (01:30) starts at its first occurrence', () => {
    expect(starts(sundayClinic('America/New_York', '01:30', '02:30', 60, 30), '2026-11-01')).toEqual([
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:30:00-05:00',
    ]);
  });
  it('a slot in the repeated hour books, and its twin an hour later is still free', () => {
    const schedule = scheduleOf(sundayClinic('America/New_York', '00:00', '03:00', 60, 60));
    const booked = book(schedule, { patientId: 'p1', providerId: 'dr-night', typeId: 'visit', start: '2026-11-01T01:00:00-04:00' });
    expect(booked.ok).toBe(true);
    if (!booked.ok) return;
    const found = findSlots(booked.value.schedule, { typeId: 'visit', from: '2026-11-01', to: '2026-11-01', now: '2026-01-01T00:00:00Z' });
    expect(found.ok && found.value.map((s) => s.start)).toEqual(['2026-11-01T00:00:00-04:00', '2026-11-01T01:00:00-05:00', '2026-11-01T02:00:00-05:00']);
  });
});

describe('Europe/London', () => {
  it('spring forward 2026-03-29 at 01:00 UTC: 00:00-03:00 is two real hours', () => {
    expect(starts(sundayClinic('Europe/London', '00:00', '03:00', 60, 60), '2026-03-29')).toEqual([
      '2026-03-29T00:00:00+00:00',
      '2026-03-29T02:00:00+01:00',
    ]);
  });
  it('fall back 2026-10-25 at 01:00 UTC: 00:00-03:00 is four real hours', () => {
    expect(starts(sundayClinic('Europe/London', '00:00', '03:00', 60, 60), '2026-10-25')).toEqual([
      '2026-10-25T00:00:00+01:00',
      '2026-10-25T01:00:00+01:00',
      '2026-10-25T01:00:00+00:00',
      '2026-10-25T02:00:00+00:00',
    ]);
  });
});

describe('Australia/Lord_Howe (a 30-minute shift)', () => {
  it('2026-10-04: 02:00 becomes 02:30, so 00:00-04:00 holds seven half-hour slots', () => {
    expect(starts(sundayClinic('Australia/Lord_Howe', '00:00', '04:00', 30, 30), '2026-10-04')).toEqual([
      '2026-10-04T00:00:00+10:30',
      '2026-10-04T00:30:00+10:30',
      '2026-10-04T01:00:00+10:30',
      '2026-10-04T01:30:00+10:30',
      '2026-10-04T02:30:00+11:00',
      '2026-10-04T03:00:00+11:00',
      '2026-10-04T03:30:00+11:00',
    ]);
  });
  it('2026-04-05: 02:00 goes back to 01:30, so 01:30 happens twice', () => {
    expect(starts(sundayClinic('Australia/Lord_Howe', '00:00', '03:00', 30, 30), '2026-04-05')).toEqual([
      '2026-04-05T00:00:00+11:00',
      '2026-04-05T00:30:00+11:00',
      '2026-04-05T01:00:00+11:00',
      '2026-04-05T01:30:00+11:00',
      '2026-04-05T01:30:00+10:30',
      '2026-04-05T02:00:00+10:30',
      '2026-04-05T02:30:00+10:30',
    ]);
  });
});

describe('patient zone', () => {
  it('shows each slot in the patient zone as well, across the clinic-only DST change', () => {
    const schedule = scheduleOf(sundayClinic('America/New_York', '09:00', '10:00', 60, 60));
    const found = findSlots(schedule, { typeId: 'visit', from: '2026-03-08', to: '2026-03-08', now: '2026-01-01T00:00:00Z', patientZone: 'Europe/London' });
    expect(found.ok && found.value.map((s) => [s.start, s.patientStart, s.patientEnd])).toEqual([
      ['2026-03-08T09:00:00-04:00', '2026-03-08T13:00:00+00:00', '2026-03-08T14:00:00+00:00'],
    ]);
  });
});
