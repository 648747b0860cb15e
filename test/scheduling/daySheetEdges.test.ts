import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { daySheet, formatDaySheet } from '../../src/scheduling/daySheet.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { clinicInput, scheduleOf } from './fixtures.js';

function bookAll(schedule: Schedule, starts: readonly string[]): Schedule {
  let current = schedule;
  for (const [n, start] of starts.entries()) {
    const booked = book(current, { patientId: `p${n + 1}`, providerId: 'dr-cho', typeId: 'follow-up', start });
    if (!booked.ok) throw new Error(JSON.stringify(booked.issues));
    current = booked.value.schedule;
  }
  return current;
}

describe('day sheet edges', () => {
  it('prints 24:00 for hours and a visit that end at the next midnight', () => {
    const schedule = bookAll(scheduleOf(clinicInput({ extraHours: [{ id: 'late', providerId: 'dr-cho', date: '2026-11-02', start: '20:00', end: '24:00' }] })), ['2026-11-02T23:40']);
    const sheet = daySheet(schedule, 'dr-cho', '2026-11-02');
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.issues));
    expect(sheet.value.offsetChanges).toBe(false);
    expect(sheet.value.open).toEqual([{ start: '08:00', end: '14:00' }, { start: '20:00', end: '24:00' }]);
    expect(sheet.value.rows.map((r) => [r.start, r.end])).toEqual([['23:40', '24:00']]);
    expect(formatDaySheet(sheet.value).split('\n').slice(1, 3)).toEqual([
      'open 08:00-14:00, 20:00-24:00; booked 20 min, free 580 min',
      expect.stringMatching(/^ {2}23:40-24:00 {2}p1 /),
    ]);
  });

  it('tells the two 01:30s of a fall-back night apart by their offsets', () => {
    const input = clinicInput({ extraHours: [{ id: 'night', providerId: 'dr-cho', date: '2026-11-01', start: '00:00', end: '24:00' }] });
    const schedule = bookAll(scheduleOf(input), ['2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00', '2026-11-01T00:50:00-04:00']);
    const sheet = daySheet(schedule, 'dr-cho', '2026-11-01');
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.issues));
    expect(sheet.value.offsetChanges).toBe(true);
    expect(sheet.value.open).toEqual([{ start: '00:00-04:00', end: '24:00-05:00' }]);
    expect(sheet.value.rows.map((r) => [r.start, r.end])).toEqual([
      ['00:50-04:00', '01:10-04:00'],
      ['01:30-04:00', '01:50-04:00'],
      ['01:30-05:00', '01:50-05:00'],
    ]);
    const text = formatDaySheet(sheet.value).split('\n');
    expect(text[0]).toContain('(the UTC offset changes this day)');
    expect(text[1]).toBe('open 00:00-04:00 to 24:00-05:00; booked 60 min, free 1440 min');
    expect(text.slice(2).map((line) => line.slice(2, 28))).toEqual(['00:50-04:00 to 01:10-04:00', '01:30-04:00 to 01:50-04:00', '01:30-05:00 to 01:50-05:00']);
  });

  it('shows the offset where a visit runs across the change', () => {
    const input = clinicInput({ extraHours: [{ id: 'night', providerId: 'dr-cho', date: '2026-11-01', start: '00:00', end: '06:00' }] });
    const sheet = daySheet(bookAll(scheduleOf(input), ['2026-11-01T01:50:00-04:00']), 'dr-cho', '2026-11-01');
    expect(sheet.ok && sheet.value.rows.map((r) => [r.start, r.end])).toEqual([['01:50-04:00', '01:10-05:00']]);
  });

  it('answers a date it cannot serve with daysheet.invalid_date, never an exception', () => {
    const schedule = scheduleOf(clinicInput({ exceptions: [{ id: 'eve', kind: 'holiday', date: '9999-12-31' }] }));
    for (const date of ['9999-12-31', null, 20261102]) {
      const sheet = daySheet(schedule, 'dr-cho', date as never);
      expect(!sheet.ok && sheet.issues.map((i) => [i.code, i.path]), String(date)).toEqual([['daysheet.invalid_date', ['date']]]);
    }
    const last = daySheet(schedule, 'dr-cho', '9999-12-30');
    expect(last.ok && last.value.open).toEqual([{ start: '08:00', end: '14:00' }]);
  });

  it('prints an imported time off the whole minute exactly, with its seconds', () => {
    const appointment = (id: string, start: string, end: string) => ({ id, patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start, end, status: 'booked' as const, resourceIds: ['room-1'] });
    const parsed = parseSchedule(clinicInput({
      extraHours: [{ id: 'night', providerId: 'dr-cho', date: '2026-11-01', start: '00:00', end: '06:00' }],
      appointments: [
        appointment('a1', '2026-11-02T09:00:30-05:00', '2026-11-02T09:20:30-05:00'),
        appointment('a2', '2026-11-02T10:00:00.250-05:00', '2026-11-02T10:20:00.250-05:00'),
        appointment('a3', '2026-11-02T11:00:00-05:00', '2026-11-02T11:20:00-05:00'),
        appointment('a4', '2026-11-01T01:30:30-04:00', '2026-11-01T01:50:30-04:00'),
      ],
    }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const sheet = daySheet(parsed.value, 'dr-cho', '2026-11-02');
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.issues));
    expect(sheet.value.rows.map((r) => [r.start, r.end])).toEqual([
      ['09:00:30', '09:20:30'],
      ['10:00:00.250', '10:20:00.250'],
      ['11:00', '11:20'],
    ]);
    // Padded to the width of the longest span on the sheet, 10:00:00.250-10:20:00.250.
    expect(formatDaySheet(sheet.value).split('\n')[2]).toMatch(/^ {2}09:00:30-09:20:30 {10}p1 /);
    const fallBack = daySheet(parsed.value, 'dr-cho', '2026-11-01');
    expect(fallBack.ok && fallBack.value.rows.map((r) => [r.start, r.end])).toEqual([['01:30:30-04:00', '01:50:30-04:00']]);
  });

  it('keeps the columns aligned when some times have seconds or milliseconds', () => {
    const visit = (id: string, patientId: string, start: string, end: string) => ({ id, patientId, providerId: 'dr-cho', typeId: 'follow-up', start, end, status: 'booked' as const, resourceIds: ['room-1'] });
    const schedule = scheduleOf(
      clinicInput({
        appointments: [
          visit('a1', 'p1', '2026-11-02T09:00:30-05:00', '2026-11-02T09:20:30-05:00'),
          visit('a2', 'p2', '2026-11-02T11:00:00-05:00', '2026-11-02T11:20:00-05:00'),
          visit('a3', 'p3', '2026-11-02T12:00:00.250-05:00', '2026-11-02T12:20:00-05:00'),
        ],
      }),
    );
    const sheet = daySheet(schedule, 'dr-cho', '2026-11-02');
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.issues));
    const rows = formatDaySheet(sheet.value).split('\n').slice(2);
    expect(rows.map((line) => line.indexOf(' p'))).toEqual([rows[0]?.indexOf(' p'), rows[0]?.indexOf(' p'), rows[0]?.indexOf(' p')]);
    expect(rows[1]).toMatch(/^ {2}11:00-11:20 {9}p2 /);
  });
});
