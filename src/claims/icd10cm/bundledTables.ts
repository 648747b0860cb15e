import { AGE_GROUPS } from '../data/icd10cm/ageGroups.js';
import { CATEGORIES, CODES, COVERAGE_FROM, COVERAGE_TO, FLAG_SETS, FY2027_FROM, SPANS } from '../data/icd10cm/codeSpans.js';
import { EXCLUDES1 as EXCLUDES1_FY2027 } from '../data/icd10cm/excludes1Fy2027.js';
import { CODE_FIRST, EXCLUDES1, SEVENTH_AT, SEVENTH_RULES } from '../data/icd10cm/notesFy2021.js';
import { dayNumber } from './calendarDays.js';
import { CATEGORY_KEY_COUNT, categoryKey, positionIn, positionsOf } from './codePositions.js';
import { decodeSpans } from './spanCoding.js';
import { bundledDescriptions } from './bundledDescriptions.js';
import { decodeFrontCoded, decodeNotes, decodeSeventhCharacters } from './tableCoding.js';
import { MCE_FLAGS, type MceFlag } from './mceFlags.js';
import type { NotesPart } from './notesOn.js';
import type { Icd10Category, Icd10CodeSet, Icd10NotesLayer, Icd10Tables, MceAgeGroup } from './tables.js';

/**
 * Decodes the generated tables in src/claims/data/icd10cm into {@link Icd10Tables}: only the
 * category index at once; each category's codes and spans, the titles and each kind of tabular
 * note stay encoded until first asked for.
 *
 * @returns fresh tables (callers cache them: see `bundledIcd10Tables`)
 * @example
 * ```ts
 * decodeBundledTables().codeSets[0]?.category(categoryKey('E11'))?.codes.length; // codes of E11 ever billable
 * ```
 */
export function decodeBundledTables(): Icd10Tables {
  const from = day(COVERAGE_FROM);
  const to = day(COVERAGE_TO);
  const fy2027 = day(FY2027_FROM);
  const codeSet = decodeCodeSet(from, to, fy2027);
  const fullSpan = { from, to };
  return {
    codeSets: [codeSet],
    notes: [
      lazyNotes({ ...fullSpan, source: 'ICD-10-CM FY2021 tabular' }, {
        excludes1: () => decodeNotes(EXCLUDES1),
        codeFirst: () => decodeNotes(CODE_FIRST),
        seventhCharacters: () => decodeSeventhCharacters(SEVENTH_RULES, SEVENTH_AT),
      }),
      lazyNotes({ from: fy2027, to, source: 'ICD-10-CM FY2027 tabular' }, { excludes1: () => decodeNotes(EXCLUDES1_FY2027) }),
    ],
    ageGroups: AGE_GROUPS.map((group): MceAgeGroup => ({
      flag: group.flag,
      minAge: group.minAge,
      maxAge: group.maxAge,
      from: day(group.from),
      to: group.to === undefined ? Number.MAX_SAFE_INTEGER : day(group.to),
    })),
  };
}

type NoteDecoders = { readonly [part in NotesPart]?: () => NonNullable<Icd10NotesLayer[part]> };

/** A notes layer whose parts are decoded when first read. */
function lazyNotes(span: Pick<Icd10NotesLayer, 'from' | 'to' | 'source'>, decoders: NoteDecoders): Icd10NotesLayer {
  const layer: Record<string, unknown> = { ...span };
  for (const part of Object.keys(decoders) as NotesPart[]) {
    let decoded: unknown;
    Object.defineProperty(layer, part, { enumerable: true, get: () => (decoded ??= decoders[part]?.()) });
  }
  return layer as unknown as Icd10NotesLayer;
}

interface CategoryEntry {
  readonly offset: number;
  readonly count: number;
  readonly codesStart: number;
  readonly codesEnd: number;
  readonly spansStart: number;
  readonly spansEnd: number;
}

function decodeCodeSet(from: number, to: number, fy2027: number): Icd10CodeSet {
  const entries = decodeCategoryIndex();
  const flagSets = FLAG_SETS.split(',').map((names) =>
    names.split('|').reduce((mask, name) => (name === '' ? mask : mask | (1 << MCE_FLAGS.indexOf(name as MceFlag))), 0));
  const decoded = new Array<Icd10Category | undefined>(CATEGORY_KEY_COUNT).fill(undefined);
  const category = (key: number): Icd10Category | undefined => {
    const known = decoded[key];
    if (known !== undefined) return known;
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    const codes = decodeFrontCoded(CODES.slice(entry.codesStart, entry.codesEnd));
    const fresh: Icd10Category = {
      offset: entry.offset,
      codes,
      positions: positionsOf(codes),
      ...decodeSpans(SPANS, entry.spansStart, entry.spansEnd, entry.count, from, to, flagSets),
    };
    decoded[key] = fresh;
    return fresh;
  };
  return {
    from,
    to,
    sources: [
      { from, to: fy2027 - 1, label: 'ICD-10-CM FY{fy} (CMS MCE v43.1)' },
      { from: fy2027, to, label: 'ICD-10-CM FY{fy} (CMS FY2027 code changes)' },
    ],
    categoryKeys: [...entries.keys()],
    category,
    descriptions: bundledDescriptions((code) => {
      const found = category(categoryKey(code));
      const position = found === undefined ? -1 : positionIn(found, code);
      return position < 0 || found === undefined ? -1 : found.offset + position;
    }),
  };
}

/** Reads CATEGORIES: per category its three characters, then base-36 `count.codesLength.spansLength`. */
function decodeCategoryIndex(): Map<number, CategoryEntry> {
  const entries = new Map<number, CategoryEntry>();
  let offset = 0;
  let codesStart = 0;
  let spansStart = 0;
  for (const item of CATEGORIES.split(';')) {
    const [count = 0, codesLength = 0, spansLength = 0] = item.slice(3).split('.').map((part) => parseInt(part, 36));
    entries.set(categoryKey(item.slice(0, 3)), {
      offset, count, codesStart, codesEnd: codesStart + codesLength, spansStart, spansEnd: spansStart + spansLength,
    });
    offset += count;
    codesStart += codesLength;
    spansStart += spansLength;
  }
  return entries;
}

function day(text: string): number {
  return dayNumber(text) ?? 0;
}
