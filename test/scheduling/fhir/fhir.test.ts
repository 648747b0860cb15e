import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type Appointment } from '../../../src/scheduling/appointment.js';
import { fromFhirAppointment, toFhirAppointment } from '../../../src/scheduling/fhir/fhirAppointment.js';
import { fromFhirSchedule, toFhirSchedule } from '../../../src/scheduling/fhir/fhirSchedule.js';
import { fromFhirSlot, toFhirSlot } from '../../../src/scheduling/fhir/fhirSlot.js';
import { findSlots } from '../../../src/scheduling/findSlots.js';
import { smallClinic } from '../fixtures.js';

const schedule = smallClinic();

const appointmentArb: fc.Arbitrary<Appointment> = fc
  .record({
    // FHIR ids, and medoffice ids FHIR's id grammar cannot carry.
    id: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constantFrom('visit 7', 'a/2', 'x'.repeat(65), 'ü-1')),
    patientId: fc.constantFrom('p1', 'mrn/123', 'p 2'),
    status: fc.constantFrom(...APPOINTMENT_STATUSES),
    typeId: fc.constantFrom('follow-up', 'new', 'scan'),
    providerId: fc.constantFrom('dr-lee', 'dr-cho'),
    resourceIds: fc.subarray(['room-1', 'ultrasound']),
    minute: fc.integer({ min: 0, max: 500_000 }),
    patientZone: fc.option(fc.constantFrom('Europe/London', 'Asia/Tokyo'), { nil: undefined }),
    cancellation: fc.option(fc.record({ reason: fc.constantFrom('pat', 'prov', 'oth-weath', 'Patient called in sick'), note: fc.option(fc.string({ minLength: 1 }).filter((note) => note.trim() !== ''), { nil: undefined }) }), { nil: undefined }),
    overbooks: fc.option(fc.constant('a0'), { nil: undefined }),
    seriesId: fc.option(fc.constant('s1'), { nil: undefined }),
    urgent: fc.option(fc.boolean(), { nil: undefined }),
    comment: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
  })
  .map((r) => {
    const start = new Date(Date.UTC(2026, 0, 1) + r.minute * 60_000).toISOString().replace('.000Z', 'Z');
    const end = new Date(Date.UTC(2026, 0, 1) + (r.minute + 30) * 60_000).toISOString().replace('.000Z', 'Z');
    const optional = Object.fromEntries(
      Object.entries({ patientZone: r.patientZone, overbooks: r.overbooks, seriesId: r.seriesId, urgent: r.urgent, comment: r.comment }).filter(([, v]) => v !== undefined),
    );
    const cancellation = r.cancellation === undefined ? {} : { cancellation: r.cancellation.note === undefined ? { reason: r.cancellation.reason } : r.cancellation };
    return { id: r.id, patientId: r.patientId, providerId: r.providerId, typeId: r.typeId, start, end, status: r.status, resourceIds: r.resourceIds, ...optional, ...cancellation } as Appointment;
  });

