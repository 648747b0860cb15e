import { BILLABLE_TITLES, HEADER_CODES, HEADER_TITLES, WORDS } from '../data/icd10cm/descriptions.js';
import { descriptionReader } from './descriptionCoding.js';
import { decodeFrontCoded } from './tableCoding.js';
import type { Icd10Descriptions } from './tables.js';

/**
 * The bundled code titles, decoded a block at a time when first asked for.
 *
 * @param positionOf - the position of a bundled billable code (the order BILLABLE_TITLES follows), or -1
 * @returns a title lookup by undotted code
 * @example
 * ```ts
 * bundledDescriptions(position).describe('E119'); // 'Type 2 diabetes mellitus without complications'
 * ```
 */
export function bundledDescriptions(positionOf: (code: string) => number): Icd10Descriptions {
  let headerIndex: Map<string, number> | undefined;
  let words: readonly string[] | undefined;
  let billable: ((index: number) => string | undefined) | undefined;
  let headers: ((index: number) => string | undefined) | undefined;
  return {
    describe(code) {
      words ??= WORDS.split(' ');
      const position = positionOf(code);
      if (position >= 0) {
        billable ??= descriptionReader(words, BILLABLE_TITLES);
        const title = billable(position);
        if (title !== undefined) return title;
      }
      headerIndex ??= new Map(decodeFrontCoded(HEADER_CODES).map((known, i) => [known, i]));
      const headerPosition = headerIndex.get(code);
      if (headerPosition === undefined) return undefined;
      headers ??= descriptionReader(words, HEADER_TITLES);
      return headers(headerPosition);
    },
  };
}
