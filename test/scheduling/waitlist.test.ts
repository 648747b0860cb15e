import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { cancel } from '../../src/scheduling/changeStatus.js';
import { fillFromWaitlist, rankWaitlist } from '../../src/scheduling/waitlist.js';
import { clinicInput, scheduleOf } from './fixtures.js';

const waitlist = [
  { id: 'w-low', patientId: 'p-low', typeId: 'follow-up', priority: 1, earliestDate: '2026-10-01', addedAt: '2026-09-01T10:00:00-04:00' },
  { id: 'w-high-late', patientId: 'p-high-late', typeId: 'follow-up', priority: 5, earliestDate: '2026-10-01', addedAt: '2026-10-20T10:00:00-04:00' },
  { id: 'w-high-early', patientId: 'p-high-early', typeId: 'follow-up', priority: 5, earliestDate: '2026-10-01', addedAt: '2026-10-10T10:00:00-04:00' },
  { id: 'w-cho-only', patientId: 'p-cho', typeId: 'follow-up', priority: 9, allowedProviders: ['dr-cho'], earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
  { id: 'w-not-yet', patientId: 'p-later', typeId: 'follow-up', priority: 9, earliestDate: '2026-11-10', addedAt: '2026-10-01T10:00:00-04:00' },
  { id: 'w-afternoons', patientId: 'p-pm', typeId: 'follow-up', priority: 8, windows: [{ start: '13:00', end: '17:00' }], earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
  { id: 'w-too-long', patientId: 'p-new', typeId: 'new', priority: 10, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
  { id: 'w-london', patientId: 'p-uk', typeId: 'follow-up', priority: 7, patientZone: 'Europe/London', windows: [{ start: '15:00', end: '18:00' }], earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
];

describe('waitlist', () => {
  const now = DateTime.fromISO('2026-11-02T07:30:00-05:00');
  it('ranks who fits the freed time: priority, then longest wait; filters provider, date, window and length', () => {
    let schedule = scheduleOf(clinicInput({ waitlist }));
    const first = book(schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:00' });
    if (!first.ok) throw new Error('booking failed');
    const blocker = book(first.value.schedule, { patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:20' });
    if (!blocker.ok) throw new Error('booking failed');
    const cancelled = cancel(blocker.value.schedule, first.value.appointment.id, { reason: 'pat' });
    if (!cancelled.ok) throw new Error('cancel failed');
    schedule = cancelled.value;
    const freed = { providerId: first.value.appointment.providerId, start: first.value.appointment.start, end: first.value.appointment.end };
    const offers = rankWaitlist(schedule, freed, now);
    // 10:00-10:20 local is 15:00-15:20 in London: inside p-uk's window
    expect(offers.map((o) => o.entry.id)).toEqual(['w-london', 'w-high-early', 'w-high-late', 'w-low']);
    const filled = fillFromWaitlist(schedule, freed, now);
    expect(filled.ok && [filled.value.appointment.patientId, filled.value.appointment.start, filled.value.schedule.waitlist.length]).toEqual([
      'p-uk',
      '2026-11-02T10:00:00-05:00',
      waitlist.length - 1,
    ]);
  });

  it('answers an invalid now with slots.query at now, not "nobody fits"', () => {
    const schedule = scheduleOf(clinicInput({ waitlist }));
    const freed = { providerId: 'dr-lee' as never, start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' };
    const filled = fillFromWaitlist(schedule, freed, DateTime.fromISO('not a time'));
    expect(!filled.ok && filled.issues.map((i) => [i.code, i.path])).toEqual([['slots.query', ['now']]]);
  });

  it('says so when nobody fits', () => {
    const schedule = scheduleOf(clinicInput());
    const filled = fillFromWaitlist(schedule, { providerId: 'dr-lee' as never, start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' }, now);
    expect(!filled.ok && filled.issues.map((i) => i.code)).toEqual(['waitlist.no_candidate']);
  });

  it('judges windows by the wall clock where a slot really ends on clock-change days', () => {
    const entry = (start: string, end: string) => [{ id: 'w1', patientId: 'p9', typeId: 'new', priority: 5, windows: [{ start, end }], earliestDate: '2026-01-01', addedAt: '2026-01-01T10:00:00-05:00' }];
    const early = DateTime.fromISO('2026-02-01T00:00:00-05:00');
    // 01:45 EST to 03:25 EDT overruns a window ending at 03:00, though only 40 minutes pass.
    const spring = scheduleOf(clinicInput({ extraHours: [{ id: 'x', providerId: 'dr-lee', date: '2026-03-08', start: '00:00', end: '06:00' }], waitlist: entry('00:00', '03:00') }));
    expect(rankWaitlist(spring, { providerId: 'dr-lee', start: '2026-03-08T01:45:00-05:00', end: '2026-03-08T03:25:00-04:00' }, early)).toEqual([]);
    expect(rankWaitlist(spring, { providerId: 'dr-lee', start: '2026-03-08T01:00:00-05:00', end: '2026-03-08T01:40:00-05:00' }, early).map((o) => o.entry.id)).toEqual(['w1']);
    // 01:30 EDT to 01:10 EST (after the clocks go back) lies inside a window ending at 02:00.
    const fall = scheduleOf(clinicInput({ extraHours: [{ id: 'x', providerId: 'dr-lee', date: '2026-11-01', start: '00:00', end: '03:00' }], waitlist: entry('00:00', '02:00') }));
    expect(rankWaitlist(fall, { providerId: 'dr-lee', start: '2026-11-01T01:30:00-04:00', end: '2026-11-01T01:10:00-05:00' }, early).map((o) => o.entry.id)).toEqual(['w1']);
    // Window edges inside the skipped or repeated hour: 03:00 EDT is after 02:30 on the wall clock, and
    // the second 01:00-01:20 (standard time) is before 01:30.
    const gapEdge = scheduleOf(clinicInput({ extraHours: [{ id: 'x', providerId: 'dr-lee', date: '2026-03-08', start: '00:00', end: '06:00' }], waitlist: entry('02:30', '06:00') }));
    expect(rankWaitlist(gapEdge, { providerId: 'dr-lee', start: '2026-03-08T03:00:00-04:00', end: '2026-03-08T03:40:00-04:00' }, early).map((o) => o.entry.id)).toEqual(['w1']);
    const repeatEdge = scheduleOf(clinicInput({ extraHours: [{ id: 'x', providerId: 'dr-lee', date: '2026-11-01', start: '00:00', end: '03:00' }], waitlist: entry('00:00', '01:45') }));
    expect(rankWaitlist(repeatEdge, { providerId: 'dr-lee', start: '2026-11-01T01:00:00-05:00', end: '2026-11-01T01:40:00-05:00' }, early).map((o) => o.entry.id)).toEqual(['w1']);
    // 01:30 EDT to 01:10 EST passes the wall-clock 01:00, before a window opening at 01:20.
    const late = scheduleOf(clinicInput({ extraHours: [{ id: 'x', providerId: 'dr-lee', date: '2026-11-01', start: '00:00', end: '03:00' }], waitlist: entry('01:20', '02:00') }));
    expect(rankWaitlist(late, { providerId: 'dr-lee', start: '2026-11-01T01:30:00-04:00', end: '2026-11-01T01:10:00-05:00' }, early)).toEqual([]);
  });
});
