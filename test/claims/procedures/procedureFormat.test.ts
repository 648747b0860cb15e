import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeProcedure, procedureFormat } from '../../../src/claims/procedures/procedureFormat.js';

describe('procedureFormat', () => {
  it.each([
    ['99213', 'cpt-category-1'],
    ['3074F', 'cpt-category-2'],
    ['0591T', 'cpt-category-3'],
    ['0001U', 'cpt-pla'],
    ['0002M', 'cpt-maaa'],
    ['0001A', 'cpt-vaccine'],
    ['G0438', 'hcpcs-level-2'],
    ['j3301', 'hcpcs-level-2'],
  ] as const)('classifies %s as %s', (code, format) => {
    expect(procedureFormat(code)).toBe(format);
  });

  it.each(['9921', '992134', 'W1234', 'I1234', '1234X', 'G04A8', 'G043X', 'A123Z', ''])('refuses %s', (code) => {
    expect(procedureFormat(code)).toBeUndefined();
  });

  it('normalisation is idempotent and does not change the format (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (code) => {
        const once = normalizeProcedure(code);
        expect(normalizeProcedure(once)).toBe(once);
        expect(procedureFormat(once)).toBe(procedureFormat(code));
      }),
    );
  });
});
