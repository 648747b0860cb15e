import { z } from 'zod';

/** Base URL of the extensions medoffice adds to FHIR resources for fields FHIR has no element for. */
export const MEDOFFICE_FHIR_BASE = 'https://medoffice.dev/fhir';
/** Code system of medoffice appointment type ids in `Appointment.appointmentType` and `Slot.appointmentType`. */
export const APPOINTMENT_TYPE_SYSTEM = `${MEDOFFICE_FHIR_BASE}/CodeSystem/appointment-type`;
/** FHIR's code system of cancellation reasons (`pat`, `prov`, `oth`, ...). */
export const CANCELLATION_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason';

/** Schema of a FHIR R4 Coding. */
const CodingSchema = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
/** Schema of a FHIR R4 CodeableConcept. */
export const CodeableConceptSchema = z.object({ coding: z.array(CodingSchema).optional(), text: z.string().optional() });
/** Code system of medoffice ids in `identifier` elements: ids FHIR's id grammar cannot carry travel there. */
export const MEDOFFICE_ID_SYSTEM = `${MEDOFFICE_FHIR_BASE}/id`;
/** Schema of a FHIR R4 Identifier. */
export const IdentifierSchema = z.object({ system: z.string().optional(), value: z.string().optional() });
/** Schema of a FHIR R4 Reference: literal (`ResourceType/id`) or logical (a type and an identifier). */
export const ReferenceSchema = z.object({
  reference: z.string().optional(),
  type: z.string().optional(),
  identifier: IdentifierSchema.optional(),
  display: z.string().optional(),
});
/** A FHIR R4 Reference. */
export type FhirReference = z.infer<typeof ReferenceSchema>;

// FHIR R4 `id`: letters, digits, '-' and '.', 1 to 64 of them.
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Whether a medoffice id is also a FHIR R4 resource id (`[A-Za-z0-9\-.]{1,64}`).
 *
 * @example
 * ```ts
 * isFhirId('dr-lee'); // true
 * isFhirId('mrn/123'); // false
 * ```
 */
export function isFhirId(id: string): boolean {
  return FHIR_ID.test(id);
}

/**
 * A reference to a resource by medoffice id: literal (`Patient/p1`) when the id is a FHIR id,
 * otherwise logical, by type and a medoffice identifier, so the id survives unchanged.
 *
 * @example
 * ```ts
 * referenceTo('Patient', 'p1'); // { reference: 'Patient/p1' }
 * referenceTo('Patient', 'mrn/123'); // { type: 'Patient', identifier: { system: MEDOFFICE_ID_SYSTEM, value: 'mrn/123' } }
 * ```
 */
export function referenceTo(type: string, id: string): FhirReference {
  return isFhirId(id) ? { reference: `${type}/${id}` } : { type, identifier: { system: MEDOFFICE_ID_SYSTEM, value: id } };
}

/**
 * A resource's own id as FHIR carries it: `id` when it is a FHIR id, otherwise a medoffice identifier.
 *
 * @example
 * ```ts
 * resourceIdentity('a1'); // { id: 'a1' }
 * resourceIdentity('visit 7'); // { identifier: [{ system: MEDOFFICE_ID_SYSTEM, value: 'visit 7' }] }
 * ```
 */
export function resourceIdentity(id: string): { id: string } | { identifier: { system: string; value: string }[] } {
  return isFhirId(id) ? { id } : { identifier: [{ system: MEDOFFICE_ID_SYSTEM, value: id }] };
}

/**
 * The medoffice id of a resource: its medoffice identifier when it has one, its `id` otherwise.
 *
 * @example
 * ```ts
 * medofficeId({ id: 'a1' }); // 'a1'
 * ```
 */
export function medofficeId(resource: { readonly id?: string | undefined; readonly identifier?: readonly z.infer<typeof IdentifierSchema>[] | undefined }): string | undefined {
  return resource.identifier?.find((i) => i.system === MEDOFFICE_ID_SYSTEM && i.value !== undefined)?.value ?? resource.id;
}
/** Schema of a FHIR R4 Extension with a string, boolean, integer or instant value. */
export const ExtensionSchema = z.object({
  url: z.string(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueInstant: z.string().optional(),
});
/** A FHIR R4 Extension. */
export type FhirExtension = z.infer<typeof ExtensionSchema>;

/**
 * The id of a reference when its type is one of `types`: a literal `Type/id` (a versioned one too),
 * or a logical reference by type and medoffice identifier (as {@link referenceTo} writes it).
 *
 * @example
 * ```ts
 * referencedId({ reference: 'Patient/p1' }, ['Patient']); // { type: 'Patient', id: 'p1' }
 * referencedId({ reference: 'Patient/p1/_history/2' }, ['Patient']); // { type: 'Patient', id: 'p1' }
 * referencedId(referenceTo('Patient', 'mrn/123'), ['Patient']); // { type: 'Patient', id: 'mrn/123' }
 * ```
 */
export function referencedId(reference: FhirReference | undefined, types: readonly string[]): { type: string; id: string } | undefined {
  const given = reference?.reference;
  if (given === undefined) {
    const { type, identifier } = reference ?? {};
    const logical = identifier?.system === MEDOFFICE_ID_SYSTEM ? identifier.value : undefined;
    return type !== undefined && types.includes(type) && logical !== undefined && logical !== '' ? { type, id: logical } : undefined;
  }
  // A versioned reference (`Patient/p1/_history/2`) names the same resource.
  const text = given.replace(/\/_history\/[^/]+$/, '');
  const slash = text.lastIndexOf('/');
  const type = text.slice(0, slash).split('/').pop() ?? '';
  const id = text.slice(slash + 1);
  return slash > 0 && types.includes(type) && id !== '' ? { type, id } : undefined;
}

/**
 * Whether an extension is the medoffice extension `name`.
 *
 * @example
 * ```ts
 * const resourceIds = (slot.extension ?? []).filter((e) => isMedofficeExtension(e, 'resource'));
 * ```
 */
export function isMedofficeExtension(extension: FhirExtension, name: string): boolean {
  return extension.url === `${MEDOFFICE_FHIR_BASE}/StructureDefinition/${name}`;
}

/**
 * The first medoffice extension `name` among `extensions`, if there is one.
 *
 * @example
 * ```ts
 * extensionValue(resource.extension, 'patient-zone')?.valueString;
 * ```
 */
export function extensionValue(extensions: readonly FhirExtension[] | undefined, name: string): FhirExtension | undefined {
  return extensions?.find((e) => isMedofficeExtension(e, name));
}

/**
 * A medoffice extension carrying a value.
 *
 * @example
 * ```ts
 * medofficeExtension('patient-zone', { valueString: 'Europe/London' });
 * ```
 */
export function medofficeExtension(name: string, value: Omit<FhirExtension, 'url'>): FhirExtension {
  return { url: `${MEDOFFICE_FHIR_BASE}/StructureDefinition/${name}`, ...value };
}
