import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holdsTime, type Appointment } from '../../src/scheduling/appointment.js';
import { book } from '../../src/scheduling/book.js';
import { cancel, changeStatus } from '../../src/scheduling/changeStatus.js';
import type { ClinicFileInput } from '../../src/scheduling/clinicFile.js';
import { findSlots } from '../../src/scheduling/findSlots.js';
import { occupancyOf, occupies } from '../../src/scheduling/occupancy.js';
import { reschedule } from '../../src/scheduling/reschedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import type { Slot } from '../../src/scheduling/slotQuery.js';
import { clinicInput, scheduleOf } from './fixtures.js';

const NOW = '2026-10-31T12:00:00-04:00';
const DATES = ['2026-11-02', '2026-11-03'] as const;

function clinic(): ClinicFileInput {
  return clinicInput({
    policy: { alignmentMinutes: 10, minimumNoticeMinutes: 60, horizonDays: 30 },
    exceptions: [
      { id: 'lee-meeting', kind: 'blocked', providerId: 'dr-lee', date: '2026-11-02', start: '10:05', end: '10:50' },
      { id: 'room-2-clean', kind: 'blocked', resourceId: 'room-2', date: '2026-11-03', start: '09:00', end: '10:00' },
    ],
  });
}

type Op =
  | { kind: 'book'; patient: number; provider: number; type: number; date: number; minute: number }
  | { kind: 'bookSlot'; patient: number; pick: number; type: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'reschedule'; pick: number; date: number; minute: number }
  | { kind: 'status'; pick: number; to: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('book' as const), patient: fc.nat(2), provider: fc.nat(1), type: fc.nat(2), date: fc.nat(1), minute: fc.integer({ min: 7 * 12, max: 17 * 12 }).map((m) => m * 5) }),
  fc.record({ kind: fc.constant('bookSlot' as const), patient: fc.nat(2), pick: fc.nat(), type: fc.nat(2) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reschedule' as const), pick: fc.nat(), date: fc.nat(1), minute: fc.integer({ min: 7 * 12, max: 17 * 12 }).map((m) => m * 5) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), to: fc.nat(9) }),
);

const PROVIDERS = ['dr-lee', 'dr-cho'];
const TYPES = ['follow-up', 'new', 'scan'];
const STATUSES = ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'] as const;

function wall(date: number, minute: number): string {
  return `${DATES[date]}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function slotsOf(schedule: Schedule, typeId: string): readonly Slot[] {
  const found = findSlots(schedule, { typeId, from: DATES[0], to: DATES[1], now: NOW });
  if (!found.ok) throw new Error(JSON.stringify(found.issues));
  return found.value;
}

function apply(schedule: Schedule, op: Op): Schedule {
  const pick = (n: number): Appointment | undefined => schedule.appointments[n % Math.max(1, schedule.appointments.length)];
  const outcome = (() => {
    switch (op.kind) {
      case 'book':
        return book(schedule, { patientId: `p${op.patient}`, providerId: PROVIDERS[op.provider] as string, typeId: TYPES[op.type] as string, start: wall(op.date, op.minute) });
      case 'bookSlot': {
        const slots = slotsOf(schedule, TYPES[op.type] as string);
        const slot = slots[op.pick % Math.max(1, slots.length)];
        if (slot === undefined) return undefined;
        const result = book(schedule, { patientId: `p${op.patient}`, providerId: slot.providerId, typeId: slot.typeId, start: slot.start, resourceIds: [...slot.resourceIds] });
        // A slot is the provider's and the rooms' free time: only the patient's own visits can stand in its way.
        expect(result.ok ? [] : [...new Set(result.issues.map((issue) => issue.code))]).toEqual(result.ok ? [] : ['booking.patient_conflict']);
        return result;
      }
      case 'cancel': {
        const target = pick(op.pick);
        return target === undefined ? undefined : cancel(schedule, target.id, { reason: 'pat' });
      }
      case 'reschedule': {
        const target = pick(op.pick);
        return target === undefined ? undefined : reschedule(schedule, target.id, { start: wall(op.date, op.minute) });
      }
      case 'status': {
        const target = pick(op.pick);
        return target === undefined ? undefined : changeStatus(schedule, target.id, STATUSES[op.to] as (typeof STATUSES)[number], { reason: 'oth' });
      }
    }
  })();
  if (outcome === undefined || !outcome.ok) return schedule;
  return 'schedule' in outcome.value ? outcome.value.schedule : outcome.value;
}

function footprint(schedule: Schedule, a: Appointment): { start: number; end: number } {
  const type = schedule.appointmentTypes.find((t) => t.id === a.typeId);
  return { start: Date.parse(a.start) / 60_000 - (type?.bufferBeforeMinutes ?? 0), end: Date.parse(a.end) / 60_000 + (type?.bufferAfterMinutes ?? 0) };
}

function assertSound(schedule: Schedule): void {
  const active = schedule.appointments.filter(occupies);
  for (const [i, a] of active.entries()) {
    for (const b of active.slice(i + 1)) {
      const fa = footprint(schedule, a);
      const fb = footprint(schedule, b);
      if (a.providerId === b.providerId) expect(fa.start < fb.end && fb.start < fa.end).toBe(false);
    }
  }
  for (const resource of schedule.resources) {
    const using = active.filter((a) => a.resourceIds.includes(resource.id)).map((a) => footprint(schedule, a));
    for (const at of using) expect(using.filter((o) => o.start <= at.start && at.start < o.end).length).toBeLessThanOrEqual(resource.capacity);
  }
  const holding = schedule.appointments.filter((a) => holdsTime(a.status));
  for (const [i, a] of holding.entries()) {
    for (const b of holding.slice(i + 1)) {
      if (a.patientId === b.patientId) expect(Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end)).toBe(false);
    }
  }
  const rebuilt = occupancyOf(schedule.appointments, new Map(schedule.appointmentTypes.map((t) => [t.id, t])), new Map(schedule.resources.map((r) => [r.id, r])));
  expect(rebuilt.issues).toEqual([]);
  const sortedTimes = (times: Schedule['occupancy']['patients']) => [...times].map(([patient, spans]) => [patient, [...spans].sort((x, y) => x.id.localeCompare(y.id))]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  expect(sortedTimes(schedule.occupancy.patients)).toEqual(sortedTimes(rebuilt.occupancy.patients));
  expect(new Set(schedule.appointments.map((a) => a.id)).size).toBe(schedule.appointments.length);
}

const runs = { numRuns: 40 };

describe('properties over random operation sequences', () => {
  it('never double-books a provider or a patient nor overfills a resource, and never loses or duplicates an appointment', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        let schedule = scheduleOf(clinic());
        for (const op of ops) {
          const before = schedule;
          const frozen = JSON.stringify(before.appointments);
          schedule = apply(schedule, op);
          expect(JSON.stringify(before.appointments)).toBe(frozen);
          if (op.kind === 'reschedule' || op.kind === 'cancel' || op.kind === 'status') {
            expect(schedule.appointments.map((a) => a.id)).toEqual(before.appointments.map((a) => a.id));
          }
          assertSound(schedule);
        }
      }),
      runs,
    );
  });

  it('every slot lies inside availability, outside exceptions, clear of buffers and after the notice', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 15 }), fc.nat(2), (ops, type) => {
        const schedule = ops.reduce(apply, scheduleOf(clinic()));
        const typeId = TYPES[type] as string;
        const kind = schedule.appointmentTypes.find((t) => t.id === typeId);
        if (kind === undefined) return;
        for (const slot of slotsOf(schedule, typeId)) {
          const start = DateTime.fromISO(slot.start, { zone: 'America/New_York' });
          const end = DateTime.fromISO(slot.end, { zone: 'America/New_York' });
          expect(end.diff(start, 'minutes').minutes).toBe(kind.durationMinutes);
          expect(start.toMillis()).toBeGreaterThanOrEqual(Date.parse(NOW) + 60 * 60_000);
          const from = start.toFormat('HH:mm');
          const to = end.toFormat('HH:mm');
          const inRule = schedule.rules.some((r) => r.providerId === slot.providerId && r.weekday === start.weekday && r.start <= from && to <= r.end);
          expect(inRule).toBe(true);
          const blocked = schedule.exceptions.some((e) => e.providerId === slot.providerId && e.date === start.toISODate() && e.start !== undefined && e.end !== undefined && from < e.end && e.start < to);
          expect(blocked).toBe(false);
          const mine = { start: start.toMillis() / 60_000 - kind.bufferBeforeMinutes, end: end.toMillis() / 60_000 + kind.bufferAfterMinutes };
          for (const a of schedule.appointments.filter((x) => occupies(x) && x.providerId === slot.providerId)) {
            const theirs = footprint(schedule, a);
            expect(mine.start < theirs.end && theirs.start < mine.end).toBe(false);
          }
        }
      }),
      runs,
    );
  });

  it('booking any returned slot succeeds and removes it; cancelling gives the same answer back', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), fc.nat(2), fc.nat(), (ops, type, pick) => {
        const schedule = ops.reduce(apply, scheduleOf(clinic()));
        const typeId = TYPES[type] as string;
        const before = slotsOf(schedule, typeId);
        const slot = before[pick % Math.max(1, before.length)];
        if (slot === undefined) return;
        const result = book(schedule, { id: 'probe', patientId: 'p', providerId: slot.providerId, typeId, start: slot.start });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const after = slotsOf(result.value.schedule, typeId);
        expect(after.some((s) => s.providerId === slot.providerId && s.start === slot.start)).toBe(false);
        const cancelled = cancel(result.value.schedule, 'probe', { reason: 'pat' });
        expect(cancelled.ok).toBe(true);
        if (cancelled.ok) expect(slotsOf(cancelled.value, typeId)).toEqual(before);
      }),
      runs,
    );
  });

  it('answers the same whatever the host time zone', () => {
    const original = process.env['TZ'];
    try {
      const answers = ['Pacific/Chatham', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC'].map((tz) => {
        process.env['TZ'] = tz;
        const schedule = scheduleOf(clinic());
        return JSON.stringify(findSlots(schedule, { typeId: 'new', from: '2026-10-30', to: '2026-11-03', now: NOW, patientZone: 'Australia/Lord_Howe' }));
      });
      expect(new Set(answers).size).toBe(1);
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });
});
