import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from '../../../src/claims/providers/npi.js';

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
