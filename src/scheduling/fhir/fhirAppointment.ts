import { z } from 'zod';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, type Checked } from '../../core/result.js';
import { AppointmentSchema, AppointmentStatusSchema, type Appointment } from '../appointment.js';
import type { Schedule } from '../schedule.js';
import { CANCELLATION_REASON_CODES } from './cancellationReasons.js';
import {
  APPOINTMENT_TYPE_SYSTEM,
  CANCELLATION_REASON_SYSTEM,
  CodeableConceptSchema,
  extensionValue,
  ExtensionSchema,
  medofficeExtension,
  referencedId,
  ReferenceSchema,
  type FhirExtension,
} from './fhirTypes.js';

/** Schema of the parts of a FHIR R4 Appointment that medoffice reads. */
export const FhirAppointmentSchema = z.object({
  resourceType: z.literal('Appointment'),
  id: z.string().min(1),
  extension: z.array(ExtensionSchema).optional(),
  status: AppointmentStatusSchema,
  cancelationReason: CodeableConceptSchema.optional(),
  appointmentType: CodeableConceptSchema.optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  minutesDuration: z.number().int().positive().optional(),
  comment: z.string().optional(),
  participant: z
    .array(
      z.object({
        actor: ReferenceSchema.optional(),
        required: z.enum(['required', 'optional', 'information-only']).optional(),
        status: z.enum(['accepted', 'declined', 'tentative', 'needs-action']),
      }),
    )
    .min(1),
});
/** A FHIR R4 Appointment (the elements medoffice uses). */
export type FhirAppointment = z.infer<typeof FhirAppointmentSchema>;

/**
 * A medoffice appointment as a FHIR R4 Appointment: the patient as `Patient/…`, the provider as
 * `Practitioner/…`, rooms as `Location/…` and equipment as `Device/…` participants; the type in
 * `appointmentType`; the cancellation reason in `cancelationReason` (FHIR R4's spelling): a coding
 * of HL7's appointment-cancellation-reason when the reason is one of its codes (the note as the
 * text), the text otherwise (the note then as a medoffice extension); the patient's zone, series,
 * overbooking and urgency as medoffice extensions.
 *
 * @param schedule - the clinic (for type names and resource kinds)
 * @param appointment - the appointment
 * @example
 * ```ts
 * const resource = toFhirAppointment(schedule, schedule.appointments[0]!);
 * ```
 */
export function toFhirAppointment(schedule: Schedule, appointment: Appointment): FhirAppointment {
  const type = schedule.appointmentTypes.find((t) => t.id === appointment.typeId);
  const participantStatus: 'accepted' | 'declined' = appointment.status === 'cancelled' ? 'declined' : 'accepted';
  const cancellation = appointment.cancellation;
  const coded = cancellation !== undefined && CANCELLATION_REASON_CODES.has(cancellation.reason);
  const extension: FhirExtension[] = [
    ...(appointment.patientZone !== undefined ? [medofficeExtension('patient-zone', { valueString: appointment.patientZone })] : []),
    ...(appointment.seriesId !== undefined ? [medofficeExtension('series', { valueString: appointment.seriesId })] : []),
    ...(appointment.overbooks !== undefined ? [medofficeExtension('overbooks', { valueString: appointment.overbooks })] : []),
    ...(appointment.urgent !== undefined ? [medofficeExtension('urgent', { valueBoolean: appointment.urgent })] : []),
    // A reason in free text fills cancelationReason.text, so its note travels beside it.
    ...(cancellation !== undefined && !coded && cancellation.note !== undefined ? [medofficeExtension('cancellation-note', { valueString: cancellation.note })] : []),
  ];
  return {
    resourceType: 'Appointment',
    id: appointment.id,
    ...(extension.length > 0 ? { extension } : {}),
    status: appointment.status,
    ...(cancellation === undefined
      ? {}
      : {
          cancelationReason: coded
            ? { coding: [{ system: CANCELLATION_REASON_SYSTEM, code: cancellation.reason }], ...(cancellation.note !== undefined ? { text: cancellation.note } : {}) }
            : { text: cancellation.reason },
        }),
    appointmentType: { coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: appointment.typeId, ...(type !== undefined ? { display: type.name } : {}) }] },
    start: appointment.start,
    end: appointment.end,
    minutesDuration: Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000),
    ...(appointment.comment !== undefined ? { comment: appointment.comment } : {}),
    participant: [
      { actor: { reference: `Patient/${appointment.patientId}` }, required: 'required', status: participantStatus },
      { actor: { reference: `Practitioner/${appointment.providerId}` }, required: 'required', status: participantStatus },
      ...appointment.resourceIds.map((id) => {
        const kind = schedule.resources.find((r) => r.id === id)?.kind;
        return { actor: { reference: `${kind === 'equipment' ? 'Device' : 'Location'}/${id}` }, required: 'required' as const, status: participantStatus };
      }),
    ],
  };
}