describe('FHIR R4', () => {
  it('Appointment round-trips (property)', () => {
    fc.assert(fc.property(appointmentArb, (appointment) => {
      const back = fromFhirAppointment(JSON.parse(JSON.stringify(toFhirAppointment(schedule, appointment))));
      expect(back.ok && back.value).toEqual(appointment);
    }));
  });

  it('Appointment uses R4 element names: participant actors, cancelationReason, minutesDuration', () => {
    const resource = toFhirAppointment(schedule, {
      id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'scan', status: 'cancelled', resourceIds: ['ultrasound', 'room-1'],
      start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:30:00-05:00', cancellation: { reason: 'pat' },
    } as Appointment);
    expect(resource.participant.map((p) => p.actor?.reference)).toEqual(['Patient/p1', 'Practitioner/dr-lee', 'Device/ultrasound', 'Location/room-1']);
    expect(resource.participant.every((p) => p.status === 'declined')).toBe(true);
    expect(resource.cancelationReason?.coding?.[0]).toEqual({ system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason', code: 'pat' });
    expect(resource.minutesDuration).toBe(30);
  });

  it('writes a reason outside HL7\'s code system as text, never as a code, its note as an extension; reads versioned references', () => {
    const cancelled = {
      id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'scan', status: 'cancelled', resourceIds: ['ultrasound', 'room-1'],
      start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:30:00-05:00', cancellation: { reason: 'Patient called in sick', note: 'will rebook' },
    } as Appointment;
    const resource = toFhirAppointment(schedule, cancelled);
    expect(resource.cancelationReason).toEqual({ text: 'Patient called in sick' });
    const back = fromFhirAppointment(JSON.parse(JSON.stringify(resource)));
    expect(back.ok && back.value.cancellation).toEqual({ reason: 'Patient called in sick', note: 'will rebook' });
    const versioned = JSON.parse(JSON.stringify(resource).replace('"Patient/p1"', '"Patient/p1/_history/2"'));
    expect(fromFhirAppointment(versioned).ok).toBe(true);
  });

  it('writes no empty extension array for a slot without resources', () => {
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', now: '2026-10-01T00:00:00Z' });
    const first = found.ok ? found.value[0] : undefined;
    if (first === undefined) throw new Error('no slot');
    const slot = { ...first, resourceIds: [] };
    expect('extension' in toFhirSlot(slot)).toBe(false);
    expect(fromFhirSlot(JSON.parse(JSON.stringify(toFhirSlot(slot))), schedule.zone)).toMatchObject({ ok: true, value: slot });
  });

  it('Slot and Schedule round-trip', () => {
    const found = findSlots(schedule, { typeId: 'scan', from: '2026-11-02', to: '2026-11-02', now: '2026-10-01T00:00:00Z' });
    if (!found.ok) throw new Error('query failed');
    for (const slot of found.value.slice(0, 5)) {
      const fhir = toFhirSlot(slot);
      expect(fhir).toMatchObject({ resourceType: 'Slot', status: 'free', schedule: { reference: 'Schedule/dr-lee' } });
      const back = fromFhirSlot(JSON.parse(JSON.stringify(fhir)), schedule.zone);
      expect(back.ok && back.value).toEqual(slot);
    }
    for (const provider of [{ id: 'dr-lee', name: 'Dr. Ana Lee' }, { id: 'dr-cho', name: 'Dr. Min Cho', dailyCap: 12 }]) {
      const horizon = { start: '2026-11-01T00:00:00-04:00', end: '2026-12-31T00:00:00-05:00' };
      const back = fromFhirSchedule(JSON.parse(JSON.stringify(toFhirSchedule(provider as never, horizon))));
      expect(back.ok && back.value).toEqual({ provider, horizon });
    }
  });

  it('reports malformed resources with paths', () => {
    const bad = fromFhirAppointment({ resourceType: 'Appointment', id: 'x', status: 'maybe', participant: [] });
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.path])).toEqual([['fhir.schema', ['status']], ['fhir.schema', ['participant']]]);
    const noPatient = fromFhirAppointment({ resourceType: 'Appointment', id: 'x', status: 'booked', start: '2026-11-02T09:00:00Z', end: '2026-11-02T09:30:00Z', appointmentType: { coding: [{ code: 'new' }] }, participant: [{ actor: { reference: 'Practitioner/dr-lee' }, status: 'accepted' }] });
    expect(!noPatient.ok && noPatient.issues.map((i) => [i.code, i.path])).toEqual([['fhir.missing_element', ['participant']]]);
    const busy = fromFhirSlot({ resourceType: 'Slot', schedule: { reference: 'Schedule/dr-lee' }, status: 'busy', start: '2026-11-02T09:00:00Z', end: '2026-11-02T09:30:00Z' }, schedule.zone);
    expect(!busy.ok && busy.issues.map((i) => i.code)).toEqual(['fhir.slot_not_free']);
  });

  const booked = {
    id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'scan', status: 'booked', resourceIds: ['room-1'],
    start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:30:00-05:00',
  } as Appointment;
  const resourceOf = (appointment: Appointment): Record<string, unknown> => JSON.parse(JSON.stringify(toFhirAppointment(schedule, appointment))) as Record<string, unknown>;

  it('writes cancelationReason only for a cancelled or no-show appointment (R4 app-4), keeping an earlier reason in an extension', () => {
    const voided = { ...booked, status: 'entered-in-error', cancellation: { reason: 'pat', note: 'sick' } } as Appointment;
    const resource = resourceOf(voided);
    expect(resource['cancelationReason']).toBeUndefined();
    expect(JSON.stringify(resource['extension'])).toContain('cancellation-reason');
    expect(fromFhirAppointment(resource)).toMatchObject({ ok: true, value: voided });
    const noShow = resourceOf({ ...voided, status: 'noshow' } as Appointment);
    expect(noShow['cancelationReason']).toEqual({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason', code: 'pat' }] });
    expect(noShow['extension']).toEqual([{ url: 'https://medoffice.dev/fhir/StructureDefinition/cancellation-note', valueString: 'sick' }]);
  });

  it('carries ids FHIR cannot hold as a medoffice identifier and logical references, and round-trips them', () => {
    const odd = { ...booked, id: 'visit 7', patientId: 'mrn/123' } as Appointment;
    const resource = resourceOf(odd);
    expect(resource['id']).toBeUndefined();
    expect(resource['identifier']).toEqual([{ system: 'https://medoffice.dev/fhir/id', value: 'visit 7' }]);
    expect((resource['participant'] as { actor: unknown }[])[0]?.actor).toEqual({ type: 'Patient', identifier: { system: 'https://medoffice.dev/fhir/id', value: 'mrn/123' } });
    expect(fromFhirAppointment(resource)).toMatchObject({ ok: true, value: odd });
    const provider = { id: 'dr/lee', name: 'Dr. Ana Lee' };
    const fhirSchedule = JSON.parse(JSON.stringify(toFhirSchedule(provider as never))) as Record<string, unknown>;
    expect(fhirSchedule['id']).toBeUndefined();
    expect(fromFhirSchedule(fhirSchedule)).toMatchObject({ ok: true, value: { provider } });
    const found = findSlots(schedule, { typeId: 'scan', from: '2026-11-02', to: '2026-11-02', now: '2026-10-01T00:00:00Z' });
    const first = found.ok ? found.value[0] : undefined;
    if (first === undefined) throw new Error('no slot');
    const slot = { ...first, providerId: 'dr/lee' } as typeof first;
    const fhirSlot = JSON.parse(JSON.stringify(toFhirSlot(slot))) as Record<string, unknown>;
    expect(fhirSlot['id']).toBeUndefined();
    expect(fromFhirSlot(fhirSlot, schedule.zone)).toMatchObject({ ok: true, value: slot });
  });

  it('writes times to the second, as a FHIR instant must be', () => {
    const resource = toFhirAppointment(schedule, { ...booked, start: '2026-11-02T09:00-05:00', end: '2026-11-02T09:30Z' } as Appointment);
    expect([resource.start, resource.end]).toEqual(['2026-11-02T09:00:00-05:00', '2026-11-02T09:30:00Z']);
  });

  it('refuses an appointment that does not end after it starts, or a reason on one neither cancelled nor a no-show, and names fields where the resource holds them', () => {
    const resource = resourceOf(booked);
    const codes = (r: unknown) => {
      const back = fromFhirAppointment(r);
      return back.ok ? [] : back.issues.map((i) => [i.code, i.path]);
    };
    expect(codes({ ...resource, end: resource['start'] })).toEqual([['fhir.schema', ['end']]]);
    expect(codes({ ...resource, cancelationReason: { text: 'moved' } })).toEqual([['fhir.schema', ['cancelationReason']]]);
    const participant = resource['participant'] as { actor: { reference: string } }[];
    const longPatient = participant.map((p, i) => (i === 0 ? { ...p, actor: { reference: `Patient/${'p'.repeat(129)}` } } : p));
    expect(codes({ ...resource, participant: longPatient })).toEqual([['fhir.schema', ['participant', 0, 'actor']]]);
    expect(codes({ ...resource, start: 'soon' })).toEqual([['fhir.schema', ['start']]]);
    const { id: _id, ...anonymous } = resource;
    expect(codes({ ...anonymous, identifier: [{ system: 'https://medoffice.dev/fhir/id', value: 'v'.repeat(200) }] })).toEqual([['fhir.schema', ['identifier', 0]]]);
    const twice = [...participant, participant[2]];
    expect(codes({ ...resource, participant: twice })).toEqual([['fhir.schema', ['participant', 3, 'actor']]]);
  });
});
