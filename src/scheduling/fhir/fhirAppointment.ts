import { match } from 'ts-pattern';
import { z } from 'zod';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, type Checked } from '../../core/result.js';
import { AppointmentSchema, AppointmentStatusSchema, carriesCancellationReason, InstantSchema, type Appointment } from '../appointment.js';
import type { Schedule } from '../schedule.js';
import { appointmentReadChecks } from './appointmentReadChecks.js';
import { cancellationReasonOf, earlierExportNote } from './cancellationReasonOf.js';
import { CANCELLATION_REASON_CODES } from './cancellationReasons.js';
import {
  APPOINTMENT_TYPE_SYSTEM,
  CANCELLATION_REASON_SYSTEM,
  CodeableConceptSchema,
  extensionValue,
  ExtensionSchema,
  IdentifierSchema,
  MEDOFFICE_ID_SYSTEM,
  medofficeExtension,
  medofficeId,
  referencedId,
  ReferenceSchema,
  referenceTo,
  resourceIdentity,
  type FhirExtension,
} from './fhirTypes.js';
import { toMilliseconds, withSeconds } from './fhirTime.js';


/** Schema of the parts of a FHIR R4 Appointment that medoffice reads. */
export const FhirAppointmentSchema = z.object({
  resourceType: z.literal('Appointment'),
  id: z.string().min(1).optional(),
  identifier: z.array(IdentifierSchema).optional(),
  extension: z.array(ExtensionSchema).optional(),
  status: AppointmentStatusSchema,
  cancelationReason: CodeableConceptSchema.optional(),
  appointmentType: CodeableConceptSchema.optional(),
  start: z.string().transform(toMilliseconds).optional(),
  end: z.string().transform(toMilliseconds).optional(),
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
 * of HL7's appointment-cancellation-reason when the reason is one of its codes, the text otherwise;
 * the cancellation's note as the medoffice extension `cancellation-note`; the patient's zone, series,
 * overbooking and urgency as medoffice extensions. `cancelationReason` is written only for a cancelled
 * or no-show appointment (FHIR's invariant app-4); a reason kept from an earlier cancellation (the
 * appointment since marked entered-in-error) goes in a medoffice extension. Times are written to the second, and an id that is not a
 * FHIR id (`[A-Za-z0-9\-.]{1,64}`) travels as a medoffice identifier instead: the appointment's in
 * `identifier`, a participant's as a logical reference (type and identifier).
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
  // A reason kept from an earlier cancellation (now entered-in-error) travels as a medoffice extension.
  const kept = carriesCancellationReason(appointment.status) ? undefined : appointment.cancellation;
  const cancellation = kept === undefined ? appointment.cancellation : undefined;
  const coded = cancellation !== undefined && CANCELLATION_REASON_CODES.has(cancellation.reason);
  // FHIR has no empty strings: a blank note is left out.
  const note = appointment.cancellation?.note?.trim() === '' ? undefined : appointment.cancellation?.note;
  const extension: FhirExtension[] = [
    ...(appointment.patientZone !== undefined ? [medofficeExtension('patient-zone', { valueString: appointment.patientZone })] : []),
    ...(appointment.seriesId !== undefined ? [medofficeExtension('series', { valueString: appointment.seriesId })] : []),
    ...(appointment.overbooks !== undefined ? [medofficeExtension('overbooks', { valueString: appointment.overbooks })] : []),
    ...(appointment.urgent !== undefined ? [medofficeExtension('urgent', { valueBoolean: appointment.urgent })] : []),
    ...(kept !== undefined ? [medofficeExtension('cancellation-reason', { valueString: kept.reason })] : []),
    // CodeableConcept.text is the reason as the user put it, not a note: the note has its own extension.
    ...(note !== undefined ? [medofficeExtension('cancellation-note', { valueString: note })] : []),
  ];
  return {
    resourceType: 'Appointment',
    ...resourceIdentity(appointment.id),
    ...(extension.length > 0 ? { extension } : {}),
    status: appointment.status,
    ...(cancellation === undefined
      ? {}
      : {
          cancelationReason: coded
            ? { coding: [{ system: CANCELLATION_REASON_SYSTEM, code: cancellation.reason }] }
            : { text: cancellation.reason },
        }),
    appointmentType: { coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: appointment.typeId, ...(type !== undefined ? { display: type.name } : {}) }] },
    start: withSeconds(appointment.start),
    end: withSeconds(appointment.end),
    minutesDuration: Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000),
    // FHIR JSON has no empty strings: an empty comment is not written.
    ...(appointment.comment !== undefined && appointment.comment !== '' ? { comment: appointment.comment } : {}),
    participant: [
      { actor: referenceTo('Patient', appointment.patientId), required: 'required', status: participantStatus },
      { actor: referenceTo('Practitioner', appointment.providerId), required: 'required', status: participantStatus },
      ...appointment.resourceIds.map((id) => {
        const kind = schedule.resources.find((r) => r.id === id)?.kind;
        return { actor: referenceTo(kind === 'equipment' ? 'Device' : 'Location', id), required: 'required' as const, status: participantStatus };
      }),
    ],
  };
}

