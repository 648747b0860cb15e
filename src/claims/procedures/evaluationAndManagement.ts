/**
 * True for a CPT evaluation and management code, 99202 to 99499: the services modifier 25 is for,
 * and the ones modifiers 59 and X{EPSU} are not for.
 *
 * @param code - a procedure code as written (upper-cased ASCII)
 * @returns whether it is an E/M code
 * @example
 * ```ts
 * isEvaluationAndManagement('99213'); // true
 * isEvaluationAndManagement('11042'); // false
 * ```
 */
export function isEvaluationAndManagement(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false;
  const value = Number(code);
  return value >= 99202 && value <= 99499;
}
