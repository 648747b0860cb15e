import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared claims data folder, resolved from this file (../shared/data/claims from the repo). */
export const sharedClaimsData = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'claims');

/** A valid claim (the example of issue 3), as plain JSON. */
export function goodClaim() {
  return {
    id: 'C-1001',
    billingProvider: { npi: '1234567893', taxId: '123456789', taxonomy: '207Q00000X' },
    renderingProvider: { npi: '1234567893' },
    patient: { birthDate: '1980-04-02', sex: 'F' },
    payer: { id: 'MEDICARE' },
    placeOfService: '11',
    diagnoses: ['E11.9', 'I10'],
    lines: [
      {
        procedure: '99213',
        modifiers: ['25'],
        units: 1,
        chargeCents: 12500,
        serviceDate: '2026-11-02',
        serviceDateTo: '2026-11-02',
        diagnosisPointers: [1, 2],
        placeOfService: '11',
      },
    ],
    totalChargeCents: 12500,
  };
}

/** A line for tests, defaulting to an office visit on 2026-07-01 pointing at diagnosis 1. */
export function line(overrides: Record<string, unknown> = {}) {
  return { procedure: '99213', units: 1, chargeCents: 10000, serviceDate: '2026-07-01', diagnosisPointers: [1], ...overrides };
}

/** A claim with the given lines (total computed) and diagnoses. */
export function claimWith(lines: readonly Record<string, unknown>[], diagnoses: readonly string[] = ['E11.9']) {
  const total = lines.reduce((sum, l) => sum + (typeof l['chargeCents'] === 'number' ? l['chargeCents'] : 0), 0);
  return { ...goodClaim(), diagnoses: [...diagnoses], lines: [...lines], totalChargeCents: total };
}

/** The codes of a report's issues. */
export function codesOf(report: { readonly issues: readonly { readonly code: string }[] }): string[] {
  return report.issues.map((found) => found.code);
}
