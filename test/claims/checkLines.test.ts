import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_UNITS } from '../../src/claims/checkLines.js';
import { validateClaim } from '../../src/claims/validateClaim.js';
import { claimWith, line } from './fixtures.js';

const unitIssues = (units: number) => validateClaim(claimWith([line({ units })])).issues.filter((i) => i.code === 'line.units').map((i) => i.path);

describe('line.units', () => {
  it('refuses units that SV104 at three decimals would write as 0, or that carry a fourth decimal', () => {
    for (const units of [1e-12, 5e-10, 0.0004, 0.0005, 2.0000000004, 99_998.9991]) expect(unitIssues(units), String(units)).toEqual([['lines', 0, 'units']]);
    for (const units of [0.001, 0.1 + 0.2, 2.001, 99_998.999]) expect(unitIssues(units), String(units)).toEqual([]);
  });

  describe('properties', () => {
    it('takes every whole number of thousandths from 0.001 to MAX_UNITS', () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: MAX_UNITS * 1000 }), (thousandths) => unitIssues(thousandths / 1000).length === 0));
    });

    it('refuses a fourth decimal at any size', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: MAX_UNITS * 1000 - 1 }), fc.integer({ min: 1, max: 9 }), (thousandths, tenThousandth) => unitIssues((thousandths * 10 + tenThousandth) / 10_000).length === 1));
    });
  });
});

describe('line.duplicate advice', () => {
  const duplicates = (lines: Record<string, unknown>[]) =>
    validateClaim(claimWith(lines)).issues.filter((i) => i.code === 'line.duplicate').map((i) => [i.path, i.message]);

  it('asks for a repeat modifier only when the repeated line has none', () => {
    expect(duplicates([line({ procedure: '82962' }), line({ procedure: '82962' })])).toEqual([[['lines', 1], expect.stringMatching(/add a repeat modifier \(76, 77, 91\)$/)]]);
  });

  it('asks to combine the units when the repeated line already carries 76, 77 or 91', () => {
    for (const repeat of ['91', '76', '77']) {
      const found = duplicates([line({ procedure: '82962' }), line({ procedure: '82962', modifiers: [repeat] }), line({ procedure: '82962', modifiers: [repeat.toLowerCase()] })]);
      expect(found.map(([path]) => path), repeat).toEqual([['lines', 2]]);
      expect(found[0]?.[1], repeat).toMatch(new RegExp(`combine their units on one ${repeat} line`));
      expect(found[0]?.[1], repeat).not.toMatch(/add a repeat modifier/);
    }
  });
});

describe('line.unit_basis', () => {
  const basisIssues = (procedure: string, unitBasis: string) =>
    validateClaim(claimWith([line({ procedure, unitBasis, units: 30 })])).issues.filter((i) => i.code === 'line.unit_basis').map((i) => i.path);

  it('reads UN and MJ in any case, as procedures and modifiers are read', () => {
    for (const basis of ['MJ', 'mj', 'Mj', ' mj ']) expect(basisIssues('00142', basis), basis).toEqual([]);
    for (const basis of ['un', 'Un']) expect(basisIssues('99213', basis), basis).toEqual([]);
    expect(basisIssues('99213', 'mj')).toEqual([['lines', 0, 'unitBasis']]);
    expect(basisIssues('00142', 'min')).toEqual([['lines', 0, 'unitBasis']]);
    expect(basisIssues('00142', '\uFF2D\uFF2A')).toEqual([['lines', 0, 'unitBasis']]);
  });
});
