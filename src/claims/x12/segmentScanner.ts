import { DEFAULT_DELIMITERS, delimitersOf, ISA_LENGTH, type X12Delimiters } from './delimiters.js';
import { SegmentCursor } from './segmentCursor.js';

/**
 * Walks X12 text segment by segment as chunks arrive, holding only the unfinished segment, and
 * shows each segment to `visit` through one reused {@link SegmentCursor} (nothing is allocated per
 * segment). Delimiters come from each ISA; line breaks after segment terminators are ignored. Text
 * that is not an interchange gives one segment with id `ISA?`, and a segment that runs on for
 * {@link MAX_SEGMENT_LENGTH} characters without its terminator one with id `SEG?`; scanning then stops.
 *
 * @example
 * ```ts
 * const scanner = new SegmentScanner((segment) => console.log(segment.id));
 * scanner.push(text);
 * scanner.end();
 * ```
 */
export class SegmentScanner {
  /** The longest segment held while waiting for its terminator (far beyond any 837P segment). */
  static readonly MAX_SEGMENT_LENGTH = 1 << 20;

  private pending = '';
  private delimiters: X12Delimiters | undefined;
  private position = 0;
  private stopped = false;
  private readonly cursor = new SegmentCursor();

  /** @param visit - called with the cursor on each complete segment, in order */
  constructor(private readonly visit: (segment: SegmentCursor) => void) {}

  /** Takes the next chunk and visits the segments it completes. */
  push(chunk: string): void {
    if (this.stopped) return;
    const text = this.pending === '' ? chunk : this.pending + chunk;
    let at = 0;
    for (;;) {
      at = skipSpace(text, at);
      if (text.startsWith('ISA', at)) {
        if (text.length - at < ISA_LENGTH) break;
        this.delimiters = delimitersOf(text.slice(at, at + ISA_LENGTH));
        this.position = 0;
        if (this.delimiters === undefined) return this.stop(text.slice(at));
      } else if (this.delimiters === undefined) {
        if (text.length - at >= 3) return this.stop(text.slice(at));
        break;
      }
      const end = text.indexOf(this.delimiters.segment, at);
      if (end < 0) break;
      this.cursor.set(text, at, end, ++this.position, this.delimiters);
      this.visit(this.cursor);
      at = end + 1;
    }
    this.pending = at === 0 ? text : text.slice(at);
    // A wrong terminator in ISA would otherwise keep the whole input waiting, rescanned at every chunk.
    if (this.pending.length > SegmentScanner.MAX_SEGMENT_LENGTH) this.stop(this.pending, 'SEG?');
  }

  /**
   * Ends the input and visits a last segment left without its terminator, if any. Padding at the very
   * end (NUL, the DOS end-of-file Ctrl-Z, form feed or vertical tab, as file transfers and old systems
   * add) is not a segment.
   */
  end(): void {
    const rest = this.pending.slice(skipSpace(this.pending, 0));
    this.pending = '';
    if (TRAILING_PADDING.test(rest) || this.stopped) return;
    // Input that ends before a whole ISA (or before three letters) never declared its delimiters.
    if (this.delimiters === undefined) return this.stop(rest);
    this.cursor.set(rest, 0, rest.length, ++this.position, this.delimiters ?? DEFAULT_DELIMITERS);
    this.visit(this.cursor);
  }

  private stop(text: string, id: 'ISA?' | 'SEG?' = 'ISA?'): void {
    this.stopped = true;
    this.pending = '';
    const head = text.slice(0, 20);
    this.cursor.set(head, 0, head.length, id === 'ISA?' ? 1 : ++this.position, DEFAULT_DELIMITERS, id);
    this.visit(this.cursor);
  }
}

const TRAILING_PADDING = /^[\s\0\v\f\x1a]*$/;

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}
