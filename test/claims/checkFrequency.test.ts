import { describe, expect, it } from 'vitest';
import { ClaimSchema } from '../../src/claims/claim.js';
import { CLAIM_ISSUE_CODES } from '../../src/claims/issueCodes.js';
import { readClaim } from '../../src/claims/readClaim.js';
import { validateClaim } from '../../src/claims/validateClaim.js';
import { goodClaim } from './fixtures.js';

/** The code, severity and path of each issue of a claim with the given frequency fields. */
function findings(fields: Record<string, unknown>): [string, string, readonly (string | number)[]][] {
  return validateClaim({ ...goodClaim(), ...fields }, { asOf: '2026-11-02' }).issues.map((i) => [i.code, i.severity, i.path]);
}

describe('claim frequency (CLM05-3) and the original claim reference (REF*F8)', () => {
  it('reports claim.frequency at frequency for any code other than 1, 7 or 8 (absent meaning 1)', () => {
    const named = { originalClaimId: '2026110212345' };
    expect([{}, { frequency: '1' }, { frequency: '7', ...named }, { frequency: '8', ...named }, { frequency: '6', ...named }].map((fields) => findings(fields).map(([code]) => code))).toEqual([
      [],
      [],
      [],
      [],
      ['claim.frequency'],
    ]);
    for (const frequency of ['6', '0', '', ' 7', '7 ', '01', 'A', '5']) {
      expect(findings({ frequency, originalClaimId: 'X1' }), frequency).toEqual([['claim.frequency', 'error', ['frequency']]]);
    }
    expect(validateClaim({ ...goodClaim(), frequency: '6' }).valid).toBe(false);
  });

  it('reports claim.original_reference (error) at originalClaimId for a replacement or void without one, or with a blank one', () => {
    for (const frequency of ['7', '8']) {
      for (const originalClaimId of [undefined, '', '   ', '\t']) {
        const fields = originalClaimId === undefined ? { frequency } : { frequency, originalClaimId };
        expect(findings(fields), `${frequency} ${JSON.stringify(originalClaimId)}`).toEqual([['claim.original_reference', 'error', ['originalClaimId']]]);
      }
    }
    const report = validateClaim({ ...goodClaim(), frequency: '8' });
    expect(report.valid).toBe(false);
    expect(report.issues[0]?.message).toContain('REF*F8');
  });

  it('warns claim.original_reference at originalClaimId when an original claim (1 or absent) names one; a blank one is not named', () => {
    expect(findings({ originalClaimId: '2026110212345' })).toEqual([['claim.original_reference', 'warning', ['originalClaimId']]]);
    expect(findings({ frequency: '1', originalClaimId: '2026110212345' })).toEqual([['claim.original_reference', 'warning', ['originalClaimId']]]);
    expect(validateClaim({ ...goodClaim(), originalClaimId: 'X' }).valid).toBe(true);
    expect(findings({ frequency: '1', originalClaimId: '' })).toEqual([]);
    expect(findings({ originalClaimId: '  ' })).toEqual([]);
  });

  it('answers to payer rules like any other code', () => {
    const relaxed = validateClaim({ ...goodClaim(), frequency: '7' }, { payers: { MEDICARE: { severity: { 'claim.original_reference': 'warning' } } } });
    expect([relaxed.valid, relaxed.issues.map((i) => [i.code, i.severity])]).toEqual([true, [['claim.original_reference', 'warning']]]);
    expect(validateClaim({ ...goodClaim(), frequency: '7' }, { payers: { MEDICARE: { severity: { 'claim.original_reference': 'off' } } } }).issues).toEqual([]);
  });

  it('takes the fields as strings only: any other value is claim.schema, in both readers and the schema', () => {
    for (const [key, value] of [['frequency', 7], ['frequency', null], ['originalClaimId', 12345], ['originalClaimId', {}]] as const) {
      const claim = { ...goodClaim(), [key]: value };
      expect(findings({ [key]: value }), `${key} ${String(value)}`).toEqual([['claim.schema', 'error', [key]]]);
      expect(ClaimSchema.safeParse(claim).success).toBe(false);
    }
    const read = readClaim({ ...goodClaim(), frequency: '7', originalClaimId: 'PCN-1' });
    expect(read.ok && [read.claim.frequency, read.claim.originalClaimId]).toEqual(['7', 'PCN-1']);
  });

  it('catalogues both codes with their severities', () => {
    expect(CLAIM_ISSUE_CODES['claim.frequency'].severity).toBe('error');
    expect(CLAIM_ISSUE_CODES['claim.original_reference'].severity).toBe('error');
  });
});
