import { z } from 'zod';

/** Base URL of the extensions medoffice adds to FHIR resources for fields FHIR has no element for. */
export const MEDOFFICE_FHIR_BASE = 'https://medoffice.dev/fhir';
/** Code system of medoffice appointment type ids in `Appointment.appointmentType` and `Slot.appointmentType`. */
export const APPOINTMENT_TYPE_SYSTEM = `${MEDOFFICE_FHIR_BASE}/CodeSystem/appointment-type`;
/** FHIR's code system of cancellation reasons (`pat`, `prov`, `oth`, ...). */
export const CANCELLATION_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason';

/** Schema of a FHIR R4 Coding. */
export const CodingSchema = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
/** Schema of a FHIR R4 CodeableConcept. */
export const CodeableConceptSchema = z.object({ coding: z.array(CodingSchema).optional(), text: z.string().optional() });
/** Schema of a FHIR R4 Reference (by `ResourceType/id`). */
export const ReferenceSchema = z.object({ reference: z.string().optional(), display: z.string().optional() });
/** Schema of a FHIR R4 Extension with a string, boolean or integer value. */
export const ExtensionSchema = z.object({
  url: z.string(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
});
/** A FHIR R4 Extension. */
export type FhirExtension = z.infer<typeof ExtensionSchema>;

/**
 * The id of a reference `Type/id` when its type is one of `types`.
 *
 * @example
 * ```ts
 * referencedId({ reference: 'Patient/p1' }, ['Patient']); // 'p1'
 * referencedId({ reference: 'Patient/p1/_history/2' }, ['Patient']); // 'p1'
 * ```
 */
export function referencedId(reference: { readonly reference?: string | undefined } | undefined, types: readonly string[]): { type: string; id: string } | undefined {
  const given = reference?.reference;
  if (given === undefined) return undefined;
  // A versioned reference (`Patient/p1/_history/2`) names the same resource.
  const text = given.replace(/\/_history\/[^/]+$/, '');
  const slash = text.lastIndexOf('/');
  const type = text.slice(0, slash).split('/').pop() ?? '';
  const id = text.slice(slash + 1);
  return slash > 0 && types.includes(type) && id !== '' ? { type, id } : undefined;
}

/**
 * The string value of the medoffice extension `name`, if present.
 *
 * @example
 * ```ts
 * extensionValue(resource.extension, 'patient-zone');
 * ```
 */
export function extensionValue(extensions: readonly FhirExtension[] | undefined, name: string): FhirExtension | undefined {
  return extensions?.find((e) => e.url === `${MEDOFFICE_FHIR_BASE}/StructureDefinition/${name}`);
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
