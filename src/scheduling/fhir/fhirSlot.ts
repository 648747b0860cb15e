import { z } from 'zod';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, ok, type Checked } from '../../core/result.js';
import type { IsoDate } from '../../core/time.js';
import { isoInstant } from '../../core/isoInstant.js';
import { InstantSchema } from '../appointment.js';
import { epochMinuteOfIso } from '../time/epochMinutes.js';
import type { AppointmentTypeId, ProviderId, ResourceId } from '../ids.js';
import type { Slot } from '../slotQuery.js';
import { APPOINTMENT_TYPE_SYSTEM, CodeableConceptSchema, extensionValue, ExtensionSchema, isFhirId, medofficeExtension, referencedId, ReferenceSchema, referenceTo } from './fhirTypes.js';

/** Schema of the parts of a FHIR R4 Slot that medoffice reads. */
export const FhirSlotSchema = z.object({
  resourceType: z.literal('Slot'),
  id: z.string().optional(),
  extension: z.array(ExtensionSchema).optional(),
  appointmentType: CodeableConceptSchema.optional(),
  schedule: ReferenceSchema,
  status: z.enum(['busy', 'free', 'busy-unavailable', 'busy-tentative', 'entered-in-error']),
  start: InstantSchema,
  end: InstantSchema,
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
 * its type in `appointmentType` and its resources in a medoffice extension.
 *
 * @param slot - a slot from `findSlots`
 * @example
 * ```ts
 * const resource = toFhirSlot(found.value[0]!);
 * ```
 */
export function toFhirSlot(slot: Slot): FhirSlot {
  return {
    resourceType: 'Slot',
    // The instant in UTC, so the two 01:30s of a fall-back night get different ids; a slot whose
    // provider or type id would make no FHIR id goes without one (a Slot's id is optional).
    ...idIfFhir(`${slot.providerId}-${utcStamp(slot.start)}-${slot.typeId}`),
    // FHIR JSON has no empty arrays: a slot without resources has no extension at all.
    ...(slot.resourceIds.length > 0 ? { extension: slot.resourceIds.map((id) => medofficeExtension('resource', { valueString: id })) } : {}),
    appointmentType: { coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: slot.typeId }] },
    schedule: referenceTo('Schedule', slot.providerId),
    status: 'free',
    start: slot.start,
    end: slot.end,
  };
}

/**
 * A FHIR R4 Slot with status `free` as a medoffice slot (the inverse of {@link toFhirSlot}).
 * The date is the clinic-local date of `start`, which must carry the clinic's offset.
 *
 * @returns the slot, or `fhir.schema`, `fhir.missing_element` or `fhir.slot_not_free`
 * @example
 * ```ts
 * const back = fromFhirSlot(toFhirSlot(slot)); // equal to slot
 * ```
 */
export function fromFhirSlot(resource: unknown): Checked<Slot> {
  const parsed = FhirSlotSchema.safeParse(resource);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'fhir.schema'));
  const r = parsed.data;
  if (r.status !== 'free') return fail([errorIssue('fhir.slot_not_free', ['status'], `a ${r.status} slot is not a free slot`)]);
  const provider = referencedId(r.schedule, ['Schedule']);
  const typeId = r.appointmentType?.coding?.find((c) => c.system === APPOINTMENT_TYPE_SYSTEM)?.code ?? r.appointmentType?.coding?.[0]?.code;
  if (provider === undefined) return fail([errorIssue('fhir.missing_element', ['schedule'], 'no Schedule reference')]);
  if (typeId === undefined) return fail([errorIssue('fhir.missing_element', ['appointmentType'], 'no appointment type code')]);
  const resourceIds = (r.extension ?? []).filter((e) => e === extensionValue([e], 'resource')).map((e) => (e.valueString ?? '') as ResourceId);
  return ok({
    providerId: provider.id as ProviderId,
    typeId: typeId as AppointmentTypeId,
    date: r.start.slice(0, 10) as IsoDate,
    start: r.start,
    end: r.end,
    resourceIds,
  });
}
