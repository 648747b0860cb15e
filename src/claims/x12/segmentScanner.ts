import { DEFAULT_DELIMITERS, ISA_LENGTH, readIsa, type X12Delimiters } from './delimiters.js';
import { nextInterchange, runsOnPastLineBreak } from './interchangeBounds.js';
import { SegmentCursor } from './segmentCursor.js';

/**
 * Walks X12 text segment by segment as chunks arrive, holding only the unfinished segment, and
 * shows each segment to `visit` through one reused {@link SegmentCursor} (nothing is allocated per
 * segment). Delimiters come from each ISA; line breaks after segment terminators are ignored.
 *
 * An interchange that cannot be read is shown as one segment and skipped up to the next `ISA` that
 * begins a segment, so the interchanges after it are still read: text that does not start with an
 * ISA, and an ISA whose delimiters cannot be read, give a segment with id `ISA?` (holding the
 * header); an interchange whose segments do not end with the terminator its ISA declares gives one
 * with id `SEG?` (holding the start of the run-on segment), found when the segment after ISA runs on
 * past a line break into the next segment id, or else once a segment runs on for
 * {@link MAX_SEGMENT_LENGTH} characters. Input of nothing but white space and padding gives one `ISA?`
 * segment with no text.
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
  /** Offset of `pending` in the whole input. */
  private offset = 0;
  private delimiters: X12Delimiters | undefined;
  private position = 0;
  /** True from an interchange that cannot be read up to the next ISA that begins a segment. */
  private skipping = false;
  /** Where the search for that ISA goes on in the next chunk (the character before it is kept). */
  private resume = 0;
  /** True once anything was shown to `visit`. */
  private seen = false;
  private readonly cursor = new SegmentCursor();

  /** @param visit - called with the cursor on each complete segment, in order */
  constructor(private readonly visit: (segment: SegmentCursor) => void) {}

  /** Takes the next chunk and visits the segments it completes. */
  push(chunk: string): void {
    const text = this.pending === '' ? chunk : this.pending + chunk;
    let at = 0;
    for (;;) {
      if (this.skipping) {
        at = this.skip(text, at);
        if (this.skipping) break;
      }
      at = skipSpace(text, at);
      if (text.startsWith('ISA', at)) {
        if (text.length - at < ISA_LENGTH) break;
        this.seen = true;
        this.position = 0;
        this.delimiters = readIsa(text.slice(at, at + ISA_LENGTH)).delimiters;
        if (this.delimiters === undefined) {
          at = this.unreadable(text, at, at + ISA_LENGTH, 'ISA?');
          continue;
        }
      } else if (this.delimiters === undefined) {
        if (text.length - at < 3) break;
        at = this.unreadable(text, at, at + 20, 'ISA?');
        continue;
      }
      const end = text.indexOf(this.delimiters.segment, at);
      if (this.position === 1) {
        const runOn = runsOnPastLineBreak(text, at, end < 0 ? text.length : end, this.delimiters);
        if (runOn > 0) {
          at = this.unreadable(text, at, runOn + 1, 'SEG?');
          continue;
        }
      }
      if (end < 0) {
        // A wrong terminator in ISA would otherwise keep the whole input waiting, rescanned at every chunk.
        if (text.length - at > SegmentScanner.MAX_SEGMENT_LENGTH) {
          at = this.unreadable(text, at, at + 20, 'SEG?');
          continue;
        }
        break;
      }
      this.cursor.set(text, at, end, ++this.position, this.delimiters);
      this.cursor.offset = this.offset + at;
      this.visit(this.cursor);
      at = end + 1;
    }
    this.pending = at === 0 ? text : text.slice(at);
    this.offset += at;
  }

  /**
   * Ends the input and visits a last segment left without its terminator, if any. Padding at the very
   * end (NUL, the DOS end-of-file Ctrl-Z, form feed or vertical tab, as file transfers and old systems
   * add) is not a segment.
   */
  end(): void {
    const start = skipSpace(this.pending, 0);
    const rest = this.pending.slice(start);
    this.pending = '';
    if (this.skipping) return;
    if (TRAILING_PADDING.test(rest)) {
      if (!this.seen) this.unreadable('', 0, 0, 'ISA?');
      return;
    }
    // Input that ends before a whole ISA (or before three letters) never declared its delimiters.
    if (this.delimiters === undefined || rest.startsWith('ISA')) {
      this.offset += start;
      this.unreadable(rest, 0, rest.startsWith('ISA') ? ISA_LENGTH : 20, 'ISA?');
      return;
    }
    this.cursor.set(rest, 0, rest.length, ++this.position, this.delimiters);
    this.cursor.offset = this.offset + start;
    this.visit(this.cursor);
  }

  /**
   * Skips to the next interchange, if `text` from `at` holds its start.
   *
   * @returns where it starts, or (still skipping) where to keep the text from for the next chunk
   */
  private skip(text: string, at: number): number {
    const from = at + this.resume;
    const next = nextInterchange(text, from);
    this.resume = 0;
    if (next >= 0) {
      this.skipping = false;
      return next;
    }
    // Keep what an ISA straddling the chunks would need: its start and the character before it.
    const rest = Math.min(Math.max(from, text.length - 3), text.length);
    const kept = Math.max(rest - 1, 0);
    this.resume = rest - kept;
    return kept;
  }

  /**
   * Shows the start of an interchange that cannot be read (`text` from `at` to `to`) as one segment,
   * and skips the rest of it.
   *
   * @returns where the search for the next interchange starts
   */
  private unreadable(text: string, at: number, to: number, id: 'ISA?' | 'SEG?'): number {
    const head = text.slice(at, to);
    this.cursor.set(head, 0, head.length, id === 'ISA?' ? 1 : ++this.position, this.delimiters ?? DEFAULT_DELIMITERS, id);
    this.cursor.offset = this.offset + at;
    this.visit(this.cursor);
    this.seen = true;
    this.skipping = true;
    this.delimiters = undefined;
    return at + 1;
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
