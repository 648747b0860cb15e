import { describe, expect, it } from 'vitest';
import { MEDICARE_PAYER_RULES, payerRulesFor } from '../../src/claims/claimOptions.js';
import { validateClaim } from '../../src/claims/validateClaim.js';
import { claimWith, codesOf, line } from './fixtures.js';

describe('payerRulesFor', () => {
  it("merges a listed payer's rules over the defaults: severity alone keeps Medicare's 12 months", () => {
    expect(payerRulesFor('MEDICARE', {})).toEqual(MEDICARE_PAYER_RULES);
    expect(payerRulesFor('MEDICARE', { payers: { MEDICARE: { severity: { 'pointer.unused': 'off' } } } })).toEqual({ timelyFilingMonths: 12, severity: { 'pointer.unused': 'off' } });
    const late = claimWith([line({ serviceDate: '2023-01-03' })]);
    expect(codesOf(validateClaim(late, { asOf: '2026-11-02', payers: { MEDICARE: { severity: { 'pointer.unused': 'off' } } } }))).toContain('date.timely_filing');
  });

  it('lets a filing limit replace the one below it whole, days or months', () => {
    expect(payerRulesFor('ACME', { payers: { ACME: { timelyFilingDays: 90 } } })).toEqual({ timelyFilingDays: 90 });
    expect(payerRulesFor('ACME', { defaultPayerRules: { timelyFilingDays: 365 }, payers: { ACME: { timelyFilingMonths: 6 } } })).toEqual({ timelyFilingMonths: 6 });
    expect(payerRulesFor('OTHER', { defaultPayerRules: { timelyFilingDays: 365 }, payers: { ACME: { timelyFilingMonths: 6 } } })).toEqual({ timelyFilingDays: 365 });
  });

  it('null says there is no limit: a payer (or the default) can have no filing limit at all', () => {
    expect(payerRulesFor('SELF', { payers: { SELF: { timelyFilingMonths: null } } })).toEqual({});
    expect(payerRulesFor('ACME', { defaultPayerRules: { timelyFilingDays: null, severity: { 'pointer.unused': 'off' } } })).toEqual({ severity: { 'pointer.unused': 'off' } });
    const late = claimWith([line({ serviceDate: '2023-01-03' })]);
    expect(codesOf(validateClaim(late, { asOf: '2026-11-02', payers: { [late.payer.id]: { timelyFilingDays: null } } }))).not.toContain('date.timely_filing');
    expect(() => validateClaim(late, { payers: { X: { timelyFilingDays: 0 } } })).toThrow('or null for no limit');
  });

  it('merges severity maps by code, the payer over the defaults over Medicare', () => {
    const options = {
      defaultPayerRules: { severity: { 'pointer.unused': 'off', 'line.duplicate': 'warning' } },
      payers: { ACME: { severity: { 'line.duplicate': 'off' } } },
    } as const;
    expect(payerRulesFor('ACME', options)).toEqual({ timelyFilingMonths: 12, severity: { 'pointer.unused': 'off', 'line.duplicate': 'off' } });
    expect(payerRulesFor('OTHER', options)).toEqual({ timelyFilingMonths: 12, severity: { 'pointer.unused': 'off', 'line.duplicate': 'warning' } });
  });
});
