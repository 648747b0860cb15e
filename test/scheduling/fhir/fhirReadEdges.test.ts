import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../../src/scheduling/appointment.js';
import { parseSchedule } from '../../../src/scheduling/parseSchedule.js';
import { fromFhirAppointment, toFhirAppointment } from '../../../src/scheduling/fhir/fhirAppointment.js';
import { toFhirSchedule } from '../../../src/scheduling/fhir/fhirSchedule.js';
import { fromFhirSlot } from '../../../src/scheduling/fhir/fhirSlot.js';
import { clinicInput, smallClinic } from '../fixtures.js';

const schedule = smallClinic();
const free = { resourceType: 'Slot', schedule: { reference: 'Schedule/dr-lee' }, status: 'free', appointmentType: { coding: [{ code: 'follow-up' }] } };
const codes = (r: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }): unknown => (r.ok ? 'ok' : (r.issues ?? []).map((i) => [i.code, i.path]));
const appointment: Appointment = {
  id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', status: 'booked',
  start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', resourceIds: ['room-1'],
} as Appointment;

// FHIR R4 instant and dateTime allow any number of fractional-second digits ((\.[0-9]+)?,
// https://hl7.org/fhir/R4/datatypes.html#instant); medoffice keeps times to the millisecond.
describe('FHIR instants with more than three fractional digits', () => {
  it('a Slot from a server writing microseconds is read, to the millisecond', () => {
    const back = fromFhirSlot({ ...free, start: '2026-11-02T14:00:00.000000Z', end: '2026-11-02T14:20:00.123456Z' }, schedule.zone);
    expect(back).toMatchObject({ ok: true, value: { start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00.123-05:00' } });
  });

  it('an Appointment too', () => {
    const resource = { ...toFhirAppointment(schedule, appointment), start: '2026-11-02T14:00:00.000000Z', end: '2026-11-02T14:20:00.000000Z' };
    const back = fromFhirAppointment(JSON.parse(JSON.stringify(resource)));
    expect(back.ok && [back.value.start, back.value.end]).toEqual(['2026-11-02T14:00:00.000Z', '2026-11-02T14:20:00.000Z']);
  });

  it('a Schedule horizon bound written with microseconds is a FHIR dateTime, kept as written', () => {
    const provider = schedule.providers[0];
    if (provider === undefined) throw new Error('no provider');
    expect(toFhirSchedule(provider, { start: '2026-11-02T09:00:00.123456-05:00' }).planningHorizon).toEqual({ start: '2026-11-02T09:00:00.123456-05:00' });
  });
});

describe('FHIR JSON has no empty strings', () => {
  it('a Slot with an empty resource id or type code is refused where it is, not read as an empty id', () => {
    const url = 'https://medoffice.dev/fhir/StructureDefinition/resource';
    const times = { start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00' };
    expect(codes(fromFhirSlot({ ...free, ...times, extension: [{ url, valueString: 'room-1' }, { url }] }, schedule.zone))).toEqual([['fhir.schema', ['extension', 1]]]);
    expect(codes(fromFhirSlot({ ...free, ...times, appointmentType: { coding: [{ code: '' }] } }, schedule.zone))).toEqual([['fhir.schema', ['appointmentType', 'coding']]]);
  });

  it('an appointment with an empty comment is written without one', () => {
    expect(toFhirAppointment(schedule, { ...appointment, comment: '' })).not.toHaveProperty('comment');
    expect(toFhirAppointment(schedule, { ...appointment, comment: 'bring films' })).toHaveProperty('comment', 'bring films');
  });

  it('a clinic file holding a blank cancellation reason is refused, as cancel() refuses one', () => {
    const cancelled = { ...appointment, status: 'cancelled' as const, cancellation: { reason: '  ' } };
    expect(codes(parseSchedule(clinicInput({ appointments: [cancelled] })))).toEqual([['schedule.schema', ['appointments', 0, 'cancellation', 'reason']]]);
  });
});

describe('an Appointment medoffice could not hold as it is', () => {
  const written = () => JSON.parse(JSON.stringify(toFhirAppointment(schedule, appointment))) as ReturnType<typeof toFhirAppointment>;

  it('a second Patient or Practitioner participant is refused where it stands, not dropped', () => {
    const resource = written();
    const second = [
      { actor: { reference: 'Patient/p2' }, status: 'accepted' },
      { actor: { reference: 'Practitioner/dr-cho' }, status: 'accepted' },
    ];
    const at = resource.participant.length;
    expect(codes(fromFhirAppointment({ ...resource, participant: [...resource.participant, ...second] }))).toEqual([
      ['fhir.schema', ['participant', at, 'actor']],
      ['fhir.schema', ['participant', at + 1, 'actor']],
    ]);
  });

  it('a minutesDuration other than the minutes from start to end is refused', () => {
    expect(codes(fromFhirAppointment({ ...written(), minutesDuration: 30 }))).toEqual([['fhir.schema', ['minutesDuration']]]);
    expect(fromFhirAppointment({ ...written(), minutesDuration: 20 }).ok).toBe(true);
  });

  it('a patient-zone extension that is no IANA zone is refused at the extension', () => {
    const url = 'https://medoffice.dev/fhir/StructureDefinition/patient-zone';
    const resource = { ...written(), extension: [{ url, valueString: 'Mars/Olympus' }] };
    expect(codes(fromFhirAppointment(resource))).toEqual([['time.unknown_zone', ['extension', 0]]]);
    expect(fromFhirAppointment({ ...resource, extension: [{ url, valueString: 'Europe/London' }] })).toMatchObject({ ok: true, value: { patientZone: 'Europe/London' } });
  });
});
