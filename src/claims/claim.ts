import { z } from 'zod';
import { isCalendarDate } from './calendarDay.js';

const isoDate = z.string().refine(isCalendarDate, { message: 'must be a calendar date YYYY-MM-DD' });

/**
 * A procedure code as given on a line (CPT or HCPCS Level II), branded once parsed.
 *
 * @example
 * ```ts
 * ProcedureCodeSchema.parse('99213');
 * ```
 */
export const ProcedureCodeSchema = z.string().min(1).brand<'ProcedureCode'>();
/** A procedure code taken from a parsed claim. */
export type ProcedureCode = z.infer<typeof ProcedureCodeSchema>;

/**
 * A two-character procedure modifier (`25`, `LT`, `XU`), branded once parsed.
 *
 * @example
 * ```ts
 * ModifierCodeSchema.parse('25');
 * ```
 */
export const ModifierCodeSchema = z.string().brand<'ModifierCode'>();
/** A modifier taken from a parsed claim. */
export type ModifierCode = z.infer<typeof ModifierCodeSchema>;

/**
 * An ICD-10-CM diagnosis code as given (dotted or not, any case), branded once parsed.
 *
 * @example
 * ```ts
 * DiagnosisCodeSchema.parse('E11.9');
 * ```
 */
export const DiagnosisCodeSchema = z.string().min(1).brand<'DiagnosisCode'>();
/** A diagnosis code taken from a parsed claim. */
export type DiagnosisCode = z.infer<typeof DiagnosisCodeSchema>;

/**
 * A National Provider Identifier as given (its check digit is judged by `npi.invalid`).
 *
 * @example
 * ```ts
 * NpiSchema.parse('1234567893');
 * ```
 */
export const NpiSchema = z.string().brand<'NpiNumber'>();
/** An NPI taken from a parsed claim. */
export type NpiNumber = z.infer<typeof NpiSchema>;

/**
 * A place-of-service code as given (two digits are judged by `pos.invalid`).
 *
 * @example
 * ```ts
 * PlaceOfServiceSchema.parse('11');
 * ```
 */
export const PlaceOfServiceSchema = z.string().brand<'PlaceOfServiceCode'>();
/** A place-of-service code taken from a parsed claim. */
export type PlaceOfServiceCode = z.infer<typeof PlaceOfServiceSchema>;

/**
 * The claim frequency type code as given (CLM05-3; CMS-1500 box 22): `1` original, `7` replacement
 * of a prior claim, `8` void or cancel of a prior claim. Other values are judged by `claim.frequency`.
 *
 * @example
 * ```ts
 * ClaimFrequencySchema.parse('7');
 * ```
 */
export const ClaimFrequencySchema = z.string().brand<'ClaimFrequencyCode'>();
/** A claim frequency type code taken from a parsed claim. */
export type ClaimFrequencyCode = z.infer<typeof ClaimFrequencySchema>;

/**
 * The payer claim control number of the claim a replacement or void refers to (837P REF*F8 in
 * loop 2300; CMS-1500 box 22), as given: a blank one is judged by `claim.original_reference`.
 *
 * @example
 * ```ts
 * PayerClaimControlNumberSchema.parse('2026110212345');
 * ```
 */
export const PayerClaimControlNumberSchema = z.string().brand<'PayerClaimControlNumber'>();
/** A payer claim control number taken from a parsed claim. */
export type PayerClaimControlNumber = z.infer<typeof PayerClaimControlNumberSchema>;

/**
 * The billing provider: NPI, and optionally its tax id (EIN or SSN) and NUCC taxonomy.
 *
 * @example
 * ```ts
 * BillingProviderSchema.parse({ npi: '1234567893', taxId: '123456789', taxonomy: '207Q00000X' });
 * ```
 */
export const BillingProviderSchema = z.object({
  npi: NpiSchema,
  taxId: z.string().brand<'TaxId'>().optional(),
  taxonomy: z.string().brand<'TaxonomyCode'>().optional(),
});

/**
 * The rendering provider, when it differs from the billing provider.
 *
 * @example
 * ```ts
 * RenderingProviderSchema.parse({ npi: '1234567893' });
 * ```
 */
