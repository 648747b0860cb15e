import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redactForView } from '../../src/records/views.js';
import { clinicalNoteSchema } from '../../src/records/schemas/clinicalNote.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { patient } from './fixtures.js';

describe('redactForView', () => {
  const doc = { name: [{ family: 'Rivera', given: ['Ana'] }, { family: 'Lopez' }], birthDate: '1980-04-02', allergies: ['latex'] };
  it('keeps only the listed fields, with * over array items', () => {
    const policy = [{ role: 'front-desk', purposes: ['HOPERAT' as const], fields: ['/name/*/family', '/nothing/here'] }];
    expect(redactForView(doc, policy, 'front-desk', 'HOPERAT')).toMatchObject({ ok: true, value: { name: [{ family: 'Rivera' }, { family: 'Lopez' }] } });
  });
  it('refuses a role or purpose without a rule, and unsafe pointers in the policy', () => {
    expect(redactForView(doc, [], 'x', 'TREAT')).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
    expect(redactForView(doc, [{ role: 'x', purposes: ['TREAT'], fields: ['/__proto__'] }], 'x', 'TREAT')).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: ['policy', 0, 'fields', 0] }] });
  });
  it('the whole document for the pointer ""', () => {
    expect(redactForView(doc, [{ role: 'dr', purposes: ['TREAT'], fields: [''] }], 'dr', 'TREAT')).toMatchObject({ ok: true, value: doc });
  });
  describe('properties', () => {
    it('a view never shows a member the policy does not list, and never changes the document', () => {
      fc.assert(fc.property(fc.subarray(['/name', '/birthDate', '/allergies']), (fields) => {
        const before = JSON.stringify(doc);
        const view = redactForView(doc, [{ role: 'r', purposes: ['TREAT'], fields }], 'r', 'TREAT');
        expect(view.ok).toBe(true);
        if (view.ok) expect(Object.keys(view.value ?? {}).sort()).toEqual(fields.map((f) => f.slice(1)).sort());
        expect(JSON.stringify(doc)).toBe(before);
      }));
    });
  });
});

describe('shipped schemas', () => {
  it('the Patient schema accepts a FHIR-like patient and refuses unknown members and impossible dates', () => {
    expect(patientSchema.safeParse(patient('Rivera')).success).toBe(true);
    expect(patientSchema.safeParse({ ...patient('Rivera'), ssn: '123' }).success).toBe(false);
    expect(patientSchema.safeParse({ ...patient('Rivera'), birthDate: '1980-02-30' }).success).toBe(false);
  });
  it('the clinical-note schema checks the encounter time and ICD-10-CM code shapes', () => {
    const note = { resourceType: 'ClinicalNote', patientId: 'p1', encounterDate: '2026-11-02T09:15:00.000-05:00', author: 'dr-lee', status: 'signed', sections: { assessment: 'Viral URI' }, diagnoses: ['J06.9'] };
    expect(clinicalNoteSchema.safeParse(note).success).toBe(true);
    expect(clinicalNoteSchema.safeParse({ ...note, diagnoses: ['j069'] }).success).toBe(false);
    expect(clinicalNoteSchema.safeParse({ ...note, encounterDate: '2026-11-02 09:15' }).success).toBe(false);
  });
});