/**
 * A FHIR R4 Appointment as a medoffice appointment (the inverse of {@link toFhirAppointment}).
 *
 * @param resource - anything claiming to be a FHIR Appointment
 * @returns the appointment, or `fhir.schema` / `fhir.missing_element` issues with paths into the resource
 * @example
 * ```ts
 * const back = fromFhirAppointment(toFhirAppointment(schedule, appointment)); // equal to appointment
 * ```
 */
export function fromFhirAppointment(resource: unknown): Checked<Appointment> {
  const parsed = FhirAppointmentSchema.safeParse(resource);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'fhir.schema'));
  const r = parsed.data;
  const actors = r.participant.map((p) => referencedId(p.actor, ['Patient', 'Practitioner', 'Location', 'Device']));
  const patient = actors.find((a) => a?.type === 'Patient');
  const provider = actors.find((a) => a?.type === 'Practitioner');
  const typeCode = r.appointmentType?.coding?.find((c) => c.system === APPOINTMENT_TYPE_SYSTEM)?.code ?? r.appointmentType?.coding?.[0]?.code;
  const missing = [
    ...(patient === undefined ? [errorIssue('fhir.missing_element', ['participant'], 'no Patient participant')] : []),
    ...(provider === undefined ? [errorIssue('fhir.missing_element', ['participant'], 'no Practitioner participant')] : []),
    ...(typeCode === undefined ? [errorIssue('fhir.missing_element', ['appointmentType'], 'no appointment type code')] : []),
    ...(r.start === undefined ? [errorIssue('fhir.missing_element', ['start'], 'no start')] : []),
    ...(r.end === undefined ? [errorIssue('fhir.missing_element', ['end'], 'no end')] : []),
  ];
  if (missing.length > 0) return fail(missing);
  const text = (name: string): string | undefined => extensionValue(r.extension, name)?.valueString;
  const reason = r.cancelationReason?.coding?.[0]?.code ?? r.cancelationReason?.text;
  const note = r.cancelationReason?.coding?.[0]?.code !== undefined ? r.cancelationReason.text : text('cancellation-note');
  const urgent = extensionValue(r.extension, 'urgent')?.valueBoolean;
  const candidate = {
    id: r.id,
    patientId: patient?.id,
    providerId: provider?.id,
    typeId: typeCode,
    start: r.start,
    end: r.end,
    status: r.status,
    resourceIds: actors.filter((a) => a?.type === 'Location' || a?.type === 'Device').map((a) => a?.id),
    ...(text('patient-zone') !== undefined ? { patientZone: text('patient-zone') } : {}),
    ...(reason !== undefined ? { cancellation: { reason, ...(note !== undefined ? { note } : {}) } } : {}),
    ...(text('series') !== undefined ? { seriesId: text('series') } : {}),
    ...(text('overbooks') !== undefined ? { overbooks: text('overbooks') } : {}),
    ...(urgent !== undefined ? { urgent } : {}),
    ...(r.comment !== undefined ? { comment: r.comment } : {}),
  };
  const appointment = AppointmentSchema.safeParse(candidate);
  return appointment.success ? { ok: true, value: appointment.data, warnings: [] } : fail(issuesFromZod(appointment.error, 'fhir.schema'));
}
