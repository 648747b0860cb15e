import { fiscalYearOf } from './calendarDays.js';
import { categoryKey, lowerBound, positionIn } from './codePositions.js';
import type { Icd10Category, Icd10CodeSet, Icd10Tables } from './tables.js';

/** The days a code (billable or header) is known to be in force around a given day. */
export interface SpanOnDay {
  /** First day of the span. */
  readonly from: number;
  /** Last day (inclusive) of the span. */
  readonly to: number;
  /** MCE flag mask over the span (0 for headers). */
  readonly flags: number;
}

/** The codes strictly below a code: positions `[first, end)` of its category. */
export interface Descendants {
  /** The category holding them. */
  readonly category: Icd10Category;
  /** First position. */
  readonly first: number;
  /** Position after the last. */
  readonly end: number;
}

/**
 * The code set that answers for a day: the last one in the tables covering it.
 *
 * @example
 * ```ts
 * codeSetOn(bundledIcd10Tables(), dayNumber('2014-01-01')!); // undefined: before ICD-10-CM
 * ```
 */
export function codeSetOn(tables: Icd10Tables, day: number): Icd10CodeSet | undefined {
  for (let i = tables.codeSets.length - 1; i >= 0; i -= 1) {
    const set = tables.codeSets[i];
    if (set !== undefined && set.from <= day && day <= set.to) return set;
  }
  return undefined;
}

/**
 * The stretch of days a billable code is in force around a day, with its MCE flags on that day, or
 * `undefined` when it is not billable that day. Spans that meet end to start are joined: the tables
 * start a new span whenever a code's MCE flags change (every sex flag ended 2024-09-30), but the code
 * was billable throughout.
 *
 * @example
 * ```ts
 * billableSpanOn(set, 'U071', dayNumber('2020-03-31')!); // undefined
 * billableSpanOn(set, 'N400', dayNumber('2026-07-02')!)?.from === dayNumber('2015-10-01'); // true
 * ```
 */
export function billableSpanOn(set: Icd10CodeSet, code: string, day: number): SpanOnDay | undefined {
  const category = set.category(categoryKey(code));
  if (category === undefined) return undefined;
  const position = positionIn(category, code);
  const span = spanIndexOn(category, position, day);
  if (span < 0) return undefined;
  let from = category.spanFrom[span] ?? 0;
  let to = category.spanTo[span] ?? 0;
  for (let joined = true; joined; ) {
    joined = false;
    const end = category.spanStart[position + 1] ?? 0;
    for (let other = category.spanStart[position] ?? 0; other < end; other += 1) {
      const otherFrom = category.spanFrom[other] ?? 0;
      const otherTo = category.spanTo[other] ?? 0;
      if (otherTo === from - 1) (from = otherFrom), (joined = true);
      else if (otherFrom === to + 1) (to = otherTo), (joined = true);
    }
  }
  return { from, to, flags: category.spanFlags[span] ?? 0 };
}

/**
 * The MCE flag mask of a billable code in force on a day, or -1 when it is not billable that day:
 * the allocation-free form of {@link billableSpanOn}.
 *
 * @example
 * ```ts
 * billableFlagsOn(set, 'E119', day) >= 0; // billable that day
 * ```
 */
export function billableFlagsOn(set: Icd10CodeSet, code: string, day: number): number {
  const category = set.category(categoryKey(code));
  if (category === undefined) return -1;
  const span = spanIndexOn(category, positionIn(category, code), day);
  return span < 0 ? -1 : (category.spanFlags[span] ?? 0);
}

/**
 * The codes strictly below a code (longer, same start), or `undefined` when its category is empty.
 *
 * @example
 * ```ts
 * descendantsOf(set, 'E11')?.end;
 * ```
 */
export function descendantsOf(set: Icd10CodeSet, code: string): Descendants | undefined {
  const category = set.category(categoryKey(code));
  if (category === undefined) return undefined;
  let first = lowerBound(category.codes, code);
  if (category.codes[first] === code) first += 1;
  let end = first;
  while (end < category.codes.length && (category.codes[end] ?? '').startsWith(code)) end += 1;
  return { category, first, end };
}

/**
 * True when some code of `[first, end)` in a category is billable on a day.
 *
 * @example
 * ```ts
 * anyBillableOn(below, day);
 * ```
 */
export function anyBillableOn(below: Descendants, day: number): boolean {
  for (let i = below.first; i < below.end; i += 1) if (spanIndexOn(below.category, i, day) >= 0) return true;
  return false;
}

