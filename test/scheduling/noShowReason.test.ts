import { describe, expect, it } from 'vitest';
import { book } from '../../src/scheduling/book.js';
import { changeStatus, markNoShow } from '../../src/scheduling/changeStatus.js';
import { fromFhirAppointment, toFhirAppointment } from '../../src/scheduling/fhir/fhirAppointment.js';
import type { Schedule } from '../../src/scheduling/schedule.js';
import { smallClinic } from './fixtures.js';

function bookedClinic(): Schedule {
  const result = book(smallClinic(), { id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', start: '2026-11-02T09:00' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.schedule;
}
const codes = (r: ReturnType<typeof changeStatus>): unknown => (r.ok ? 'ok' : r.issues.map((i) => [i.code, i.path]));

describe('a no-show with a reason', () => {
  it('keeps the reason and note given with a no-show, as a cancellation\'s, and exports them as cancelationReason', () => {
    const noShow = changeStatus(bookedClinic(), 'a1', 'noshow', { reason: 'pat-lt', note: 'no ride' });
    if (!noShow.ok) throw new Error(JSON.stringify(noShow.issues));
    const appointment = noShow.value.appointments.find((a) => a.id === 'a1');
    expect(appointment?.cancellation).toEqual({ reason: 'pat-lt', note: 'no ride' });
    if (appointment === undefined) return;
    const resource = JSON.parse(JSON.stringify(toFhirAppointment(noShow.value, appointment))) as Record<string, unknown>;
    expect(resource['cancelationReason']).toEqual({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason', code: 'pat-lt' }] });
    expect(fromFhirAppointment(resource)).toEqual({ ok: true, value: appointment, warnings: [] });
    const marked = markNoShow(bookedClinic(), 'a1', { reason: 'Car broke down' });
    expect(marked.ok && marked.value.appointments.find((a) => a.id === 'a1')?.cancellation).toEqual({ reason: 'Car broke down' });
  });

  it('still needs no reason, but refuses a blank one or a note without one', () => {
    const plain = markNoShow(bookedClinic(), 'a1');
    expect(plain.ok && plain.value.appointments.find((a) => a.id === 'a1')).toMatchObject({ status: 'noshow' });
    expect(plain.ok && plain.value.appointments.find((a) => a.id === 'a1')?.cancellation).toBeUndefined();
    expect(codes(changeStatus(bookedClinic(), 'a1', 'noshow', { reason: ' ' }))).toEqual([['booking.reason_required', ['reason']]]);
    expect(codes(changeStatus(bookedClinic(), 'a1', 'noshow', { note: 'no ride' }))).toEqual([['booking.reason_required', ['reason']]]);
  });
});
