import { DEFAULT_DELIMITERS, type X12Delimiters } from './delimiters.js';

/** The ids an 837P uses most, so the common ones are shared strings rather than a new one per segment. */
const KNOWN_IDS: ReadonlyMap<number, string> = new Map(
  ['ISA', 'GS', 'ST', 'BHT', 'NM1', 'PER', 'HL', 'PRV', 'N3', 'N4', 'REF', 'SBR', 'DMG', 'CLM', 'DTP', 'HI', 'LX', 'SV1', 'SE', 'GE', 'IEA', 'PAT', 'AMT', 'NTE'].map(
    (id) => [idKey(id, 0, id.length), id],
  ),
);

/**
 * The segment a scanner is on, read in place: element boundaries are offsets into the text, so an
 * element becomes a string only when asked for. The cursor is reused for the next segment, so keep
 * the strings it gives, never the cursor.
 *
 * @example
 * ```ts
 * new SegmentScanner((segment) => {
 *   if (segment.id === 'CLM') console.log(segment.element(1), segment.position);
 * }).push(text);
 * ```
 */
export class SegmentCursor {
  /** The text the segment lies in (a larger buffer: use the element offsets). */
  text = '';
  /** The segment id, e.g. `CLM`; `ISA?` for input that is not an interchange or an ISA that cannot be read, `SEG?` for segments that do not end with the terminator ISA declares. */
  id = '';
  /** 1-based position of the segment in its interchange (ISA is 1). */
  position = 0;
  /** Offset of the segment's first character in the whole input (after a leading byte-order mark). */
  offset = 0;
  /** The separators in force. */
  delimiters: X12Delimiters = DEFAULT_DELIMITERS;
  /** How many elements the segment has, its id included. */
  count = 0;
  private first = 0;
  private ends = new Int32Array(32);

  /**
   * Moves the cursor onto the segment between `start` and `end` (its terminator) of `text`.
   *
   * @param text - the buffer holding the segment
   * @param start - offset of the segment's first character
   * @param end - offset of its terminator (or of the end of the text)
   * @param position - its 1-based position in the interchange
   * @param delimiters - the separators in force
   * @param id - the id to report instead of the one the text starts with
   */
  set(text: string, start: number, end: number, position: number, delimiters: X12Delimiters, id?: string): void {
    this.text = text;
    this.first = start;
    this.position = position;
    this.delimiters = delimiters;
    const separator = delimiters.element;
    let count = 0;
    let next = text.indexOf(separator, start);
    while (next >= 0 && next < end) {
      this.endAt(count++, next);
      next = text.indexOf(separator, next + 1);
    }
    this.endAt(count++, end);
    this.count = count;
    this.id = id ?? this.readId();
  }

  /** Offset of the first character of element `index` (the id is element 0; an absent element is empty at the segment's end). */
  start(index: number): number {
    if (index === 0) return this.first;
    return index < this.count ? (this.ends[index - 1] ?? 0) + 1 : this.end(index);
  }

  /** Offset just after the last character of element `index`. */
  end(index: number): number {
    return this.ends[index < this.count ? index : this.count - 1] ?? 0;
  }

  /** One element (`element(1)` is CLM01), or `''` when absent. */
  element(index: number): string {
    return index < this.count ? this.text.slice(this.start(index), this.end(index)) : '';
  }

  /** True when element `index` is exactly `value`, compared in place. */
  is(index: number, value: string): boolean {
    if (index >= this.count) return value === '';
    const from = this.start(index);
    return this.end(index) - from === value.length && this.text.startsWith(value, from);
  }

  /** The whole segment, without its terminator. */
  segmentText(): string {
    return this.text.slice(this.first, this.end(this.count - 1));
  }

  private endAt(index: number, offset: number): void {
    if (index >= this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[index] = offset;
  }

  private readId(): string {
    const end = this.end(0);
    const known = end - this.first <= 3 ? KNOWN_IDS.get(idKey(this.text, this.first, end)) : undefined;
    return known !== undefined && this.text.startsWith(known, this.first) ? known : this.text.slice(this.first, end);
  }
}

function idKey(text: string, from: number, to: number): number {
  let key = to - from;
  for (let i = from; i < to; i++) key = key * 128 + (text.charCodeAt(i) & 127);
  return key;
}