/**
 * The span over which a header (a non-billable code with billable codes below it) is in force
 * around a day, or `undefined` when it is no header that day. A run of placeholder `X`s before a
 * 7th character (`T14.91X` of `T14.91XA`) is no header.
 *
 * @example
 * ```ts
 * headerSpanOn(set, 'E11', dayNumber('2026-11-02')!); // defined
 * ```
 */
export function headerSpanOn(set: Icd10CodeSet, code: string, day: number): SpanOnDay | undefined {
  const below = headerDescendants(set, code, day);
  if (below === undefined) return undefined;
  let from = Number.MAX_SAFE_INTEGER;
  let to = Number.MIN_SAFE_INTEGER;
  for (let i = below.first; i < below.end; i += 1) {
    const span = spanIndexOn(below.category, i, day);
    if (span < 0) continue;
    from = Math.min(from, below.category.spanFrom[span] ?? 0);
    to = Math.max(to, below.category.spanTo[span] ?? 0);
  }
  return from <= to ? { from, to, flags: 0 } : undefined;
}

/**
 * True when a code is a header on a day: the quick form of {@link headerSpanOn}.
 *
 * @example
 * ```ts
 * isHeaderOn(set, 'I420', dayNumber('2026-10-01')!); // true: I42.0 became a header in FY2027
 * ```
 */
export function isHeaderOn(set: Icd10CodeSet, code: string, day: number): boolean {
  const below = headerDescendants(set, code, day);
  return below !== undefined && anyBillableOn(below, day);
}

/**
 * The billable codes below a header in force on a day, in code order.
 *
 * @example
 * ```ts
 * billableDescendantsOn(set, 'U07', dayNumber('2020-04-01')!); // ['U070', 'U071']
 * ```
 */
export function billableDescendantsOn(set: Icd10CodeSet, code: string, day: number): string[] {
  const below = descendantsOf(set, code);
  const found: string[] = [];
  if (below === undefined) return found;
  for (let i = below.first; i < below.end; i += 1) if (spanIndexOn(below.category, i, day) >= 0) found.push(below.category.codes[i] ?? '');
  return found;
}

/**
 * Every code billable on a day, in code order (decodes every category).
 *
 * @example
 * ```ts
 * allBillableOn(set, dayNumber('2026-01-01')!).length; // 74,719
 * ```
 */
export function allBillableOn(set: Icd10CodeSet, day: number): string[] {
  const found: string[] = [];
  for (const key of set.categoryKeys) {
    const category = set.category(key);
    if (category === undefined) continue;
    for (let i = 0; i < category.codes.length; i += 1) if (spanIndexOn(category, i, day) >= 0) found.push(category.codes[i] ?? '');
  }
  return found;
}

/**
 * The name of the release a code set answers from on a day, e.g. `ICD-10-CM FY2026 (CMS MCE v43.1)`.
 *
 * @example
 * ```ts
 * sourceOn(set, dayNumber('2026-01-01')!); // 'ICD-10-CM FY2026 (CMS MCE v43.1)'
 * ```
 */
export function sourceOn(set: Icd10CodeSet, day: number): string {
  const span = set.sources.find((source) => source.from <= day && day <= source.to) ?? set.sources[0];
  return (span?.label ?? 'ICD-10-CM FY{fy}').replace('{fy}', String(fiscalYearOf(day)));
}

function spanIndexOn(category: Icd10Category, position: number, day: number): number {
  if (position < 0) return -1;
  const end = category.spanStart[position + 1] ?? 0;
  for (let span = category.spanStart[position] ?? 0; span < end; span += 1) {
    if ((category.spanFrom[span] ?? 0) <= day && day <= (category.spanTo[span] ?? 0)) return span;
  }
  return -1;
}

/** The codes below a candidate header, unless it is billable that day, out of length, or a placeholder run. */
function headerDescendants(set: Icd10CodeSet, code: string, day: number): Descendants | undefined {
  if (code.length < 3 || code.length > 6 || billableFlagsOn(set, code, day) >= 0) return undefined;
  const below = descendantsOf(set, code);
  if (below === undefined || below.first >= below.end || isPlaceholderRun(below, code)) return undefined;
  return below;
}

function isPlaceholderRun(below: Descendants, code: string): boolean {
  if (!code.endsWith('X')) return false;
  for (let i = below.first; i < below.end; i += 1) {
    const child = below.category.codes[i] ?? '';
    if (child.length !== 7) return false;
    for (let at = code.length; at < 6; at += 1) if (child[at] !== 'X') return false;
  }
  return true;
}
