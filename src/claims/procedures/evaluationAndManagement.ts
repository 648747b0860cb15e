/**
 * True for a CPT evaluation and management code, 99202 to 99499: the services modifier 25 is for,
 * and the ones modifiers 59 and X{EPSU} are not for.
 *
 * 99201 counts too for dates of service before 2021, when CPT deleted it.
 *
 * @param code - a procedure code as written (surrounding spaces ignored)
 * @param dateOfService - `YYYY-MM-DD`
 * @returns whether it is an E/M code on that date
 * @example
 * ```ts
 * isEvaluationAndManagement('99213', '2026-11-02'); // true
 * isEvaluationAndManagement('99201', '2020-06-01'); // true
 * isEvaluationAndManagement('11042', '2026-11-02'); // false
 * ```
 */
export function isEvaluationAndManagement(code: string, dateOfService: string): boolean {
  const plain = code.trim();
  if (!/^\d{5}$/.test(plain)) return false;
  const value = Number(plain);
  return (value >= 99202 && value <= 99499) || (value === 99201 && dateOfService < '2021-01-01');
}
