import { match } from 'ts-pattern';
import { errorIssue, warningIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { dayNumber } from './calendarDays.js';
import { categoryKey, positionsOf } from './codePositions.js';
import { codeShape } from './diagnosisEntry.js';
import { formatIcd10 } from './normalize.js';
import { scanTabularXml } from './tabularXml.js';
import { kindOf, requireText } from '../usageChecks.js';
import type { Icd10Category, Icd10CodeSet, Icd10Tables } from './tables.js';

/** The dates a loaded file is in force: `to` absent means until further notice. */
export interface EffectiveDates {
  /** First day, `YYYY-MM-DD` (a fiscal year starts October 1). */
  readonly from: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly to?: string;
}

const OPEN_END = dayNumber('9999-12-31') ?? 0;
const MAX_LINE_ISSUES = 20;

/**
 * Loads a CMS/CDC ICD-10-CM order file (`icd10cm_order_YYYY.txt`: order number, code, billable flag
 * 1 or 0, short title, long title in fixed columns) as a code set in force over the given dates.
 * Headers come from the billable codes below them; titles come from the file. Malformed lines are
 * reported (`icd10.order_file_line`, warnings, path `['lines', n]` with n 1-based) and skipped.
 * The file carries no MCE flags, so the age, sex and manifestation-first edits do not run on its dates.
 *
 * @param text - the whole order file
 * @param effective - the dates it is in force, e.g. `{ from: '2027-10-01', to: '2028-09-30' }`
 * @returns tables holding the one code set, or `icd10.effective_dates` / `icd10.order_file_empty` issues
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * const loaded = loadIcd10cmOrderFile(orderText, { from: '2027-10-01', to: '2028-09-30' });
 * const tables = loaded.ok ? mergeIcd10Tables(bundledIcd10Tables(), loaded.value) : bundledIcd10Tables();
 * ```
 */
export function loadIcd10cmOrderFile(text: string, effective: EffectiveDates): Checked<Icd10Tables> {
  requireText(text, 'loadIcd10cmOrderFile: text');
  const span = effectiveSpan(effective);
  if (!('from' in span)) return fail(span);
  const billable: string[] = [];
  const titles = new Map<string, string>();
  const warnings: Issue[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const code = codeShape(line.slice(6, 13).trim());
    const flag = line[14];
    if (code === undefined || (flag !== '0' && flag !== '1')) {
      if (warnings.length < MAX_LINE_ISSUES) warnings.push(warningIssue('icd10.order_file_line', ['lines', i + 1], `line ${i + 1} is not an order-file entry`));
      return;
    }
    if (flag === '1') billable.push(code);
    titles.set(code, line.slice(77).trim() || line.slice(16, 76).trim());
  });
  if (billable.length === 0) return fail([errorIssue('icd10.order_file_empty', [], 'the order file holds no billable code'), ...warnings]);
  return ok({ codeSets: [orderFileCodeSet(billable, titles, span)], notes: [], ageGroups: [] }, warnings);
}

/**
 * Loads the notes of a CMS/CDC ICD-10-CM tabular list (`icd10cm_tabular_YYYY.xml`): Excludes1,
 * code-first and 7th-character definitions, in force over the given dates. Where they cover a date
 * they take precedence over the bundled notes once merged.
 *
 * @param text - the whole XML file
 * @param effective - the dates the notes apply to
 * @returns tables holding one notes layer (with an `icd10.note_unread` warning for each Excludes1
 *   reference whose `with ...` words it cannot read or whose condition no code of the file meets, left out), or `icd10.tabular_format` /
 *   `icd10.effective_dates` issues
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * const notes = loadIcd10cmTabularXml(xmlText, { from: '2027-10-01', to: '2028-09-30' });
 * ```
 */
export function loadIcd10cmTabularXml(text: string, effective: EffectiveDates): Checked<Icd10Tables> {
  requireText(text, 'loadIcd10cmTabularXml: text');
  const span = effectiveSpan(effective);
  if (!('from' in span)) return fail(span);
  const scanned = scanTabularXml(text);
  if (!scanned.ok) return scanned;
  const notes = scanned.value;
  const source = `ICD-10-CM${notes.version === undefined ? '' : ` FY${notes.version}`} tabular (loaded)`;
  const unread = notes.unreadExcludes1.map(({ at, words, reason }) => {
    const site = at === 'section' || at === 'chapter' ? `a ${at}` : formatIcd10(at);
    const what = match(reason)
      .with('unread', () => `names codes "with ${words}", words not understood`)
      .with('no_code', () => `names ${words}, which no code of the file is`)
      .exhaustive();
    return warningIssue('icd10.note_unread', [], `an Excludes1 note at ${site} ${what}; that reference is left out`);
  });
  return ok({
    codeSets: [],
    notes: [{ ...span, source, excludes1: notes.excludes1, codeFirst: notes.codeFirst, seventhCharacters: notes.seventhCharacters }],
    ageGroups: [],
  }, unread);
}

function effectiveSpan(effective: EffectiveDates): { from: number; to: number } | Issue[] {
  const given = datesOf(effective);
  const from = typeof given.from === 'string' ? dayNumber(given.from) : undefined;
  const to = given.to === undefined ? OPEN_END : typeof given.to === 'string' ? dayNumber(given.to) : undefined;
  if (from === undefined || to === undefined || to < from) {
    return [errorIssue('icd10.effective_dates', ['effective'], `effective dates ${kindOf(given.from)} to ${given.to === undefined ? '(open)' : kindOf(given.to)} are not a date range`)];
  }
  return { from, to };
}

/** The two dates of an `effective` argument, read without letting a getter throw. */
function datesOf(effective: unknown): { from?: unknown; to?: unknown } {
  try {
    const { from, to } = typeof effective === 'object' && effective !== null ? (effective as { from?: unknown; to?: unknown }) : {};
    return { from, to };
  } catch {
    return {};
  }
}

function orderFileCodeSet(billable: readonly string[], titles: ReadonlyMap<string, string>, span: { from: number; to: number }): Icd10CodeSet {
  const codes = [...new Set(billable)].sort();
  const categories = new Map<number, Icd10Category>();
  let first = 0;
  while (first < codes.length) {
    const key = categoryKey(codes[first] ?? '');
    let end = first;
    while (end < codes.length && categoryKey(codes[end] ?? '') === key) end += 1;
    const count = end - first;
    const members = codes.slice(first, end);
    categories.set(key, {
      offset: first,
      codes: members,
      positions: positionsOf(members),
      spanStart: Uint32Array.from({ length: count + 1 }, (_, i) => i),
      spanFrom: new Int32Array(count).fill(span.from),
      spanTo: new Int32Array(count).fill(span.to),
      spanFlags: new Uint32Array(count),
    });
    first = end;
  }
  return {
    ...span,
    sources: [{ ...span, label: 'ICD-10-CM FY{fy} (loaded order file)' }],
    categoryKeys: [...categories.keys()],
    category: (key) => categories.get(key),
    descriptions: { describe: (code) => titles.get(code) },
  };
}
