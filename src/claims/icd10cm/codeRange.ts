import { describeCondition, meetsCondition, type CharacterCondition } from './characterCondition.js';
import { formatIcd10 } from './normalize.js';
import { readNoteQualifier } from './noteQualifier.js';

/**
 * A run of ICD-10-CM codes named in a tabular note, as undotted prefixes: `E10.-` is
 * `{ low: 'E10', high: 'E10' }` (the category and everything below it), `E08-E13` is
 * `{ low: 'E08', high: 'E13' }`, `A18.32` is `{ low: 'A1832', high: 'A1832' }`, and
 * `S62.- with 7th character B` is `{ low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } }`.
 *
 * @example
 * ```ts
 * const diabetes: CodeRange = { low: 'E08', high: 'E13' };
 * ```
 */
export interface CodeRange {
  /** The first code of the run (undotted); every code starting with it is inside. */
  readonly low: string;
  /** The last code of the run (undotted); every code starting with it is inside. */
  readonly high: string;
  /** Only the codes of the run with these characters. */
  readonly where?: CharacterCondition;
}

/**
 * True when an undotted code falls in a range (descendants of either end included).
 *
 * @example
 * ```ts
 * inCodeRange('E1165', { low: 'E08', high: 'E13' }); // true
 * inCodeRange('S62600A', { low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } }); // false
 * ```
 */
export function inCodeRange(code: string, range: CodeRange): boolean {
  return comparePrefix(code, range.low) >= 0 && comparePrefix(code, range.high) <= 0 && (range.where === undefined || meetsCondition(code, range.where));
}

/**
 * A range in the tabular's words: `E10.-`, `E08-E13`, `S62.- with seventh character B`.
 *
 * @example
 * ```ts
 * describeCodeRange({ low: 'E08', high: 'E13' }); // 'E08-E13'
 * ```
 */
export function describeCodeRange(range: CodeRange): string {
  const end = (code: string): string => (code.length === 3 ? `${code}.-` : formatIcd10(code));
  const span = range.low === range.high ? end(range.low) : `${formatIcd10(range.low)}-${formatIcd10(range.high)}`;
  return range.where === undefined ? span : `${span} ${describeCondition(range.where)}`;
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
const WITH = /^(.*?)[\s,]*\bwith\b\s*(.*)$/i;

/** What a note's text names: the ranges, and the references whose `with ...` words could not be read. */
export interface CodeReferences {
  /** The ranges named, with the conditions their `with ...` words put on them. */
  readonly ranges: CodeRange[];
  /** References qualified by words this reader does not understand: the words, and the ranges without them. */
  readonly unread: { readonly words: string; readonly ranges: CodeRange[] }[];
}

/**
 * Reads the code references out of a note's text: single codes (`A18.32`), whole categories or
 * subcategories (`E10.-`, `T81.4-`), spans (`E08-E13`, `P36.0-P36.1`) and references qualified by
 * `with ...`: subdivisions of each code named (`E08-E13 with .42`, `with .51-.52`) or conditions on
 * their characters (`S62.- with 7th character B`, `I69. with final characters -23`,
 * `F11-F19 with fifth to sixth characters 51`).
 *
 * @param text - note text such as `neonatal (P36.0-P36.1)`
 * @returns the ranges, undotted, in the order they appear, and any references it could not qualify
 * @example
 * ```ts
 * parseCodeReferences('type 1 diabetes mellitus (E10.-)').ranges; // [{ low: 'E10', high: 'E10' }]
 * ```
 */
export function parseCodeReferences(text: string): CodeReferences {
  const found: CodeReferences = { ranges: [], unread: [] };
  for (const groups of text.matchAll(/\(([^()]*)\)/g)) {
    const inside = (groups[1] ?? '').trim();
    const qualified = WITH.exec(inside);
    const named = qualified === null ? [] : rangesIn(qualified[1] ?? '');
    // Without codes before it, `with` is part of the wording: `(with I10)` names I10.
    if (qualified === null || named.length === 0) {
      found.ranges.push(...rangesIn(inside));
      continue;
    }
    const words = qualified[2] ?? '';
    const qualifier = readNoteQualifier(words);
    if (qualifier.kind === 'condition') found.ranges.push(...named.map((range) => ({ ...range, where: qualifier.condition })));
    const expanded = qualifier.kind === 'subdivisions' ? withSubdivisions(named, qualifier.parts) : undefined;
    if (expanded !== undefined) found.ranges.push(...expanded);
    else if (qualifier.kind !== 'condition') found.unread.push({ words, ranges: named });
  }
  return found;
}

function rangesIn(text: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const found of text.matchAll(CODE_REFERENCE)) {
    const low = (found[1] ?? '').replace('.', '');
    const high = (found[2] ?? found[1] ?? '').replace('.', '');
    if (low !== '') ranges.push({ low, high });
  }
  return ranges;
}

/** `E08-E13 with .51-.52`: the same subdivisions under each code of each range, or undefined when a range cannot be listed code by code. */
function withSubdivisions(ranges: readonly CodeRange[], parts: readonly { readonly low: string; readonly high: string }[]): CodeRange[] | undefined {
  const out: CodeRange[] = [];
  for (const range of ranges) {
    const codes = codesBetween(range.low, range.high);
    if (codes === undefined) return undefined;
    for (const code of codes) for (const part of parts) out.push({ low: code + part.low, high: code + part.high });
  }
  return out;
}

/** The codes from `low` to `high` when they differ only in a final run of digits (`E08`..`E13`, `B27.0`..`B27.9`), at most 100. */
function codesBetween(low: string, high: string): string[] | undefined {
  if (low === high) return [low];
  if (low.length !== high.length) return undefined;
  let shared = 0;
  while (low[shared] === high[shared]) shared += 1;
  const first = low.slice(shared);
  const last = high.slice(shared);
  if (!/^\d+$/.test(first) || !/^\d+$/.test(last) || Number(last) - Number(first) > 100) return undefined;
  const codes: string[] = [];
  for (let n = Number(first); n <= Number(last); n += 1) codes.push(low.slice(0, shared) + String(n).padStart(first.length, '0'));
  return codes;
}
