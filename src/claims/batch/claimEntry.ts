import type { IssuePath } from '../../core/issue.js';
import { MedofficeUsageError } from '../../core/result.js';
import type { ClaimIssue } from '../claimIssue.js';
import { kindOf } from '../usageChecks.js';

/** Text as a whole string or as chunks, synchronous or not (a file stream, standard input). */
export type TextSource = string | Iterable<string> | AsyncIterable<string>;

/** Where in an X12 interchange a part of the claim came from. */
export interface SegmentLocation {
  /** The segment id, e.g. `SV1`. */
  readonly segment: string;
  /** The 1-based position of the segment in the interchange. */
  readonly position: number;
  /** The 1-based element within the segment, when one element holds the value. */
  readonly element?: number;
}

/**
 * One claim read from a batch, before validation: the claim (or the issues that kept it from
 * being read), where it was in the input, and for X12 a map from claim paths to segments.
 *
 * @example
 * ```ts
 * const entry: ClaimEntry = { claim: { id: 'C-1' }, place: 'line 4', issues: [] };
 * ```
 */
export interface ClaimEntry {
  /** The claim as read; absent when it could not be read at all. */
  readonly claim?: unknown;
  /** Where it was: `item 3`, `line 17`, `ST 0001 (segment 12)`; after the first interchange of an input, `interchange 2 (ISA 000000002), ST 0001 (segment 12)`. */
  readonly place: string;
  /** Problems met while reading it (malformed line, segment or transaction). */
  readonly issues: readonly ClaimIssue[];
  /** True when the problem is the X12 envelope's (a missing trailer, a stray segment), not a claim's. */
  readonly envelope?: true;
  /** For X12 input: the segment a claim path came from (the longest mapped prefix). */
  readonly locate?: (path: IssuePath) => SegmentLocation | undefined;
}

/**
 * Splits a text source into lines as chunks arrive, holding only the unfinished line; a leading
 * byte-order mark is dropped.
 *
 * @throws MedofficeUsageError when a chunk is not a string
 * @example
 * ```ts
 * for await (const line of textLines(['a\nb', 'c\n'])) console.log(line); // 'a', 'bc'
 * ```
 */
export async function* textLines(source: TextSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (start <= source.length) {
      const newline = source.indexOf('\n', start);
      const end = newline < 0 ? source.length : newline;
      yield source.charCodeAt(end - 1) === 13 ? source.slice(start, end - 1) : source.slice(start, end);
      start = end + 1;
    }
    return;
  }
  // The pieces of the line being read: only each new chunk is searched, so a long line costs linear time.
  const pieces: string[] = [];
  let first = true;
  for await (const given of source as AsyncIterable<unknown>) {
    if (typeof given !== 'string') throw new MedofficeUsageError(`a text source must yield strings, not ${kindOf(given)}`);
    const chunk = first && given.charCodeAt(0) === 0xfeff ? given.slice(1) : given;
    if (given !== '') first = false;
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline >= 0) {
      pieces.push(chunk.slice(start, newline));
      yield pieces.join('').replace(/\r$/, '');
      pieces.length = 0;
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
  }
  if (pieces.length > 0) yield pieces.join('').replace(/\r$/, '');
}
