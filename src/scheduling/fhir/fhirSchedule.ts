import { z } from 'zod';
import { errorIssue } from '../../core/issue.js';
import { issuesFromZod } from '../../core/parse.js';
import { fail, MedofficeUsageError, ok, type Checked } from '../../core/result.js';
import { ProviderSchema, type Provider } from '../clinic.js';
import { fhirDateTime, FhirDateTimeSchema, inOrder } from './fhirTime.js';
import { extensionValue, ExtensionSchema, IdentifierSchema, isMedofficeExtension, medofficeExtension, referencedId, ReferenceSchema, referenceTo, resourceIdentity, type FhirReference } from './fhirTypes.js';

/**
 * Schema of a FHIR R4 Period: `start` and `end` are `dateTime`s (a date, or a date-time with its
 * offset) and, when both are there, the start is not after the end (invariant per-1).
 *
 * @example
 * ```ts
 * PeriodSchema.parse({ start: '2026-11-02', end: '2026-12-31T00:00:00-05:00' });
 * ```
 */
const PeriodSchema = z
  .object({ start: FhirDateTimeSchema.optional(), end: FhirDateTimeSchema.optional() })
  .refine((p) => p.start === undefined || p.end === undefined || inOrder(p.start, p.end), { message: 'the period ends before it starts (FHIR invariant per-1)', path: ['end'] });

/** Schema of the parts of a FHIR R4 Schedule that medoffice reads. */
export const FhirScheduleSchema = z.object({
  resourceType: z.literal('Schedule'),
  id: z.string().optional(),
  identifier: z.array(IdentifierSchema).optional(),
  extension: z.array(ExtensionSchema).optional(),
  active: z.boolean().optional(),
  actor: z.array(ReferenceSchema).min(1),
  planningHorizon: PeriodSchema.optional(),
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
 * @param horizon - the planning horizon: FHIR `dateTime`s, dates (`2026-11-02`) or instants with
 *   their offsets (written to the second), the start not after the end
 * @throws MedofficeUsageError when the horizon is not that; its `issues` (`fhir.schema`) have paths
 *   into `horizon`
 * @example
 * ```ts
 * toFhirSchedule(provider, { start: '2026-11-02T00:00:00-05:00', end: '2026-12-31T00:00:00-05:00' });
 * toFhirSchedule(provider, { start: '2026-11-02', end: '2026-12-31' });
 * ```
 */
export function toFhirSchedule(provider: Provider, horizon?: { readonly start?: string; readonly end?: string }): FhirSchedule {
  const period = PeriodSchema.optional().safeParse(horizon);
  if (!period.success) {
    const issues = issuesFromZod(period.error, 'fhir.schema');
    throw new MedofficeUsageError(`toFhirSchedule needs a horizon of FHIR dateTimes in order (${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`, issues);
  }
  // FHIR JSON has no empty objects: a horizon without bounds is no horizon.
  const written = period.data === undefined || (period.data.start === undefined && period.data.end === undefined) ? undefined : horizonOf(period.data, fhirDateTime);
  return {
    resourceType: 'Schedule',
    ...resourceIdentity(provider.id),
    ...(provider.dailyCap !== undefined ? { extension: [medofficeExtension('daily-cap', { valueInteger: provider.dailyCap })] } : {}),
    active: true,
    actor: [{ ...referenceTo('Practitioner', provider.id), display: provider.name }],
    ...(written !== undefined ? { planningHorizon: written } : {}),
  };
}

// A period with only the bounds it has (FHIR JSON has no nulls), each written by `write`.
function horizonOf(period: { readonly start?: string | undefined; readonly end?: string | undefined }, write: (text: string) => string): { start?: string; end?: string } {
  return { ...(period.start !== undefined ? { start: write(period.start) } : {}), ...(period.end !== undefined ? { end: write(period.end) } : {}) };
}

/**
 * A FHIR R4 Schedule as a medoffice provider and planning horizon (the inverse of {@link toFhirSchedule}).
 * The horizon's bounds are FHIR `dateTime`s, kept as written (a date stays a date).
 *
 * @returns the provider and horizon, or `fhir.schema` / `fhir.missing_element` with paths into the
 *   resource: the provider's name at `actor[i].display`, its daily cap at the `daily-cap` extension,
 *   a horizon that is not two `dateTime`s in order at `planningHorizon`
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
  if (!provider.success) {
    const capAt = (r.extension ?? []).findIndex((e) => isMedofficeExtension(e, 'daily-cap'));
    // Each field of the provider is named where the resource holds it.
    const where = (field: string | number | undefined): (string | number)[] =>
      field === 'name' ? ['actor', index, 'display'] : field === 'dailyCap' ? ['extension', capAt] : ['actor', index, ...idElement(actor)];
    return fail(issuesFromZod(provider.error, 'fhir.schema').map((found) => ({ ...found, path: where(found.path[0]) })));
  }
  const horizon = r.planningHorizon;
  return ok({ provider: provider.data, ...(horizon !== undefined ? { horizon: horizonOf(horizon, (text) => text) } : {}) });
}

// The element of a Practitioner reference that holds the provider id.
function idElement(actor: FhirReference): (string | number)[] {
  return actor.reference !== undefined ? ['reference'] : ['identifier', 'value'];
}
