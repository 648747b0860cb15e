import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIcd10, normalizeIcd10 } from '../../../src/claims/icd10cm/normalize.js';

describe('normalizeIcd10 and formatIcd10', () => {
  it('trims, upper-cases and removes the dot', () => {
    expect(normalizeIcd10(' e11.9 ')).toBe('E119');
    expect(normalizeIcd10('T14.91XA')).toBe('T1491XA');
    expect(normalizeIcd10('I10')).toBe('I10');
  });

  it('puts the dot after the third character', () => {
    expect(formatIcd10('E119')).toBe('E11.9');
    expect(formatIcd10('t1491xa')).toBe('T14.91XA');
    expect(formatIcd10('I10')).toBe('I10');
  });

  describe('properties', () => {
    const codeLike = fc.stringMatching(/^\s*[A-Za-z][0-9][0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?\s*$/);

    it('normalisation is idempotent on any string', () => {
      fc.assert(fc.property(fc.string(), (text) => normalizeIcd10(normalizeIcd10(text)) === normalizeIcd10(text)));
    });

    it('formatting then normalising gives the normalised code', () => {
      fc.assert(fc.property(codeLike, (code) => normalizeIcd10(formatIcd10(code)) === normalizeIcd10(code)));
    });

    it('formatting is idempotent', () => {
      fc.assert(fc.property(codeLike, (code) => formatIcd10(formatIcd10(code)) === formatIcd10(code)));
    });
  });
});
