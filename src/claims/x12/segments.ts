import { MedofficeUsageError } from '../../core/result.js';
import { isIterableObject, kindOf, requireText } from '../usageChecks.js';
import type { TextSource } from '../batch/claimEntry.js';
import type { X12Delimiters } from './delimiters.js';
import type { SegmentCursor } from './segmentCursor.js';
import { SegmentScanner } from './segmentScanner.js';

/** One segment split into elements (`elements[0]` is the segment id), with its 1-based position in the interchange. */
export interface X12Segment {
  /** The segment id, e.g. `CLM`. */
  readonly id: string;
  /** The elements, the id first, so `elements[1]` is CLM01. */
  readonly elements: readonly string[];
  /** One element (`element(1)` is CLM01), or `''` when absent; cheaper than `elements` for a few. */
  element(index: number): string;
  /** 1-based position of the segment in its interchange (ISA is 1). */
  readonly position: number;
  /** The separators in force. */
  readonly delimiters: X12Delimiters;
}

/** How much of a whole-string source is split at a time, so memory stays bounded. */
const SLICE = 1 << 16;

/**
 * Splits X12 text into segment objects as chunks arrive, holding only the unfinished segment
 * (the scanning the 837P reader uses, keeping each segment it visits). Delimiters come from each ISA;
 * line breaks after segment terminators are ignored. An interchange that cannot be read gives one
 * segment with id `ISA?` or `SEG?` so the reader can report it (see `SegmentScanner`).
 *
 * @example
 * ```ts
 * const splitter = new SegmentSplitter();
 * for (const segment of [...splitter.push(text), ...splitter.end()]) console.log(segment.id);
 * ```
 */
export class SegmentSplitter {
  private taken: X12Segment[] = [];
  private readonly scanner = new SegmentScanner((segment) => this.taken.push(keep(segment)));

  /** Takes the next chunk; returns the segments it completes. */
  push(chunk: string): X12Segment[] {
    this.scanner.push(chunk);
    return this.drain();
  }

  /** Ends the input; returns a last segment left without its terminator, if any. */
  end(): X12Segment[] {
    this.scanner.end();
    return this.drain();
  }

  private drain(): X12Segment[] {
    const out = this.taken;
    this.taken = [];
    return out;
  }
}

/**
 * Splits an X12 text source into segments (see {@link SegmentSplitter}).
 *
 * @param source - the text, whole or in chunks
 * @example
 * ```ts
 * for await (const segment of x12Segments(text)) console.log(segment.id, segment.position);
 * ```
 */
export async function* x12Segments(source: TextSource): AsyncGenerator<X12Segment> {
  const splitter = new SegmentSplitter();
  for await (const chunk of textChunks(source)) yield* splitter.push(chunk);
  yield* splitter.end();
}

/**
 * The chunks of a text source, without a leading byte-order mark (files saved by Windows tools
 * often start with one); a whole string is cut into 64 KiB slices so that nothing downstream
 * holds more than a slice at once.
 *
 * @example
 * ```ts
 * for await (const chunk of textChunks(text)) process(chunk);
 * ```
 */
export function textChunks(source: TextSource): Iterable<string> | AsyncIterable<string> {
  if (typeof source !== 'string' && !isIterableObject(source)) throw new MedofficeUsageError(`X12 input must be text or chunks of text, not ${kindOf(source)}`);
  if (typeof source !== 'string') return Symbol.asyncIterator in source ? withoutMarkAsync(source) : withoutMark(source);
  const text = source.charCodeAt(0) === BYTE_ORDER_MARK ? source.slice(1) : source;
  const slices: string[] = [];
  for (let at = 0; at < text.length; at += SLICE) slices.push(text.slice(at, at + SLICE));
  return slices;
}

const BYTE_ORDER_MARK = 0xfeff;

function* withoutMark(chunks: Iterable<string>): Generator<string> {
  let first = true;
  for (const chunk of chunks) {
    requireText(chunk, 'an X12 chunk');
    yield first && chunk.charCodeAt(0) === BYTE_ORDER_MARK ? chunk.slice(1) : chunk;
    if (chunk !== '') first = false;
  }
}

async function* withoutMarkAsync(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    requireText(chunk, 'an X12 chunk');
    yield first && chunk.charCodeAt(0) === BYTE_ORDER_MARK ? chunk.slice(1) : chunk;
    if (chunk !== '') first = false;
  }
}

function keep(segment: SegmentCursor): X12Segment {
  return new LazySegment(segment.segmentText(), segment.id, segment.position, segment.delimiters);
}

/** A segment whose elements are split only when first asked for. */
class LazySegment implements X12Segment {
  private split: readonly string[] | undefined;

  constructor(private readonly text: string, readonly id: string, readonly position: number, readonly delimiters: X12Delimiters) {}

  get elements(): readonly string[] {
    this.split ??= this.text.split(this.delimiters.element);
    return this.split;
  }

  element(index: number): string {
    return this.elements[index] ?? '';
  }
}