/**
 * A FHIR R4 Appointment as a medoffice appointment (the inverse of {@link toFhirAppointment}).
 *
 * @param resource - anything claiming to be a FHIR Appointment
 * @returns the appointment, or `fhir.schema` / `fhir.missing_element` issues with paths into the
 *   resource (an end not after the start, a cancellation reason on an appointment neither cancelled
 *   nor a no-show, a second Patient or Practitioner participant, or a `minutesDuration` other than
 *   the minutes from start to end, is `fhir.schema`; a `patient-zone` that is no IANA zone is
 *   `time.unknown_zone`)
 * @example
 * ```ts
 * const back = fromFhirAppointment(toFhirAppointment(schedule, appointment)); // equal to appointment (times to the second)
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
  const id = medofficeId(r);
  const missing = [
    ...(id === undefined ? [errorIssue('fhir.missing_element', ['id'], 'no id (nor a medoffice identifier)')] : []),
    ...(patient === undefined ? [errorIssue('fhir.missing_element', ['participant'], 'no Patient participant')] : []),
    ...(provider === undefined ? [errorIssue('fhir.missing_element', ['participant'], 'no Practitioner participant')] : []),
    ...(typeCode === undefined ? [errorIssue('fhir.missing_element', ['appointmentType'], 'no appointment type code')] : []),
    ...(r.start === undefined ? [errorIssue('fhir.missing_element', ['start'], 'no start')] : []),
    ...(r.end === undefined ? [errorIssue('fhir.missing_element', ['end'], 'no end')] : []),
  ];
  if (missing.length > 0) return fail(missing);
  const inconsistent = [
    ...(r.cancelationReason !== undefined && !carriesCancellationReason(r.status)
      ? [errorIssue('fhir.schema', ['cancelationReason'], `a ${r.status} appointment carries no cancellation reason (only cancelled or no-show ones do: FHIR invariant app-4)`)]
      : []),
    // Judged only between two well-formed instants; a malformed one is reported where it is below.
    ...(InstantSchema.safeParse(r.start).success && InstantSchema.safeParse(r.end).success && !(Date.parse(r.start ?? '') < Date.parse(r.end ?? ''))
      ? [errorIssue('fhir.schema', ['end'], 'the appointment does not end after it starts')]
      : []),
    ...appointmentReadChecks({ actors, start: r.start, end: r.end, minutesDuration: r.minutesDuration, extension: r.extension }),
  ];
  if (inconsistent.length > 0) return fail(inconsistent);
  const text = (name: string): string | undefined => extensionValue(r.extension, name)?.valueString;
  const reason = cancellationReasonOf(r.cancelationReason) ?? text('cancellation-reason');
  // Without its own extension, a note may sit in a coded reason's text, where this library's earlier
  // exports put it: only in a resource it wrote (its appointment type coded in medoffice's system).
  const writtenHere = r.appointmentType?.coding?.some((c) => c.system === APPOINTMENT_TYPE_SYSTEM) === true;
  const note = text('cancellation-note') ?? (writtenHere ? earlierExportNote(r.cancelationReason) : undefined);
  const urgent = extensionValue(r.extension, 'urgent')?.valueBoolean;
  const resources = actors.flatMap((a, index) => (a?.type === 'Location' || a?.type === 'Device' ? [{ id: a.id, index }] : []));
  const candidate = {
    id,
    patientId: patient?.id,
    providerId: provider?.id,
    typeId: typeCode,
    start: r.start,
    end: r.end,
    status: r.status,
    resourceIds: resources.map((a) => a.id),
    ...(text('patient-zone') !== undefined ? { patientZone: text('patient-zone') } : {}),
    ...(reason !== undefined ? { cancellation: { reason, ...(note !== undefined ? { note } : {}) } } : {}),
    ...(text('series') !== undefined ? { seriesId: text('series') } : {}),
    ...(text('overbooks') !== undefined ? { overbooks: text('overbooks') } : {}),
    ...(urgent !== undefined ? { urgent } : {}),
    ...(r.comment !== undefined ? { comment: r.comment } : {}),
  };
  const appointment = AppointmentSchema.safeParse(candidate);
  if (appointment.success) return { ok: true, value: appointment.data, warnings: [] };
  const participantAt = (index: number): (string | number)[] => ['participant', index, 'actor'];
  // Each field of the appointment is named where the resource holds it.
  const where = (field: string | number | undefined, item: string | number | undefined): (string | number)[] =>
    match(field)
      .with('id', () => {
        const at = (r.identifier ?? []).findIndex((i) => i.system === MEDOFFICE_ID_SYSTEM && i.value !== undefined);
        return at >= 0 ? ['identifier', at] : ['id'];
      })
      .with('patientId', () => participantAt(actors.indexOf(patient)))
      .with('providerId', () => participantAt(actors.indexOf(provider)))
      .with('resourceIds', () => {
        // An issue with the list as a whole (a resource named twice) points at the repeat.
        const at = typeof item === 'number' ? item : resources.findIndex((a, k) => resources.findIndex((b) => b.id === a.id) < k);
        const resource = resources[at];
        return resource === undefined ? ['participant'] : participantAt(resource.index);
      })
      .with('typeId', () => ['appointmentType'])
      .with('cancellation', () => (r.cancelationReason !== undefined ? ['cancelationReason'] : ['extension']))
      .with('patientZone', 'seriesId', 'overbooks', 'urgent', () => ['extension'])
      .otherwise(() => (field === undefined ? [] : [field]));
  return fail(issuesFromZod(appointment.error, 'fhir.schema').map((found) => ({ ...found, path: where(found.path[0], found.path[1]) })));
}
