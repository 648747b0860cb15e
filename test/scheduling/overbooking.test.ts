import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holdsTime, type Appointment } from '../../src/scheduling/appointment.js';
import { book } from '../../src/scheduling/book.js';
import { cancel, changeStatus } from '../../src/scheduling/changeStatus.js';
import type { ClinicFileInput } from '../../src/scheduling/clinicFile.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { reschedule } from '../../src/scheduling/reschedule.js';
import { toClinicFile, type Schedule } from '../../src/scheduling/schedule.js';
import { clinicInput, scheduleOf } from './fixtures.js';

const ZONE = 'America/New_York';
const SHOW: Readonly<Record<string, number>> = { 'p-low': 0.2, 'p-mid': 0.45, 'p-high': 0.9 };
const showProbability = (a: Appointment): number => SHOW[a.patientId] ?? 0.1;

/** The small clinic with overbooking allowed and a visit needing a room and the ultrasound. */
function overbookingClinic(overrides: Partial<ClinicFileInput> = {}): ClinicFileInput {
  return clinicInput({
    policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.5, dailyCap: 2 } },
    appointmentTypes: [
      { id: 'follow-up', name: 'Follow-up', durationMinutes: 20, visit: 'follow-up', requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
      { id: 'new', name: 'New patient', durationMinutes: 40, visit: 'new', bufferAfterMinutes: 10, requiredResources: [{ anyOf: ['room-1', 'room-2'] }] },
      { id: 'scan', name: 'Scan in a room', durationMinutes: 30, visit: 'follow-up', bufferBeforeMinutes: 5, requiredResources: [{ anyOf: ['room-1', 'room-2'] }, { anyOf: ['ultrasound'] }] },
    ],
    ...overrides,
  });
}

function placed(schedule: Schedule, request: Parameters<typeof book>[1]): Schedule {
  const result = book(schedule, request, { showProbability });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.schedule;
}

function codes(result: { ok: boolean; issues?: readonly { code: string }[] }): string[] {
  return result.ok ? [] : (result.issues ?? []).map((i) => i.code);
}

const at = (date: string, start: string, end: string) => ({ start: `${date}T${start}:00-05:00`, end: `${date}T${end}:00-05:00` });

