/**
 * A run of ICD-10-CM codes named in a tabular note, as undotted prefixes: `E10.-` is
 * `{ low: 'E10', high: 'E10' }` (the category and everything below it), `E08-E13` is
 * `{ low: 'E08', high: 'E13' }`, `A18.32` is `{ low: 'A1832', high: 'A1832' }`.
 */
export interface CodeRange {
  /** The first code of the run (undotted); every code starting with it is inside. */
  readonly low: string;
  /** The last code of the run (undotted); every code starting with it is inside. */
  readonly high: string;
}

/**
 * True when an undotted code falls in a range (descendants of either end included).
 *
 * @example
 * ```ts
 * inCodeRange('E1165', { low: 'E08', high: 'E13' }); // true
 * ```
 */
export function inCodeRange(code: string, range: CodeRange): boolean {
  return comparePrefix(code, range.low) >= 0 && comparePrefix(code, range.high) <= 0;
}

/** Compares the first `bound.length` characters of a code with a bound, without copying. */
function comparePrefix(code: string, bound: string): number {
  for (let i = 0; i < bound.length; i += 1) {
    const a = i < code.length ? code.charCodeAt(i) : -1;
    const b = bound.charCodeAt(i);
    if (a !== b) return a - b;
  }
  return 0;
}

const CODE = '([A-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{1,4})?)(?:\\.-|-(?![A-Z]\\d))?';
const CODE_REFERENCE = new RegExp(`\\b${CODE}(?:\\s*-\\s*${CODE})?`, 'g');
const CATEGORIES_WITH = /^([A-Z])(\d\d)-\1(\d\d) with \.([0-9A-Z]{1,4})$/;

/**
 * Reads the code references out of a note's text: single codes (`A18.32`), whole categories or
 * subcategories (`E10.-`, `T81.4-`) and spans (`E08-E13`, `P36.0-P36.1`).
 *
 * @param text - note text such as `neonatal (P36.0-P36.1)`
 * @returns the ranges, undotted, in the order they appear
 * @example
 * ```ts
 * parseCodeReferences('type 1 diabetes mellitus (E10.-)'); // [{ low: 'E10', high: 'E10' }]
 * ```
 */
export function parseCodeReferences(text: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const groups of text.matchAll(/\(([^()]*)\)/g)) {
    const inside = (groups[1] ?? '').trim();
    const shared = CATEGORIES_WITH.exec(inside);
    if (shared !== null) {
      ranges.push(...categoriesWith(shared[1] ?? '', Number(shared[2]), Number(shared[3]), shared[4] ?? ''));
      continue;
    }
    for (const found of inside.matchAll(CODE_REFERENCE)) {
      const low = (found[1] ?? '').replace('.', '');
      const high = (found[2] ?? found[1] ?? '').replace('.', '');
      if (low !== '') ranges.push({ low, high });
    }
  }
  return ranges;
}

/** `E08-E13 with .42`: the same subdivision under each category of a span. */
function categoriesWith(letter: string, first: number, last: number, subdivision: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (let category = first; category <= last; category += 1) {
    const code = `${letter}${String(category).padStart(2, '0')}${subdivision}`;
    ranges.push({ low: code, high: code });
  }
  return ranges;
}
