import type { CharacterCondition } from './characterCondition.js';

/**
 * What the words after `with` in a tabular note's code reference mean:
 * - `subdivisions`: the same subdivisions under each code named (`E08-E13 with .51-.52`: E08.51 to
 *   E08.52, E09.51 to E09.52, ...), each as an undotted suffix range;
 * - `condition`: only the codes named that have certain characters (`S62.- with 7th character B`);
 * - `unread`: words this reader does not understand.
 *
 * @example
 * ```ts
 * const qualifier: NoteQualifier = { kind: 'subdivisions', parts: [{ low: '42', high: '42' }] };
 * ```
 */
export type NoteQualifier =
  | { readonly kind: 'subdivisions'; readonly parts: readonly { readonly low: string; readonly high: string }[] }
  | { readonly kind: 'condition'; readonly condition: CharacterCondition }
  | { readonly kind: 'unread' };

/**
 * The 7th characters of a fracture category that mean an open fracture, as the FY2021 and FY2027
 * tabulars define them at S52 (fracture of forearm): B and C (initial encounter), E and F (subsequent,
 * routine healing), H and J (delayed healing), M and N (nonunion), Q and R (malunion). The note
 * `(S52.- with open fracture 7th character)` names the codes ending in one of them.
 *
 * @example
 * ```ts
 * OPEN_FRACTURE_SEVENTH_CHARACTERS.includes('B'); // true
 * ```
 */
export const OPEN_FRACTURE_SEVENTH_CHARACTERS: readonly string[] = ['B', 'C', 'E', 'F', 'H', 'J', 'M', 'N', 'Q', 'R'];

const UNREAD: NoteQualifier = { kind: 'unread' };
const ORDINAL = '(first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th)';
const POSITIONS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7,
};
const ONE_POSITION = new RegExp(`^${ORDINAL}[- ]characters? (.+)$`);
const TWO_POSITIONS = new RegExp(`^${ORDINAL} to ${ORDINAL} characters? (.+)$`);
const INTENT = /^fifth or sixth characters? (.+)$/;
const FINAL = /^final characters? (.+)$/;
const OPEN_FRACTURE = /^open fracture (?:7th|seventh) character$/;
const SUBDIVISION = /^\.?([0-9A-Z]{1,4})-?(?: ?- ?\.?([0-9A-Z]{1,4}))?$/;

/**
 * Reads the words after `with` in a code reference of a tabular note.
 *
 * @param words - such as `7th character B`, `.51-.52`, `fifth to sixth characters 51`
 * @returns what they mean, or `unread`
 * @example
 * ```ts
 * readNoteQualifier('7th character B or C'); // { kind: 'condition', condition: { kind: 'at', position: 7, anyOf: ['B', 'C'] } }
 * readNoteQualifier('.51-.52');              // { kind: 'subdivisions', parts: [{ low: '51', high: '52' }] }
 * ```
 */
export function readNoteQualifier(words: string): NoteQualifier {
  const text = words.trim().replace(/\s+/g, ' ').toLowerCase();
  if (OPEN_FRACTURE.test(text)) return condition({ kind: 'at', position: 7, anyOf: OPEN_FRACTURE_SEVENTH_CHARACTERS });
  const intent = INTENT.exec(text);
  if (intent !== null) return withValues(intent[1], 1, (anyOf) => ({ kind: 'intent', anyOf }));
  const final = FINAL.exec(text);
  if (final !== null) return withValues(final[1], 0, (anyOf) => ({ kind: 'final', anyOf }));
  const two = TWO_POSITIONS.exec(text);
  if (two !== null) {
    const first = POSITIONS[two[1] ?? ''] ?? 0;
    const last = POSITIONS[two[2] ?? ''] ?? 0;
    if (last <= first) return UNREAD;
    return withValues(two[3], last - first + 1, (anyOf) => ({ kind: 'at', position: first, anyOf }));
  }
  const one = ONE_POSITION.exec(text);
  if (one !== null) return withValues(one[2], 1, (anyOf) => ({ kind: 'at', position: POSITIONS[one[1] ?? ''] ?? 0, anyOf }));
  return subdivisions(text.toUpperCase());
}

function condition(found: CharacterCondition): NoteQualifier {
  return { kind: 'condition', condition: found };
}

/**
 * The character values of a condition, `B or C`, `1-4 or 6`, `.6`, `-23`; every one must have
 * `length` characters (0: any length).
 */
function withValues(text: string | undefined, length: number, make: (anyOf: string[]) => CharacterCondition): NoteQualifier {
  const anyOf: string[] = [];
  for (const token of (text ?? '').toUpperCase().split(/ ?, ?| OR /)) {
    const value = token.replace(/^[.-]/, '');
    const span = /^([0-9A-Z])-([0-9A-Z])$/.exec(value);
    if (span !== null && length === 1) {
      for (let code = (span[1] ?? '').charCodeAt(0); code <= (span[2] ?? '').charCodeAt(0); code += 1) anyOf.push(String.fromCharCode(code));
    } else if (/^[0-9A-Z]+$/.test(value) && (length === 0 || value.length === length)) anyOf.push(value);
    else return UNREAD;
  }
  return anyOf.length === 0 ? UNREAD : condition(make(anyOf));
}

function subdivisions(text: string): NoteQualifier {
  const parts: { low: string; high: string }[] = [];
  for (const token of text.split(/ ?, ?/)) {
    const found = SUBDIVISION.exec(token);
    if (found === null) return UNREAD;
    const low = found[1] ?? '';
    const high = found[2] ?? low;
    if (high.length !== low.length || high < low) return UNREAD;
    parts.push({ low, high });
  }
  return { kind: 'subdivisions', parts };
}
