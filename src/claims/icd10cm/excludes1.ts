import { errorIssue } from '../../core/issue.js';
import type { ClaimIssue } from '../claimIssue.js';
import { categoryKey } from './codePositions.js';
import { describeCodeRange, inCodeRange, type CodeRange } from './codeRange.js';
import type { DiagnosisEntry } from './diagnosisEntry.js';
import { excludes1Index, type Excludes1Index, type Excludes1Site } from './excludes1Index.js';
import { formatIcd10 } from './normalize.js';
import { notesOn } from './notesOn.js';
import type { Icd10NotesLayer, Icd10Tables } from './tables.js';

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
  if (notes.every((found) => found === undefined)) return [];
  // Integer masks first: most pairs are passed over without comparing a string.
  const masks = notes.map((found) => found?.letters ?? 0);
  const letters = entries.map((entry) => (entry.code === undefined ? 0 : letterBit(entry.code)));
  let issues: ClaimIssue[] | undefined;
  for (let later = 1; later < entries.length; later += 1) {
    const secondMask = masks[later] ?? 0;
    const secondLetter = letters[later] ?? 0;
    for (let earlier = 0; earlier < later; earlier += 1) {
      if (((masks[earlier] ?? 0) & secondLetter) === 0 && (secondMask & (letters[earlier] ?? 0)) === 0) continue;
      const first = entries[earlier]?.code;
      const second = entries[later]?.code;
      if (first === undefined || second === undefined || first === second) continue;
      const found = findIn(notes[earlier], second) ?? findIn(notes[later], first);
      if (found !== undefined) (issues ??= []).push(excludes1Issue(second, later, first, earlier, found));
    }
  }
  return issues ?? [];
}

function excludes1Issue(second: string, later: number, first: string, earlier: number, found: Excludes1Match & { source: string }): ClaimIssue {
  return {
    ...errorIssue('icd10.excludes1', ['diagnoses', later],
      `${formatIcd10(second)} and ${formatIcd10(first)} (diagnosis ${earlier + 1}) may not be coded together: Excludes1 at ${formatIcd10(found.noteAt)} names ${describeCodeRange(found.range)}`),
    source: `${found.source}, Excludes1 at ${formatIcd10(found.noteAt)}`,
  };
}

/** The Excludes1 sites over one diagnosis (at its code or an ancestor), and where they come from. */
interface NotesOfCode {
  readonly source: string;
  /** Only the sites at the code or an ancestor of it. */
  readonly sites: readonly Excludes1Site[];
  /** The union of the sites' letter masks, to pass over most other codes at once. */
  readonly letters: number;
}

/** Each entry's notes, read from the notes in force on its earliest date (one layer lookup per distinct day). */
function notesOfEntries(entries: readonly DiagnosisEntry[], tables: Icd10Tables): (NotesOfCode | undefined)[] {
  let lastDay = Number.NaN;
  let notes: LayerNotes | undefined;
  const found = new Array<NotesOfCode | undefined>(entries.length);
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i];
    const day = entry?.verdicts[0]?.day ?? Number.NaN;
    if (i === 0 || day !== lastDay) {
      lastDay = day;
      notes = layerNotes(notesOn(tables, day, 'excludes1'));
    }
    const code = entry?.code;
    if (code !== undefined && notes !== undefined) found[i] = notesOfCode(notes, code);
  }
  return found;
}

/** A notes layer's Excludes1 index, and the notes over each code met so far (a pure cache, bounded by the code set). */
interface LayerNotes {
  readonly source: string;
  readonly index: Excludes1Index;
  readonly byCode: Map<string, NotesOfCode | null>;
}

const notesByLayer = new WeakMap<Icd10NotesLayer, LayerNotes>();

function layerNotes(layer: Icd10NotesLayer | undefined): LayerNotes | undefined {
  if (layer?.excludes1 === undefined) return undefined;
  let notes = notesByLayer.get(layer);
  if (notes === undefined) notesByLayer.set(layer, (notes = { source: layer.source, index: excludes1Index(layer.excludes1), byCode: new Map() }));
  return notes;
}

function notesOfCode(notes: LayerNotes, code: string): NotesOfCode | undefined {
  const cached = notes.byCode.get(code);
  if (cached !== undefined) return cached ?? undefined;
  const sites = notes.index.get(categoryKey(code));
  const found = sites === undefined ? undefined : sitesOver(code, sites, notes.source);
  notes.byCode.set(code, found ?? null);
  return found;
}

function sitesOver(code: string, sites: readonly Excludes1Site[], source: string): NotesOfCode | undefined {
  let over: Excludes1Site[] | undefined;
  let letters = 0;
  for (const site of sites) {
    if (!code.startsWith(site.noteAt)) continue;
    (over ??= []).push(site);
    letters |= site.letters;
  }
  return over === undefined ? undefined : { source, sites: over, letters };
}

function findIn(notes: NotesOfCode | undefined, other: string): (Excludes1Match & { source: string }) | undefined {
  if (notes === undefined) return undefined;
  const letter = letterBit(other);
  if ((notes.letters & letter) === 0) return undefined;
  const key = categoryKey(other);
  for (const site of notes.sites) {
    if ((site.letters & letter) === 0) continue;
    const bounds = site.categoryBounds;
    for (let r = 0; r < site.ranges.length; r += 1) {
      if (key < (bounds[2 * r] ?? 0) || key > (bounds[2 * r + 1] ?? 0)) continue;
      const range = site.ranges[r];
      if (range !== undefined && inCodeRange(other, range)) return { noteAt: site.noteAt, range, source: notes.source };
    }
  }
  return undefined;
}

/** The bit of a code's first letter in an {@link Excludes1Site} letter mask. */
function letterBit(code: string): number {
  return 1 << (code.charCodeAt(0) - 65);
}
