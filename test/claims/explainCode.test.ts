import { describe, expect, it } from 'vitest';
import { explainCode } from '../../src/claims/explainCode.js';

describe('explainCode', () => {
  it('gives both readings of a HCPCS Level II code that is also an undotted ICD-10-CM code', () => {
    for (const [code, diagnosis] of [['J0131', 'J01.31'], ['J0120', 'J01.20'], ['S0020', 'S00.20'], ['j0131', 'J01.31']] as const) {
      const explained = explainCode(code, '2026-11-02');
      expect(explained.kind, code).toBe('ambiguous');
      if (explained.kind !== 'ambiguous') continue;
      expect([explained.code, explained.procedure.format, explained.icd10.lookup.code], code).toEqual([code.toUpperCase(), 'hcpcs-level-2', diagnosis]);
    }
  });

  it('reads a dotted code as a diagnosis only, and a code with one reading as that reading', () => {
    const dotted = explainCode('J01.31', '2026-11-02');
    expect(dotted.kind === 'icd10' ? dotted.lookup.code : dotted.kind).toBe('J01.31');
    expect(explainCode('L0120', '2026-11-02').kind).toBe('procedure');
    expect(explainCode('E11.9', '2026-11-02').kind).toBe('icd10');
    expect(explainCode('E119', '2026-11-02').kind).toBe('icd10');
    expect(explainCode('11', '2026-11-02').kind).toBe('place-of-service');
  });

  it('reads J0131 as a procedure only on a date no ICD-10-CM code set covers', () => {
    expect(explainCode('J0131', '2015-09-30').kind).toBe('procedure');
  });
});
