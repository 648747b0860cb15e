import { errorIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { describeCodeRange, inCodeRange, parseCodeReferences, type CodeRange } from './codeRange.js';
import { encodeCodeRange } from './tableCoding.js';
import type { SeventhCharacterRule } from './tables.js';

/** The notes read from an ICD-10-CM tabular XML file, keyed by the undotted code they sit at. */
export interface TabularNotes {
  /** The `<version>` of the file, e.g. `2021`, when present. */
  readonly version: string | undefined;
  /** Every `<diag>` code in the file (undotted), in file order. */
  readonly codes: readonly string[];
  /** Excludes1 references by the code the note sits at. */
  readonly excludes1: ReadonlyMap<string, readonly CodeRange[]>;
  /** Code-first references by the code the note sits at. */
  readonly codeFirst: ReadonlyMap<string, readonly CodeRange[]>;
  /** 7th-character definitions by the code they sit at. */
  readonly seventhCharacters: ReadonlyMap<string, SeventhCharacterRule>;
  /**
   * Excludes1 references left out: where the note sits (an undotted code, `section` or `chapter`),
   * the words, and why: `unread` when the `with ...` words could not be read, `no_code` when the
   * reference read names no code of the file (a misprinted character position).
   */
  readonly unreadExcludes1: readonly UnreadReference[];
}

/** An Excludes1 reference left out of the notes (see {@link TabularNotes.unreadExcludes1}). */
export interface UnreadReference {
  /** The undotted code the note sits at, or `section` / `chapter`. */
  readonly at: string;
  /** The `with ...` words (`unread`), or the whole reference as read (`no_code`). */
  readonly words: string;
  /** Why it was left out. */
  readonly reason: 'unread' | 'no_code';
}

interface ScanState {
  readonly open: string[];
  readonly diagCodes: (string | undefined)[];
  readonly notes: { excludes1: Map<string, CodeRange[]>; codeFirst: Map<string, CodeRange[]> };
  readonly seventh: Map<string, { characters: string; meanings: string[] }>;
  readonly codes: string[];
  readonly sections: NoteScope[];
  readonly chapters: NoteScope[];
  readonly unreadExcludes1: UnreadReference[];
  version: string | undefined;
  extensionChar: string;
}

/** A chapter or section being read: the ranges its own Excludes1 notes name, and the categories inside it. */
interface NoteScope {
  readonly ranges: CodeRange[];
  readonly categories: string[];
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/**
 * Reads the tabular list of ICD-10-CM (the CDC/CMS `icd10cm_tabular_YYYY.xml` layout) with a small tag
 * scanner: each `<diag>`'s `<name>`, its `<excludes1>` and `<codeFirst>` notes (code references
 * parsed out of the note text) and its `<sevenChrDef>` extensions. The Excludes1 notes of a
 * `<section>` or a `<chapter>` are given to each category inside it (chapter 4's "transitory
 * endocrine and metabolic disorders specific to newborn (P70-P74)" to E00-E89); a note naming no
 * code ("certain localized infections - see body system-related chapters") names nothing.
 *
 * @param text - the whole XML file
 * @returns the notes, or `icd10.tabular_format` issues when the file is not a tabular list
 * @example
 * ```ts
 * const notes = scanTabularXml('<ICD10CM.tabular><diag><name>E10</name><excludes1><note>x (E11.-)</note></excludes1></diag></ICD10CM.tabular>');
 * if (notes.ok) notes.value.excludes1.get('E10'); // [{ low: 'E11', high: 'E11' }]
 * ```
 */
export function scanTabularXml(text: string): Checked<TabularNotes> {
  const state: ScanState = {
    open: [],
    diagCodes: [],
    notes: { excludes1: new Map(), codeFirst: new Map() },
    seventh: new Map(),
    codes: [],
    sections: [],
    chapters: [],
    unreadExcludes1: [],
    version: undefined,
    extensionChar: '',
  };
  let position = 0;
  while (position < text.length) {
    const tagStart = text.indexOf('<', position);
    if (tagStart < 0) break;
    if (tagStart > position) takeText(state, decodeEntities(text.slice(position, tagStart)));
    const tagEnd = text.indexOf('>', tagStart);
    if (tagEnd < 0) return fail([formatIssue(`a tag opened at character ${tagStart} is never closed`)]);
    const issue = takeTag(state, text.slice(tagStart + 1, tagEnd), tagStart);
    if (issue !== undefined) return fail([issue]);
    position = tagEnd + 1;
  }
  if (state.open.length > 0) return fail([formatIssue(`<${state.open.at(-1) ?? ''}> is never closed`)]);
  if (state.codes.length === 0) return fail([formatIssue('no <diag> element with a <name> was found')]);
  dropConditionsNamingNothing(state);
  return ok({
    version: state.version,
    codes: state.codes,
    excludes1: state.notes.excludes1,
    codeFirst: state.notes.codeFirst,
    seventhCharacters: state.seventh,
    unreadExcludes1: state.unreadExcludes1,
  });
}

function takeTag(state: ScanState, tag: string, offset: number): Issue | undefined {
  if (tag.startsWith('?') || tag.startsWith('!')) return undefined;
  if (tag.startsWith('/')) {
    const name = tag.slice(1).trim();
    const opened = state.open.pop();
    if (opened !== name) return formatIssue(`</${name}> at character ${offset} closes <${opened ?? 'nothing'}>`);
    if (name === 'diag') state.diagCodes.pop();
    if (name === 'section') closeScope(state.sections.pop(), state);
    if (name === 'chapter') closeScope(state.chapters.pop(), state);
    return undefined;
  }
  const selfClosing = tag.endsWith('/');
  const name = /^[A-Za-z0-9_.:-]+/.exec(tag)?.[0] ?? '';
  if (name === 'diag') state.diagCodes.push(undefined);
  if (name === 'section' && !selfClosing) state.sections.push({ ranges: [], categories: [] });
  if (name === 'chapter' && !selfClosing) state.chapters.push({ ranges: [], categories: [] });
  if (name === 'extension') state.extensionChar = /char="([^"]*)"/.exec(tag)?.[1] ?? '';
  if (!selfClosing) state.open.push(name);
  return undefined;
}

