import type { CodeRange } from './codeRange.js';
import { decodeBundledTables } from './bundledTables.js';

/**
 * Where a code set's answers come from over part of its dates, e.g. `ICD-10-CM FY{fy} (CMS MCE v43.1)`
 * from 2015-10-01 to 2026-09-30. `{fy}` in the label is replaced by the fiscal year of the date judged.
 */
export interface Icd10SourceSpan {
  /** First day (day number, days since 1970-01-01) the label applies to. */
  readonly from: number;
  /** Last day (inclusive) the label applies to. */
  readonly to: number;
  /** Human-readable name of the release and file, with `{fy}` for the fiscal year. */
  readonly label: string;
}

/**
 * Looks up the long title of a code (undotted), when the tables carry one.
 */
export interface Icd10Descriptions {
  /** The title of an undotted code, or `undefined`. */
  describe(code: string): string | undefined;
}

/**
 * The billable codes of one three-character category, sorted, each with the date spans it was in
 * force and the MCE edit flags in force over each span.
 */
export interface Icd10Category {
  /** Position of the category's first code in the whole code set (for per-code side tables). */
  readonly offset: number;
  /** Billable codes ever in force in this category, undotted, sorted. */
  readonly codes: readonly string[];
  /** Position of each code in `codes`. */
  readonly positions: ReadonlyMap<string, number>;
  /** Spans of code `i` are `spanStart[i]` up to (not including) `spanStart[i + 1]`. */
  readonly spanStart: Uint32Array;
  /** First day of each span (day number, days since 1970-01-01). */
  readonly spanFrom: Int32Array;
  /** Last day (inclusive) of each span. */
  readonly spanTo: Int32Array;
  /** MCE flag mask of each span (bits of `MCE_FLAGS`). */
  readonly spanFlags: Uint32Array;
}

/**
 * The billable codes of one or more fiscal years, by category, decoded a category at a time when
 * first needed. Headers are not stored: a code is a header on a day exactly when billable codes
 * below it are in force that day.
 */
export interface Icd10CodeSet {
  /** First day this code set answers for. */
  readonly from: number;
  /** Last day (inclusive) this code set answers for. */
  readonly to: number;
  /** The release names over the covered days. */
  readonly sources: readonly Icd10SourceSpan[];
  /** Keys (see `categoryKey`) of the categories that hold codes, ascending. */
  readonly categoryKeys: readonly number[];
  /** The codes of a category by its key, or `undefined` when it has none. */
  category(key: number): Icd10Category | undefined;
  /** Titles of billable codes and headers. */
  readonly descriptions: Icd10Descriptions;
}

/** The 7th characters allowed below a code, with their meanings, from a `sevenChrDef` block. */
export interface SeventhCharacterRule {
  /** The allowed characters, e.g. `ADS`. */
  readonly characters: string;
  /** What each character means, in the same order (`initial encounter`, ...). */
  readonly meanings: readonly string[];
}

/**
 * Tabular-list notes over a span of days. Each part is optional; a part missing here is taken from
 * an earlier layer.
 */
export interface Icd10NotesLayer {
  /** First day these notes apply to. */
  readonly from: number;
  /** Last day (inclusive) these notes apply to. */
  readonly to: number;
  /** Where the notes come from, e.g. `ICD-10-CM FY2021 tabular`. */
  readonly source: string;
  /** Excludes1 notes by the undotted code they sit at; they apply to every code below it. */
  readonly excludes1?: ReadonlyMap<string, readonly CodeRange[]>;
  /** "Code first" notes by the undotted code they sit at. */
  readonly codeFirst?: ReadonlyMap<string, readonly CodeRange[]>;
  /** 7th-character rules by the undotted code they sit at; they apply to every code below it. */
  readonly seventhCharacters?: ReadonlyMap<string, SeventhCharacterRule>;
}

/** An MCE age group over a span of days: codes flagged with it fit patients of these ages. */
export interface MceAgeGroup {
  /** The MCE flag the group belongs to. */
  readonly flag: 'newborn' | 'pediatric' | 'maternity' | 'adult';
  /** Youngest fitting age in whole years. */
  readonly minAge: number;
  /** Oldest fitting age in whole years. */
  readonly maxAge: number;
  /** First day the range applies. */
  readonly from: number;
  /** Last day (inclusive) the range applies. */
  readonly to: number;
}

/**
 * Everything the ICD-10-CM checks read: date-effective code sets, tabular notes and MCE age groups.
 * Later layers win where they cover a date, so a user-loaded fiscal year overrides the bundled one.
 * Build it with {@link bundledIcd10Tables}, the loaders, and {@link mergeIcd10Tables}.
 */
export interface Icd10Tables {
  /** Code sets, later ones winning where they cover a date. */
  readonly codeSets: readonly Icd10CodeSet[];
  /** Tabular notes, later ones winning where they cover a date. */
  readonly notes: readonly Icd10NotesLayer[];
  /** MCE age groups with their date spans. */
  readonly ageGroups: readonly MceAgeGroup[];
}

let bundled: Icd10Tables | undefined;

/**
 * The ICD-10-CM tables shipped with the package: every billable code from FY2016 (2015-10-01) to
 * FY2027 (through 2027-09-30) with its dates and MCE flags, FY2021 tabular notes (Excludes1, code
 * first, 7th characters), FY2027 Excludes1 notes and the MCE age groups. Decoded on first use, then cached.
 *
 * @returns the bundled tables (the same object on every call)
 * @example
 * ```ts
 * const tables = bundledIcd10Tables();
 * lookupIcd10cm('E11.9', '2026-11-02', tables)?.billable; // true
 * ```
 */
export function bundledIcd10Tables(): Icd10Tables {
  bundled ??= decodeBundledTables();
  return bundled;
}

/**
 * Layers extra tables (say a fiscal year loaded from CMS files) over base ones: where both cover a
 * date, `extra` answers. Neither argument is changed.
 *
 * @param base - the tables to start from, usually {@link bundledIcd10Tables}
 * @param extra - tables whose code sets, notes and age groups take precedence
 * @returns the combined tables
 * @example
 * ```ts
 * const loaded = loadIcd10cmOrderFile(text, { from: '2027-10-01', to: '2028-09-30' });
 * const tables = loaded.ok ? mergeIcd10Tables(bundledIcd10Tables(), loaded.value) : bundledIcd10Tables();
 * ```
 */
export function mergeIcd10Tables(base: Icd10Tables, extra: Icd10Tables): Icd10Tables {
  return {
    codeSets: [...base.codeSets, ...extra.codeSets],
    notes: [...base.notes, ...extra.notes],
    ageGroups: [...base.ageGroups, ...extra.ageGroups],
  };
}
