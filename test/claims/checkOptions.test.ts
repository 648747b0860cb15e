import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkOptions } from '../../src/claims/checkOptions.js';
import { ICD10_CLAIM_ISSUE_CODES } from '../../src/claims/icd10cm/icd10IssueCodes.js';
import { CLAIM_ISSUE_CODES } from '../../src/claims/issueCodes.js';
import { MedofficeUsageError } from '../../src/core/result.js';

const thrown = (options: unknown): string => {
  try {
    checkOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(MedofficeUsageError);
    return (error as Error).message;
  }
  return 'no error';
};

describe('checkOptions: severity keys', () => {
  it('refuses a code no claim issue has, naming it and the nearest known code', () => {
    expect(thrown({ payers: { MEDICARE: { severity: { 'date.timely-filing': 'warning' } } } })).toMatch(/'date\.timely-filing'.*did you mean 'date\.timely_filing'\?/);
    expect(thrown({ defaultPayerRules: { severity: { 'Pointer.Unsued': 'off' } } })).toMatch(/did you mean 'pointer\.unused'\?/);
    expect(thrown({ payers: { ACME: { severity: { timely: 'off' } } } })).toMatch(/^options\.payers\['ACME'\]\.severity names 'timely', which is no claim issue code \(/);
    expect(thrown({ payers: { ACME: { severity: { toString: 'off' } } } })).toMatch(/'toString', which is no claim issue code/);
  });

  it('takes every claim issue code, icd10.* included', () => {
    const every = Object.fromEntries([...Object.keys(CLAIM_ISSUE_CODES), ...ICD10_CLAIM_ISSUE_CODES].map((code) => [code, 'warning']));
    expect(thrown({ payers: { ACME: { severity: every } }, defaultPayerRules: { severity: every } })).toBe('no error');
  });

  it('knows the icd10.* codes documented for claims', () => {
    const documented = readFileSync(new URL('../../docs/claims-icd10cm.md', import.meta.url), 'utf8').match(/^\| `icd10\.[a-z0-9_]+`/gm) ?? [];
    expect(new Set(documented.map((row) => row.slice(3, -1)))).toEqual(new Set(ICD10_CLAIM_ISSUE_CODES));
  });
});
