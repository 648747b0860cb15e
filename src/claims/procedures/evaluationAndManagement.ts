/**
 * True for a CPT evaluation and management code on a date of service: 99202 to 99499, the services
 * modifier 25 is for, and the ones modifiers 59 and X{EPSU} are not for.
 *
 * 99201 counts too for dates of service before 2021, when CPT deleted it. The Telemedicine Services
 * that CPT 2025 added to the evaluation and management section (98000 to 98015, and the brief
 * communication technology-based service 98016) count from 2025-01-01, when they took effect.
 *
 * @param code - a procedure code as written (surrounding spaces ignored)
 * @param dateOfService - `YYYY-MM-DD`
 * @returns whether it is an E/M code on that date
 * @example
 * ```ts
 * isEvaluationAndManagement('99213', '2026-11-02'); // true
 * isEvaluationAndManagement('99201', '2020-06-01'); // true
 * isEvaluationAndManagement('98002', '2026-11-02'); // true
 * isEvaluationAndManagement('98002', '2024-12-31'); // false
 * isEvaluationAndManagement('11042', '2026-11-02'); // false
 * ```
 */
export function isEvaluationAndManagement(code: string, dateOfService: string): boolean {
  const plain = code.trim();
  if (!/^\d{5}$/.test(plain)) return false;
  const value = Number(plain);
  return (
    (value >= 99202 && value <= 99499) ||
    (value === 99201 && dateOfService < '2021-01-01') ||
    (value >= 98000 && value <= 98016 && dateOfService >= '2025-01-01')
  );
}
