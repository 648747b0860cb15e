import { describe, expect, it } from 'vitest';
import { isEvaluationAndManagement } from '../../../src/claims/procedures/evaluationAndManagement.js';

describe('isEvaluationAndManagement', () => {
  it('is 99202-99499 on any date, and 99201 only before 2021', () => {
    expect(['99202', '99213', '99499', ' 99213 '].map((code) => isEvaluationAndManagement(code, '2026-11-02'))).toEqual([true, true, true, true]);
    expect(['99201', '99500', '11042', '9921', 'G0438'].map((code) => isEvaluationAndManagement(code, '2026-11-02'))).toEqual([false, false, false, false, false]);
    expect(isEvaluationAndManagement('99201', '2020-12-31')).toBe(true);
  });

  it('counts the CPT 2025 telemedicine services 98000-98016 from 2025-01-01', () => {
    const codes = Array.from({ length: 17 }, (_, k) => String(98000 + k));
    expect(codes.map((code) => isEvaluationAndManagement(code, '2025-01-01'))).toEqual(codes.map(() => true));
    expect(codes.map((code) => isEvaluationAndManagement(code, '2024-12-31'))).toEqual(codes.map(() => false));
    expect(['97999', '98017'].map((code) => isEvaluationAndManagement(code, '2026-11-02'))).toEqual([false, false]);
  });
});
