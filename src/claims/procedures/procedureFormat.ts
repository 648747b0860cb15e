import { match } from 'ts-pattern';

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
 * Upper-cases and trims a procedure code, the form every table lookup uses.
 *
 * @example
 * ```ts
 * normalizeProcedure(' g0438 '); // 'G0438'
 * ```
 */
export function normalizeProcedure(code: string): string {
  return isPlainUpper(code) ? code : code.trim().toUpperCase();
}

function isPlainUpper(code: string): boolean {
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
 * (a letter A–V then four digits). Any case; undefined when it is none of these.
 *
 * @param code - as written on the line
 * @example
 * ```ts
 * procedureFormat('99213'); // 'cpt-category-1'
 * procedureFormat('0591T'); // 'cpt-category-3'
 * procedureFormat('g0438'); // 'hcpcs-level-2'
 * procedureFormat('9921');  // undefined
 * ```
 */
export function procedureFormat(code: string): ProcedureFormat | undefined {
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

/**
 * A person's name for a procedure format.
 *
 * @example
 * ```ts
 * describeProcedureFormat('cpt-category-3'); // 'CPT Category III (emerging technology)'
 * ```
 */
export function describeProcedureFormat(format: ProcedureFormat): string {
  return match(format)
    .with('cpt-category-1', () => 'CPT Category I')
    .with('cpt-category-2', () => 'CPT Category II (performance measurement)')
    .with('cpt-category-3', () => 'CPT Category III (emerging technology)')
    .with('cpt-pla', () => 'CPT Proprietary Laboratory Analyses (PLA)')
    .with('cpt-maaa', () => 'CPT Multianalyte Assays with Algorithmic Analyses (MAAA)')
    .with('cpt-vaccine', () => 'CPT vaccine product or administration code')
    .with('hcpcs-level-2', () => 'HCPCS Level II')
    .exhaustive();
}

function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
