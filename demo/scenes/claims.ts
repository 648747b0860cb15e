import { formatPath } from '../../src/core/issue.js';
import { validateClaims, type BatchClaimReport, type ValidateClaimOptions } from '../../src/claims/index.js';
import type { DemoContext, DemoScene } from '../scene.js';

const billing = { npi: '1234567893', taxId: '12-3456789', taxonomy: '207Q00000X' };

function visit(id: string, patient: { birthDate: string; sex: 'F' | 'M' }, payer: string, diagnoses: string[], lines: Record<string, unknown>[]) {
  const totalChargeCents = lines.reduce((sum, l) => sum + (l['chargeCents'] as number), 0);
  return { id, billingProvider: billing, renderingProvider: { npi: '1234567893' }, patient, payer: { id: payer }, placeOfService: '11', diagnoses, lines, totalChargeCents };
}

function line(procedure: string, chargeCents: number, serviceDate: string, diagnosisPointers: number[], modifiers: string[] = []) {
  return { procedure, modifiers, units: 1, chargeCents, serviceDate, diagnosisPointers };
}

/** Last week's visits as the front desk keyed them, with the mistakes offices really make. */
function lastWeek() {
  const friday = '2026-10-30';
  return [
    visit('RFM-2041', { birthDate: '1956-03-14', sex: 'F' }, 'MEDICARE', ['E11.9', 'I10'], [line('99214', 14_000, friday, [1, 2]), line('83036', 1_300, friday, [1])]),
    visit('RFM-2042', { birthDate: '1971-08-02', sex: 'M' }, 'MEDICARE', ['E11', 'E78.5'], [line('99213', 9_500, friday, [1, 2])]),
    visit('RFM-2043', { birthDate: '1988-11-20', sex: 'F' }, 'ACME', ['T14.91A', 'M25.561'], [line('99213', 9_500, friday, [2]), line('73562', 6_000, friday, [2], ['LT', 'RT'])]),
    { ...visit('RFM-2044', { birthDate: '1949-05-05', sex: 'M' }, 'MEDICARE', ['J45.909'], [line('94010', 4_500, friday, [1]), line('94010', 4_500, friday, [1])]), billingProvider: { ...billing, npi: '1234567839' } },
    visit('RFM-2045', { birthDate: '1990-01-30', sex: 'F' }, 'ACME', ['Z00.00', 'E66.9', 'F41.1'], [line('99395', 21_000, '2026-06-15', [1, 3])]),
    { ...visit('RFM-2046', { birthDate: '1962-07-09', sex: 'M' }, 'MEDICARE', ['I10'], [{ ...line('99213', 9_500, friday, [1, 2]), placeOfService: '48' }]), totalChargeCents: 9_000 },
  ];
}

function show(say: (text: string) => void, report: BatchClaimReport): void {
  const verdict = report.valid ? (report.issues.length === 0 ? 'clean' : 'clean, with warnings') : 'HOLD';
  say(`  ${report.claimId ?? report.place}: ${verdict}`);
  for (const found of report.issues) say(`      ${found.severity === 'error' ? '✗' : '!'} ${found.code} at ${formatPath(found.path)}: ${found.message}`);
}

/**
 * The billing coordinator scrubs last week's claims before they go to the clearinghouse: six
 * visits, four with the mistakes that get claims rejected, caught and explained before submission.
 *
 * @example
 * ```ts
 * await claimsScene.play(context);
 * ```
 */
export const claimsScene: DemoScene = {
  title: 'Claims: scrubbing last week before submission',
  play: async (context: DemoContext) => {
    const { say, day } = context;
    const options: ValidateClaimOptions = { asOf: day, payers: { ACME: { timelyFilingDays: 90, severity: { 'pointer.unused': 'off' } } } };
    say(`${context.morning.toFormat('HH:mm')}: Dana in billing runs last week's six claims through the scrubber before the 10:00 clearinghouse cut-off.`);
    say('Medicare allows 12 months from the date of service to file; Acme Health only 90, and it does not care about unused diagnoses.');
    const reports: BatchClaimReport[] = [];
    for await (const report of validateClaims(lastWeek(), options)) reports.push(report);
    for (const report of reports) show(say, report);
    const held = reports.filter((r) => !r.valid).length;
    say(`${held} of ${reports.length} claims held back. Each would have come back as a rejection weeks from now; today they take minutes to fix.`);
    say('Dana fixes RFM-2046 (place of service 11, one diagnosis pointer, total $95.00) and checks it again:');
    const fixed = lastWeek().filter((c) => c.id === 'RFM-2046').map((c) => ({ ...c, totalChargeCents: 9_500, lines: c.lines.map((l) => ({ ...l, placeOfService: '11', diagnosisPointers: [1] })) }));
    for await (const report of validateClaims(fixed, options)) show(say, report);
  },
};