function takeText(state: ScanState, content: string): void {
  const element = state.open.at(-1);
  const parent = state.open.at(-2);
  if (element === 'name' && parent === 'diag') {
    const code = content.trim().toUpperCase().replace('.', '');
    state.diagCodes[state.diagCodes.length - 1] = code;
    state.codes.push(code);
    if (state.open.at(-3) === 'section') {
      state.sections.at(-1)?.categories.push(code);
      state.chapters.at(-1)?.categories.push(code);
    }
  } else if (element === 'version' && parent === 'ICD10CM.tabular') {
    state.version = content.trim();
  } else if (element === 'note' && parent === 'excludes1' && state.open.at(-3) === 'section') {
    state.sections.at(-1)?.ranges.push(...excludes1Ranges(state, 'section', content));
  } else if (element === 'note' && parent === 'excludes1' && state.open.at(-3) === 'chapter') {
    state.chapters.at(-1)?.ranges.push(...excludes1Ranges(state, 'chapter', content));
  } else if (element === 'note' && (parent === 'excludes1' || parent === 'codeFirst')) {
    const code = state.diagCodes.at(-1);
    if (code === undefined || state.open.at(-3) !== 'diag') return;
    if (parent === 'excludes1') mergeRanges(state.notes.excludes1, code, excludes1Ranges(state, code, content));
    else mergeRanges(state.notes.codeFirst, code, codeFirstRanges(content));
  } else if (element === 'extension' && parent === 'sevenChrDef') {
    const code = state.diagCodes.at(-1);
    if (code !== undefined && state.open.at(-3) === 'diag') addExtension(state, code, content.trim());
  }
}

