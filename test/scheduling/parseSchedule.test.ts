import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { toClinicFile } from '../../src/scheduling/schedule.js';
import { clinicInput, scheduleOf } from './fixtures.js';

function codesAndPaths(input: unknown): [string, (string | number)[]][] {
  const parsed = parseSchedule(input);
  return parsed.ok ? [] : parsed.issues.map((i) => [i.code, [...i.path]]);
}

describe('parseSchedule', () => {
  it('accepts the fixture clinic and round-trips it through JSON', () => {
    const schedule = scheduleOf(clinicInput());
    const again = parseSchedule(JSON.parse(JSON.stringify(toClinicFile(schedule))));
    expect(again.ok && toClinicFile(again.value)).toEqual(toClinicFile(schedule));
  });

  it('reports an unknown zone, ranges that end first, unknown providers and overlapping rules with paths', () => {
    const base = clinicInput();
    const rules = base.rules ?? [];
    expect(codesAndPaths({ ...base, zone: 'Mars/Olympus' })).toEqual([['time.unknown_zone', ['zone']]]);
    expect(codesAndPaths({ ...base, rules: [...rules, { id: 'bad', providerId: 'dr-lee', weekday: 6, start: '12:00', end: '09:00', effectiveFrom: '2026-01-01' }] })).toEqual([
      ['schedule.time_range', ['rules', rules.length, 'end']],
    ]);
    expect(codesAndPaths({ ...base, rules: [...rules, { id: 'ghost', providerId: 'dr-ghost', weekday: 6, start: '09:00', end: '12:00', effectiveFrom: '2026-01-01' }] })).toEqual([
      ['schedule.unknown_provider', ['rules', rules.length, 'providerId']],
    ]);
    expect(codesAndPaths({ ...base, rules: [...rules, { id: 'twice', providerId: 'dr-lee', weekday: 1, start: '11:00', end: '13:30', effectiveFrom: '2026-06-01' }] })).toEqual([
      ['schedule.overlapping_rules', ['rules', rules.length]],
    ]);
    expect(codesAndPaths({ ...base, rules: [...rules, { id: 'later', providerId: 'dr-lee', weekday: 1, start: '17:00', end: '18:00', effectiveFrom: '2026-06-01', effectiveTo: '2026-05-01' }] })).toEqual([
      ['schedule.time_range', ['rules', rules.length, 'effectiveTo']],
    ]);
    expect(codesAndPaths({ ...base, providers: [{ id: 'dr-lee' }] })).toEqual([['schedule.schema', ['providers', 0, 'name']]]);
  });

  it('refuses a type whose requirements share a resource, which could be given one room twice', () => {
    const base = clinicInput();
    const double = { id: 'double', name: 'Two rooms', durationMinutes: 20, visit: 'follow-up' as const, requiredResources: [{ anyOf: ['room-1', 'room-2'] }, { anyOf: ['room-2', 'ultrasound'] }] };
    expect(codesAndPaths({ ...base, appointmentTypes: [...(base.appointmentTypes ?? []), double] })).toEqual([
      ['schedule.shared_requirement', ['appointmentTypes', 3, 'requiredResources', 1, 'anyOf', 0]],
    ]);
  });

  it('bounds the booking horizon and notice so that no date arithmetic can overflow', () => {
    const policy = { alignmentMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 1e12 };
    expect(codesAndPaths({ ...clinicInput(), policy })).toEqual([['schedule.schema', ['policy', 'horizonDays']]]);
    expect(codesAndPaths({ ...clinicInput(), policy: { ...policy, horizonDays: 30, minimumNoticeMinutes: 1e15 } })).toEqual([
      ['schedule.schema', ['policy', 'minimumNoticeMinutes']],
    ]);
  });

  it('refuses an exception naming both a provider and a resource, at the exception, since it applies to the clinic, one provider or one resource', () => {
    const both = { id: 'lee-off', kind: 'time-off' as const, providerId: 'dr-lee', resourceId: 'room-1', date: '2026-11-02' };
    const holiday = { id: 'thanksgiving', kind: 'holiday' as const, date: '2026-11-26' };
    expect(codesAndPaths(clinicInput({ exceptions: [holiday, both] }))).toEqual([['schedule.exception_target', ['exceptions', 1]]]);
    // Each on its own is sound: the provider's day off, or the room's.
    const { resourceId: _room, ...provider } = both;
    const { providerId: _lee, ...room } = both;
    expect(codesAndPaths(clinicInput({ exceptions: [holiday, provider, { ...room, id: 'room-off' }] }))).toEqual([]);
  });

  it('checks every overbooking against the appointment it names', () => {
    const at = (start: string, end: string) => ({ start: `2026-11-02T${start}:00-05:00`, end: `2026-11-02T${end}:00-05:00` });
    const holder = { id: 'h', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, ...at('09:00', '09:20'), resourceIds: ['room-1'] };
    const over = { id: 'o', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, ...at('09:00', '09:20'), overbooks: 'h', resourceIds: ['room-1'] };
    expect(codesAndPaths(clinicInput({ appointments: [holder, over] }))).toEqual([]);
    expect(codesAndPaths(clinicInput({ appointments: [holder, { ...over, overbooks: 'ghost' }] }))).toEqual([['schedule.unknown_appointment', ['appointments', 1, 'overbooks']]]);
    for (const broken of [
      { ...over, overbooks: 'o' },
      { ...over, ...at('09:10', '09:30') },
      { ...over, providerId: 'dr-cho' },
    ]) {
      expect(codesAndPaths(clinicInput({ appointments: [holder, broken] }))).toContainEqual(['schedule.overbook_mismatch', ['appointments', 1, 'overbooks']]);
    }
    expect(codesAndPaths(clinicInput({ appointments: [{ ...holder, status: 'cancelled', cancellation: { reason: 'patient' } }, over] }))).toEqual([
      ['schedule.overbook_mismatch', ['appointments', 1, 'overbooks']],
    ]);
    expect(codesAndPaths(clinicInput({ appointments: [holder, over, { ...over, id: 'o2', patientId: 'p3' }] }))).toEqual([['schedule.overbook_mismatch', ['appointments', 2, 'overbooks']]]);
    expect(codesAndPaths(clinicInput({ appointments: [holder, over, { ...over, id: 'o3', overbooks: 'o' }] }))).toEqual([['schedule.overbook_mismatch', ['appointments', 2, 'overbooks']]]);
    // An overbooking shares its holder's rooms: one of its own would be double-booked when the holder leaves.
    const roomed = { ...holder, resourceIds: ['room-2'] };
    const other = { id: 'x', patientId: 'p3', providerId: 'dr-cho', typeId: 'follow-up', status: 'booked' as const, ...at('09:00', '09:20'), resourceIds: ['room-1'] };
    expect(codesAndPaths(clinicInput({ appointments: [roomed, { ...over, resourceIds: ['room-1'] }, other] }))).toEqual([['schedule.overbook_mismatch', ['appointments', 1, 'overbooks']]]);
    expect(codesAndPaths(clinicInput({ appointments: [roomed, { ...over, resourceIds: ['room-2'] }, other] }))).toEqual([]);
  });

  it('refuses an appointment holding time without the resources its type requires (the room would stay free for another booking)', () => {
    const appointment = { id: 'a', patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00' };
    expect(codesAndPaths(clinicInput({ appointments: [appointment] }))).toEqual([['schedule.resource_mismatch', ['appointments', 0, 'resourceIds']]]);
    expect(codesAndPaths(clinicInput({ appointments: [{ ...appointment, resourceIds: ['room-1'] }] }))).toEqual([]);
    expect(codesAndPaths(clinicInput({ appointments: [{ ...appointment, status: 'cancelled' as never, cancellation: { reason: 'pat' } }] }))).toEqual([]);
    expect(codesAndPaths(clinicInput({ appointments: [{ ...appointment, status: 'pending' as never }] }))).toEqual([['schedule.resource_mismatch', ['appointments', 0, 'resourceIds']]]);
    // A visit under way or done stays as recorded (the type may have gained its room requirement later).
    for (const status of ['arrived', 'checked-in', 'fulfilled'] as const) {
      expect(codesAndPaths(clinicInput({ appointments: [{ ...appointment, status: status as never }] })), status).toEqual([]);
    }
  });

  it('refuses impossible instants and a resource listed twice by one appointment', () => {
    const appointment = { id: 'a', patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00' };
    for (const start of ['2026-02-30T09:00:00-05:00', '2026-04-31T09:00:00-04:00', '2026-11-02T24:00:00-05:00', '2026-11-02T10:00:00+25:00']) {
      expect(codesAndPaths(clinicInput({ appointments: [{ ...appointment, start }] })), start).toEqual([['schedule.schema', ['appointments', 0, 'start']]]);
    }
    const big = { id: 'big', name: 'Big room', kind: 'room' as const, capacity: 2 };
    const input = clinicInput({ resources: [...(clinicInput().resources ?? []), big], appointments: [{ ...appointment, resourceIds: ['big', 'big'] }] });
    expect(codesAndPaths(input)).toEqual([['schedule.schema', ['appointments', 0, 'resourceIds']]]);
  });

  it('reports existing appointments that double-book, naming the index', () => {
    const appointment = { patientId: 'p', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', resourceIds: ['room-1'] };
    expect(codesAndPaths(clinicInput({ appointments: [{ id: 'a', ...appointment }, { id: 'b', ...appointment, resourceIds: ['room-2'], start: '2026-11-02T09:10:00-05:00', end: '2026-11-02T09:30:00-05:00' }] }))).toEqual([
      ['schedule.appointment_conflict', ['appointments', 1]],
    ]);
    expect(codesAndPaths(clinicInput({ appointments: [{ id: 'a', ...appointment }, { id: 'a', ...appointment, status: 'cancelled' }] }))).toEqual([
      ['schedule.duplicate_id', ['appointments', 1, 'id']],
    ]);
  });

  it('property: a defect injected anywhere is reported at its path, and a bad booking leaves the schedule as it was', () => {
    const base = clinicInput();
    const rules = base.rules ?? [];
    fc.assert(
      fc.property(fc.nat(rules.length - 1), fc.constantFrom('zone', 'range', 'provider'), (index, defect) => {
        const rule = rules[index];
        if (rule === undefined) return;
        const broken = defect === 'zone' ? { ...rule } : defect === 'range' ? { ...rule, start: rule.end, end: rule.start } : { ...rule, providerId: 'dr-who' };
        const input = { ...base, zone: defect === 'zone' ? 'America/Nowhere' : base.zone, rules: rules.map((r, i) => (i === index ? broken : r)) };
        const expected = defect === 'zone' ? ['time.unknown_zone', ['zone']] : defect === 'range' ? ['schedule.time_range', ['rules', index, 'end']] : ['schedule.unknown_provider', ['rules', index, 'providerId']];
        expect(codesAndPaths(input)).toEqual([expected]);
      }),
      { numRuns: 30 },
    );
    const schedule = scheduleOf(base);
    fc.assert(
      fc.property(fc.constantFrom('dr-who', 'dr-lee'), fc.constantFrom('Mars/Base', 'Europe/Rome'), fc.constantFrom('2026-11-02T25:00', '2026-11-02T09:00'), (providerId, zone, start) => {
        const frozen = JSON.stringify(toClinicFile(schedule));
        const result = book(schedule, { patientId: 'p', providerId, typeId: 'follow-up', start, patientZone: zone });
        expect(JSON.stringify(toClinicFile(schedule))).toBe(frozen);
        if (providerId === 'dr-who' || zone === 'Mars/Base' || start.includes('25:')) expect(result.ok).toBe(false);
      }),
    );
  });
});
