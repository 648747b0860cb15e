import { describe, expect, it } from 'vitest';
import { AppointmentSchema } from '../../src/scheduling/appointment.js';
import { book } from '../../src/scheduling/book.js';
import { bookSeries } from '../../src/scheduling/bookSeries.js';
import { offGridWarnings } from '../../src/scheduling/offGrid.js';
import { reschedule } from '../../src/scheduling/reschedule.js';
import { clinicInput, scheduleOf, smallClinic } from './fixtures.js';

const request = { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up' } as const;

describe('off-grid starts', () => {
  it('book a start off the 15-minute grid with a booking.off_grid warning, and one on it without', () => {
    const off = book(smallClinic(), { ...request, start: '2026-11-02T09:07' });
    expect(off.ok && off.warnings.map((w) => [w.code, w.severity, w.path])).toEqual([['booking.off_grid', 'warning', ['start']]]);
    const on = book(smallClinic(), { ...request, start: '2026-11-02T09:15' });
    expect(on.ok && on.warnings).toEqual([]);
  });

  it('warn on a reschedule off the grid and on every occurrence of a series that starts off it', () => {
    const first = book(smallClinic(), { ...request, start: '2026-11-02T09:00' });
    if (!first.ok) throw new Error('book failed');
    const moved = reschedule(first.value.schedule, first.value.appointment.id, { start: '2026-11-02T10:05' });
    expect(moved.ok && moved.warnings.map((w) => w.code)).toEqual(['booking.off_grid']);
    const series = bookSeries(smallClinic(), { ...request, seriesId: 'knee', start: '2026-11-02T09:10' }, { count: 2 });
    expect(series.ok && series.warnings.map((w) => [w.code, w.path])).toEqual([
      ['booking.off_grid', ['occurrences', 0, 'start']],
      ['booking.off_grid', ['occurrences', 1, 'start']],
    ]);
  });

  it('measure the grid on the local wall clock, also in a zone half an hour off UTC', () => {
    const kolkata = scheduleOf({ ...clinicInput(), zone: 'Asia/Kolkata', policy: { alignmentMinutes: 60, minimumNoticeMinutes: 0, horizonDays: 365 } });
    const at = (start: string) => offGridWarnings(kolkata, AppointmentSchema.parse({ id: 'a', patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked', start, end: start }));
    expect(at('2026-11-02T09:00:00+05:30')).toEqual([]);
    expect(at('2026-11-02T03:30:00Z')).toEqual([]);
    expect(at('2026-11-02T09:30:00+05:30').map((w) => w.code)).toEqual(['booking.off_grid']);
    expect(at('2026-11-02T09:00:30+05:30').map((w) => w.code)).toEqual(['booking.off_grid']);
  });
});
