import { describe, expect, it } from 'vitest';
import { bookSeries } from '../../src/scheduling/bookSeries.js';
import { clinicInput, scheduleOf } from './fixtures.js';

// Dr. Cho works through the night of the fall-back and spring-forward changes (Sundays) in New York.
function nightClinic() {
  const nights = [7].map((weekday) => ({ id: `cho-night-${weekday}`, providerId: 'dr-cho', weekday, start: '00:00', end: '06:00', effectiveFrom: '2026-01-01' }));
  const base = clinicInput();
  return scheduleOf({ ...base, rules: [...(base.rules ?? []), ...nights] });
}

const request = { seriesId: 'night', patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up' };

describe('bookSeries', () => {
  it('books the first visit at the instant asked for, even the second 01:30 of a fall-back night', () => {
    const series = bookSeries(nightClinic(), { ...request, start: '2026-11-01T01:30:00-05:00' }, { count: 3 });
    expect(series.ok && series.value.appointments.map((a) => a.start)).toEqual([
      '2026-11-01T01:30:00-05:00',
      '2026-11-08T01:30:00-05:00',
      '2026-11-15T01:30:00-05:00',
    ]);
  });

  it('reads a later occurrence on a fall-back night as the first 01:30, as any wall-clock start', () => {
    const series = bookSeries(nightClinic(), { ...request, start: '2026-10-25T01:30' }, { count: 2 });
    expect(series.ok && series.value.appointments.map((a) => a.start)).toEqual(['2026-10-25T01:30:00-04:00', '2026-11-01T01:30:00-04:00']);
  });

  it('keeps the wall-clock time asked for after a first visit moved forward by the spring-forward gap', () => {
    const series = bookSeries(nightClinic(), { ...request, start: '2026-03-08T02:30' }, { count: 2 });
    expect(series.ok && series.value.appointments.map((a) => a.start)).toEqual(['2026-03-08T03:30:00-04:00', '2026-03-15T02:30:00-04:00']);
  });

  it('refuses a first start with seconds instead of dropping them', () => {
    const series = bookSeries(nightClinic(), { ...request, start: '2026-11-02T09:00:30-05:00', providerId: 'dr-lee' }, { count: 2 });
    expect(!series.ok && series.issues.map((i) => [i.code, i.path])).toEqual([
      ['booking.request', ['occurrences', 0, 'start']],
      ['booking.request', ['occurrences', 1, 'start']],
    ]);
  });

  it('reads a start with surrounding spaces the same way for every occurrence', () => {
    const spaced = bookSeries(nightClinic(), { ...request, start: ' 2026-10-25T01:30 ' }, { count: 2 });
    const plain = bookSeries(nightClinic(), { ...request, start: '2026-10-25T01:30' }, { count: 2 });
    expect(spaced.ok && spaced.value.appointments.map((a) => a.start)).toEqual(plain.ok && plain.value.appointments.map((a) => a.start));
    expect(spaced.ok).toBe(true);
  });
});