export const RenderingProviderSchema = z.object({
  npi: NpiSchema,
  taxonomy: z.string().brand<'TaxonomyCode'>().optional(),
});

/**
 * The referring provider (CMS-1500 item 17 with qualifier DN, its NPI in 17b; 837P NM1*DN of loop 2310A
 * for the claim, of loop 2420F for a line): the provider who sent the patient for the services.
 *
 * @example
 * ```ts
 * ReferringProviderSchema.parse({ npi: '1234567893' });
 * ```
 */
export const ReferringProviderSchema = z.object({ npi: NpiSchema });

/**
 * A line's ordering provider (CMS-1500 item 17 with qualifier DK; 837P NM1*DK of loop 2420E): the
 * provider who ordered a clinical laboratory, imaging or durable medical equipment service.
 *
 * @example
 * ```ts
 * OrderingProviderSchema.parse({ npi: '1234567893' });
 * ```
 */
export const OrderingProviderSchema = z.object({ npi: NpiSchema });

/**
 * The patient's birth date and sex (F, M or U), used by date and age/sex edits.
 *
 * @example
 * ```ts
 * PatientSchema.parse({ birthDate: '1980-04-02', sex: 'F' });
 * ```
 */
export const PatientSchema = z.object({
  birthDate: isoDate.optional(),
  sex: z.enum(['F', 'M', 'U']).optional(),
});

/**
 * One service line (CMS-1500 box 24; X12 loop 2400). Pointers are 1-based into `diagnoses`.
 *
 * @example
 * ```ts
 * ClaimLineSchema.parse({ procedure: '99213', units: 1, chargeCents: 12500, serviceDate: '2026-11-02', diagnosisPointers: [1] });
 * ```
 */
export const ClaimLineSchema = z.object({
  procedure: ProcedureCodeSchema,
  modifiers: z.array(ModifierCodeSchema).optional(),
  units: z.number(),
  /**
   * What `units` counts: `UN` units of service (the default) or `MJ` minutes, as anesthesia time is
   * reported (X12 SV103; CMS-1500 box 24G holds the minutes).
   */
  unitBasis: z.string().optional(),
  chargeCents: z.number(),
  serviceDate: isoDate,
  serviceDateTo: isoDate.optional(),
  diagnosisPointers: z.array(z.int()),
  placeOfService: PlaceOfServiceSchema.optional(),
  /** The provider who ordered this service (837P loop 2420E). */
  orderingProvider: OrderingProviderSchema.optional(),
  /** The provider who referred the patient for this service, when it is not the claim's (837P loop 2420F). */
  referringProvider: ReferringProviderSchema.optional(),
});

/**
 * A professional claim (CMS-1500 / X12 837P) as medoffice reads it: the exported boundary schema.
 * Business rules (check digits, code sets, NCCI, dates) are reported by `validateClaim`, not here.
 *
 * @example
 * ```ts
 * const parsed = ClaimSchema.safeParse(JSON.parse(text));
 * if (parsed.success) console.log(parsed.data.lines.length);
 * ```
 */
export const ClaimSchema = z.object({
  id: z.string().min(1).brand<'ClaimId'>(),
  billingProvider: BillingProviderSchema,
  renderingProvider: RenderingProviderSchema.optional(),
  /** The provider who referred the patient (837P loop 2310A; CMS-1500 item 17, qualifier DN). */
  referringProvider: ReferringProviderSchema.optional(),
  patient: PatientSchema,
  payer: z.object({ id: z.string().min(1).brand<'PayerId'>() }),
  placeOfService: PlaceOfServiceSchema,
  /** CLM05-3: `1` original (also when absent), `7` replacement, `8` void of the claim `originalClaimId` names. */
  frequency: ClaimFrequencySchema.optional(),
  /** REF*F8: the payer's control number for the claim replaced or voided. */
  originalClaimId: PayerClaimControlNumberSchema.optional(),
  diagnoses: z.array(DiagnosisCodeSchema).min(1),
  lines: z.array(ClaimLineSchema).min(1),
  totalChargeCents: z.int(),
});

/** A claim that passed the boundary schema. */
export type Claim = z.infer<typeof ClaimSchema>;
/** One service line of a {@link Claim}. */
export type ClaimLine = z.infer<typeof ClaimLineSchema>;
