import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../src/scheduling/appointment.js';
import { parseSchedule } from '../../src/scheduling/parseSchedule.js';
import { book } from '../../src/scheduling/book.js';
import { bookSeries } from '../../src/scheduling/bookSeries.js';
import { cancel, changeStatus } from '../../src/scheduling/changeStatus.js';
import { checkBooking } from '../../src/scheduling/checkBooking.js';
import { reschedule } from '../../src/scheduling/reschedule.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { clinicInput, scheduleOf, smallClinic } from './fixtures.js';

// A patient cannot be in two visits at once, with any provider: every booking path refuses it with
// booking.patient_conflict at ['patientId'], naming the other appointment. Buffers are the
// provider's and the rooms', so they do not count, and back-to-back visits are fine.

function placed(schedule: Schedule, request: Parameters<typeof book>[1], options: Parameters<typeof book>[2] = {}): Schedule {
  const result = book(schedule, request, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.schedule;
}

const conflicts = (result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[]; conflictsWith?: string }[] }) =>
  result.ok ? [] : (result.issues ?? []).map((issue) => [issue.code, issue.path, issue.conflictsWith]);

// p1 sees Dr. Lee on Monday 2026-11-02 from 10:00 to 10:40 (a new-patient visit, 10 minutes' buffer after).
const withLee = () => placed(smallClinic(), { id: 'lee-1', patientId: 'p1', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T10:00' });

describe('booking.patient_conflict', () => {
  it('book refuses the same patient with another provider at an overlapping time, naming the visit in the way', () => {
    const result = book(withLee(), { patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:30' });
    expect(conflicts(result)).toEqual([['booking.patient_conflict', ['patientId'], 'lee-1']]);
    expect(result.ok ? '' : result.issues[0]?.message).toBe('p1 already has appointment lee-1 then');
  });

  it('lets another patient take that time, and the same patient come back to back (buffers do not count)', () => {
    expect(book(withLee(), { patientId: 'p2', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:30' }).ok).toBe(true);
    // Dr. Lee's 10-minute buffer runs to 10:50; the patient is free from 10:40.
    expect(book(withLee(), { patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:40' }).ok).toBe(true);
    expect(book(withLee(), { patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T09:40' }).ok).toBe(true);
    expect(conflicts(book(withLee(), { patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T09:45' }))).toEqual([
      ['booking.patient_conflict', ['patientId'], 'lee-1'],
    ]);
  });

  it('checkBooking reports it beside the provider check', () => {
    const probe = { id: 'probe', patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', status: 'booked', start: '2026-11-02T10:10:00-05:00', end: '2026-11-02T10:30:00-05:00', resourceIds: [] } as unknown as Appointment;
    expect(checkBooking(withLee(), probe).issues.map((issue) => issue.code)).toEqual(['booking.patient_conflict']);
  });

  it('time given up by a cancellation or a no-show is free for the patient again', () => {
    const cancelled = cancel(withLee(), 'lee-1', { reason: 'pat' });
    if (!cancelled.ok) throw new Error('cancel failed');
    expect(book(cancelled.value, { patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:00' }).ok).toBe(true);
    const missed = changeStatus(withLee(), 'lee-1', 'noshow');
    if (!missed.ok) throw new Error('no-show failed');
    expect(book(missed.value, { patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:00' }).ok).toBe(true);
  });

  it('reschedule refuses a move onto the patient\'s other visit, and allows a move overlapping only its own old time', () => {
    const two = placed(withLee(), { id: 'cho-1', patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T11:00' });
    expect(conflicts(reschedule(two, 'cho-1', { start: '2026-11-02T10:15' }))).toEqual([['booking.patient_conflict', ['patientId'], 'lee-1']]);
    const nudged = reschedule(two, 'cho-1', { start: '2026-11-02T11:10' });
    expect(nudged.ok).toBe(true);
    if (!nudged.ok) return;
    // The moved visit's new time now holds the patient; its old time does not.
    expect(conflicts(book(nudged.value.schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T11:20' }))).toEqual([
      ['booking.patient_conflict', ['patientId'], 'cho-1'],
    ]);
    expect(book(nudged.value.schedule, { patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:50' }).ok).toBe(true);
  });

  it('a visit coming back into a time-holding status is checked against the patient\'s other visits', () => {
    const proposal = { id: 'w', patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', status: 'proposed' as const, start: '2026-11-02T10:15:00-05:00', end: '2026-11-02T10:35:00-05:00', resourceIds: [] };
    const busy = placed(scheduleOf(clinicInput({ appointments: [proposal] })), { id: 'lee-1', patientId: 'p1', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T10:00' });
    expect(conflicts(changeStatus(busy, 'w', 'booked'))).toEqual([['booking.patient_conflict', ['patientId'], 'lee-1']]);
  });

  it('a weekly series reports each occurrence that lands on the patient\'s other visit and books the rest', () => {
    const series = bookSeries(withLee(), { seriesId: 's1', patientId: 'p1', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-10-26T10:15' }, { count: 3, allowPartial: true });
    expect(series.ok).toBe(true);
    if (!series.ok) return;
    expect(series.value.appointments.map((a) => a.start)).toEqual(['2026-10-26T10:15:00-04:00', '2026-11-09T10:15:00-05:00']);
    expect(series.warnings.map((w) => [w.code, w.path])).toEqual([['booking.patient_conflict', ['occurrences', 1, 'patientId']]]);
  });

  it('an overbooking holds its patient\'s time: the same patient cannot be overbooked into it, nor booked elsewhere then', () => {
    const file = clinicInput({ policy: { alignmentMinutes: 10, minimumNoticeMinutes: 0, horizonDays: 365, overbooking: { showThreshold: 0.5, dailyCap: 2 } } });
    const showProbability = (a: Appointment): number => (a.patientId === 'p-low' ? 0.2 : 0.9);
    const holder = placed(scheduleOf(file), { id: 'h', patientId: 'p-low', providerId: 'dr-lee', typeId: 'new', start: '2026-11-02T10:00' });
    expect(conflicts(book(holder, { patientId: 'p-low', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:10', overbook: true }, { showProbability }))).toEqual([
      ['booking.patient_conflict', ['patientId'], 'h'],
    ]);
    const overbooked = placed(holder, { id: 'ob', patientId: 'p2', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T10:10', overbook: true }, { showProbability });
    expect(conflicts(book(overbooked, { patientId: 'p2', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:20' }))).toEqual([
      ['booking.patient_conflict', ['patientId'], 'ob'],
    ]);
    // Cancelling the overbooking frees its patient.
    const gone = cancel(overbooked, 'ob', { reason: 'pat' });
    if (!gone.ok) throw new Error('cancel failed');
    expect(book(gone.value, { patientId: 'p2', providerId: 'dr-cho', typeId: 'follow-up', start: '2026-11-02T10:20' }).ok).toBe(true);
  });
});

describe('schedule.patient_overlap', () => {
  const visit = (id: string, patientId: string, providerId: string, start: string, end: string, status = 'booked') =>
    ({ id, patientId, providerId, typeId: 'follow-up', status, start: `2026-11-02T${start}:00-05:00`, end: `2026-11-02T${end}:00-05:00`, resourceIds: [providerId === 'dr-lee' ? 'room-1' : 'room-2'] }) as unknown as Appointment;

  it('warns each later-listed visit once, naming the first-listed one it overlaps, whatever order they start in', () => {
    // X 09:00–09:50, V 09:40–10:00, R 09:10–10:40: V overlaps X; R overlaps X and V.
    const parsed = parseSchedule(
      clinicInput({
        providers: [
          { id: 'dr-lee', name: 'Dr. Ana Lee' },
          { id: 'dr-cho', name: 'Dr. Min Cho' },
          { id: 'dr-kim', name: 'Dr. Jo Kim' },
        ],
        // R is under way, so it is kept as recorded, without a room.
        appointments: [visit('X', 'p1', 'dr-lee', '09:00', '09:50'), visit('V', 'p1', 'dr-cho', '09:40', '10:00'), { ...visit('R', 'p1', 'dr-kim', '09:10', '10:40', 'arrived'), resourceIds: [] }],
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.warnings.map((w) => [w.path, w.message])).toEqual([
      [['appointments', 1, 'start'], 'p1 is in appointments X and V at once'],
      [['appointments', 2, 'start'], 'p1 is in appointments X and R at once'],
    ]);
  });

  it('warns at each existing visit that overlaps an earlier-listed one of the same patient; the file still loads', () => {
    const parsed = parseSchedule(
      clinicInput({
        appointments: [
          visit('b', 'p1', 'dr-cho', '10:10', '10:30'),
          visit('a', 'p1', 'dr-lee', '10:00', '10:20'),
          visit('c', 'p1', 'dr-lee', '10:20', '10:40'), // overlaps b (10:10–10:30), not a
          visit('d', 'p1', 'dr-cho', '10:30', '10:50'), // back to back with b, overlaps c
          visit('e', 'p2', 'dr-cho', '11:00', '11:20'),
          visit('f', 'p2', 'dr-lee', '11:00', '11:20', 'cancelled'),
        ],
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.warnings.map((w) => [w.code, w.severity, w.path, w.message])).toEqual([
      ['schedule.patient_overlap', 'warning', ['appointments', 1, 'start'], 'p1 is in appointments b and a at once'],
      ['schedule.patient_overlap', 'warning', ['appointments', 2, 'start'], 'p1 is in appointments b and c at once'],
      ['schedule.patient_overlap', 'warning', ['appointments', 3, 'start'], 'p1 is in appointments c and d at once'],
    ]);
  });
});
