/**
 * Reads the official ICD-10-CM and MCE files in ../shared/data/claims for the generator.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayNumber } from '../../../src/claims/icd10cm/calendarDays.js';
import type { CodeRange } from '../../../src/claims/icd10cm/codeRange.js';
import { describeCodeRange, inCodeRange, parseCodeReferences } from '../../../src/claims/icd10cm/codeRange.js';
import { encodeCodeRange } from '../../../src/claims/icd10cm/tableCoding.js';
import { MCE_FLAGS, type MceFlag } from '../../../src/claims/icd10cm/mceFlags.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const data = resolve(repo, '../shared/data/claims');
export const out = join(repo, 'src/claims/data/icd10cm');

export const FILES = {
  master: 'mce/mce_v43.1_i10dx_master.tsv',
  ages: 'mce/mce_v43.1_age_ranges.tsv',
  order2021: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  tabular2021: 'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  billable2026: 'icd10cm/fy2026/icd10cm_billable_codes_fy2026.txt',
  billable2027: 'icd10cm/fy2027/icd10cm_billable_codes_fy2027.txt',
  added2027: 'icd10cm/fy2027/changes/added.csv',
  deleted2027: 'icd10cm/fy2027/changes/deleted.csv',
  becameHeader2027: 'icd10cm/fy2027/changes/billable-status-changes.csv',
  titles2027: 'icd10cm/fy2027/icd10cm_descriptions.tsv',
  excludes2027: 'icd10cm/fy2027/fy2027-excludes1.csv',
  chapters2027: 'icd10cm/fy2027/fy2027-excludes-by-chapter.csv',
} as const;

export const BASE = day('2015-10-01');
export const FY2027_START = day('2026-10-01');
export const COVERAGE_TO = day('2027-09-30');

export interface Span { from: number; to: number | undefined; flags: number }

export function day(text: string): number {
  const value = dayNumber(text);
  if (value === undefined) throw new Error(`bad date ${text}`);
  return value;
}

export function read(name: keyof typeof FILES): string {
  return readFileSync(join(data, FILES[name]), 'utf8');
}

/**
 * Misprints of the FY2021 tabular corrected as later tabulars print them: at G02 the B27 codes of
 * infectious mononucleosis with meningitis carry 2 as their fifth character (B27.02, B27.12, ...),
 * as the FY2027 tabular says; no B27 code has 2 as its fourth.
 */
export const ERRATA_FY2021: readonly (readonly [string, string])[] = [
  ['(B27.- with fourth character 2)', '(B27.- with fifth character 2)'],
];

/** The FY2021 tabular XML with {@link ERRATA_FY2021} applied. */
export function correctedTabular2021(): string {
  let text = read('tabular2021');
  for (const [printed, meant] of ERRATA_FY2021) {
    if (text.split(printed).length !== 2) throw new Error(`erratum not found exactly once: ${printed}`);
    text = text.replace(printed, meant);
  }
  return text;
}

export function lines(name: keyof typeof FILES): string[] {
  return read(name).split(/\r?\n/).filter((line) => line !== '');
}

export function csvRows(name: keyof typeof FILES): string[][] {
  const rows: string[][] = [];
  for (const line of lines(name).slice(1)) {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i] ?? '';
      if (quoted && char === '"' && line[i + 1] === '"') { field += '"'; i += 1; }
      else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) { fields.push(field); field = ''; }
      else field += char;
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