/** A section's or chapter's Excludes1 notes (`Tuberculosis (A15-A19)`) apply to every category in it. */
function closeScope(scope: NoteScope | undefined, state: ScanState): void {
  if (scope === undefined || scope.ranges.length === 0) return;
  for (const category of scope.categories) mergeRanges(state.notes.excludes1, category, scope.ranges);
}

/** An Excludes1 note's ranges; a reference whose qualifier cannot be read names nothing (an error must not rest on a guess) and is noted. */
function excludes1Ranges(state: ScanState, at: string, noteText: string): CodeRange[] {
  const found = parseCodeReferences(noteText);
  for (const reference of found.unread) state.unreadExcludes1.push({ at, words: reference.words, reason: 'unread' });
  return found.ranges;
}

/**
 * A reference whose `with ...` condition no code of the file meets (FY2021's `B27.- with fourth
 * character 2`, where every B27 meningitis code has 2 as its fifth) names nothing rather than a
 * guess, and is noted once per distinct reference.
 */
function dropConditionsNamingNothing(state: ScanState): void {
  const sorted = [...state.codes].sort();
  const verdicts = new Map<string, boolean>();
  for (const [at, ranges] of state.notes.excludes1) {
    const kept = ranges.filter((range) => {
      if (range.where === undefined) return true;
      const key = encodeCodeRange(range);
      let namesSome = verdicts.get(key);
      if (namesSome === undefined) {
        namesSome = namesSomeCode(sorted, range, state.seventh);
        verdicts.set(key, namesSome);
        if (!namesSome) state.unreadExcludes1.push({ at, words: describeCodeRange(range), reason: 'no_code' });
      }
      return namesSome;
    });
    if (kept.length === ranges.length) continue;
    if (kept.length === 0) state.notes.excludes1.delete(at);
    else state.notes.excludes1.set(at, kept);
  }
}

/**
 * True when some code of a sorted list falls in the range, a code taking the 7th characters defined
 * at it or above it (`S02.0` with `B` is S02.0XXB) as the tabular lists them only once.
 */
function namesSomeCode(sorted: readonly string[], range: CodeRange, seventh: ReadonlyMap<string, { characters: string }>): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < range.low) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < sorted.length; i += 1) {
    const code = sorted[i] as string;
    if (code.slice(0, range.high.length) > range.high) return false;
    if (inCodeRange(code, range)) return true;
    const characters = seventhCharactersAt(code, seventh);
    if (code.length <= 6 && [...characters].some((character) => inCodeRange(code.padEnd(6, 'X') + character, range))) return true;
  }
  return false;
}

/** The 7th characters a code takes from the nearest definition at it or above it. */
function seventhCharactersAt(code: string, seventh: ReadonlyMap<string, { characters: string }>): string {
  for (let length = code.length; length >= 3; length -= 1) {
    const rule = seventh.get(code.slice(0, length));
    if (rule !== undefined) return rule.characters;
  }
  return '';
}

/** A code-first note's ranges; one whose qualifier cannot be read is kept whole, as the note only gives examples and a miss is a warning. */
function codeFirstRanges(noteText: string): CodeRange[] {
  const found = parseCodeReferences(noteText);
  return [...found.ranges, ...found.unread.flatMap((reference) => reference.ranges)];
}

function mergeRanges(into: Map<string, CodeRange[]>, code: string, ranges: readonly CodeRange[]): void {
  if (ranges.length === 0) return;
  const known = into.get(code) ?? [];
  for (const range of ranges) {
    const text = encodeCodeRange(range);
    if (!known.some((seen) => encodeCodeRange(seen) === text)) known.push(range);
  }
  into.set(code, known);
}

function addExtension(state: ScanState, code: string, meaning: string): void {
  const rule = state.seventh.get(code) ?? { characters: '', meanings: [] };
  rule.characters += state.extensionChar;
  rule.meanings.push(meaning);
  state.seventh.set(code, rule);
}

function decodeEntities(content: string): string {
  if (!content.includes('&')) return content;
  return content.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function formatIssue(message: string): Issue {
  return errorIssue('icd10.tabular_format', [], message);
}
