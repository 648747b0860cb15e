import { DateTime } from 'luxon';
import { z } from 'zod';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, MedofficeUsageError, ok, type Checked } from '../../core/result.js';
import { checkZone, localDate, type IanaZone } from '../../core/time.js';
import { isoInstant } from '../../core/isoInstant.js';
import { epochMinuteOfIso } from '../time/epochMinutes.js';
import type { AppointmentTypeId, ProviderId, ResourceId } from '../ids.js';
import type { Slot } from '../slotQuery.js';
import { APPOINTMENT_TYPE_SYSTEM, CodeableConceptSchema, ExtensionSchema, isFhirId, isMedofficeExtension, medofficeExtension, referencedId, ReferenceSchema, referenceTo } from './fhirTypes.js';
import { FhirInstantSchema, withSeconds } from './fhirTime.js';
import { patientTimeExtensions, slotPatientTimes } from './slotPatientTimes.js';

/** Schema of the parts of a FHIR R4 Slot that medoffice reads. */
export const FhirSlotSchema = z.object({
  resourceType: z.literal('Slot'),
  id: z.string().optional(),
  extension: z.array(ExtensionSchema).optional(),
  appointmentType: CodeableConceptSchema.optional(),
  schedule: ReferenceSchema,
  status: z.enum(['busy', 'free', 'busy-unavailable', 'busy-tentative', 'entered-in-error']),
  start: FhirInstantSchema,
  end: FhirInstantSchema,
  overbooked: z.boolean().optional(),
  comment: z.string().optional(),
});
// `yyyyMMddHHmmZ` of an instant: its ISO 8601 UTC form without separators, seconds or milliseconds.
function utcStamp(instant: string): string {
  return `${isoInstant(epochMinuteOfIso(instant) * 60_000).slice(0, 16).replace(/[-T:]/g, '')}Z`;
}

function idIfFhir(id: string): { id?: string } {
  return isFhirId(id) ? { id } : {};
}

/** A FHIR R4 Slot (the elements medoffice uses). */
export type FhirSlot = z.infer<typeof FhirSlotSchema>;

/**
 * A free slot as a FHIR R4 Slot with status `free`, on the provider's Schedule (`Schedule/<providerId>`),
 * its type in `appointmentType`, its resources in medoffice `resource` extensions and, for a slot
 * found with a patient zone, its times in the patient's zone in the `patient-start` and
 * `patient-end` extensions. Times are written to the second, as a FHIR `instant` must be.
 *
 * @param slot - a slot from `findSlots`
 * @example
 * ```ts
 * const resource = toFhirSlot(found.value[0]!);
 * ```
 */
export function toFhirSlot(slot: Slot): FhirSlot {
  const extension = [...slot.resourceIds.map((id) => medofficeExtension('resource', { valueString: id })), ...patientTimeExtensions(slot)];
  return {
    resourceType: 'Slot',
    // The instant in UTC, so the two 01:30s of a fall-back night get different ids; a slot whose
    // provider or type id would make no FHIR id goes without one (a Slot's id is optional).
    ...idIfFhir(`${slot.providerId}-${utcStamp(slot.start)}-${slot.typeId}`),
    // FHIR JSON has no empty arrays: a slot without resources or patient times has no extension at all.
    ...(extension.length > 0 ? { extension } : {}),
    appointmentType: { coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: slot.typeId }] },
    schedule: referenceTo('Schedule', slot.providerId),
    status: 'free',
    start: withSeconds(slot.start),
    end: withSeconds(slot.end),
  };
}

/**
 * A FHIR R4 Slot with status `free` as a medoffice slot (the inverse of {@link toFhirSlot}).
 * `start` and `end` may carry any offset (a server may have moved them to UTC): they come back with
 * the clinic zone's offset, and the slot's date is the clinic-local date of the start. The patient's
 * times come back from the `patient-start` and `patient-end` extensions as written.
 *
 * @param resource - anything claiming to be a FHIR Slot
 * @param zone - the clinic's IANA zone (`schedule.zone`)
 * @returns the slot, or `fhir.schema` (an end not after the start is `fhir.schema` at `end`),
 *   `fhir.missing_element` or `fhir.slot_not_free`, with paths into the resource
 * @throws MedofficeUsageError when `zone` is missing or is not an IANA zone (its issue is
 *   `time.unknown_zone` at `zone`)
 * @example
 * ```ts
 * const back = fromFhirSlot(toFhirSlot(slot), schedule.zone); // equal to a slot from findSlots
 * ```
 */
export function fromFhirSlot(resource: unknown, zone: IanaZone): Checked<Slot> {
  if (typeof zone !== 'string') {
    // Calls written for the one-argument form reach here without a zone.
    throw new MedofficeUsageError(`fromFhirSlot(resource, zone) needs the clinic's IANA zone as its second argument (schedule.zone), got ${zone === undefined ? 'no zone' : String(zone)}`, [
      errorIssue('time.unknown_zone', ['zone'], 'the clinic zone is required: fromFhirSlot(resource, schedule.zone)'),
    ]);
  }
  const clinic = checkZone(zone, ['zone']);
  if (!clinic.ok) throw new MedofficeUsageError(`fromFhirSlot needs the clinic's IANA zone, got '${zone}'`, clinic.issues);
  const parsed = FhirSlotSchema.safeParse(resource);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'fhir.schema'));
  const r = parsed.data;
  if (!(Date.parse(r.start) < Date.parse(r.end))) return fail([errorIssue('fhir.schema', ['end'], 'the slot does not end after it starts')]);
  if (r.status !== 'free') return fail([errorIssue('fhir.slot_not_free', ['status'], `a ${r.status} slot is not a free slot`)]);
  const provider = referencedId(r.schedule, ['Schedule']);
  const typeId = r.appointmentType?.coding?.find((c) => c.system === APPOINTMENT_TYPE_SYSTEM)?.code ?? r.appointmentType?.coding?.[0]?.code;
  if (provider === undefined) return fail([errorIssue('fhir.missing_element', ['schedule'], 'no Schedule reference')]);
  if (typeId === undefined) return fail([errorIssue('fhir.missing_element', ['appointmentType'], 'no appointment type code')]);
  if (typeId === '') return fail([errorIssue('fhir.schema', ['appointmentType', 'coding'], 'the appointment type code is empty')]);
  const patient = slotPatientTimes(r.extension, r.start, r.end);
  if (!patient.ok) return patient;
  const resources = (r.extension ?? []).flatMap((e, index) => (isMedofficeExtension(e, 'resource') ? [{ id: e.valueString ?? '', index }] : []));
  const nameless = resources.filter((resource) => resource.id === '').map((resource) => errorIssue('fhir.schema', ['extension', resource.index], 'a resource extension needs the resource id as its valueString'));
  if (nameless.length > 0) return fail(nameless);
  const resourceIds = resources.map((resource) => resource.id as ResourceId);
  const start = DateTime.fromISO(r.start, { setZone: true }).setZone(clinic.value);
  return ok({
    providerId: provider.id as ProviderId,
    typeId: typeId as AppointmentTypeId,
    date: localDate(start, clinic.value),
    start: clinicInstant(start),
    end: clinicInstant(DateTime.fromISO(r.end, { setZone: true }).setZone(clinic.value)),
    resourceIds,
    ...patient.value,
  });
}

// An instant as medoffice writes a slot's times: to the second with the zone's `±hh:mm` offset
// (`+00:00`, never `Z`), milliseconds only when there are some.
function clinicInstant(at: DateTime): string {
  return at.toFormat(at.millisecond === 0 ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}
