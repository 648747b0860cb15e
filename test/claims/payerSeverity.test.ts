import { describe, expect, it } from 'vitest';
import { errorIssue, warningIssue } from '../../src/core/issue.js';
import { applyPayerSeverity } from '../../src/claims/payerSeverity.js';

describe('applyPayerSeverity', () => {
  const found = [errorIssue('npi.invalid', ['billingProvider', 'npi'], 'bad'), warningIssue('pointer.unused', ['diagnoses', 1], 'unused'), errorIssue('line.duplicate', ['lines', 1], 'twice')];

  it('keeps issues as found without severity rules, valid only without errors', () => {
    expect(applyPayerSeverity(found, {})).toEqual({ valid: false, issues: found });
    expect(applyPayerSeverity([found[1]!], {})).toEqual({ valid: true, issues: [found[1]] });
  });

  it('turns named codes into errors, warnings or nothing, and judges validity after', () => {
    const adjusted = applyPayerSeverity(found, { severity: { 'npi.invalid': 'warning', 'pointer.unused': 'error', 'line.duplicate': 'off' } });
    expect(adjusted.valid).toBe(false);
    expect(adjusted.issues.map((i) => [i.code, i.severity])).toEqual([['npi.invalid', 'warning'], ['pointer.unused', 'error']]);
    expect(applyPayerSeverity(found, { severity: { 'npi.invalid': 'off', 'line.duplicate': 'warning' } }).valid).toBe(true);
  });

  it('reads only the payer\'s own codes, not inherited names', () => {
    const issue = errorIssue('toString', [], 'odd code');
    expect(applyPayerSeverity([issue], { severity: {} }).issues).toEqual([issue]);
  });
});
