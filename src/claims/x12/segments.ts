import type { TextSource } from '../batch/claimEntry.js';

/** The separators an interchange declares in its ISA segment. */
export interface X12Delimiters {
  /** Between elements (ISA position 4, usually `*`). */
  readonly element: string;
  /** Between the parts of a composite element (ISA16, usually `:`). */
  readonly component: string;
  /** Between repetitions (ISA11 in 005010, usually `^`). */
  readonly repetition: string;
  /** After each segment (the character after ISA16, usually `~`). */
  readonly segment: string;
}

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

/** The fixed length of an ISA segment up to and including its segment terminator. */
const ISA_LENGTH = 106;

/**
 * Reads the delimiters from the start of an ISA segment, which has a fixed layout.
 *
 * @param isa - text starting with `ISA` (at least 106 characters)
 * @returns the delimiters, or undefined when the text is not an ISA header
 * @example
 * ```ts
 * delimitersOf(isaText)?.segment; // '~'
 * ```
 */
export function delimitersOf(isa: string): X12Delimiters | undefined {
  if (isa.length < ISA_LENGTH || !isa.startsWith('ISA')) return undefined;
  const element = isa.charAt(3);
  const fields = isa.slice(0, ISA_LENGTH - 1).split(element);
  if (fields.length !== 17) return undefined;
  const repetition = fields[11] ?? '^';
  return { element, component: isa.charAt(104), repetition: repetition.length === 1 ? repetition : '^', segment: isa.charAt(105) };
}

/** How much of a whole-string source is split at a time, so memory stays bounded. */
const SLICE = 1 << 16;

/**
 * Splits X12 text into segments as chunks arrive, holding only the unfinished segment. Delimiters
 * come from each ISA; line breaks after segment terminators are ignored. Text that is not an
 * interchange gives one segment with id `ISA?` so the reader can report it.
 *
 * @example
 * ```ts
 * const splitter = new SegmentSplitter();
 * for (const segment of [...splitter.push(text), ...splitter.end()]) console.log(segment.id);
 * ```
 */
export class SegmentSplitter {
  private pending = '';
  private delimiters: X12Delimiters | undefined;
  private position = 0;
  private stopped = false;

  /** Takes the next chunk; returns the segments it completes. */
  push(chunk: string): X12Segment[] {
    const out: X12Segment[] = [];
    if (this.stopped) return out;
    let text = this.pending === '' ? chunk : this.pending + chunk;
    let at = 0;
    for (;;) {
      at = skipSpace(text, at);
      if (text.startsWith('ISA', at)) {
        if (text.length - at < ISA_LENGTH) break;
        this.delimiters = delimitersOf(text.slice(at, at + ISA_LENGTH));
        this.position = 0;
        if (this.delimiters === undefined) return this.stop(out, text.slice(at));
      } else if (this.delimiters === undefined) {
        if (text.length - at >= 3) return this.stop(out, text.slice(at));
        break;
      }
      const d = this.delimiters;
      const end = text.indexOf(d.segment, at);
      if (end < 0) break;
      out.push(new LazySegment(text.slice(at, end), ++this.position, d));
      at = end + 1;
    }
    this.pending = text.slice(at);
    text = '';
    return out;
  }

  /** Ends the input; returns a last segment left without its terminator, if any. */
  end(): X12Segment[] {
    const rest = this.pending.slice(skipSpace(this.pending, 0));
    this.pending = '';
    if (rest === '' || this.stopped) return [];
    const used = this.delimiters ?? { element: '*', component: ':', repetition: '^', segment: '~' };
    return [new LazySegment(rest, ++this.position, used)];
  }

  private stop(out: X12Segment[], text: string): X12Segment[] {
    this.stopped = true;
    this.pending = '';
    out.push(notInterchange(text));
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
 * The chunks of a text source; a whole string is cut into 64 KiB slices so that nothing downstream
 * holds more than a slice at once.
 *
 * @example
 * ```ts
 * for await (const chunk of textChunks(text)) process(chunk);
 * ```
 */
export function textChunks(source: TextSource): Iterable<string> | AsyncIterable<string> {
  if (typeof source !== 'string') return source;
  const slices: string[] = [];
  for (let at = 0; at < source.length; at += SLICE) slices.push(source.slice(at, at + SLICE));
  return slices;
}

/** A segment whose elements are split only when first asked for (most segments' never are). */
class LazySegment implements X12Segment {
  readonly id: string;
  private split: readonly string[] | undefined;

  constructor(private readonly text: string, readonly position: number, readonly delimiters: X12Delimiters, id?: string) {
    this.id = id ?? segmentId(text, delimiters.element);
  }

  get elements(): readonly string[] {
    this.split ??= this.text.split(this.delimiters.element);
    return this.split;
  }

  element(index: number): string {
    if (this.split !== undefined) return this.split[index] ?? '';
    const separator = this.delimiters.element;
    let start = 0;
    for (let i = 0; i < index; i++) {
      const next = this.text.indexOf(separator, start);
      if (next < 0) return '';
      start = next + 1;
    }
    const end = this.text.indexOf(separator, start);
    return end < 0 ? this.text.slice(start) : this.text.slice(start, end);
  }
}

/** The ids an 837P uses most, so the common ones are shared strings rather than a new one per segment. */
const KNOWN_IDS: ReadonlyMap<number, string> = new Map(
  ['ISA', 'GS', 'ST', 'BHT', 'NM1', 'PER', 'HL', 'PRV', 'N3', 'N4', 'REF', 'SBR', 'DMG', 'CLM', 'DTP', 'HI', 'LX', 'SV1', 'SE', 'GE', 'IEA', 'PAT', 'AMT', 'NTE'].map(
    (id) => [idKey(id, 0, id.length), id],
  ),
);

function idKey(text: string, from: number, to: number): number {
  let key = to - from;
  for (let i = from; i < to; i++) key = key * 128 + (text.charCodeAt(i) & 127);
  return key;
}

function segmentId(text: string, separator: string): string {
  const cut = text.indexOf(separator);
  const end = cut < 0 ? text.length : cut;
  const known = end <= 3 ? KNOWN_IDS.get(idKey(text, 0, end)) : undefined;
  return known !== undefined && text.startsWith(known) ? known : text.slice(0, end);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

function notInterchange(text: string): X12Segment {
  return new LazySegment(text.slice(0, 20), 1, { element: '*', component: ':', repetition: '^', segment: '~' }, 'ISA?');
}
