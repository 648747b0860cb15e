import type { Icd10NotesLayer, Icd10Tables } from './tables.js';

/** The parts of a notes layer that hold notes. */
export type NotesPart = 'excludes1' | 'codeFirst' | 'seventhCharacters';

/**
 * The notes layer that answers for one kind of note on a day: the last layer covering the day that
 * has that part; for a day no such layer covers, the last layer that has it (tabular notes change little).
 *
 * @example
 * ```ts
 * notesOn(bundledIcd10Tables(), dayNumber('2026-11-02')!, 'excludes1')?.source; // 'ICD-10-CM FY2027 tabular'
 * ```
 */
export function notesOn(tables: Icd10Tables, day: number, part: NotesPart): Icd10NotesLayer | undefined {
  let fallback: Icd10NotesLayer | undefined;
  for (let i = tables.notes.length - 1; i >= 0; i -= 1) {
    const layer = tables.notes[i];
    if (layer?.[part] === undefined) continue;
    if (layer.from <= day && day <= layer.to) return layer;
    fallback ??= layer;
  }
  return fallback;
}
