import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from '../../../src/claims/providers/npi.js';
import { validateClaim } from '../../../src/claims/validateClaim.js';
import { goodClaim } from '../fixtures.js';

describe('isValidNpi', () => {
  it('reproduces the CMS check-digit example: 123456789 gives check digit 3 (CMS NPI check digit algorithm)', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678933')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });

  it('refuses any ten characters with a non-digit anywhere, whatever check digit follows (property)', () => {
    expect(isValidNpi('12345678:1')).toBe(false);
    // ':' and '/' sit just after and before '0'..'9' in ASCII; the rest are letters, spaces and non-ASCII digits.
    const nonDigit = fc.oneof(fc.constantFrom(':', '/', ' ', 'a', 'O', '٣', '９'), fc.string({ minLength: 1, maxLength: 1 }).filter((c) => c < '0' || c > '9'));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.nat({ max: 9 }), nonDigit, (digits, at, bad) => {
        const npi = `${digits.slice(0, at)}${bad}${digits.slice(at + 1)}`;
        expect(npi).toHaveLength(10);
        expect(isValidNpi(npi)).toBe(false);
        if (at < 9) for (const check of '0123456789') expect(isValidNpi(`${npi.slice(0, 9)}${check}`), `${npi.slice(0, 9)}${check}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the Luhn check over the 80840 prefix (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (npi) => {
        const digits = `80840${npi}`.split('').map(Number).reverse();
        const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
        expect(isValidNpi(npi)).toBe(sum % 10 === 0);
      }),
    );
  });

  it('exactly one check digit completes any nine digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = [...'0123456789'].filter((d) => isValidNpi(`${nine}${d}`));
        expect(valid).toHaveLength(1);
      }),
    );
  });
});

describe('npi.invalid on a claim', () => {
  const npiIssues = (npi: string) =>
    validateClaim({ ...goodClaim(), billingProvider: { npi } }).issues.filter((i) => i.code.startsWith('npi.')).map((i) => [i.code, i.path, i.message]);

  it('refuses a bad check digit (npi.invalid), and a good one on a number NPPES never issues (npi.first_digit, first digit not 1 or 2)', () => {
    expect(npiIssues('1234567893')).toEqual([]);
    expect(npiIssues('2000000002')).toEqual([]);
    expect(npiIssues('1234567890')).toEqual([['npi.invalid', ['billingProvider', 'npi'], "'1234567890' is not a valid NPI (10 digits with a Luhn check digit)"]]);
    for (const npi of ['0000000006', '3000000000', '9123456789']) {
      expect(isValidNpi(npi)).toBe(true);
      expect(validateClaim({ ...goodClaim(), billingProvider: { npi } }, { defaultPayerRules: { severity: { 'npi.first_digit': 'off' } } }).valid).toBe(true);
      expect(npiIssues(npi)).toEqual([['npi.first_digit', ['billingProvider', 'npi'], `'${npi}' has a valid check digit, but NPIs are issued beginning with 1 or 2`]]);
    }
  });
});
