import { describe, expect, it } from 'vitest';
import { isVisit, misplacement } from '../../../src/claims/procedures/modifierPlacement.js';

describe('isVisit', () => {
  it('is evaluation and management (99202-99499; 99201 before 2021) or general ophthalmological services 92002-92014', () => {
    const on = (code: string, date = '2026-11-02') => isVisit(code, date);
    expect(['99202', '99213', '99499', '92002', '92012', '92014'].map((code) => on(code))).toEqual([true, true, true, true, true, true]);
    expect(['99201', '99500', '92001', '92015', '67028', '9921', 'G0438'].map((code) => on(code))).toEqual([false, false, false, false, false, false, false]);
    expect(on('99201', '2020-12-31')).toBe(true);
  });

  it('counts the telemedicine services 98000-98016 as visits from 2025-01-01', () => {
    expect(['98000', '98002', '98015', '98016'].map((code) => isVisit(code, '2025-01-01'))).toEqual([true, true, true, true]);
    expect(isVisit('98002', '2024-12-31')).toBe(false);
  });
});

describe('misplacement', () => {
  it('puts 24, 25 and 57 on a visit and keeps 59 and X{EPSU} off evaluation and management', () => {
    expect(misplacement('25', '67028', '2026-11-02')).toBe("25 marks a separate visit on the day of a procedure, and goes on the visit's code (99202–99499, 98000–98016 from 2025, or 92002–92014), not on 67028");
    expect(misplacement('57', '27447', '2026-11-02')).toMatch(/^57 marks the visit at which surgery was decided/);
    expect(misplacement('24', '11042', '2026-11-02')).toMatch(/^24 marks an unrelated visit in a postoperative period/);
    expect(misplacement('XU', '99214', '2026-11-02')).toBe('XU marks a distinct procedure, not an evaluation and management service such as 99214 (use 25)');
    for (const [modifier, code] of [['25', '99213'], ['25', '92014'], ['57', '99223'], ['59', '11042'], ['59', '92012'], ['58', '99213'], ['RT', '99213']] as const) {
      expect(misplacement(modifier, code, '2026-11-02')).toBeUndefined();
    }
  });

  it('treats the 2025 telemedicine services as evaluation and management: 25 belongs there, 59 does not', () => {
    expect(misplacement('25', '98002', '2026-11-02')).toBeUndefined();
    expect(misplacement('59', '98002', '2026-11-02')).toBe('59 marks a distinct procedure, not an evaluation and management service such as 98002 (use 25)');
    expect(misplacement('25', '98002', '2024-12-31')).toMatch(/^25 marks a separate visit/);
  });

  it('judges nothing on a code that is not well formed', () => {
    expect(misplacement('25', '9921', '2026-11-02')).toBeUndefined();
    expect(misplacement('59', '', '2026-11-02')).toBeUndefined();
  });
});
