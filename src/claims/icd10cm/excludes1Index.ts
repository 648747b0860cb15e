import { CATEGORY_KEY_COUNT, categoryKey } from './codePositions.js';
import type { CodeRange } from './codeRange.js';

/** The Excludes1 notes at one code, with the first letters of the codes they name as a bit mask. */
export interface Excludes1Site {
  /** The undotted code the notes sit at. */
  readonly noteAt: string;
  /** The ranges the notes name, without those inside `noteAt` itself. */
  readonly ranges: readonly CodeRange[];
  /** Bit `i` set when some range names codes starting with letter `A + i`. */
  readonly letters: number;
  /** Per range, the category keys of its low and high ends, so most codes are passed over without comparing text. */
  readonly categoryBounds: Int32Array;
}

/** Excludes1 sites by the category key of the code they sit at. */
export type Excludes1Index = ReadonlyMap<number, readonly Excludes1Site[]>;

const indexes = new WeakMap<ReadonlyMap<string, readonly CodeRange[]>, Excludes1Index>();

/**
 * The Excludes1 notes of a layer indexed by category, built once per notes map (a pure cache), so
 * finding the notes over a code takes one integer lookup and no string copies. A range inside the
 * code that holds the note is left out: the tabular's "basophilia (D72.824)" at D72 would otherwise
 * exclude D72.824 from every other D72 code.
 *
 * @param excludes1 - Excludes1 ranges by the undotted code they sit at
 * @example
 * ```ts
 * excludes1Index(layer.excludes1).get(categoryKey('E11')); // the sites at E11 and below
 * ```
 */
export function excludes1Index(excludes1: ReadonlyMap<string, readonly CodeRange[]>): Excludes1Index {
  const known = indexes.get(excludes1);
  if (known !== undefined) return known;
  const index = new Map<number, Excludes1Site[]>();
  excludes1.forEach((all, noteAt) => {
    const key = categoryKey(noteAt);
    const ranges: CodeRange[] = [];
    let letters = 0;
    for (const range of all) {
      if (range.low.startsWith(noteAt) && range.high.startsWith(noteAt)) continue;
      ranges.push(range);
      letters |= lettersBetween(range.low.charCodeAt(0) - 65, range.high.charCodeAt(0) - 65);
    }
    if (ranges.length === 0 || key < 0) return;
    const site = { noteAt, ranges, letters, categoryBounds: categoryBoundsOf(ranges) };
    const sites = index.get(key);
    if (sites === undefined) index.set(key, [site]);
    else sites.push(site);
  });
  indexes.set(excludes1, index);
  return index;
}

function categoryBoundsOf(ranges: readonly CodeRange[]): Int32Array {
  const bounds = new Int32Array(2 * ranges.length);
  ranges.forEach((range, i) => {
    const low = categoryKey(range.low);
    const high = categoryKey(range.high);
    // A bound that is not a category (never in the tabular) prunes nothing.
    bounds[2 * i] = low < 0 ? 0 : low;
    bounds[2 * i + 1] = high < 0 ? CATEGORY_KEY_COUNT : high;
  });
  return bounds;
}

function lettersBetween(first: number, last: number): number {
  let mask = 0;
  for (let letter = Math.max(0, first); letter <= Math.min(25, last); letter += 1) mask |= 1 << letter;
  return mask;
}
