import { MedofficeUsageError } from '../../core/result.js';
import { kindOf, requireText } from '../usageChecks.js';

/** The kind of procedure code a string is written as. */
export type ProcedureFormat =
  | 'cpt-category-1'
  | 'cpt-category-2'
  | 'cpt-category-3'
  | 'cpt-pla'
  | 'cpt-maaa'
  | 'cpt-vaccine'
  | 'hcpcs-level-2';

const HCPCS_LETTERS = 'ABCDEGHJKLMPQRSTUV';

/**
 * Trims a procedure code and upper-cases its ASCII letters, the form every table lookup uses. Other
 * characters are kept as they are, so a code written with a look-alike (`ſ0438`, whose long s
 * Unicode upper-cases to S) stays unlike any real code.
 *
 * @param code - as written on the line
 * @throws MedofficeUsageError when `code` is not a string
 * @example
 * ```ts
 * normalizeProcedure(' g0438 '); // 'G0438'
 * normalizeProcedure('ſ0438'); // 'ſ0438'
 * ```
 */
export function normalizeProcedure(code: string): string {
  if (isPlainUpper(code)) return code;
  requireText(code, 'normalizeProcedure: code');
  return code.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

function isPlainUpper(code: string): boolean {
  if (typeof code !== 'string') return false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * Classifies a procedure code by its format: CPT Category I (five digits), Category II (four
 * digits then F), Category III (…T), Proprietary Laboratory Analyses (…U), Multianalyte Assays
 * with Algorithmic Analyses (…M), vaccine product and administration codes (…A), or HCPCS Level II
 * (a letter A–V then four digits). Any case, ASCII letters and digits only; undefined when it is
 * none of these, or not a string.
 *
 * @param code - as written on the line
 * @example
 * ```ts
 * procedureFormat('99213'); // 'cpt-category-1'
 * procedureFormat('0591T'); // 'cpt-category-3'
 * procedureFormat('g0438'); // 'hcpcs-level-2'
 * procedureFormat('9921');  // undefined
 * procedureFormat('ſ0438'); // undefined
 * ```
 */
export function procedureFormat(code: string): ProcedureFormat | undefined {
  if (typeof code !== 'string') return undefined;
  const c = normalizeProcedure(code);
  if (c.length !== 5) return undefined;
  const first = c.charAt(0);
  if (!allDigits(c, 1, 4)) return undefined;
  // HCPCS Level II: a letter then four digits (the fifth character is a digit too).
  if (HCPCS_LETTERS.includes(first)) return allDigits(c, 4, 5) ? 'hcpcs-level-2' : undefined;
  if (first < '0' || first > '9') return undefined;
  const last = c.charAt(4);
  if (last >= '0' && last <= '9') return 'cpt-category-1';
  return Object.hasOwn(CPT_SUFFIXES, last) ? CPT_SUFFIXES[last] : undefined;
}

/** The CPT code kinds written as four digits and a letter. */
const CPT_SUFFIXES: Readonly<Record<string, ProcedureFormat>> = {
  F: 'cpt-category-2',
  T: 'cpt-category-3',
  U: 'cpt-pla',
  M: 'cpt-maaa',
  A: 'cpt-vaccine',
};

/** A person's name for each procedure format (a new format fails to compile until it is named). */
const FORMAT_NAMES: Readonly<Record<ProcedureFormat, string>> = {
  'cpt-category-1': 'CPT Category I',
  'cpt-category-2': 'CPT Category II (performance measurement)',
  'cpt-category-3': 'CPT Category III (emerging technology)',
  'cpt-pla': 'CPT Proprietary Laboratory Analyses (PLA)',
  'cpt-maaa': 'CPT Multianalyte Assays with Algorithmic Analyses (MAAA)',
  'cpt-vaccine': 'CPT vaccine product or administration code',
  'hcpcs-level-2': 'HCPCS Level II',
};

/**
 * A person's name for a procedure format.
 *
 * @param format - a format as `procedureFormat` returns it
 * @throws MedofficeUsageError when `format` is not one of the {@link ProcedureFormat} values
 * @example
 * ```ts
 * describeProcedureFormat('cpt-category-3'); // 'CPT Category III (emerging technology)'
 * ```
 */
export function describeProcedureFormat(format: ProcedureFormat): string {
  if (typeof format !== 'string' || !Object.hasOwn(FORMAT_NAMES, format)) {
    throw new MedofficeUsageError(`describeProcedureFormat: ${kindOf(format)} is not a procedure format (${Object.keys(FORMAT_NAMES).join(', ')})`);
  }
  return FORMAT_NAMES[format];
}

function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
