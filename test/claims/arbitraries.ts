import fc from 'fast-check';

/** Real billable ICD-10-CM codes (FY2026), none an external cause or a manifestation code. */
export const BILLABLE = ['E11.9', 'I10', 'E78.5', 'J45.909', 'K21.9', 'M54.50', 'F41.1', 'G47.33', 'N39.0', 'R51.9', 'Z00.00', 'E66.9'] as const;
const PROCEDURES = ['99213', '99214', '36415', '85025', '80053', 'G0438', '3074F', '0591T', '9921', 'W1234'] as const;
const MODIFIERS = ['25', '59', 'LT', 'RT', '26', 'TC', 'XU', 'X', 'GT'] as const;
const DATES = ['2026-07-01', '2026-07-02', '2026-10-15', '2025-01-05', '1979-12-31', '2026-12-01'] as const;

/**
 * A referring or ordering provider: mostly an object with an NPI that is valid, of a bad check digit or
 * of a bad first digit; sometimes one whose NPI is missing or not a string, or no object at all, which
 * every reader refuses.
 */
export const npiProviderArbitrary = fc.oneof(
  { weight: 9, arbitrary: fc.record({ npi: fc.constantFrom<unknown>('1234567893', '1234567890', '3000000000', '') }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, { npi: 1234567893 }, { npi: null }, null, '1234567893', []) },
);

/** A line with mostly plausible, sometimes wrong, values; pointers into `diagnosisCount` diagnoses (+1 out of range). */
export function lineArbitrary(diagnosisCount: number) {
  return fc.record(
    {
      procedure: fc.constantFrom(...PROCEDURES),
      modifiers: fc.array(fc.constantFrom(...MODIFIERS), { maxLength: 5 }),
      units: fc.oneof(fc.constantFrom(1, 2, 3), fc.constantFrom(0, -1, 0.5, 1e6)),
      chargeCents: fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom(-5, 12.5)),
      serviceDate: fc.constantFrom(...DATES),
      serviceDateTo: fc.constantFrom(...DATES),
      diagnosisPointers: fc.array(fc.integer({ min: 1, max: diagnosisCount + 1 }), { minLength: 1, maxLength: 5 }),
      placeOfService: fc.constantFrom('11', '22', '48', '66'),
      // Strings pass every reader (the unit basis is checked later); anything else fails each of them.
      unitBasis: fc.constantFrom<unknown>('UN', 'MJ', '', 'MIN', 5, null, {}),
      orderingProvider: npiProviderArbitrary,
      referringProvider: npiProviderArbitrary,
    },
    { requiredKeys: ['procedure', 'units', 'chargeCents', 'serviceDate', 'diagnosisPointers'] },
  );
}

/** A structurally complete claim with realistic mistakes sprinkled in; frequency, originalClaimId and the referring provider are optional. */
export const claimArbitrary = fc
  .uniqueArray(fc.constantFrom(...BILLABLE), { minLength: 1, maxLength: 12 })
  .chain((diagnoses) =>
    fc.record(
      {
        id: fc.constantFrom('C-1', 'C-2'),
        billingProvider: fc.record({ npi: fc.constantFrom('1234567893', '1234567890'), taxId: fc.constantFrom('123456789', '12-3456789', '1234') }),
        referringProvider: npiProviderArbitrary,
        patient: fc.record({ birthDate: fc.constantFrom('1980-04-02', '2026-07-02'), sex: fc.constantFrom('F', 'M', 'U') }),
        payer: fc.record({ id: fc.constantFrom('MEDICARE', 'ACME') }),
        placeOfService: fc.constantFrom('11', '99', '48'),
        // Strings pass every reader (the codes are judged later); anything else fails each of them.
        frequency: fc.constantFrom<unknown>('1', '7', '8', '6', '', 7, null),
        originalClaimId: fc.constantFrom<unknown>('2026110212345', '', ' ', 12345, null),
        diagnoses: fc.constant(diagnoses),
        lines: fc.array(lineArbitrary(diagnoses.length), { minLength: 1, maxLength: 6 }),
        totalChargeCents: fc.integer({ min: 0, max: 100_000 }),
      },
      { requiredKeys: ['id', 'billingProvider', 'patient', 'payer', 'placeOfService', 'diagnoses', 'lines', 'totalChargeCents'] },
    ),
  );

/** A claim built to pass (real codes, pointers in range, dates in the past, the total summed), so properties also see valid claims. */
export const cleanClaimArbitrary = fc
  .uniqueArray(fc.constantFrom(...BILLABLE), { minLength: 1, maxLength: 12 })
  .chain((diagnoses) =>
    fc
      .array(
        fc.record(
          {
            procedure: fc.constantFrom('99213', '99214', '36415', '85025', '80053', 'G0438', '3074F', '0591T'),
            units: fc.constantFrom(1, 2, 3),
            chargeCents: fc.integer({ min: 0, max: 50_000 }),
            serviceDate: fc.constantFrom('2026-07-01', '2026-07-02', '2026-10-15'),
            diagnosisPointers: fc.uniqueArray(fc.integer({ min: 1, max: Math.min(4, diagnoses.length) }), { minLength: 1, maxLength: 4 }),
            orderingProvider: fc.constant({ npi: '1234567893' }),
          },
          { requiredKeys: ['procedure', 'units', 'chargeCents', 'serviceDate', 'diagnosisPointers'] },
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((lines) => ({
        id: 'C-CLEAN',
        billingProvider: { npi: '1234567893', taxId: '123456789' },
        patient: { birthDate: '1980-04-02', sex: 'F' },
        payer: { id: 'MEDICARE' },
        placeOfService: '11',
        diagnoses,
        lines,
        totalChargeCents: lines.reduce((sum, l) => sum + l.chargeCents, 0),
      })),
  );
