import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProcedureFormat, normalizeProcedure, procedureFormat } from '../../../src/claims/procedures/procedureFormat.js';
import { MedofficeUsageError } from '../../../src/core/result.js';

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

  it('reads ASCII letters and digits only: a character that Unicode upper-cases to one (ſ to S, ı to I) is refused', () => {
    for (const code of ['\u017F0438', ' \u017F0438 ', '0591\uFB05', '\u0131\u0131\u0131\u0131\u0131']) expect(procedureFormat(code)).toBeUndefined();
    expect(normalizeProcedure('\u017F0438')).toBe('\u017F0438');
    expect(normalizeProcedure(' j3301 ')).toBe('J3301');
  });

  it('normalisation keeps the format for any Unicode text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8, unit: 'binary' }), (code) => {
        const once = normalizeProcedure(code);
        expect(normalizeProcedure(once)).toBe(once);
        expect(procedureFormat(once)).toBe(procedureFormat(code));
        if (procedureFormat(code) !== undefined) expect(once).toMatch(/^[0-9A-Z]{5}$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('describeProcedureFormat names each format and refuses anything else with MedofficeUsageError', () => {
    expect(describeProcedureFormat('hcpcs-level-2')).toBe('HCPCS Level II');
    for (const format of ['x', '', undefined, null, 'toString']) expect(() => describeProcedureFormat(format as never)).toThrow(MedofficeUsageError);
  });
});
