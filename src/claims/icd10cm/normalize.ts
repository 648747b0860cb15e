import { requireText } from '../usageChecks.js';

/**
 * Puts an ICD-10-CM code into the form the tables use: upper-case, without dots, trimmed.
 * Idempotent: normalising a normalised code changes nothing.
 *
 * @param code - a code as written on a claim, dotted or not, any case (`' e11.9 '`)
 * @returns the undotted upper-case code (`'E119'`)
 * @throws MedofficeUsageError when `code` is not a string
 * @example
 * ```ts
 * normalizeIcd10('e11.9'); // 'E119'
 * normalizeIcd10('T14.91XA'); // 'T1491XA'
 * ```
 */
export function normalizeIcd10(code: string): string {
  requireText(code, 'normalizeIcd10: code');
  return code.toUpperCase().replaceAll('.', '').trim();
}

/**
 * Writes an ICD-10-CM code the way people read it, with the dot after the third character.
 * Codes of three characters or fewer come back without a dot.
 *
 * @param code - a code, dotted or not, any case
 * @returns the dotted upper-case code (`'E11.9'`)
 * @throws MedofficeUsageError when `code` is not a string
 * @example
 * ```ts
 * formatIcd10('E119'); // 'E11.9'
 * formatIcd10('t1491xa'); // 'T14.91XA'
 * formatIcd10('I10'); // 'I10'
 * ```
 */
export function formatIcd10(code: string): string {
  requireText(code, 'formatIcd10: code');
  const plain = normalizeIcd10(code);
  return plain.length > 3 ? `${plain.slice(0, 3)}.${plain.slice(3)}` : plain;
}
