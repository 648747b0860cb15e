import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inCodeRange, parseCodeReferences } from '../../../src/claims/icd10cm/codeRange.js';

describe('parseCodeReferences', () => {
  it('reads the reference forms of the tabular notes (FY2021 tabular, FY2027 Excludes1)', () => {
    expect(parseCodeReferences('type 1 diabetes mellitus (E10.-)')).toEqual([{ low: 'E10', high: 'E10' }]);
    expect(parseCodeReferences('neonatal (P36.0-P36.1)')).toEqual([{ low: 'P360', high: 'P361' }]);
    expect(parseCodeReferences('sepsis following abortion, ectopic or molar pregnancy (O03-O07, O08.0)'))
      .toEqual([{ low: 'O03', high: 'O07' }, { low: 'O080', high: 'O080' }]);
    expect(parseCodeReferences('postprocedural sepsis (T81.4-)')).toEqual([{ low: 'T814', high: 'T814' }]);
    expect(parseCodeReferences('low vision (H54.0X-)')).toEqual([{ low: 'H540X', high: 'H540X' }]);
  });

  it('expands "(E08-E13 with .42)" to the same subdivision of each category (FY2027 note at G63)', () => {
    expect(parseCodeReferences('diabetes mellitus (E08-E13 with .42)').map((range) => range.low))
      .toEqual(['E0842', 'E0942', 'E1042', 'E1142', 'E1242', 'E1342']);
  });

  it('finds nothing in free text without parenthesised codes', () => {
    expect(parseCodeReferences('angiostrongyliasis due to:')).toEqual([]);
  });
});

describe('inCodeRange', () => {
  it('includes descendants of both ends', () => {
    expect(inCodeRange('E1165', { low: 'E08', high: 'E13' })).toBe(true);
    expect(inCodeRange('E14', { low: 'E08', high: 'E13' })).toBe(false);
    expect(inCodeRange('P3619', { low: 'P360', high: 'P361' })).toBe(true);
    expect(inCodeRange('A183', { low: 'A1832', high: 'A1832' })).toBe(false);
  });

  describe('properties', () => {
    const code = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,5}$/);

    it('a code is in the range of itself and of each of its prefixes', () => {
      fc.assert(fc.property(code, fc.nat(), (given, cut) => {
        const prefix = given.slice(0, 3 + (cut % (given.length - 2)));
        return inCodeRange(given, { low: given, high: given }) && inCodeRange(given, { low: prefix, high: prefix });
      }));
    });

    it('agrees with comparing prefixes as strings', () => {
      fc.assert(fc.property(code, code, code, (given, a, b) => {
        const [low, high] = a <= b ? [a.slice(0, 3), b.slice(0, 4)] : [b.slice(0, 3), a.slice(0, 4)];
        const expected = given.slice(0, low.length) >= low && given.slice(0, high.length) <= high;
        return inCodeRange(given, { low, high }) === expected;
      }));
    });
  });
});
