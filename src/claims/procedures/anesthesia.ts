/**
 * True for a CPT anesthesia code, 00100 to 01999: the services reported in minutes (X12 SV103 MJ).
 *
 * @param procedure - a procedure code as written (surrounding spaces ignored)
 * @returns whether it is an anesthesia code
 * @example
 * ```ts
 * isAnesthesia('00142'); // true
 * isAnesthesia('00099'); // false
 * ```
 */
export function isAnesthesia(procedure: string): boolean {
  const code = procedure.trim();
  return /^0[01]\d{3}$/.test(code) && Number(code) >= 100;
}
