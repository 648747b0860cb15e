import { match } from 'ts-pattern';
import type { CharacterCondition } from './characterCondition.js';
import type { CodeRange } from './codeRange.js';
import type { SeventhCharacterRule } from './tables.js';

/**
 * Decodes front-coded sorted codes: each code starts with a lower-case letter giving how many
 * characters it shares with the code before (`a` = none), then its own characters.
 *
 * @param text - e.g. `aA000dl` for A000, A001... (`d` = shares 3)
 * @returns the codes in order
 * @example
 * ```ts
 * decodeFrontCoded('aA000d1'); // ['A000', 'A001']
 * ```
 */
export function decodeFrontCoded(text: string): string[] {
  const codes: string[] = [];
  let previous = '';
  let at = 0;
  while (at < text.length) {
    const shared = text.charCodeAt(at) - 97;
    let end = at + 1;
    while (end < text.length && text.charCodeAt(end) < 97) end += 1;
    previous = previous.slice(0, shared) + text.slice(at + 1, end);
    codes.push(previous);
    at = end;
  }
  return codes;
}

/**
 * Writes a code range the way {@link decodeNotes} reads it: `low-high` (or `low` alone), then, for a
 * range with a condition on its characters, `@` and the condition: `7:B|C` (characters at a
 * position), `$:23` (final characters) or `i:5` (the intent character of a poisoning code).
 * Equal ranges give equal texts, so the text also tells ranges apart.
 *
 * @example
 * ```ts
 * encodeCodeRange({ low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } }); // 'S62@7:B'
 * ```
 */
export function encodeCodeRange(range: CodeRange): string {
  const span = range.low === range.high ? range.low : `${range.low}-${range.high}`;
  if (range.where === undefined) return span;
  const { where } = range;
  const place = match(where)
    .with({ kind: 'at' }, ({ position }) => String(position))
    .with({ kind: 'final' }, () => '$')
    .with({ kind: 'intent' }, () => 'i')
    .exhaustive();
  return `${span}@${place}:${where.anyOf.join('|')}`;
}

function decodeCodeRange(text: string): CodeRange {
  const at = text.indexOf('@');
  const span = at < 0 ? text : text.slice(0, at);
  const dash = span.indexOf('-');
  const low = dash < 0 ? span : span.slice(0, dash);
  const range = { low, high: dash < 0 ? span : span.slice(dash + 1) };
  if (at < 0) return range;
  const colon = text.indexOf(':', at);
  const place = text.slice(at + 1, colon);
  const anyOf = text.slice(colon + 1).split('|');
  const where: CharacterCondition = place === '$' ? { kind: 'final', anyOf } : place === 'i' ? { kind: 'intent', anyOf } : { kind: 'at', position: Number(place), anyOf };
  return { ...range, where };
}

/**
 * Decodes notes written as `code=range,range;code=...` into ranges by the code they sit at, each
 * range written by {@link encodeCodeRange}.
 *
 * @example
 * ```ts
 * decodeNotes('E10=E11,E08-E09').get('E10'); // [{ low: 'E11', high: 'E11' }, { low: 'E08', high: 'E09' }]
 * decodeNotes('S61=S62@7:B').get('S61');     // [{ low: 'S62', high: 'S62', where: { kind: 'at', position: 7, anyOf: ['B'] } }]
 * ```
 */
export function decodeNotes(text: string): Map<string, readonly CodeRange[]> {
  const notes = new Map<string, readonly CodeRange[]>();
  let at = 0;
  while (at < text.length) {
    const equals = text.indexOf('=', at);
    let end = text.indexOf(';', equals);
    if (equals < 0) break;
    if (end < 0) end = text.length;
    const ranges: CodeRange[] = [];
    let start = equals + 1;
    while (start < end) {
      let stop = text.indexOf(',', start);
      if (stop < 0 || stop > end) stop = end;
      ranges.push(decodeCodeRange(text.slice(start, stop)));
      start = stop + 1;
    }
    notes.set(text.slice(at, equals), ranges);
    at = end + 1;
  }
  return notes;
}

/**
 * Decodes 7th-character rules (`characters:meaning|meaning`, one a line) and where they sit (`code=rule;...`).
 *
 * @example
 * ```ts
 * decodeSeventhCharacters('ADS:initial|subsequent|sequela', 'T14=0').get('T14')?.characters; // 'ADS'
 * ```
 */
export function decodeSeventhCharacters(rules: string, placed: string): Map<string, SeventhCharacterRule> {
  const decoded = rules.split('\n').map((line): SeventhCharacterRule => {
    const split = line.indexOf(':');
    return { characters: line.slice(0, split), meanings: line.slice(split + 1).split('|') };
  });
  const at = new Map<string, SeventhCharacterRule>();
  for (const entry of placed === '' ? [] : placed.split(';')) {
    const [code = '', rule = '0'] = entry.split('=');
    const found = decoded[Number(rule)];
    if (found !== undefined) at.set(code, found);
  }
  return at;
}
