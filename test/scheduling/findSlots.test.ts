import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { findSlots, findSlotsByDay, MAX_SEARCH_DAYS } from '../../src/scheduling/findSlots.js';
import { clinicInput, scheduleOf, smallClinic } from './fixtures.js';

const NOW = '2026-10-01T00:00:00Z';

describe('findSlots', () => {
  it('findSlotsByDay gives findSlots\' slots date by date, in order, with the same issues', () => {
    const schedule = smallClinic();
    const query = { typeId: 'follow-up', from: '2026-11-01', to: '2026-11-12', now: NOW, patientZone: 'Europe/London' };
    const days = findSlotsByDay(schedule, query);
    const all = findSlots(schedule, query);
    if (!days.ok || !all.ok) throw new Error('search failed');
    const dated = [...days.value];
    expect(dated).toHaveLength(12);
    expect(dated.flat()).toEqual(all.value);
    expect(dated.every((slots, k) => slots.every((slot) => slot.date === `2026-11-${String(k + 1).padStart(2, '0')}`))).toBe(true);
    expect([...days.value].flat()).toEqual(all.value);
    const bad = { ...query, to: '2026-10-01', providerIds: ['dr-nobody'] };
    expect(findSlotsByDay(schedule, bad)).toEqual(findSlots(schedule, bad));
  });

  it('offers the grid inside a provider\'s hours, sorted by start then provider', () => {
    const found = findSlots(smallClinic(), { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', now: NOW });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value.slice(0, 4).map((s) => [s.start, s.providerId])).toEqual([
      ['2026-11-02T08:00:00-05:00', 'dr-cho'],
      ['2026-11-02T08:15:00-05:00', 'dr-cho'],
      ['2026-11-02T08:30:00-05:00', 'dr-cho'],
      ['2026-11-02T08:45:00-05:00', 'dr-cho'],
    ]);
    const lee = found.value.filter((s) => s.providerId === 'dr-lee');
    // 09:00-12:00 holds starts 09:00..11:30 (11 slots); 13:00-17:00 holds 13:00..16:30 (15 slots)
    expect(lee).toHaveLength(26);
    expect(found.value.map((s) => Date.parse(s.start))).toEqual([...found.value.map((s) => Date.parse(s.start))].sort((a, b) => a - b));
  });

  it('keeps both types\' buffers clear of an existing appointment', () => {
    const schedule = smallClinic();
    const first = book(schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T09:00' });
    if (!first.ok) throw new Error('booking failed');
    const found = findSlots(first.value.schedule, { typeId: 'scan', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-lee'], now: NOW });
    // new: 09:00-09:40 plus 10 minutes after -> busy to 09:50; scan needs 5 minutes before -> earliest 09:55 -> grid 10:00
    expect(found.ok && found.value[0]?.start).toBe('2026-11-02T10:00:00-05:00');
  });

  it('honours minimum notice and the booking horizon from now', () => {
    const schedule = smallClinic();
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-30', providerIds: ['dr-lee'], now: '2026-11-02T09:00:00-05:00', minimumNoticeMinutes: 120, horizonDays: 1 });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value[0]?.start).toBe('2026-11-02T11:00:00-05:00');
    expect(new Set(found.value.map((s) => s.date))).toEqual(new Set(['2026-11-02', '2026-11-03']));
  });

  it('leaves out holidays, time off and blocked times', () => {
    const schedule = scheduleOf(
      clinicInput({
        exceptions: [
          { id: 'holiday', kind: 'holiday', date: '2026-11-26' },
          { id: 'lee-off', kind: 'time-off', providerId: 'dr-lee', date: '2026-11-03', toDate: '2026-11-04' },
          { id: 'lee-meeting', kind: 'blocked', providerId: 'dr-lee', date: '2026-11-02', start: '10:00', end: '11:00' },
        ],
      }),
    );
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-26', providerIds: ['dr-lee'], now: NOW });
    if (!found.ok) throw new Error('query failed');
    const dates = new Set<string>(found.value.map((s) => s.date));
    expect(dates.has('2026-11-03') || dates.has('2026-11-04') || dates.has('2026-11-26')).toBe(false);
    const monday = found.value.filter((s) => s.date === '2026-11-02').map((s) => s.start.slice(11, 16));
    expect(monday.filter((t) => t >= '09:45' && t < '11:00')).toEqual([]);
    expect(monday).toContain('09:30');
    expect(monday).toContain('11:00');
  });

  it('respects resource capacity: two exam rooms, three providers wanting them', () => {
    const input = clinicInput({ providers: [{ id: 'dr-lee', name: 'Lee' }, { id: 'dr-cho', name: 'Cho' }, { id: 'dr-roe', name: 'Roe' }] });
    const rules = [...(input.rules ?? []), { id: 'roe-1', providerId: 'dr-roe', weekday: 1, start: '09:00', end: '12:00', effectiveFrom: '2026-01-01' }];
    let schedule = scheduleOf({ ...input, rules });
    for (const providerId of ['dr-lee', 'dr-cho']) {
      const booked = book(schedule, { patientId: `p-${providerId}`, providerId, typeId: 'follow-up', start: '2026-11-02T09:00' });
      if (!booked.ok) throw new Error('booking failed');
      schedule = booked.value.schedule;
    }
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-roe'], now: NOW });
    expect(found.ok && found.value[0]?.start).toBe('2026-11-02T09:30:00-05:00');
    const refused = book(schedule, { patientId: 'p9', providerId: 'dr-roe', typeId: 'follow-up', start: '2026-11-02T09:00' });
    expect(!refused.ok && refused.issues.map((i) => [i.code, i.conflictsWith])).toEqual([['booking.resource_conflict', 'room-1']]);
  });

  it('stops offering a provider once the daily cap is reached', () => {
    const input = clinicInput();
    let schedule = scheduleOf({ ...input, providers: [{ id: 'dr-lee', name: 'Lee', dailyCap: 2 }, { id: 'dr-cho', name: 'Cho' }] });
    for (const start of ['2026-11-02T09:00', '2026-11-02T10:00']) {
      const booked = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start });
      if (!booked.ok) throw new Error('booking failed');
      schedule = booked.value.schedule;
    }
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-03', providerIds: ['dr-lee'], now: NOW });
    expect(found.ok && new Set(found.value.map((s) => s.date))).toEqual(new Set(['2026-11-03']));
    const third = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:00' });
    expect(!third.ok && third.issues.map((i) => i.code)).toEqual(['booking.daily_cap']);
  });

  it('holds the end of each window for urgent same-day booking until the release time', () => {
    const input = clinicInput();
    const schedule = scheduleOf({ ...input, policy: { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 365, urgentHold: { share: 0.25, release: '10:00' } } });
    const ask = (now: string, urgent: boolean) =>
      findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-lee'], now, urgent });
    const early = ask('2026-11-02T08:00:00-05:00', false);
    // 09:00-12:00: the last 45 minutes (11:15-12:00) are held, so the last routine start is 10:45
    expect(early.ok && early.value.filter((s) => s.start < '2026-11-02T12').map((s) => s.start.slice(11, 16)).pop()).toBe('10:45');
    const urgent = ask('2026-11-02T08:00:00-05:00', true);
    expect(urgent.ok && urgent.value.some((s) => s.start.startsWith('2026-11-02T11:30'))).toBe(true);
    const released = ask('2026-11-02T10:00:00-05:00', false);
    expect(released.ok && released.value.some((s) => s.start.startsWith('2026-11-02T11:30'))).toBe(true);
    const held = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:30', now: '2026-11-02T08:00:00-05:00' });
    expect(!held.ok && held.issues.map((i) => i.code)).toEqual(['booking.held_for_urgent']);
    const fitIn = book(schedule, { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:30', now: '2026-11-02T08:00:00-05:00', urgent: true });
    expect(fitIn.ok).toBe(true);
  });

  it('reports bad queries with their paths', () => {
    const schedule = smallClinic();
    const bad = findSlots(schedule, { typeId: 'scan', from: '2026-11-05', to: '2026-11-02', providerIds: ['dr-cho', 'dr-nobody'], now: NOW, patientZone: 'Mars/Olympus' });
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.path])).toEqual([
      ['slots.date_range', ['to']],
      ['time.unknown_zone', ['patientZone']],
      ['slots.provider_not_allowed', ['providerIds', 0]],
      ['slots.unknown_provider', ['providerIds', 1]],
    ]);
    const shape = findSlots(schedule, { typeId: 'follow-up', from: '2026-02-30', to: '2026-11-02', now: NOW });
    expect(!shape.ok && shape.issues.map((i) => [i.code, i.path])).toEqual([['slots.query', ['from']]]);
    const type = findSlots(schedule, { typeId: 'massage', from: '2026-11-02', to: '2026-11-02', now: NOW });
    expect(!type.ok && type.issues.map((i) => i.code)).toEqual(['slots.unknown_type']);
  });

  it('searches at most MAX_SEARCH_DAYS dates, both ends included: 400 dates pass, 401 are slots.range_too_long', () => {
    expect(MAX_SEARCH_DAYS).toBe(400);
    const schedule = smallClinic();
    const query = { typeId: 'follow-up', from: '2026-11-02', providerIds: ['dr-lee'], now: NOW, limit: 1 };
    // 2026-11-02 through 2027-12-06 is 400 dates (399 days apart).
    const longest = findSlots(schedule, { ...query, to: '2027-12-06' });
    expect(longest.ok && longest.value.map((slot) => slot.start)).toEqual(['2026-11-02T09:00:00-05:00']);
    const tooLong = findSlots(schedule, { ...query, to: '2027-12-07' });
    expect(!tooLong.ok && tooLong.issues.map((i) => [i.code, i.path])).toEqual([['slots.range_too_long', ['to']]]);
  });

  it('adds one-off extra hours and honours effective date ranges of weekly rules', () => {
    const schedule = scheduleOf(
      clinicInput({
        providers: [{ id: 'dr-lee', name: 'Lee' }],
        rules: [
          { id: 'old-mon', providerId: 'dr-lee', weekday: 1, start: '09:00', end: '10:00', effectiveFrom: '2026-01-01', effectiveTo: '2026-11-08' },
          { id: 'new-mon', providerId: 'dr-lee', weekday: 1, start: '14:00', end: '15:00', effectiveFrom: '2026-11-09' },
        ],
        extraHours: [{ id: 'saturday', providerId: 'dr-lee', date: '2026-11-07', start: '10:00', end: '10:40' }],
      }),
    );
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-09', now: NOW, alignmentMinutes: 20 });
    expect(found.ok && found.value.map((s) => s.start)).toEqual([
      '2026-11-02T09:00:00-05:00',
      '2026-11-02T09:20:00-05:00',
      '2026-11-02T09:40:00-05:00',
      '2026-11-07T10:00:00-05:00',
      '2026-11-07T10:20:00-05:00',
      '2026-11-09T14:00:00-05:00',
      '2026-11-09T14:20:00-05:00',
      '2026-11-09T14:40:00-05:00',
    ]);
  });
});
