/**
 * Finding codes by category: a code's first three characters give a key that orders as the codes
 * sort, and inside a category a binary search finds the code without allocating.
 */
import type { Icd10Category } from './tables.js';

/** How many category keys there are: keys run from 0 to this, exclusive. */
export const CATEGORY_KEY_COUNT = 26 * 36 * 36;

/**
 * The key of a code's category (its first three characters), ordered as the codes sort, or -1 when
 * the code does not start like an ICD-10-CM code.
 *
 * @example
 * ```ts
 * categoryKey('A000') < categoryKey('A01'); // true
 * categoryKey('QA17') > categoryKey('Q99'); // true: FY2027 added category QA1
 * ```
 */
export function categoryKey(code: string): number {
  const letter = code.charCodeAt(0) - 65;
  const second = alphanumericRank(code.charCodeAt(1));
  const third = alphanumericRank(code.charCodeAt(2));
  if (!(letter >= 0 && letter <= 25) || second < 0 || third < 0) return -1;
  return (letter * 36 + second) * 36 + third;
}

/** Digits first, then letters, as they sort. */
function alphanumericRank(char: number): number {
  if (char >= 48 && char <= 57) return char - 48;
  return char >= 65 && char <= 90 ? char - 55 : -1;
}

/**
 * The position of a code in its category, or -1 when it is not there.
 *
 * @example
 * ```ts
 * positionIn(category, 'E119');
 * ```
 */
export function positionIn(category: Icd10Category, code: string): number {
  return category.positions.get(code) ?? -1;
}

/**
 * The position of each code of a list, for {@link positionIn}.
 *
 * @example
 * ```ts
 * positionsOf(['A000', 'A001']).get('A001'); // 1
 * ```
 */
export function positionsOf(codes: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 1) positions.set(codes[i] ?? '', i);
  return positions;
}

/**
 * The first position in a sorted list whose code is not below `code`.
 *
 * @example
 * ```ts
 * lowerBound(['A000', 'A001'], 'A001'); // 1
 * ```
 */
export function lowerBound(codes: readonly string[], code: string): number {
  let low = 0;
  let high = codes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((codes[middle] ?? '') < code) low = middle + 1;
    else high = middle;
  }
  return low;
}
