import { dayNumber } from './calendarDays.js';
import { billableFlagsOn, codeSetOn, isHeaderOn } from './inForce.js';
import { notesOn } from './notesOn.js';
import { seventhCharacterProblem, type SeventhCharacterProblem } from './seventhCharacter.js';
import type { Icd10CodeSet, Icd10Tables } from './tables.js';

/** What the code set in force on one date of service says about a diagnosis code. */
export type CodeVerdict =
  | { readonly kind: 'billable'; readonly date: string; readonly day: number; readonly set: Icd10CodeSet; readonly flags: number }
  | { readonly kind: 'header'; readonly date: string; readonly day: number; readonly set: Icd10CodeSet }
  | { readonly kind: 'seventh'; readonly date: string; readonly day: number; readonly set: Icd10CodeSet; readonly problem: SeventhCharacterProblem }
  | { readonly kind: 'unknown'; readonly date: string; readonly day: number; readonly set: Icd10CodeSet }
  | { readonly kind: 'noCodeSet'; readonly date: string; readonly day: number };

/** One diagnosis of a claim as the checks see it. */
export interface DiagnosisEntry {
  /** Its index in the claim's diagnosis list. */
  readonly index: number;
  /** The code undotted and upper-case, or `undefined` when it cannot be an ICD-10-CM code. */
  readonly code: string | undefined;
  /** The verdict on each distinct valid date of service, earliest first. */
  readonly verdicts: readonly CodeVerdict[];
}

/**
 * The undotted code when a value has the shape of an ICD-10-CM code (a letter, then two to six letters
 * or digits, with at most one dot, after the third character), else `undefined`. The second
 * character is usually a digit, but FY2027 added category QA1.
 *
 * @example
 * ```ts
 * codeShape('e11.9'); // 'E119'
 * codeShape('E1.19'); // undefined
 * ```
 */
export function codeShape(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value;
  let position = 0;
  let dotted = false;
  let lowerCase = false;
  for (let i = 0; i < text.length; i += 1) {
    let char = text.charCodeAt(i);
    if (char === 46 && position === 3 && i === 3 && i + 1 < text.length) {
      dotted = true;
      continue;
    }
    if (char >= 97 && char <= 122) {
      char -= 32;
      lowerCase = true;
    }
    const digit = char >= 48 && char <= 57;
    const letter = char >= 65 && char <= 90;
    if (position === 0 ? !letter : !(digit || letter)) return undefined;
    position += 1;
  }
  if (position < 3 || position > 7) return undefined;
  const plain = dotted ? text.slice(0, 3) + text.slice(4) : text;
  return lowerCase ? plain.toUpperCase() : plain;
}

/**
 * Reads one diagnosis: its shape, and its verdict on each of its dates of service.
 *
 * @param raw - the diagnosis as given on the claim
 * @param index - its position in the list
 * @param dates - its dates of service (`YYYY-MM-DD`); invalid dates are left to the date checks
 * @param tables - the code tables
 * @param dayOf - reads a date's day number (default {@link dayNumber}; a claim's check passes one that remembers its last date)
 * @example
 * ```ts
 * readDiagnosis('E11.9', 0, ['2026-11-02'], bundledIcd10Tables()).verdicts[0]?.kind; // 'billable'
 * ```
 */
export function readDiagnosis(raw: unknown, index: number, dates: readonly string[], tables: Icd10Tables, dayOf: (date: string) => number | undefined = dayNumber): DiagnosisEntry {
  const code = codeShape(raw);
  if (code === undefined) return { index, code, verdicts: [] };
  if (dates.length === 1) {
    const date = dates[0];
    const day = typeof date === 'string' ? dayOf(date) : undefined;
    return { index, code, verdicts: date === undefined || day === undefined ? [] : [verdictOn(tables, code, date, day)] };
  }
  const verdicts: CodeVerdict[] = [];
  const seen = new Set<number>();
  for (const date of dates) {
    const day = typeof date === 'string' ? dayOf(date) : undefined;
    if (day === undefined || seen.has(day)) continue;
    seen.add(day);
    verdicts.push(verdictOn(tables, code, date, day));
  }
  verdicts.sort((a, b) => a.day - b.day);
  return { index, code, verdicts };
}

function verdictOn(tables: Icd10Tables, code: string, date: string, day: number): CodeVerdict {
  const set = codeSetOn(tables, day);
  if (set === undefined) return { kind: 'noCodeSet', date, day };
  const flags = billableFlagsOn(set, code, day);
  if (flags >= 0) return { kind: 'billable', date, day, set, flags };
  const rules = notesOn(tables, day, 'seventhCharacters')?.seventhCharacters;
  const problem = rules === undefined ? undefined : seventhCharacterProblem(set, code, day, rules);
  if (problem !== undefined) return { kind: 'seventh', date, day, set, problem };
  if (isHeaderOn(set, code, day)) return { kind: 'header', date, day, set };
  return { kind: 'unknown', date, day, set };
}
