import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holdsTime } from '../../src/scheduling/appointment.js';
import { book } from '../../src/scheduling/book.js';
import { cancel } from '../../src/scheduling/changeStatus.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { fillFromWaitlist, rankWaitlist } from '../../src/scheduling/waitlist.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
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

  it('never books a patient on top of their own appointment with another provider; offers them a slot after it instead', () => {
    const entries = [
      { id: 'w-busy', patientId: 'p-wait', typeId: 'follow-up', priority: 9, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
      { id: 'w-next', patientId: 'p-next', typeId: 'follow-up', priority: 1, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
    ];
    const own = book(scheduleOf(clinicInput({ waitlist: entries })), { id: 'mine', patientId: 'p-wait', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:00' });
    if (!own.ok) throw new Error('booking failed');
    const schedule = own.value.schedule;
    const freed = { providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' };
    expect(rankWaitlist(schedule, freed, now).map((o) => o.entry.id)).toEqual(['w-next']);
    const filled = fillFromWaitlist(schedule, freed, now);
    expect(filled.ok && [filled.value.entry.id, filled.value.appointment.patientId]).toEqual(['w-next', 'p-next']);
    // With 10:00-10:50 free, p-wait is offered 10:30 (the 15-minute grid's first start after their own visit ends at 10:20).
    const longer = rankWaitlist(schedule, { ...freed, end: '2026-11-02T10:50:00-05:00' }, now);
    expect(longer.map((o) => [o.entry.id, o.slot.start])).toEqual([
      ['w-busy', '2026-11-02T10:30:00-05:00'],
      ['w-next', '2026-11-02T10:00:00-05:00'],
    ]);
  });

  it('moves the appointment an entry replaces earlier, atomically and keeping its id, and only earlier', () => {
    const entry = (replaces: string) => [{ id: 'w-move', patientId: 'p-move', typeId: 'follow-up', priority: 5, replaces, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' }];
    const withLater = (replaces: string) => {
      const later = book(scheduleOf(clinicInput({ waitlist: entry(replaces) })), { id: 'later', patientId: 'p-move', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-04T13:00' });
      if (!later.ok) throw new Error('booking failed');
      return later.value.schedule;
    };
    const freed = { providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:20:00-05:00' };
    const filled = fillFromWaitlist(withLater('later'), freed, now);
    if (!filled.ok) throw new Error(JSON.stringify(filled.issues));
    expect([filled.value.appointment.id, filled.value.appointment.providerId, filled.value.appointment.start]).toEqual(['later', 'dr-lee', '2026-11-02T10:00:00-05:00']);
    expect(filled.value.schedule.appointments.filter((a) => a.patientId === 'p-move').map((a) => [a.id, a.start, a.status])).toEqual([['later', '2026-11-02T10:00:00-05:00', 'booked']]);
    expect(filled.value.schedule.waitlist).toEqual([]);
    // Time after the appointment it replaces is no improvement; a stale entry (its appointment gone) gets nothing.
    expect(rankWaitlist(withLater('later'), { providerId: 'dr-lee', start: '2026-11-05T10:00:00-05:00', end: '2026-11-05T10:20:00-05:00' }, now)).toEqual([]);
    expect(rankWaitlist(withLater('nothing-such'), freed, now)).toEqual([]);
    const cancelled = cancel(withLater('later'), 'later', { reason: 'pat' });
    if (!cancelled.ok) throw new Error('cancel failed');
    expect(rankWaitlist(cancelled.value, freed, now)).toEqual([]);
  });

  it('offers a replacing entry nothing in freed time that starts at the very minute of the appointment it would move', () => {
    const entry = [{ id: 'w-move', patientId: 'p-move', typeId: 'follow-up', priority: 5, replaces: 'later', earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' }];
    const booked = book(scheduleOf(clinicInput({ waitlist: entry })), { id: 'later', patientId: 'p-move', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-04T13:00' });
    if (!booked.ok) throw new Error(JSON.stringify(booked.issues));
    // dr-lee's 13:00 is the same time as dr-cho's 13:00: a move, but not an earlier one.
    const sameStart = { providerId: 'dr-lee', start: '2026-11-04T13:00:00-05:00', end: '2026-11-04T13:20:00-05:00' };
    expect(rankWaitlist(booked.value.schedule, sameStart, now)).toEqual([]);
    expect(fillFromWaitlist(booked.value.schedule, sameStart, now)).toMatchObject({ ok: false, issues: [{ code: 'waitlist.no_candidate' }] });
    // dr-lee's last morning slot the same day is earlier, so it is offered.
    const earlier = { providerId: 'dr-lee', start: '2026-11-04T11:30:00-05:00', end: '2026-11-04T11:50:00-05:00' };
    expect(rankWaitlist(booked.value.schedule, earlier, now).map((o) => [o.entry.id, o.slot.start])).toEqual([['w-move', '2026-11-04T11:30:00-05:00']]);
  });

  it('moves an appointment into time that overlaps its own old time with the same provider', () => {
    const waitlisted = [
      { id: 'w-move', patientId: 'p-move', typeId: 'follow-up', priority: 5, replaces: 'own', earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
      { id: 'w-plain', patientId: 'p-move', typeId: 'follow-up', priority: 9, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
    ];
    let schedule = scheduleOf(clinicInput({ waitlist: waitlisted }));
    for (const [id, patientId, start] of [['before', 'p1', '2026-11-02T09:40'], ['own', 'p-move', '2026-11-02T10:15']] as const) {
      const booked = book(schedule, { id, patientId, providerId: 'dr-lee', typeId: 'follow-up', start });
      if (!booked.ok) throw new Error(JSON.stringify(booked.issues));
      schedule = booked.value.schedule;
    }
    // 10:00-10:15 is free; 10:00-10:20 fits only once p-move's own 10:15 visit moves out of the way.
    const freed = { providerId: 'dr-lee', start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T10:35:00-05:00' };
    expect(rankWaitlist(schedule, freed, now).map((o) => [o.entry.id, o.slot.start])).toEqual([['w-move', '2026-11-02T10:00:00-05:00']]);
    const filled = fillFromWaitlist(schedule, freed, now);
    expect(filled.ok && filled.value.schedule.appointments.filter((a) => a.patientId === 'p-move').map((a) => [a.id, a.start, a.end])).toEqual([
      ['own', '2026-11-02T10:00:00-05:00', '2026-11-02T10:20:00-05:00'],
    ]);
  });

  it('offers each entry its own earliest fitting slot over a long freed span, whatever the entries ranked before it searched', () => {
    const entries = [
      { id: 'w-any', patientId: 'p-any', typeId: 'follow-up', priority: 9, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
      { id: 'w-later', patientId: 'p-later', typeId: 'follow-up', priority: 8, earliestDate: '2026-11-20', addedAt: '2026-10-01T10:00:00-04:00' },
      { id: 'w-fridays', patientId: 'p-fri', typeId: 'follow-up', priority: 7, windows: [{ start: '15:00', end: '17:00', weekdays: [5] }], earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
      { id: 'w-london', patientId: 'p-uk', typeId: 'follow-up', priority: 6, patientZone: 'Europe/London', windows: [{ start: '19:00', end: '21:00' }], earliestDate: '2026-11-10', addedAt: '2026-10-01T10:00:00-04:00' },
      { id: 'w-never', patientId: 'p-never', typeId: 'follow-up', priority: 5, windows: [{ start: '05:00', end: '06:00' }], earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' },
    ];
    const schedule = scheduleOf(clinicInput({ waitlist: entries }));
    const freed = { providerId: 'dr-lee', start: '2026-11-02T00:00:00-05:00', end: '2027-02-01T00:00:00-05:00' };
    const offers = rankWaitlist(schedule, freed, now);
    // The same search one entry at a time, over its whole range, first fitting slot kept.
    const expected = entries.flatMap((entry) => {
      const found = findSlots(schedule, { typeId: entry.typeId, from: entry.earliestDate > '2026-11-02' ? entry.earliestDate : '2026-11-02', to: '2027-01-31', providerIds: ['dr-lee'], now, ...(entry.patientZone ? { patientZone: entry.patientZone } : {}) });
      if (!found.ok) throw new Error('search failed');
      const slot = found.value.find((s) => {
        const local = DateTime.fromISO(s.start, { zone: entry.patientZone ?? 'America/New_York' });
        const end = DateTime.fromISO(s.end, { zone: entry.patientZone ?? 'America/New_York' });
        const windows: readonly { start: string; end: string; weekdays?: readonly number[] }[] = entry.windows ?? [{ start: '00:00', end: '24:00' }];
        return windows.some(
          (w) => (w.weekdays === undefined || w.weekdays.includes(local.weekday)) && local.toFormat('HH:mm') >= w.start && (end.toFormat('HH:mm') <= w.end || w.end === '24:00'),
        );
      });
      return slot === undefined ? [] : [{ entry, slot }];
    });
    expect(offers.map((o) => [o.entry.id, o.slot.start])).toEqual(expected.map((o) => [o.entry.id, o.slot.start]));
    expect(offers.map((o) => [o.entry.id, o.slot.start])).toEqual([
      ['w-any', '2026-11-02T09:00:00-05:00'],
      ['w-later', '2026-11-20T09:00:00-05:00'],
      ['w-fridays', '2026-11-06T15:00:00-05:00'],
      ['w-london', '2026-11-10T14:00:00-05:00'],
    ]);
    expect(offers).toEqual(expected);
    const filled = fillFromWaitlist(schedule, freed, now);
    expect(filled.ok && [filled.value.entry.id, filled.value.appointment.start]).toEqual(['w-any', '2026-11-02T09:00:00-05:00']);
  });

  it('searches every clinic-local date the freed time touches', () => {
    const entries = [{ id: 'w1', patientId: 'p-wait', typeId: 'follow-up', priority: 5, earliestDate: '2026-10-01', addedAt: '2026-10-01T10:00:00-04:00' }];
    const late = scheduleOf(clinicInput({
      waitlist: entries,
      extraHours: [
        { id: 'eve', providerId: 'dr-lee', date: '2026-11-02', start: '20:00', end: '24:00' },
        { id: 'night', providerId: 'dr-lee', date: '2026-11-03', start: '00:00', end: '02:00' },
      ],
    }));
    // 23:50-00:30 across midnight: 00:00-00:20 on the next date fits.
    expect(rankWaitlist(late, { providerId: 'dr-lee', start: '2026-11-02T23:50:00-05:00', end: '2026-11-03T00:30:00-05:00' }, now).map((o) => o.slot.start)).toEqual(['2026-11-03T00:00:00-05:00']);
    // Two days whose first is a day off: the second day's first slot, also for an entry whose earliest date is that day.
    const off = scheduleOf(clinicInput({ waitlist: [{ ...entries[0]!, earliestDate: '2026-11-03' }], exceptions: [{ id: 'x', kind: 'time-off', providerId: 'dr-cho', date: '2026-11-02' }] }));
    expect(rankWaitlist(off, { providerId: 'dr-cho', start: '2026-11-02T08:00:00-05:00', end: '2026-11-03T14:00:00-05:00' }, now).map((o) => o.slot.start)).toEqual(['2026-11-03T08:00:00-05:00']);
  });
});

// Pairs of one patient's time-holding appointments whose times overlap.
function doubleBookings(schedule: Schedule): string[] {
  const holding = schedule.appointments.filter((a) => holdsTime(a.status));
  return holding.flatMap((a, i) =>
    holding.slice(i + 1).filter((b) => a.patientId === b.patientId && Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end)).map((b) => `${a.id}/${b.id}`),
  );
}

describe('waitlist properties', () => {
  const now = DateTime.fromISO('2026-11-01T12:00:00-05:00');
  const PROVIDERS = ['dr-lee', 'dr-cho'] as const;
  const TYPES = ['follow-up', 'new'] as const;
  // Few patients and a narrow morning, so that waitlisted patients often already hold time then.
  const bookingArb = fc.record({ patient: fc.nat(2), provider: fc.constantFrom(...PROVIDERS), type: fc.constantFrom(...TYPES), date: fc.nat(1), step: fc.integer({ min: 36, max: 46 }) });
  const entryArb = fc.record({ patient: fc.nat(2), type: fc.constantFrom(...TYPES), priority: fc.nat(5), replaces: fc.option(fc.nat(9), { nil: undefined }), only: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }) });
  const freedArb = fc.oneof(
    fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('span' as const), provider: fc.constantFrom(...PROVIDERS), date: fc.nat(1), step: fc.integer({ min: 36, max: 46 }), steps: fc.integer({ min: 1, max: 100 }) }),
  );
  const at = (date: number, step: number) => DateTime.fromISO(`2026-11-0${2 + date}T00:00`, { zone: 'America/New_York' }).plus({ minutes: step * 15 });

  it('a fill never gives a patient two overlapping time-holding appointments, and a replacing entry moves its appointment earlier', () => {
    fc.assert(
      fc.property(fc.array(bookingArb, { maxLength: 12 }), fc.array(entryArb, { minLength: 1, maxLength: 6 }), freedArb, (bookings, entries, freedPick) => {
        const waitlisted = entries.map((e, i) => ({
          id: `w${i}`,
          patientId: `p${e.patient}`,
          typeId: e.type,
          priority: e.priority,
          earliestDate: '2026-10-01',
          addedAt: '2026-10-01T10:00:00-04:00',
          ...(e.replaces !== undefined ? { replaces: `a${e.replaces}` } : {}),
          ...(e.only !== undefined ? { allowedProviders: [e.only] } : {}),
        }));
        let schedule = scheduleOf(clinicInput({ waitlist: waitlisted }));
        bookings.forEach((b, i) => {
          const booked = book(schedule, { id: `a${i}`, patientId: `p${b.patient}`, providerId: b.provider, typeId: b.type, start: at(b.date, b.step).toISO() as string });
          if (booked.ok && doubleBookings(booked.value.schedule).length === 0) schedule = booked.value.schedule;
        });
        let freed: { providerId: string; start: string; end: string };
        if (freedPick.kind === 'cancel') {
          const target = schedule.appointments[freedPick.pick % Math.max(1, schedule.appointments.length)];
          if (target === undefined) return;
          const cancelled = cancel(schedule, target.id, { reason: 'pat' });
          if (!cancelled.ok) return;
          schedule = cancelled.value;
          freed = { providerId: target.providerId, start: target.start, end: target.end };
        } else {
          const start = at(freedPick.date, freedPick.step);
          freed = { providerId: freedPick.provider, start: start.toISO() as string, end: start.plus({ minutes: freedPick.steps * 15 }).toISO() as string };
        }
        for (const offer of rankWaitlist(schedule, freed, now)) {
          expect(Date.parse(offer.slot.start) >= Date.parse(freed.start) && Date.parse(offer.slot.end) <= Date.parse(freed.end)).toBe(true);
        }
        const filled = fillFromWaitlist(schedule, freed, now);
        if (!filled.ok) {
          expect(filled.issues.map((i) => i.code)).toEqual(['waitlist.no_candidate']);
          return;
        }
        const after = filled.value.schedule;
        expect(doubleBookings(after)).toEqual([]);
        expect(filled.value.appointment.patientId).toBe(filled.value.entry.patientId);
        const replaced = filled.value.entry.replaces === undefined ? undefined : schedule.appointments.find((a) => a.id === filled.value.entry.replaces);
        if (replaced === undefined) {
          expect(after.appointments).toHaveLength(schedule.appointments.length + 1);
        } else {
          expect([after.appointments.length, filled.value.appointment.id]).toEqual([schedule.appointments.length, replaced.id]);
          expect(Date.parse(filled.value.appointment.start)).toBeLessThan(Date.parse(replaced.start));
        }
      }),
      { numRuns: 200 },
    );
  });
});
