import type { z } from 'zod';
import { CANCELLATION_REASON_SYSTEM, type CodeableConceptSchema } from './fhirTypes.js';

type CodeableConcept = z.infer<typeof CodeableConceptSchema>;

const given = (text: string | undefined): string | undefined => (text !== undefined && text.trim() !== '' ? text : undefined);

/**
 * The medoffice cancellation reason a FHIR R4 `cancelationReason` names: the code of its coding from
 * HL7's appointment-cancellation-reason system wherever that coding stands among the others; without
 * one, the concept's text; without text, the display, then the code, of the first coding that has
 * one. The text is never a note: FHIR defines it as the concept as the user saw or said it.
 *
 * @param concept - the `cancelationReason` of an Appointment
 * @returns the reason, or `undefined` when the concept names none
 * @example
 * ```ts
 * cancellationReasonOf({ coding: [
 *   { system: 'http://snomed.info/sct', code: '410546004' },
 *   { system: CANCELLATION_REASON_SYSTEM, code: 'pat', display: 'Patient' },
 * ], text: 'Patient' }); // 'pat'
 * cancellationReasonOf({ text: 'Patient called in sick' }); // 'Patient called in sick'
 * ```
 */
export function cancellationReasonOf(concept: CodeableConcept | undefined): string | undefined {
  const codings = concept?.coding ?? [];
  return (
    given(codings.find((c) => c.system === CANCELLATION_REASON_SYSTEM && given(c.code) !== undefined)?.code) ??
    given(concept?.text) ??
    codings.map((c) => given(c.display)).find((d) => d !== undefined) ??
    codings.map((c) => given(c.code)).find((c) => c !== undefined)
  );
}

/**
 * The cancellation note an Appointment written by an earlier medoffice export carries in its
 * `cancelationReason`: those exports put a coded reason's note in the concept's text. Read only when
 * the concept has HL7's appointment-cancellation-reason coding and the resource has no
 * `cancellation-note` extension (the caller checks that), and only when the text is not blank and
 * says something other than the code or display of any of its codings (text that repeats a display
 * is the reason as the user saw it, not a note).
 *
 * @param concept - the `cancelationReason` of an Appointment
 * @returns the note, or `undefined` when the concept holds none
 * @example
 * ```ts
 * earlierExportNote({ coding: [{ system: CANCELLATION_REASON_SYSTEM, code: 'pat' }], text: 'called in sick' }); // 'called in sick'
 * earlierExportNote({ coding: [{ system: CANCELLATION_REASON_SYSTEM, code: 'pat', display: 'Patient' }], text: 'Patient' }); // undefined
 * ```
 */
export function earlierExportNote(concept: CodeableConcept | undefined): string | undefined {
  const codings = concept?.coding ?? [];
  const text = given(concept?.text);
  if (text === undefined || !codings.some((c) => c.system === CANCELLATION_REASON_SYSTEM && given(c.code) !== undefined)) return undefined;
  return codings.some((c) => c.code === text || c.display === text) ? undefined : text;
}
