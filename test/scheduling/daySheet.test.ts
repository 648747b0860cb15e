import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { daySheet, formatDaySheet } from '../../src/scheduling/daySheet.js';
import { providerDayMetrics } from '../../src/scheduling/metrics.js';
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