describe('an overbooking lies inside availability and inside its holder\'s appointment time', () => {
  it('refuses one that runs past closing in the holder\'s after-buffer, so cancelling the holder cannot leave an after-hours booking', () => {
    const schedule = placed(scheduleOf(overbookingClinic()), { id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T11:20' });
    // The holder is 11:20-12:00 with its buffer to 12:10; dr-lee's morning ends at 12:00.
    const late = book(schedule, { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:50', overbook: true }, { showProbability });
    expect(!late.ok && late.issues.map((i) => [i.code, i.path])).toEqual([
      ['booking.outside_availability', ['start']],
      ['booking.overbook_not_allowed', ['overbook']],
    ]);
    const inside = book(schedule, { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:40', overbook: true }, { showProbability });
    if (!inside.ok) throw new Error(JSON.stringify(inside.issues));
    const promoted = cancel(inside.value.schedule, 'h', { reason: 'pat' });
    if (!promoted.ok) throw new Error('cancel failed');
    expect(promoted.value.appointments.find((a) => a.id === 'ob')).toMatchObject({ status: 'booked', ...at('2026-11-02', '11:40', '12:00') });
    expect(promoted.value.appointments.find((a) => a.id === 'ob')).not.toHaveProperty('overbooks');
  });

  it('refuses one whose own time lies outside opening hours even inside the holder\'s time (hours closed by an exception)', () => {
    const file = overbookingClinic({
      exceptions: [{ id: 'lee-call', kind: 'blocked', providerId: 'dr-lee', date: '2026-11-02', start: '09:30', end: '10:00' }],
      appointments: [{ id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'new', status: 'booked', resourceIds: ['room-1'], ...at('2026-11-02', '09:00', '09:40') }],
    });
    const blocked = book(scheduleOf(file), { patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:20', overbook: true }, { showProbability });
    expect(codes(blocked)).toEqual(['booking.outside_availability']);
  });

  it('judges "inside exactly one appointment" by the holder\'s appointment time, not its buffers', () => {
    const schedule = placed(placed(scheduleOf(overbookingClinic()), { id: 'n', patientId: 'p-low', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T09:00' }), {
      id: 's', patientId: 'p-low', providerId: 'dr-lee', typeId: 'scan', start: '2026-11-02T10:55',
    });
    // In the new patient's after-buffer (09:40-09:50), and in the scan's before-buffer (10:50-10:55).
    for (const start of ['2026-11-02T09:30', '2026-11-02T10:50']) {
      const result = book(schedule, { patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start, overbook: true }, { showProbability });
      expect(codes(result), start).toEqual(['booking.overbook_not_allowed']);
    }
    expect(book(schedule, { patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:20', overbook: true }, { showProbability }).ok).toBe(true);
    // A clinic file holding an overbooking in its holder's buffer is refused the same way.
    const holder = { id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'new', status: 'booked' as const, resourceIds: ['room-1'], ...at('2026-11-02', '09:00', '09:40') };
    const inBuffer = { id: 'o', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, resourceIds: ['room-1'], overbooks: 'h', ...at('2026-11-02', '09:30', '09:50') };
    const parsed = parseSchedule(overbookingClinic({ appointments: [holder, inBuffer] }));
    expect(!parsed.ok && parsed.issues.map((i) => [i.code, i.path])).toEqual([['schedule.overbook_mismatch', ['appointments', 1, 'overbooks']]]);
    // A visit already under way or done, recorded that way by an earlier release, is kept as recorded.
    for (const status of ['arrived', 'fulfilled'] as const) {
      const recorded = parseSchedule(overbookingClinic({ appointments: [{ ...holder, status }, { ...inBuffer, status }] }));
      expect(recorded.ok ? [] : recorded.issues.map((i) => i.code), status).toEqual([]);
    }
  });

  it('gives an overbooking with an unknown provider the unknown-provider issue', () => {
    const schedule = placed(scheduleOf(overbookingClinic()), { patientId: 'p-low', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00' });
    const result = book(schedule, { patientId: 'p2', providerId: 'dr-nobody', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    expect(!result.ok && result.issues.map((i) => [i.code, i.path])).toEqual([['booking.unknown_provider', ['providerId']]]);
  });
});

describe('an overbooking shares only the rooms and equipment its own type needs', () => {
  const withScan = (): Schedule => placed(scheduleOf(overbookingClinic()), { id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'scan', start: '2026-11-02T09:00' });

  it('takes one of the holder\'s resources per requirement, keeps only those when promoted, and frees the rest', () => {
    const over = book(withScan(), { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    if (!over.ok) throw new Error(JSON.stringify(over.issues));
    expect(over.value.appointment).toMatchObject({ overbooks: 'h', resourceIds: ['room-1'] });
    const promoted = cancel(over.value.schedule, 'h', { reason: 'pat' });
    if (!promoted.ok) throw new Error('cancel failed');
    expect(promoted.value.appointments.find((a) => a.id === 'ob')?.resourceIds).toEqual(['room-1']);
    // The ultrasound the follow-up never needed is free for dr-cho's scan at 09:00.
    const found = findSlots(promoted.value, { typeId: 'scan', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-cho'], now: '2026-11-01T00:00:00Z' });
    expect(found.ok && found.value.filter((s) => s.start === '2026-11-02T09:00:00-05:00').map((s) => s.resourceIds)).toEqual([['room-2', 'ultrasound']]);
    expect(book(promoted.value, { patientId: 'p3', providerId: 'dr-cho', typeId: 'scan', start: '2026-11-02T09:00' }).ok).toBe(true);
  });

  it('trims an overbooking loaded from a file with all of its holder\'s resources to what its type needs when promoted', () => {
    const holder = { id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'scan', status: 'booked' as const, resourceIds: ['room-1', 'ultrasound'], ...at('2026-11-02', '09:00', '09:30') };
    const over = { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, resourceIds: ['room-1', 'ultrasound'], overbooks: 'h', ...at('2026-11-02', '09:00', '09:20') };
    const promoted = cancel(scheduleOf(overbookingClinic({ appointments: [holder, over] })), 'h', { reason: 'pat' });
    expect(promoted.ok && promoted.value.appointments.find((a) => a.id === 'ob')?.resourceIds).toEqual(['room-1']);
  });

  it('follows a holder that changes room at its own time with only what it needs', () => {
    const over = book(withScan(), { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00', overbook: true }, { showProbability });
    if (!over.ok) throw new Error(JSON.stringify(over.issues));
    const moved = reschedule(over.value.schedule, 'h', { start: '2026-11-02T09:00', resourceIds: ['room-2', 'ultrasound'] });
    if (!moved.ok) throw new Error(JSON.stringify(moved.issues));
    expect(moved.value.schedule.appointments.find((a) => a.id === 'ob')).toMatchObject({ overbooks: 'h', resourceIds: ['room-2'] });
    expect(parseSchedule(JSON.parse(JSON.stringify(toClinicFile(moved.value.schedule)))).ok).toBe(true);
  });

  it('refuses to move a holder at its own time into rooms its overbooking cannot use', () => {
    const base = overbookingClinic();
    const exam1 = { id: 'exam-1', name: 'Exam in room 1', durationMinutes: 20, visit: 'follow-up' as const, requiredResources: [{ anyOf: ['room-1'] }] };
    const schedule = placed(scheduleOf({ ...base, appointmentTypes: [...(base.appointmentTypes ?? []), exam1] }), { id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'scan', start: '2026-11-02T09:00' });
    const over = placed(schedule, { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'exam-1', start: '2026-11-02T09:00', overbook: true });
    const moved = reschedule(over, 'h', { start: '2026-11-02T09:00', resourceIds: ['room-2', 'ultrasound'] });
    expect(!moved.ok && moved.issues.map((i) => [i.code, i.path])).toEqual([['booking.resource_mismatch', ['resourceIds']]]);
  });
});

describe('an overbooking confirmed from proposed is checked as book checks one', () => {
  const file = (dailyCap: number, holderPatient = 'p-low'): ClinicFileInput => {
    const appt = (id: string, start: string, end: string, extra: { patientId?: string; overbooks?: string; status?: 'proposed' } = {}) => ({
      id, patientId: id, providerId: 'dr-lee', typeId: 'follow-up', status: 'booked' as const, resourceIds: ['room-1'], ...at('2026-11-02', start, end), ...extra,
    });
    return overbookingClinic({
      policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.5, dailyCap } },
      appointments: [
        appt('h1', '09:00', '09:20', { patientId: holderPatient }),
        appt('h2', '10:00', '10:20', { patientId: holderPatient }),
        appt('o1', '09:00', '09:20', { overbooks: 'h1' }),
        appt('o2', '10:00', '10:20', { overbooks: 'h2', status: 'proposed' }),
      ],
    });
  };

  it('applies the daily cap, the show threshold and the need for a predictor', () => {
    expect(codes(changeStatus(scheduleOf(file(1)), 'o2', 'booked', {}, { showProbability }))).toEqual(['booking.overbook_cap']);
    expect(codes(changeStatus(scheduleOf(file(2)), 'o2', 'booked'))).toEqual(['booking.overbook_not_allowed']);
    expect(codes(changeStatus(scheduleOf(file(2, 'p-high')), 'o2', 'booked', {}, { showProbability }))).toEqual(['booking.overbook_not_allowed']);
    const confirmed = changeStatus(scheduleOf(file(2)), 'o2', 'booked', {}, { showProbability });
    expect(confirmed.ok && confirmed.value.appointments.find((a) => a.id === 'o2')).toMatchObject({ status: 'booked', overbooks: 'h2', resourceIds: ['room-1'] });
  });

  it('shares the room its holder moved to at the same time, as book would', () => {
    const moved = reschedule(scheduleOf(file(2)), 'h2', { start: '2026-11-02T10:00:00-05:00', resourceIds: ['room-2'] });
    if (!moved.ok) throw new Error(JSON.stringify(moved.issues));
    expect(moved.value.schedule.appointments.find((a) => a.id === 'o2')).toMatchObject({ status: 'proposed', resourceIds: ['room-1'] });
    const confirmed = changeStatus(moved.value.schedule, 'o2', 'booked', {}, { showProbability });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues));
    expect(confirmed.value.appointments.find((a) => a.id === 'o2')).toMatchObject({ status: 'booked', overbooks: 'h2', resourceIds: ['room-2'] });
    expect(parseSchedule(toClinicFile(confirmed.value)).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random operation sequences with overbooking.

const DATES = ['2026-11-02', '2026-11-03'] as const;
const PROVIDERS = ['dr-lee', 'dr-cho'] as const;
const TYPES = ['follow-up', 'new', 'scan'] as const;
const PATIENTS = ['p-low', 'p-mid', 'p-high'] as const;
const STATUSES = ['arrived', 'checked-in', 'fulfilled', 'noshow', 'entered-in-error', 'booked'] as const;

/**
 * The clinic of the properties, starting from a morning's bookings: some end near closing (their
 * buffers run past it), one holds a room and the ultrasound, one likely no-show starts the afternoon.
 */
function propertyClinic(dailyCap: number): Schedule {
  const booked = (id: string, patientId: string, providerId: string, typeId: string, date: string, start: string, end: string, resourceIds: string[]) => ({
    id, patientId, providerId, typeId, status: 'booked' as const, resourceIds, ...at(date, start, end),
  });
  return scheduleOf(overbookingClinic({
    appointments: [
      booked('late-new', 'p-low', 'dr-lee', 'new', '2026-11-02', '11:20', '12:00', ['room-1']),
      booked('scan-1', 'p-mid', 'dr-lee', 'scan', '2026-11-03', '09:00', '09:30', ['room-1', 'ultrasound']),
      booked('cho-last', 'p-low', 'dr-cho', 'new', '2026-11-03', '13:20', '14:00', ['room-2']),
      booked('pm-first', 'p-low', 'dr-lee', 'follow-up', '2026-11-02', '13:00', '13:20', ['room-2']),
    ],
    policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.5, dailyCap } },
    exceptions: [
      { id: 'lee-meeting', kind: 'blocked', providerId: 'dr-lee', date: '2026-11-02', start: '10:05', end: '10:50' },
      { id: 'all-hands', kind: 'blocked', date: '2026-11-03', start: '11:00', end: '11:30' },
      { id: 'room-2-clean', kind: 'blocked', resourceId: 'room-2', date: '2026-11-03', start: '09:00', end: '10:00' },
    ],
  }));
}

type Op =
  | { kind: 'book'; provider: number; type: number; date: number; minute: number; patient: number }
  | { kind: 'overbook'; pick: number; offset: number; type: number; patient: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'reschedule'; pick: number; date: number; minute: number }
  | { kind: 'reroom'; pick: number; alternative: number }
  | { kind: 'status'; pick: number; to: number };

const minuteArb = fc.integer({ min: 7 * 12, max: 17 * 12 }).map((m) => m * 5);
const offsetArb = fc.constantFrom(-10, -5, 0, 5, 10, 15, 20, 25, 30, 35, 40);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('book' as const), provider: fc.nat(1), type: fc.nat(2), date: fc.nat(1), minute: minuteArb, patient: fc.nat(2) }),
  fc.record({ kind: fc.constant('overbook' as const), pick: fc.nat(), offset: offsetArb, type: fc.nat(2), patient: fc.nat(2) }),
  fc.record({ kind: fc.constant('overbook' as const), pick: fc.nat(), offset: offsetArb, type: fc.nat(2), patient: fc.nat(2) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reschedule' as const), pick: fc.nat(), date: fc.nat(1), minute: minuteArb }),
  fc.record({ kind: fc.constant('reroom' as const), pick: fc.nat(), alternative: fc.nat(1) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), to: fc.nat(STATUSES.length - 1) }),
);

function wall(date: number, minute: number): string {
  return `${DATES[date]}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function apply(schedule: Schedule, op: Op): Schedule {
  const active = schedule.appointments.filter((a) => holdsTime(a.status));
  const pick = (n: number): Appointment | undefined => active[n % Math.max(1, active.length)];
  const outcome = (() => {
    switch (op.kind) {
      case 'book':
        return book(schedule, { patientId: PATIENTS[op.patient] as string, providerId: PROVIDERS[op.provider] as string, typeId: TYPES[op.type] as string, start: wall(op.date, op.minute) });
      case 'overbook': {
        const holder = pick(op.pick);
        if (holder === undefined) return undefined;
        const start = DateTime.fromISO(holder.start, { setZone: true }).plus({ minutes: op.offset }).toISO({ suppressMilliseconds: true }) as string;
        return book(schedule, { patientId: PATIENTS[op.patient] as string, providerId: holder.providerId, typeId: TYPES[op.type] as string, start, overbook: true }, { showProbability });
      }
      case 'cancel': {
        const target = pick(op.pick);
        return target === undefined ? undefined : cancel(schedule, target.id, { reason: 'pat' });
      }
      case 'reschedule': {
        const target = pick(op.pick);
        return target === undefined ? undefined : reschedule(schedule, target.id, { start: wall(op.date, op.minute) });
      }
      case 'reroom': {
        const target = pick(op.pick);
        const type = schedule.appointmentTypes.find((t) => t.id === target?.typeId);
        if (target === undefined || type === undefined) return undefined;
        const resourceIds = type.requiredResources.map((r) => r.anyOf[op.alternative % r.anyOf.length] as string);
        return reschedule(schedule, target.id, { start: target.start, resourceIds });
      }
      case 'status': {
        const target = pick(op.pick);
        return target === undefined ? undefined : changeStatus(schedule, target.id, STATUSES[op.to] as (typeof STATUSES)[number], { reason: 'oth' }, { showProbability });
      }
    }
  })();
  if (outcome === undefined || !outcome.ok) return schedule;
  return 'schedule' in outcome.value ? outcome.value.schedule : outcome.value;
}

/** Whether an appointment's own time lies in its provider's weekly hours and clear of every exception that closes them (worked out here, apart from the library). */
function insideAvailability(schedule: Schedule, a: Appointment): boolean {
  const start = DateTime.fromISO(a.start, { zone: ZONE });
  const end = DateTime.fromISO(a.end, { zone: ZONE });
  const date = start.toISODate() ?? '';
  if (end.toISODate() !== date) return false;
  const from = start.toFormat('HH:mm');
  const to = end.toFormat('HH:mm');
  const inRule = schedule.rules.some((r) => r.providerId === a.providerId && r.weekday === start.weekday && r.effectiveFrom <= date && r.start <= from && to <= r.end);
  const closed = schedule.exceptions.some(
    (e) =>
      e.resourceId === undefined &&
      (e.providerId === undefined || e.providerId === a.providerId) &&
      e.date <= date &&
      date <= (e.toDate ?? e.date) &&
      (e.start === undefined || e.end === undefined || (from < e.end && e.start < to)),
  );
  return inRule && !closed;
}

function localDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: ZONE }).toISODate() ?? '';
}

function assertOverbookingInvariants(schedule: Schedule, dailyCap: number): void {
  const active = schedule.appointments.filter((a) => holdsTime(a.status));
  for (const a of active) {
    // No booking, overbookings and promoted overbookings included, lies outside availability.
    expect(insideAvailability(schedule, a), `${a.id} ${a.start}-${a.end}`).toBe(true);
    // Every appointment holding time holds exactly one resource per requirement of its own type.
    const type = schedule.appointmentTypes.find((t) => t.id === a.typeId);
    expect(a.resourceIds.length, `${a.id} ${a.typeId} ${a.resourceIds.join(',')}`).toBe(type?.requiredResources.length);
    type?.requiredResources.forEach((r, j) => expect(r.anyOf).toContain(a.resourceIds[j]));
    if (a.overbooks === undefined) continue;
    const holder = active.find((h) => h.id === a.overbooks);
    expect(holder, `${a.id} overbooks ${a.overbooks}`).toBeDefined();
    if (holder === undefined) continue;
    expect(Date.parse(holder.start) <= Date.parse(a.start) && Date.parse(a.end) <= Date.parse(holder.end)).toBe(true);
    for (const id of a.resourceIds) expect(holder.resourceIds).toContain(id);
  }
  const overbooked = active.filter((a) => a.overbooks !== undefined);
  for (const a of overbooked) expect(overbooked.filter((b) => b.providerId === a.providerId && localDate(b.start) === localDate(a.start)).length).toBeLessThanOrEqual(dailyCap);
  expect(parseSchedule(JSON.parse(JSON.stringify(toClinicFile(schedule)))).ok).toBe(true);
}

describe('overbooking properties', () => {
  it('no booking ever lies outside availability, and every one (promoted overbookings included) holds only what its own type requires', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(opArb, { minLength: 1, maxLength: 30, size: 'medium' }), (dailyCap, ops) => {
        let schedule = propertyClinic(dailyCap);
        for (const op of ops) {
          schedule = apply(schedule, op);
          assertOverbookingInvariants(schedule, dailyCap);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('however proposed overbookings are confirmed, a provider\'s active overbookings on a day stay within the cap, each over a likely no-show', () => {
    const starts = ['09:00', '09:20', '09:40', '10:00', '10:20', '10:40'];
    const ends = ['09:20', '09:40', '10:00', '10:20', '10:40', '11:00'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.constantFrom(...PATIENTS), { minLength: starts.length, maxLength: starts.length }),
        fc.subarray(starts.map((_, i) => i), { minLength: 1 }),
        fc.array(fc.nat(starts.length - 1), { maxLength: 12 }),
        (dailyCap, holders, proposed, order) => {
          const appointments = starts.flatMap((start, i) => {
            const time = at('2026-11-02', start, ends[i] as string);
            const holder = { id: `h${i}`, patientId: holders[i] as string, providerId: 'dr-cho', typeId: 'follow-up', status: 'booked' as const, resourceIds: [i % 2 === 0 ? 'room-1' : 'room-2'], ...time };
            const over = { ...holder, id: `o${i}`, patientId: `o${i}`, status: 'proposed' as const, overbooks: `h${i}` };
            return proposed.includes(i) ? [holder, over] : [holder];
          });
          let schedule = scheduleOf(overbookingClinic({
            policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.5, dailyCap } },
            appointments,
          }));
          for (const i of order) {
            const moved = changeStatus(schedule, `o${i}`, 'booked', {}, { showProbability });
            if (moved.ok) schedule = moved.value;
          }
          const active = schedule.appointments.filter((a) => a.overbooks !== undefined && holdsTime(a.status));
          expect(active.length).toBeLessThanOrEqual(dailyCap);
          for (const a of active) expect(SHOW[schedule.appointments.find((h) => h.id === a.overbooks)?.patientId ?? '']).toBeLessThan(0.5);
        },
      ),
      { numRuns: 100 },
    );
  });
});
