import type { ClaimLine } from '../claim.js';

/**
 * A line's unit basis (837P SV103) as the checks read it: `UN` (units of service) when not given,
 * otherwise trimmed with its ASCII letters upper-cased, so `'mj'` is MJ (minutes) as `'g0438'` is
 * G0438. Other characters are kept as written, so a look-alike matches no real basis.
 *
 * @param line - the claim line
 * @returns the basis, such as `'UN'` or `'MJ'`
 * @example
 * ```ts
 * unitBasisOf({ ...line, unitBasis: ' mj' }); // 'MJ'
 * unitBasisOf({ ...line, unitBasis: undefined }); // 'UN'
 * ```
 */
export function unitBasisOf(line: ClaimLine): string {
  const written = line.unitBasis;
  if (written === undefined || written === 'UN' || written === 'MJ') return written ?? 'UN';
  return written.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
