import { z } from 'zod';

/**
 * A clinical note: a signed or draft narrative about an encounter, in SOAP sections.
 *
 * @example
 * ```ts
 * clinicalNoteSchema.parse({ resourceType: 'ClinicalNote', patientId: 'p1', encounterDate: '2026-11-02T09:15:00.000-05:00',
 *   author: 'dr-lee', status: 'draft', sections: { subjective: 'Cough for 3 days.' } });
 * ```
 */
export const clinicalNoteSchema = z.strictObject({
  resourceType: z.literal('ClinicalNote'),
  patientId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  encounterDate: z.iso.datetime({ offset: true }),
  author: z.string().min(1).max(200),
  status: z.enum(['draft', 'signed', 'amended']),
  sections: z.strictObject({
    subjective: z.string().max(20_000).optional(),
    objective: z.string().max(20_000).optional(),
    assessment: z.string().max(20_000).optional(),
    plan: z.string().max(20_000).optional(),
  }),
  diagnoses: z.array(z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/)).max(12).optional(),
});

/**
 * A clinical note document (see {@link clinicalNoteSchema}).
 *
 * @example
 * ```ts
 * const note: ClinicalNote = { resourceType: 'ClinicalNote', patientId: 'p1', encounterDate: '2026-11-02T09:15:00.000-05:00',
 *   author: 'dr-lee', status: 'signed', sections: { assessment: 'Viral URI.' } };
 * ```
 */
export type ClinicalNote = z.infer<typeof clinicalNoteSchema>;