export function yyyymmdd(text: string): number | undefined {
  return text === '' ? undefined : day(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`);
}

function flagMask(text: string): number {
  let mask = 0;
  for (const flag of text.split('|').filter((name) => name !== '')) {
    const bit = MCE_FLAGS.indexOf(flag as MceFlag);
    if (bit < 0) throw new Error(`unknown MCE flag ${flag}`);
    mask |= 1 << bit;
  }
  return mask;
}

export function readMaster(): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  for (const line of lines('master').slice(1)) {
    const [code = '', start = '', end = '', flags = ''] = line.split('\t');
    const list = spans.get(code) ?? [];
    list.push({ from: yyyymmdd(start) ?? BASE, to: yyyymmdd(end), flags: flagMask(flags) });
    spans.set(code, list);
  }
  for (const list of spans.values()) list.sort((a, b) => a.from - b.from);
  return spans;
}

function inForce(spans: ReadonlyMap<string, Span[]>, onDay: number): Set<string> {
  const codes = new Set<string>();
  for (const [code, list] of spans) if (list.some((s) => s.from <= onDay && (s.to ?? COVERAGE_TO) >= onDay)) codes.add(code);
  return codes;
}

/** Flags shared by every code of a category in force on the last day of FY2026. */
function categoryFlags(spans: ReadonlyMap<string, Span[]>): Map<string, number> {
  const shared = new Map<string, number>();
  const lastDay = FY2027_START - 1;
  for (const [code, list] of spans) {
    const current = list.find((s) => s.from <= lastDay && (s.to ?? COVERAGE_TO) >= lastDay);
    if (current === undefined) continue;
    const category = code.slice(0, 3);
    shared.set(category, (shared.get(category) ?? -1) & current.flags);
  }
  return shared;
}

export function applyFy2027(spans: Map<string, Span[]>): void {
  const ended = [
    ...csvRows('deleted2027').filter((r) => r[2] === 'true').map((r) => r[0] ?? ''),
    ...csvRows('becameHeader2027').map((r) => r[0] ?? ''),
  ];
  for (const code of ended) {
    const open = spans.get(code)?.find((s) => s.to === undefined);
    if (open === undefined) throw new Error(`${code} is not in force at the end of FY2026`);
    open.to = FY2027_START - 1;
  }
  const shared = categoryFlags(spans);
  for (const row of csvRows('added2027').filter((r) => r[2] === 'true')) {
    const code = row[0] ?? '';
    if (spans.has(code)) throw new Error(`${code} is already known`);
    spans.set(code, [{ from: FY2027_START, to: undefined, flags: shared.get(code.slice(0, 3)) ?? 0 }]);
  }
}

export function checkCounts(spans: ReadonlyMap<string, Span[]>): void {
  const expect = (date: string, count: number): void => {
    const found = inForce(spans, day(date)).size;
    if (found !== count) throw new Error(`${found} codes in force on ${date}, expected ${count}`);
  };
  expect('2021-01-01', 72_621);
  expect('2026-01-01', 74_719);
  const fy2027 = new Set(lines('billable2027'));
  const derived = inForce(spans, FY2027_START);
  if (derived.size !== fy2027.size || [...fy2027].some((code) => !derived.has(code))) {
    throw new Error('the FY2027 codes do not match icd10cm_billable_codes_fy2027.txt');
  }
  const fy2026 = new Set(lines('billable2026'));
  const lastDay = inForce(spans, FY2027_START - 1);
  if (lastDay.size !== fy2026.size || [...fy2026].some((code) => !lastDay.has(code))) {
    throw new Error('the FY2026 codes do not match icd10cm_billable_codes_fy2026.txt');
  }
}

function orderFile(): Map<string, { billable: boolean; title: string }> {
  const entries = new Map<string, { billable: boolean; title: string }>();
  for (const line of lines('order2021')) {
    entries.set(line.slice(6, 13).trim(), { billable: line[14] === '1', title: line.slice(77).trim() });
  }
  return entries;
}

export interface Titles { billable: Map<string, string>; headers: Map<string, string> }

export function collectTitles(): Titles {
  const billable = new Map<string, string>();
  const headers = new Map<string, string>();
  for (const [code, entry] of orderFile()) (entry.billable ? billable : headers).set(code, entry.title);
  for (const row of csvRows('deleted2027')) (row[2] === 'true' ? billable : headers).set(row[0] ?? '', row[5] ?? '');
  for (const row of csvRows('becameHeader2027')) headers.set(row[0] ?? '', row[5] ?? '');
  for (const row of csvRows('added2027')) (row[2] === 'true' ? billable : headers).set(row[0] ?? '', row[5] ?? '');
  for (const line of lines('titles2027').slice(1)) {
    const [code = '', title = ''] = line.split('\t');
    billable.set(code, title);
  }
  return { billable, headers };
}

/** Each chapter's first and last category, by chapter number (`4` → E00-E89), from the per-chapter counts. */
function chapterRanges(): Map<string, [string, string]> {
  const ranges = new Map<string, [string, string]>();
  for (const row of csvRows('chapters2027')) {
    const bounds = /^([A-Z][0-9A-Z]{2})-([A-Z][0-9A-Z]{2})$/.exec(row[2] ?? '');
    if (bounds === null) throw new Error(`chapter ${row[0] ?? ''} has no code range`);
    ranges.set(row[0] ?? '', [bounds[1] ?? '', bounds[2] ?? '']);
  }
  return ranges;
}

/**
 * Where a FY2027 note sits: a code, each category of a block (`Block A15-A19`, or `Block T07` of one
 * category), or each category of a chapter (`Chapter 4`).
 */
function noteSites(site: string, categories: readonly string[], chapters: ReadonlyMap<string, [string, string]>): string[] {
  const between = (low: string, high: string): string[] => categories.filter((category) => category >= low && category <= high);
  const block = /^Block ([A-Z]\d[0-9A-Z])(?:-([A-Z]\d[0-9A-Z]))?$/.exec(site);
  if (block !== null) return between(block[1] ?? '', block[2] ?? block[1] ?? '');
  const chapter = /^Chapter (\d+)$/.exec(site);
  if (chapter !== null) {
    const bounds = chapters.get(chapter[1] ?? '');
    if (bounds === undefined) throw new Error(`no code range for ${site}`);
    return between(...bounds);
  }
  if (/^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/.test(site)) return [site.replace('.', '')];
  throw new Error(`unknown note site ${site}`);
}

export function excludes2027(codes: readonly string[]): Map<string, CodeRange[]> {
  const categories = [...new Set(codes.map((code) => code.slice(0, 3)))].sort();
  const chapters = chapterRanges();
  const notes = new Map<string, CodeRange[]>();
  for (const row of csvRows('excludes2027')) {
    if (row[3] !== 'excludes1') continue;
    const referenced = (row[5] ?? '').split(';').filter((ref) => ref !== '').flatMap((ref) => parseCodeReferences(`(${ref})`).ranges);
    const fromText = parseCodeReferences(row[4] ?? '');
    if (fromText.unread.length > 0) throw new Error(`unread Excludes1 qualifier at ${row[1] ?? ''}: ${fromText.unread.map((found) => found.words).join('; ')}`);
    const ranges = [...fromText.ranges, ...referenced];
    const unmet = ranges.filter((range) => range.where !== undefined && !codes.some((code) => inCodeRange(code, range)));
    if (unmet.length > 0) throw new Error(`Excludes1 at ${row[1] ?? ''} names no code: ${unmet.map(describeCodeRange).join('; ')}`);
    for (const code of noteSites(row[1] ?? '', categories, chapters)) {
      const known = notes.get(code) ?? [];
      for (const range of ranges) if (!known.some((r) => encodeCodeRange(r) === encodeCodeRange(range))) known.push(range);
      if (known.length > 0) notes.set(code, known);
    }
  }
  return notes;
}

