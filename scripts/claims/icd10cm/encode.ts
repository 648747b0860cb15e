/**
 * Text encodings for the generated ICD-10-CM tables (the decoders live in src/claims/icd10cm).
 */
import type { CodeRange } from '../../../src/claims/icd10cm/codeRange.js';
import { encodeCodeRange } from '../../../src/claims/icd10cm/tableCoding.js';
import { DESCRIPTION_ALPHABET, DESCRIPTION_BLOCK } from '../../../src/claims/icd10cm/descriptionCoding.js';
import { BASE, type Span } from './sources.js';

/** Front-codes sorted codes: a lower-case letter for the characters shared with the previous code, then the rest. */
export function frontCodeCodes(codes: readonly string[]): string {
  let previous = '';
  let out = '';
  for (const code of codes) {
    let shared = 0;
    while (shared < previous.length && shared < code.length && shared < 25 && previous[shared] === code[shared]) shared += 1;
    out += String.fromCharCode(97 + shared) + code.slice(shared);
    previous = code;
  }
  return out;
}

/** Ranks words by frequency (most frequent first) so the common ones get one-character tokens. */
export function rankWords(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of text.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

/** Encodes one word rank as one, two or three alphabet characters. */
function token(rank: number): string {
  const base = DESCRIPTION_ALPHABET.length;
  const char = (i: number): string => DESCRIPTION_ALPHABET[i] ?? '';
  if (rank < 60) return char(rank);
  if (rank < 60 + 24 * base) return char(60 + Math.floor((rank - 60) / base)) + char((rank - 60) % base);
  const rest = rank - 60 - 24 * base;
  if (rest >= 8 * base * base) throw new Error('too many distinct words');
  return char(84 + Math.floor(rest / (base * base))) + char(Math.floor(rest / base) % base) + char(rest % base);
}

/**
 * Encodes titles as word tokens, each entry starting with the number of leading words it shares with
 * the entry before (reset every DESCRIPTION_BLOCK entries), entries separated by spaces.
 */
export function encodeDescriptions(texts: readonly string[], words: readonly string[]): string {
  const rank = new Map(words.map((word, i) => [word, i]));
  const entries: string[] = [];
  let previous: string[] = [];
  texts.forEach((text, i) => {
    const current = text === '' ? [] : text.split(' ');
    let shared = 0;
    if (i % DESCRIPTION_BLOCK !== 0) {
      while (shared < previous.length && shared < current.length && shared < 91 && previous[shared] === current[shared]) shared += 1;
    }
    const tokens = current.slice(shared).map((word) => token(rank.get(word) ?? 0));
    entries.push((DESCRIPTION_ALPHABET[shared] ?? '') + tokens.join(''));
    previous = current;
  });
  return entries.join(' ');
}

/** Encodes each code's spans (see the SPANS constant), numbering flag sets as they are met. */
export function encodeSpans(codes: readonly string[], spans: ReadonlyMap<string, Span[]>, flagSets: Map<number, number>): string {
  const setIndex = (flags: number): string => {
    if (!flagSets.has(flags)) flagSets.set(flags, flagSets.size);
    return (flagSets.get(flags) ?? 0).toString(36);
  };
  let previous = '';
  const records = codes.map((code) => {
    const record = (spans.get(code) ?? [])
      .map((s) => s.from === BASE && s.to === undefined
        ? setIndex(s.flags)
        : `${(s.from - BASE).toString(36)}.${s.to === undefined ? '' : (s.to - BASE).toString(36)}.${setIndex(s.flags)}`)
      .join(';');
    const written = record === previous ? '' : record;
    previous = record;
    return written;
  });
  return records.join(',');
}

/** Encodes notes as `code=low-high,low@7:B;...` (see encodeCodeRange). */
export function encodeNotes(notes: ReadonlyMap<string, readonly CodeRange[]>): string {
  return [...notes]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, ranges]) => `${code}=${ranges.map(encodeCodeRange).join(',')}`)
    .join(';');
}
