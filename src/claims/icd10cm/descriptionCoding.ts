/**
 * The word-token coding of the bundled code titles: every title is a list of words, each word a token
 * of one to three characters of {@link DESCRIPTION_ALPHABET} giving its rank in a word list; an entry
 * starts with the number of leading words shared with the entry before (front coding), reset every
 * {@link DESCRIPTION_BLOCK} entries so one title decodes from its block start.
 */

/** The characters tokens are written with: printable ASCII without space, quote and backslash. */
export const DESCRIPTION_ALPHABET: string = [...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))]
  .filter((char) => char !== '"' && char !== '\\')
  .join('');

/** Entries per front-coding block. */
export const DESCRIPTION_BLOCK = 32;

const BASE = DESCRIPTION_ALPHABET.length;
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < DESCRIPTION_ALPHABET.length; i += 1) VALUE[DESCRIPTION_ALPHABET.charCodeAt(i)] = i;

/**
 * Makes a reader of titles written in the word-token coding; it decodes one block on demand, after
 * indexing where the entries start on its first call.
 *
 * @param words - the word list, most frequent first
 * @param entries - the encoded entries, separated by spaces
 * @returns a function giving the title of entry `index`, or `undefined` when out of range or empty
 * @example
 * ```ts
 * const title = descriptionReader(['Cholera'], '!!');
 * title(0); // 'Cholera'
 * ```
 */
export function descriptionReader(words: readonly string[], entries: string): (index: number) => string | undefined {
  let starts: Uint32Array | undefined;
  return (index) => {
    starts ??= entryStarts(entries);
    if (index < 0 || index >= starts.length) return undefined;
    let decoded: string[] = [];
    for (let i = index - (index % DESCRIPTION_BLOCK); i <= index; i += 1) decoded = decodeEntry(words, entries, starts, i, decoded);
    return decoded.length === 0 ? undefined : decoded.join(' ');
  };
}

function entryStarts(entries: string): Uint32Array {
  let count = 1;
  for (let i = 0; i < entries.length; i += 1) if (entries.charCodeAt(i) === 32) count += 1;
  const starts = new Uint32Array(count);
  let next = 1;
  for (let i = 0; i < entries.length; i += 1) if (entries.charCodeAt(i) === 32) starts[next++] = i + 1;
  return starts;
}

function decodeEntry(words: readonly string[], entries: string, starts: Uint32Array, i: number, previous: string[]): string[] {
  const start = starts[i] ?? 0;
  const end = i + 1 < starts.length ? (starts[i + 1] ?? 0) - 1 : entries.length;
  const decoded = previous.slice(0, valueAt(entries, start));
  let at = start + 1;
  while (at < end) {
    const first = valueAt(entries, at);
    let rank = first;
    if (first >= 84) {
      rank = 60 + 24 * BASE + (first - 84) * BASE * BASE + valueAt(entries, at + 1) * BASE + valueAt(entries, at + 2);
      at += 3;
    } else if (first >= 60) {
      rank = 60 + (first - 60) * BASE + valueAt(entries, at + 1);
      at += 2;
    } else {
      at += 1;
    }
    decoded.push(words[rank] ?? '');
  }
  return decoded;
}

function valueAt(entries: string, at: number): number {
  return VALUE[entries.charCodeAt(at)] ?? 0;
}
