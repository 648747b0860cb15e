import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { daySheet, formatDaySheet } from '../../src/scheduling/daySheet.js';
import { providerDayMetrics } from '../../src/scheduling/metrics.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { toClinicFile } from '../../src/scheduling/schedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { smallClinic } from './fixtures.js';

function withBookings(): Schedule {
  let schedule = smallClinic();
  for (const [start, typeId] of [['2026-11-02T09:00', 'new'], ['2026-11-02T10:00', 'follow-up'], ['2026-11-02T10:35', 'follow-up']] as const) {
    const booked = book(schedule, { patientId: `p-${start.slice(11, 13)}${start.slice(14)}`, providerId: 'dr-lee', typeId, start });
    if (!booked.ok) throw new Error(JSON.stringify(booked.issues));
    schedule = booked.value.schedule;
  }
  return schedule;
}

describe('day sheet and metrics', () => {
  it('lists the provider\'s day in local time', () => {
    const sheet = daySheet(withBookings(), 'dr-lee', '2026-11-02');
    expect(sheet.ok && sheet.value.rows.map((r) => [r.start, r.end, r.typeName])).toEqual([
      ['09:00', '09:40', 'New patient'],
      ['10:00', '10:20', 'Follow-up'],
      ['10:35', '10:55', 'Follow-up'],
    ]);
    expect(sheet.ok && sheet.value.open).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(sheet.ok && formatDaySheet(sheet.value).split('\n')).toHaveLength(5);
    const unknown = daySheet(withBookings(), 'dr-x', '2026-11-02');
    expect(!unknown.ok && unknown.issues.map((i) => i.code)).toEqual(['daysheet.unknown_provider']);
  });

  it('counts booked, buffer and free minutes and the fragments too short for any type', () => {
    const [lee] = providerDayMetrics(withBookings(), { from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-lee'] });
    // open 420; booked 40 + 20 + 20 = 80; buffer 10 after the new patient; free gaps 09:50-10:00 (10), 10:20-10:35 (15),
    // 10:55-12:00 (65), 13:00-17:00 (240). The shortest type is 20 minutes, so 10 + 15 minutes are fragments.
    expect(lee).toEqual({ providerId: 'dr-lee', date: '2026-11-02', availableMinutes: 420, bookedMinutes: 80, bufferMinutes: 10, freeMinutes: 330, fragmentedMinutes: 25, fragments: 2 });
  });
});

describe('fragments, with buffers judged as findSlots judges them', () => {
  it('a gap at the end of availability fits a visit whose buffer reaches past it; a gap between visits needs room for the buffer', () => {
    const parsed = parseSchedule({
      zone: 'America/New_York',
      providers: [{ id: 'dr-lee', name: 'Dr. Lee' }],
      appointmentTypes: [{ id: 'fu', name: 'Follow-up', durationMinutes: 20, visit: 'follow-up', bufferAfterMinutes: 10 }],
      rules: [{ id: 'mon', providerId: 'dr-lee', weekday: 1, start: '09:00', end: '09:50', effectiveFrom: '2026-01-01' }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const first = book(parsed.value, { patientId: 'p1', providerId: 'dr-lee', typeId: 'fu', start: '2026-11-02T09:00' });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const metrics = (schedule: Schedule) => providerDayMetrics(schedule, { from: '2026-11-02', to: '2026-11-02' })[0];
    // Free 09:30-09:50: a 20-minute visit fits, its buffer running past 09:50, and findSlots offers it.
    expect([metrics(first.value.schedule)?.freeMinutes, metrics(first.value.schedule)?.fragmentedMinutes]).toEqual([20, 0]);
    const offered = findSlots(first.value.schedule, { typeId: 'fu', from: '2026-11-02', to: '2026-11-02', now: '2026-10-01T00:00:00Z' });
    expect(offered.ok && offered.value.map((slot) => slot.start)).toEqual(['2026-11-02T09:30:00-05:00']);
    // Held again from 09:45 (rule widened to 10:15): the 15 minutes 09:30-09:45 fit no visit.
    const wider = parseSchedule({ ...toClinicFile(first.value.schedule), rules: [{ id: 'mon', providerId: 'dr-lee', weekday: 1, start: '09:00', end: '10:15', effectiveFrom: '2026-01-01' }] });
    if (!wider.ok) throw new Error(JSON.stringify(wider.issues));
    const second = book(wider.value, { patientId: 'p2', providerId: 'dr-lee', typeId: 'fu', start: '2026-11-02T09:45' });
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect([metrics(second.value.schedule)?.fragments, metrics(second.value.schedule)?.fragmentedMinutes]).toEqual([1, 15]);
  });

  it('a gap opening at the edge of availability needs room for a buffer reaching back into a visit just before it', () => {
    const parsed = parseSchedule({
      zone: 'America/New_York',
      providers: [{ id: 'dr-lee', name: 'Dr. Lee' }],
      appointmentTypes: [{ id: 'fu', name: 'Follow-up', durationMinutes: 20, visit: 'follow-up', bufferBeforeMinutes: 10 }],
      rules: [
        { id: 'early', providerId: 'dr-lee', weekday: 1, start: '09:00', end: '09:40', effectiveFrom: '2026-01-01' },
        { id: 'late', providerId: 'dr-lee', weekday: 1, start: '09:45', end: '10:05', effectiveFrom: '2026-01-01' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const booked = book(parsed.value, { patientId: 'p1', providerId: 'dr-lee', typeId: 'fu', start: '2026-11-02T09:20' });
    if (!booked.ok) throw new Error(JSON.stringify(booked.issues));
    // Held 09:10-09:40 with the buffer. Free 09:00-09:10 and 09:45-10:05: a visit at 09:45 would need
    // its buffer from 09:35, inside the booked visit; from 09:50 it would run past 10:05. Neither gap fits.
    const [row] = providerDayMetrics(booked.value.schedule, { from: '2026-11-02', to: '2026-11-02' });
    expect([row?.freeMinutes, row?.fragments, row?.fragmentedMinutes]).toEqual([30, 2, 30]);
    const offered = findSlots(booked.value.schedule, { typeId: 'fu', from: '2026-11-02', to: '2026-11-02', now: '2026-10-01T00:00:00Z' });
    expect(offered.ok && offered.value).toEqual([]);
  });
});
