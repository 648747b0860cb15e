import { z } from 'zod';
import { isIsoDate } from '../../core/time.js';

const isCalendarDate = (text: string): boolean => isIsoDate(text);

const isoDate = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');

/**
 * A FHIR R4 HumanName, reduced to what a practice records.
 *
 * @example
 * ```ts
 * HumanNameSchema.parse({ use: 'official', family: 'Rivera', given: ['Ana', 'Lucia'] });
 * ```
 */
export const HumanNameSchema = z.strictObject({
  use: z.enum(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional(),
  family: z.string().min(1).max(200).optional(),
  given: z.array(z.string().min(1).max(200)).max(10).optional(),
  prefix: z.array(z.string().min(1).max(50)).max(5).optional(),
  suffix: z.array(z.string().min(1).max(50)).max(5).optional(),
});

/**
 * A FHIR R4 ContactPoint (phone, email).
 *
 * @example
 * ```ts
 * ContactPointSchema.parse({ system: 'phone', value: '+1 212 555 0100', use: 'mobile' });
 * ```
 */
export const ContactPointSchema = z.strictObject({
  system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']),
  value: z.string().min(1).max(500),
  use: z.enum(['home', 'work', 'temp', 'old', 'mobile']).optional(),
});

/**
 * A FHIR R4 Address.
 *
 * @example
 * ```ts
 * AddressSchema.parse({ line: ['12 Elm St'], city: 'Albany', state: 'NY', postalCode: '12207' });
 * ```
 */
export const AddressSchema = z.strictObject({
  use: z.enum(['home', 'work', 'temp', 'old', 'billing']).optional(),
  line: z.array(z.string().min(1).max(200)).max(4).optional(),
  city: z.string().min(1).max(100).optional(),
  state: z.string().min(1).max(100).optional(),
  postalCode: z.string().min(1).max(20).optional(),
  country: z.string().min(1).max(100).optional(),
});

/**
 * A FHIR R4 Identifier (MRN, insurance member id).
 *
 * @example
 * ```ts
 * IdentifierSchema.parse({ system: 'urn:clinic:mrn', value: 'MRN-0042' });
 * ```
 */
export const IdentifierSchema = z.strictObject({
  system: z.string().min(1).max(500),
  value: z.string().min(1).max(200),
});

/**
 * A FHIR-like Patient: the demographic record the store versions. Unknown members are refused, so a
 * typo cannot slip into the record.
 *
 * @example
 * ```ts
 * patientSchema.parse({ resourceType: 'Patient', name: [{ family: 'Rivera', given: ['Ana'] }], birthDate: '1980-04-02' });
 * ```
 */
export const patientSchema = z.strictObject({
  resourceType: z.literal('Patient'),
  identifier: z.array(IdentifierSchema).max(20).optional(),
  active: z.boolean().optional(),
  name: z.array(HumanNameSchema).min(1).max(10),
  telecom: z.array(ContactPointSchema).max(20).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: isoDate.optional(),
  address: z.array(AddressSchema).max(10).optional(),
  allergies: z.array(z.string().min(1).max(200)).max(100).optional(),
  generalPractitioner: z.string().min(1).max(200).optional(),
});

/**
 * A patient document (see {@link patientSchema}).
 *
 * @example
 * ```ts
 * const ana: Patient = { resourceType: 'Patient', name: [{ family: 'Rivera', given: ['Ana'] }] };
 * ```
 */
export type Patient = z.infer<typeof patientSchema>;
