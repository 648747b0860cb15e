import type { X12Delimiters } from './delimiters.js';

/**
 * Where the next interchange starts, for skipping one that cannot be read: an `ISA` followed by a
 * separator (neither a letter, a digit nor white space) and standing at the start of a segment, that
 * is at the start of the text, after a line break, or after a character that is neither a letter, a
 * digit nor that separator (spaces and tabs before it aside). So `ISA` as an element (`NM1*IL*1*ISA*`)
 * or inside a word (`LISA*`) is not taken for one.
 *
 * @param text - the text to search
 * @param from - where to start
 * @returns its offset, or -1 when there is none whose next character is in the text
 * @example
 * ```ts
 * nextInterchange('N3*LISA*~\nISA*00*', 0); // 10
 * ```
 */
export function nextInterchange(text: string, from: number): number {
  for (let i = text.indexOf('ISA', from); i >= 0 && i + 3 < text.length; i = text.indexOf('ISA', i + 1)) {
    const separator = text.charCodeAt(i + 3);
    if (isWordOrSpace(separator)) continue;
    let before = i - 1;
    while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
    if (before < 0) return i;
    const c = text.charCodeAt(before);
    if (c === 10 || c === 13 || (c !== separator && !isWordOrSpace(c))) return i;
  }
  return -1;
}

/**
 * Checks the segment after ISA for a terminator that is not the one used: when that segment runs on
 * past a line break into what looks like the next segment (an id, then the element separator), the
 * segments end with line breaks rather than the terminator ISA declares.
 *
 * @param text - the text holding the segment
 * @param at - where the segment starts
 * @param end - where its terminator is, or the end of the text when none came yet
 * @param delimiters - the delimiters ISA declares
 * @returns the offset just after the id of the segment it runs into, or -1
 * @example
 * ```ts
 * runsOnPastLineBreak('GS*HC*A\nST*837\n', 0, 15, DEFAULT_DELIMITERS); // 10, just after ST
 * ```
 */
export function runsOnPastLineBreak(text: string, at: number, end: number, delimiters: X12Delimiters): number {
  const terminator = delimiters.segment.charCodeAt(0);
  if (terminator === 10 || terminator === 13) return -1;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    let id = i + 1;
    while (id < text.length && isLineSpace(text.charCodeAt(id))) id++;
    let j = id;
    while (j < text.length && j - id < 3 && isIdCharacter(text.charCodeAt(j), j === id)) j++;
    if (j - id >= 2 && text.startsWith(delimiters.element, j)) return j;
    i = id - 1;
  }
  return -1;
}

function isWordOrSpace(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 32 || c === 9 || c === 10 || c === 13;
}

/** A line break, space or tab (between a line break and the next segment id). */
function isLineSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9;
}

function isIdCharacter(c: number, first: boolean): boolean {
  return (c >= 65 && c <= 90) || (!first && c >= 48 && c <= 57);
}
