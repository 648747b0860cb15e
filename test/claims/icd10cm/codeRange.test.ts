import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inCodeRange, parseCodeReferences } from '../../../src/claims/icd10cm/codeRange.js';

describe('parseCodeReferences', () => {
  const ranges = (text: string) => parseCodeReferences(text).ranges;

  it('reads the reference forms of the tabular notes (FY2021 tabular, FY2027 Excludes1)', () => {
    expect(ranges('type 1 diabetes mellitus (E10.-)')).toEqual([{ low: 'E10', high: 'E10' }]);
    expect(ranges('neonatal (P36.0-P36.1)')).toEqual([{ low: 'P360', high: 'P361' }]);
    expect(ranges('sepsis following abortion, ectopic or molar pregnancy (O03-O07, O08.0)'))
      .toEqual([{ low: 'O03', high: 'O07' }, { low: 'O080', high: 'O080' }]);
    expect(ranges('postprocedural sepsis (T81.4-)')).toEqual([{ low: 'T814', high: 'T814' }]);
    expect(ranges('low vision (H54.0X-)')).toEqual([{ low: 'H540X', high: 'H540X' }]);
  });

  it('expands "(E08-E13 with .42)" to the same subdivision of each category (FY2027 note at G63)', () => {
    expect(ranges('diabetes mellitus (E08-E13 with .42)').map((range) => range.low))
      .toEqual(['E0842', 'E0942', 'E1042', 'E1142', 'E1242', 'E1342']);
  });

  it('expands subdivision spans, subdivisions "and below" and subdivisions of subcategory spans (FY2021 notes at I73.8, M14, G63)', () => {
    expect(ranges('diabetic (peripheral) angiopathy (E08-E13 with .51-.52)').slice(0, 2))
      .toEqual([{ low: 'E0851', high: 'E0852' }, { low: 'E0951', high: 'E0952' }]);
    expect(ranges('diabetes mellitus (E08-E13 with .61-)').map((range) => range.low)).toEqual(['E0861', 'E0961', 'E1061', 'E1161', 'E1261', 'E1361']);
    expect(ranges('infectious mononucleosis complicated by polyneuropathy (B27.0-B27.9 with 1)').map((range) => range.low))
      .toEqual(['B2701', 'B2711', 'B2721', 'B2731', 'B2741', 'B2751', 'B2761', 'B2771', 'B2781', 'B2791']);
  });

  it('puts the character conditions of qualified references on their ranges (FY2027 Excludes1 notes)', () => {
    expect(ranges('open fracture of wrist, hand and finger (S62.- with 7th character B)'))
      .toEqual([{ low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } }]);
    expect(ranges('open fracture of ankle, foot and toes (S92.-with 7th character B)'))
      .toEqual([{ low: 'S92', high: 'S92', where: { kind: 'at', position: 7, anyOf: ['B'] } }]);
    expect(ranges('current concussion (brain) (S06.0X- with seventh character A)'))
      .toEqual([{ low: 'S060X', high: 'S060X', where: { kind: 'at', position: 7, anyOf: ['A'] } }]);
    expect(ranges('hallucinations in drug psychosis (F11-F19 with fifth to sixth characters 51)'))
      .toEqual([{ low: 'F11', high: 'F19', where: { kind: 'at', position: 5, anyOf: ['51'] } }]);
    expect(ranges('amnestic syndrome due to psychoactive substance use (F10-F19 with 5th character .6)'))
      .toEqual([{ low: 'F10', high: 'F19', where: { kind: 'at', position: 5, anyOf: ['6'] } }]);
    expect(ranges('fluency disorder (stuttering) following cerebrovascular disease (I69. with final characters -23)'))
      .toEqual([{ low: 'I69', high: 'I69', where: { kind: 'final', anyOf: ['23'] } }]);
    expect(ranges('whooping cough with pneumonia (A37 with fifth-character 1)'))
      .toEqual([{ low: 'A37', high: 'A37', where: { kind: 'at', position: 5, anyOf: ['1'] } }]);
    expect(ranges('poisoning due to drug or toxin, if applicable (T36-T65 with fifth or sixth character 1-4 or 6)'))
      .toEqual([{ low: 'T36', high: 'T65', where: { kind: 'intent', anyOf: ['1', '2', '3', '4', '6'] } }]);
  });

  it('keeps a reference whose qualifier it cannot read apart, with its ranges unqualified', () => {
    expect(parseCodeReferences('poisoning due to drug or toxin (T51-T65 with fifth or sixth character to indicate intent)')).toEqual({
      ranges: [],
      unread: [{ words: 'fifth or sixth character to indicate intent', ranges: [{ low: 'T51', high: 'T65' }] }],
    });
  });

  it('reads codes after "with" when none come before it', () => {
    expect(ranges('hypertension (with I10)')).toEqual([{ low: 'I10', high: 'I10' }]);
  });

  it('finds nothing in free text without parenthesised codes', () => {
    expect(parseCodeReferences('angiostrongyliasis due to:')).toEqual({ ranges: [], unread: [] });
  });
});

describe('inCodeRange', () => {
  it('includes descendants of both ends', () => {
    expect(inCodeRange('E1165', { low: 'E08', high: 'E13' })).toBe(true);
    expect(inCodeRange('E14', { low: 'E08', high: 'E13' })).toBe(false);
    expect(inCodeRange('P3619', { low: 'P360', high: 'P361' })).toBe(true);
    expect(inCodeRange('A183', { low: 'A1832', high: 'A1832' })).toBe(false);
  });

  it('holds only the codes that meet the range\'s character condition', () => {
    const openSkull = { low: 'S02', high: 'S02', where: { kind: 'at', position: 7, anyOf: ['B'] } } as const;
    expect(inCodeRange('S02101B', openSkull)).toBe(true);
    expect(inCodeRange('S02101A', openSkull)).toBe(false);
    expect(inCodeRange('S03101B', openSkull)).toBe(false);
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
