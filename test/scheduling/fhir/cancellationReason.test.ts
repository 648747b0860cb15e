import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../../src/scheduling/appointment.js';
import { CANCELLATION_REASON_CODES } from '../../../src/scheduling/fhir/cancellationReasons.js';
import { fromFhirAppointment, toFhirAppointment } from '../../../src/scheduling/fhir/fhirAppointment.js';
import { smallClinic } from '../fixtures.js';

const schedule = smallClinic();
const HL7 = 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason';
const NOTE = 'https://medoffice.dev/fhir/StructureDefinition/cancellation-note';
const cancelled = {
  id: 'a1', patientId: 'p1', providerId: 'dr-lee', typeId: 'follow-up', status: 'cancelled', resourceIds: ['room-1'],
  start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00', cancellation: { reason: 'pat' },
} as Appointment;
const resourceOf = (appointment: Appointment): Record<string, unknown> => JSON.parse(JSON.stringify(toFhirAppointment(schedule, appointment))) as Record<string, unknown>;
const reasonOf = (concept: unknown, extension?: unknown): unknown => {
  const back = fromFhirAppointment({ ...resourceOf(cancelled), cancelationReason: concept, ...(extension !== undefined ? { extension } : {}) });
  return back.ok ? back.value.cancellation : back.issues;
};

describe('FHIR cancelationReason', () => {
  it('takes the reason from the HL7 appointment-cancellation-reason coding wherever it stands, and never reads the text as a note', () => {
    const concept = { coding: [{ system: 'http://snomed.info/sct', code: '410546004' }, { system: HL7, code: 'pat', display: 'Patient' }], text: 'Patient' };
    expect(reasonOf(concept)).toEqual({ reason: 'pat' });
    const back = fromFhirAppointment({ ...resourceOf(cancelled), cancelationReason: concept });
    if (!back.ok) throw new Error('import failed');
    expect(toFhirAppointment(schedule, back.value).cancelationReason).toEqual({ coding: [{ system: HL7, code: 'pat' }] });
  });

  it('without an HL7 coding, falls back to the text, then a coding\'s display, then its code', () => {
    const snomed = { system: 'http://snomed.info/sct', code: '410546004', display: 'Patient requested' };
    expect(reasonOf({ coding: [snomed], text: 'Called to cancel' })).toEqual({ reason: 'Called to cancel' });
    expect(reasonOf({ coding: [snomed] })).toEqual({ reason: 'Patient requested' });
    expect(reasonOf({ coding: [{ system: 'http://snomed.info/sct', code: '410546004' }] })).toEqual({ reason: '410546004' });
    expect(reasonOf({ coding: [{ system: HL7, code: '' }], text: ' ' })).toBeUndefined();
  });

  it('writes the note of a coded reason in the cancellation-note extension, not in text, and reads it from there', () => {
    const resource = resourceOf({ ...cancelled, cancellation: { reason: 'pat-lt', note: 'no ride' } } as Appointment);
    expect(resource['cancelationReason']).toEqual({ coding: [{ system: HL7, code: 'pat-lt' }] });
    expect(resource['extension']).toEqual([{ url: NOTE, valueString: 'no ride' }]);
    expect(fromFhirAppointment(resource)).toMatchObject({ ok: true, value: { cancellation: { reason: 'pat-lt', note: 'no ride' } } });
    expect(reasonOf({ coding: [{ system: HL7, code: 'prov' }], text: 'Provider' }, [{ url: NOTE, valueString: 'on call' }])).toEqual({ reason: 'prov', note: 'on call' });
  });

  it('reads the note earlier exports wrote as a coded reason\'s text, when there is no cancellation-note extension', () => {
    expect(reasonOf({ coding: [{ system: HL7, code: 'pat' }], text: 'called in sick' })).toEqual({ reason: 'pat', note: 'called in sick' });
    expect(reasonOf({ coding: [{ system: HL7, code: 'pat', display: 'Patient' }], text: 'called in sick' })).toEqual({ reason: 'pat', note: 'called in sick' });
    // Text that repeats a code or display is the reason as the user saw it; the extension wins over the text.
    expect(reasonOf({ coding: [{ system: HL7, code: 'pat', display: 'Patient' }], text: 'Patient' })).toEqual({ reason: 'pat' });
    expect(reasonOf({ coding: [{ system: HL7, code: 'pat' }], text: 'pat' })).toEqual({ reason: 'pat' });
    expect(reasonOf({ coding: [{ system: HL7, code: 'pat' }], text: ' ' })).toEqual({ reason: 'pat' });
    expect(reasonOf({ coding: [{ system: HL7, code: 'pat' }], text: 'called in sick' }, [{ url: NOTE, valueString: 'no ride' }])).toEqual({ reason: 'pat', note: 'no ride' });
    // Without the HL7 coding the text is the reason itself.
    expect(reasonOf({ coding: [{ system: 'http://snomed.info/sct', code: '410546004' }], text: 'called in sick' })).toEqual({ reason: 'called in sick' });
  });

  it('reads no note from the text of a resource another system wrote (its appointment type not in medoffice\'s code system)', () => {
    const foreign = { ...resourceOf(cancelled), appointmentType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'follow-up' }] } };
    const back = fromFhirAppointment({ ...foreign, cancelationReason: { coding: [{ system: HL7, code: 'pat', display: 'Patient' }], text: 'Patient cancelled by phone' } });
    expect(back.ok && back.value.cancellation).toEqual({ reason: 'pat' });
  });

  it('leaves out the cancellation-note extension for a blank note (FHIR has no empty strings)', () => {
    for (const note of ['', '  ']) {
      const resource = resourceOf({ ...cancelled, cancellation: { reason: 'pat', note } } as Appointment);
      expect('extension' in resource).toBe(false);
      expect(fromFhirAppointment(resource)).toMatchObject({ ok: true, value: { cancellation: { reason: 'pat' } } });
    }
    const kept = resourceOf({ ...cancelled, status: 'entered-in-error', cancellation: { reason: 'pat', note: '' } } as Appointment);
    expect(kept['extension']).toEqual([{ url: 'https://medoffice.dev/fhir/StructureDefinition/cancellation-reason', valueString: 'pat' }]);
  });

  it('round-trips any reason and note of a cancelled or no-show appointment (property)', () => {
    const reason = fc.oneof(fc.constantFrom(...CANCELLATION_REASON_CODES), fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''));
    fc.assert(fc.property(fc.constantFrom('cancelled', 'noshow'), reason, fc.option(fc.string(), { nil: undefined }), (status, code, note) => {
      const appointment = { ...cancelled, status, cancellation: { reason: code, ...(note !== undefined ? { note } : {}) } } as Appointment;
      const resource = resourceOf(appointment);
      expect((resource['cancelationReason'] as { text?: string }).text).toBe(CANCELLATION_REASON_CODES.has(code) ? undefined : code);
      // A blank note is not written (FHIR has no empty strings), so it does not come back.
      const kept = note !== undefined && note.trim() !== '' ? appointment : { ...appointment, cancellation: { reason: code } };
      expect(fromFhirAppointment(resource)).toEqual({ ok: true, value: kept, warnings: [] });
    }));
  });
});
