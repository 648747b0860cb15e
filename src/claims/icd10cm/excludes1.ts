import { errorIssue } from '../../core/issue.js';
import type { ClaimIssue } from '../claimIssue.js';
import { categoryKey } from './codePositions.js';
import { inCodeRange, type CodeRange } from './codeRange.js';
import type { DiagnosisEntry } from './diagnosisEntry.js';
import { excludes1Index, type Excludes1Site } from './excludes1Index.js';
import { formatIcd10 } from './normalize.js';
import { notesOn } from './notesOn.js';
import type { Icd10Tables } from './tables.js';

/** An Excludes1 note found between two codes: where it sits and what it names. */
export interface Excludes1Match {
  /** The undotted code the note sits at (the code itself or an ancestor). */
  readonly noteAt: string;
  /** The range of the note that holds the other code. */
  readonly range: CodeRange;
}

/**
 * `icd10.excludes1`: two different diagnoses of a claim where an Excludes1 note at one (or an
 * ancestor of it) names the other, each code's notes being those in force on its earliest date of
 * service. Reported once per pair, at the later diagnosis.
 *
 * @param entries - the diagnoses as read
 * @param tables - the code tables and their notes
 * @example
 * ```ts
 * excludes1Issues(entries, tables).map((issue) => issue.path); // [['diagnoses', 1]] for E10.9 with E11.9
 * ```
 */
export function excludes1Issues(entries: readonly DiagnosisEntry[], tables: Icd10Tables): ClaimIssue[] {
  if (entries.length < 2) return [];
  const notes = notesOfEntries(entries, tables);
  let issues: ClaimIssue[] | undefined;
  for (let later = 1; later < entries.length; later += 1) {
    const second = entries[later];
    if (second?.code === undefined) continue;
    for (let earlier = 0; earlier < later; earlier += 1) {
      const first = entries[earlier];
      if (first?.code === undefined || first.code === second.code) continue;
      const found = findIn(notes[earlier], second.code) ?? findIn(notes[later], first.code);
      if (found === undefined) continue;
      issues ??= [];
      issues.push({
        ...errorIssue('icd10.excludes1', ['diagnoses', later],
          `${formatIcd10(second.code)} and ${formatIcd10(first.code)} (diagnosis ${earlier + 1}) may not be coded together: Excludes1 at ${formatIcd10(found.noteAt)} names ${rangeText(found.range)}`),
        source: `${found.source}, Excludes1 at ${formatIcd10(found.noteAt)}`,
      });
    }
  }
  return issues ?? [];
}

/** The Excludes1 sites over one diagnosis (at its code or an ancestor), and where they come from. */
interface NotesOfCode {
  readonly code: string;
  readonly source: string;
  readonly sites: readonly Excludes1Site[];
}

/** Each entry's notes, read from the notes in force on its earliest date (one layer lookup per distinct day). */
function notesOfEntries(entries: readonly DiagnosisEntry[], tables: Icd10Tables): (NotesOfCode | undefined)[] {
  let lastDay = Number.NaN;
  let layer = notesOn(tables, lastDay, 'excludes1');
  let index = layer?.excludes1 === undefined ? undefined : excludes1Index(layer.excludes1);
  const found = new Array<NotesOfCode | undefined>(entries.length);
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i];
    const day = entry?.verdicts[0]?.day ?? Number.NaN;
    if (day !== lastDay) {
      lastDay = day;
      layer = notesOn(tables, day, 'excludes1');
      index = layer?.excludes1 === undefined ? undefined : excludes1Index(layer.excludes1);
    }
    const code = entry?.code;
    const sites = code === undefined ? undefined : index?.get(categoryKey(code));
    if (code !== undefined && sites !== undefined && layer !== undefined) found[i] = { code, source: layer.source, sites };
  }
  return found;
}

function findIn(notes: NotesOfCode | undefined, other: string): (Excludes1Match & { source: string }) | undefined {
  if (notes === undefined) return undefined;
  const letter = 1 << (other.charCodeAt(0) - 65);
  for (const site of notes.sites) {
    if ((site.letters & letter) === 0 || !notes.code.startsWith(site.noteAt)) continue;
    for (const range of site.ranges) if (inCodeRange(other, range)) return { noteAt: site.noteAt, range, source: notes.source };
  }
  return undefined;
}

function rangeText(range: CodeRange): string {
  const end = (code: string): string => (code.length === 3 ? `${code}.-` : formatIcd10(code));
  return range.low === range.high ? end(range.low) : `${formatIcd10(range.low)}-${formatIcd10(range.high)}`;
}
