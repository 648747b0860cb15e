import { componentEnd, integerAt } from './elementValues.js';
import type { SegmentCursor } from './segmentCursor.js';

/** The last SV101 component that holds a modifier: SV101-3 to SV101-6 are modifiers, SV101-7 is the description. */
const LAST_MODIFIER_COMPONENT = 6;

/**
 * The modifiers of the SV101 composite: the non-empty components SV101-3 to SV101-6, in order.
 * SV101-7 (the description that unlisted and NOC codes carry) and later components are not modifiers.
 *
 * @param segment - the cursor on an SV1 segment
 * @param procedureEnd - the offset where SV101-2 (the procedure code) ends
 * @example
 * ```ts
 * // SV1*HC:J3490:::::UNLISTED DRUG*125*UN*1***1
 * procedureModifiers(sv1, procedureEnd); // []
 * // SV1*HC:99213:25:59*125*UN*1***1
 * procedureModifiers(sv1, procedureEnd); // ['25', '59']
 * ```
 */
export function procedureModifiers(segment: SegmentCursor, procedureEnd: number): string[] {
  const modifiers: string[] = [];
  const end = segment.end(1);
  let at = procedureEnd;
  for (let component = 3; component <= LAST_MODIFIER_COMPONENT && at < end; component++) {
    const next = componentEnd(segment, 1, at + 1);
    if (next > at + 1) modifiers.push(segment.text.slice(at + 1, next));
    at = next;
  }
  return modifiers;
}

/**
 * The diagnosis pointers of the SV107 composite as numbers (`1:2` is [1, 2]; an empty component is
 * an omitted pointer), or undefined when a component is not an X12 integer (N0: `-?\d+`).
 *
 * @param segment - the cursor on an SV1 segment
 * @example
 * ```ts
 * // SV1*HC:99213*125*UN*1***1:2
 * diagnosisPointers(sv1); // [1, 2]
 * // SV1*HC:99213*125*UN*1***0x1
 * diagnosisPointers(sv1); // undefined
 * ```
 */
export function diagnosisPointers(segment: SegmentCursor): number[] | undefined {
  if (segment.count <= 7) return [];
  const end = segment.end(7);
  let at = segment.start(7);
  const pointers: number[] = [];
  while (at < end) {
    const next = componentEnd(segment, 7, at);
    if (next > at) {
      const pointer = integerAt(segment.text, at, next);
      if (pointer === undefined) return undefined;
      pointers.push(pointer);
    }
    at = next + 1;
  }
  return pointers;
}
