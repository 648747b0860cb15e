import { z } from 'zod';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { InstantSchema } from '../appointment.js';
import { ProviderSchema, type Provider } from '../clinic.js';
import { extensionValue, ExtensionSchema, IdentifierSchema, medofficeExtension, referencedId, ReferenceSchema, referenceTo, resourceIdentity } from './fhirTypes.js';

/** Schema of the parts of a FHIR R4 Schedule that medoffice reads. */
export const FhirScheduleSchema = z.object({
  resourceType: z.literal('Schedule'),
  id: z.string().optional(),
  identifier: z.array(IdentifierSchema).optional(),
  extension: z.array(ExtensionSchema).optional(),
  active: z.boolean().optional(),
  actor: z.array(ReferenceSchema).min(1),
  planningHorizon: z.object({ start: InstantSchema.optional(), end: InstantSchema.optional() }).optional(),
  comment: z.string().optional(),
});
/** A FHIR R4 Schedule (the elements medoffice uses). */
export type FhirSchedule = z.infer<typeof FhirScheduleSchema>;

/**
 * A provider's schedule as a FHIR R4 Schedule: id = provider id, the provider as the
 * `Practitioner/…` actor (its name as display), the planning horizon, and the daily cap as a
 * medoffice extension. A provider id that is not a FHIR id travels as a medoffice identifier (and
 * the actor as a logical reference).
 *
 * @param provider - the provider
 * @param horizon - the planning horizon, as instants
 * @example
 * ```ts
 * toFhirSchedule(provider, { start: '2026-11-02T00:00:00-05:00', end: '2026-12-31T00:00:00-05:00' });
 * ```
 */
export function toFhirSchedule(provider: Provider, horizon?: { readonly start: string; readonly end: string }): FhirSchedule {
  return {
    resourceType: 'Schedule',
    ...resourceIdentity(provider.id),
    ...(provider.dailyCap !== undefined ? { extension: [medofficeExtension('daily-cap', { valueInteger: provider.dailyCap })] } : {}),
    active: true,
    actor: [{ ...referenceTo('Practitioner', provider.id), display: provider.name }],
    ...(horizon !== undefined ? { planningHorizon: { start: horizon.start, end: horizon.end } } : {}),
  };
}

/**
 * A FHIR R4 Schedule as a medoffice provider and planning horizon (the inverse of {@link toFhirSchedule}).
 *
 * @returns the provider and horizon, or `fhir.schema` / `fhir.missing_element`
 * @example
 * ```ts
 * const back = fromFhirSchedule(toFhirSchedule(provider)); // back.value.provider equals provider
 * ```
 */
export function fromFhirSchedule(resource: unknown): Checked<{ provider: Provider; horizon?: { start?: string; end?: string } }> {
  const parsed = FhirScheduleSchema.safeParse(resource);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, 'fhir.schema'));
  const r = parsed.data;
  const index = r.actor.findIndex((a) => referencedId(a, ['Practitioner']) !== undefined);
  const actor = r.actor[index];
  const id = referencedId(actor, ['Practitioner'])?.id;
  if (actor === undefined || id === undefined) return fail([errorIssue('fhir.missing_element', ['actor'], 'no Practitioner actor')]);
  const cap = extensionValue(r.extension, 'daily-cap')?.valueInteger;
  const provider = ProviderSchema.safeParse({ id, name: actor.display ?? id, ...(cap !== undefined ? { dailyCap: cap } : {}) });
  if (!provider.success) return fail(issuesFromZod(provider.error, 'fhir.schema', ['actor', index]));
  const horizon = r.planningHorizon;
  return ok({
    provider: provider.data,
    ...(horizon !== undefined ? { horizon: { ...(horizon.start !== undefined ? { start: horizon.start } : {}), ...(horizon.end !== undefined ? { end: horizon.end } : {}) } } : {}),
  });
}
