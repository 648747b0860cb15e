import type { ClaimEntry } from '../batch/claimEntry.js';
import { ISA_LENGTH, readIsa } from './delimiters.js';
import { runsOnPastLineBreak } from './interchangeBounds.js';
import { envelopeIssue, segmentProblem } from './readerIssues.js';
import type { SegmentCursor } from './segmentCursor.js';
import { SegmentScanner } from './segmentScanner.js';

/**
 * The `x12.envelope` entry for what the scanner could not read (an `ISA?` or `SEG?` segment): no
 * interchange at all, text that does not start with ISA, an ISA whose delimiters cannot be read (the
 * element of the wrong width, or the separators that collide), or segments that do not end with the
 * terminator ISA declares. It is placed at the character where that text starts, since the segment
 * positions of an interchange whose ISA cannot be read mean nothing.
 *
 * @param segment - the cursor on the `ISA?` or `SEG?` segment, holding the text at fault
 * @example
 * ```ts
 * unreadableInterchange(cursor).issues[0]?.message; // 'the ISA header is not 106 characters … ISA06 is 14 characters, not 15 …'
 * ```
 */
export function unreadableInterchange(segment: SegmentCursor): ClaimEntry {
  const text = segment.segmentText();
  const at = `character ${segment.offset + 1}`;
  if (segment.id === 'SEG?') return entry(`segment ${segment.position} (${at})`, segment, runOn(segment, text));
  if (text === '') return { place: 'input', envelope: true, issues: [envelopeIssue('the input holds no interchange: it is empty, or only white space and padding')] };
  if (!text.startsWith('ISA')) return entry(at, segment, 'the input does not start with an ISA interchange header');
  const why = readIsa(text).problem ?? 'its delimiters are not those of the interchange';
  return entry(`ISA at ${at}`, segment, `the ISA header is not ${ISA_LENGTH} characters of fixed-width elements with distinct separators (component separator at 105, segment terminator at 106), so its delimiters cannot be read: ${why}; its interchange is skipped up to the next ISA`);
}

function runOn(segment: SegmentCursor, text: string): string {
  const terminator = segment.delimiters.segment;
  const declared = terminator === '\n' ? 'a line feed' : terminator === '\r' ? 'a carriage return' : `'${terminator}'`;
  const into = runsOnPastLineBreak(text, 0, text.length, segment.delimiters);
  if (into < 0) return `no segment terminator within ${SegmentScanner.MAX_SEGMENT_LENGTH} characters: the terminator ISA declares (${declared}) is not the one used; the interchange is skipped up to the next ISA`;
  const first = /^[A-Z][A-Z0-9]{1,2}/.exec(text)?.[0] ?? 'first';
  const next = /[A-Z][A-Z0-9]{1,2}$/.exec(text.slice(0, into))?.[0] ?? '';
  return `the ${first} segment runs on past a line break into ${next}: the segments end with line breaks, not the terminator ISA declares (${declared}, its 106th character); the interchange is skipped up to the next ISA`;
}

function entry(place: string, segment: SegmentCursor, message: string): ClaimEntry {
  return { ...segmentProblem(segment, message), place, envelope: true };
}
