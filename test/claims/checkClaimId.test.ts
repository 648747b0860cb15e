import { describe, expect, it } from 'vitest';
import { CLAIM_ISSUE_CODES } from '../../src/claims/issueCodes.js';
import { validateClaim } from '../../src/claims/validateClaim.js';
import { validateClaims } from '../../src/claims/validateClaims.js';
import { goodClaim } from './fixtures.js';
import { build837p } from './x12/build837p.js';

/** The code, severity and path of each issue of the good claim with the given id. */
function findings(id: string): [string, string, readonly (string | number)[]][] {
  return validateClaim({ ...goodClaim(), id }, { asOf: '2026-11-02' }).issues.map((i) => [i.code, i.severity, i.path]);
}

describe('the claim id (patient control number, 837P CLM01)', () => {
  it('takes an id of up to 20 characters, the most a receiver must keep and return', () => {
    for (const id of ['C', 'C-1001', 'A'.repeat(20), `${'é'.repeat(19)}x`]) expect(findings(id), id).toEqual([]);
  });

  it('warns of an id of 21 to 38 characters, which the remittance may return cut to 20', () => {
    for (const id of ['A'.repeat(21), 'RIVERSIDE-FAMILY-2026-000123', 'A'.repeat(38)]) expect(findings(id), id).toEqual([['claim.id', 'warning', ['id']]]);
    expect(validateClaim({ ...goodClaim(), id: 'A'.repeat(21) }).issues[0]?.message).toContain('is 21 characters; receivers need keep and return only the first 20');
  });

  it('refuses an id longer than 38 characters, the X12 element maximum, or of white space only', () => {
    for (const id of ['A'.repeat(39), 'A'.repeat(200), ' ', '   \t']) expect(findings(id), JSON.stringify(id)).toEqual([['claim.id', 'error', ['id']]]);
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(findings('😀'.repeat(20))).toEqual([]);
    expect(findings('😀'.repeat(21))).toEqual([['claim.id', 'warning', ['id']]]);
  });

  it('points an 837P claim with a long CLM01 at CLM01', async () => {
    const reports = [];
    for await (const report of validateClaims({ x12: build837p([{ ...goodClaim(), id: 'RIVERSIDE-FAMILY-2026-000123' }]) }, { asOf: '2026-11-02' })) reports.push(report);
    const found = reports[0]?.issues.find((i) => i.code === 'claim.id');
    expect(found?.severity).toBe('warning');
    expect(found?.source).toMatch(/^X12 CLM \(segment \d+, element 1\)/);
  });

  it('is listed with its default severity', () => {
    expect(CLAIM_ISSUE_CODES['claim.id'].severity).toBe('error');
  });
});
