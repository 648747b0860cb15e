import { errorIssue, formatPath } from '../core/issue.js';
import { MedofficeUsageError } from '../core/result.js';
import { readNdjson } from './batch/readNdjson.js';
import type { ClaimEntry, SegmentLocation, TextSource } from './batch/claimEntry.js';
import { payerRulesFor, type ValidateClaimOptions } from './claimOptions.js';
import { applyPayerSeverity } from './payerSeverity.js';
import type { ClaimIssue } from './claimIssue.js';
import { checkOptions } from './checkOptions.js';
import { validateClaim, type ClaimReport } from './validateClaim.js';
import { isIterableObject, isTextSource, kindOf } from './usageChecks.js';
import { read837p } from './x12/read837p.js';

/**
 * What `validateClaims` reads: claims as values (an array or any iterable, sync or async), or text
 * to read them from, `{ ndjson }` (one JSON claim per line) or `{ x12 }` (an 837P interchange).
 *
 * @example
 * ```ts
 * const source: ClaimSource = { ndjson: io.readStream('batch.ndjson') };
 * ```
 */
export type ClaimSource =
  | Iterable<unknown>
  | AsyncIterable<unknown>
  | { readonly ndjson: TextSource }
  | { readonly x12: TextSource };

/** One claim's report within a batch: where it was, and for X12 input where each issue came from. */
export interface BatchClaimReport extends ClaimReport {
  /** 0-based position in the batch. */
  readonly index: number;
  /** The claim's id, when it could be read. */
  readonly claimId?: string;
  /** Where it was in the input: `item 3`, `line 17`, `ST 0001 (segment 12)`; after the first interchange of an input, `interchange 2 (ISA 000000002), ST 0001 (segment 12)`. */
  readonly place: string;
  /** True on a report about the X12 envelope (a missing trailer, a stray segment) rather than a claim. */
  readonly envelope?: true;
  /** For X12 input: the segment each issue came from, in the order of `issues`. */
  readonly locations?: readonly (SegmentLocation | undefined)[];
}

/**
 * Validates a batch one claim at a time, yielding one report per claim in input order, in
 * bounded memory (nothing is kept between claims). A malformed NDJSON line, X12 segment or
 * transaction becomes a report with its place, and the batch goes on.
 *
 * @param source - claims, or NDJSON / X12 text (see {@link ClaimSource})
 * @param options - as for `validateClaim`
 * @throws MedofficeUsageError at once when `source` is not one of the {@link ClaimSource} shapes (a
 *   string among them: pass `{ ndjson: text }` or `{ x12: text }`), or `options` is misused as for `validateClaim`
 * @example
 * ```ts
 * for await (const report of validateClaims({ ndjson: text }, { asOf: '2026-11-02' })) {
 *   if (!report.valid) console.log(report.place, report.issues.map((i) => i.code));
 * }
 * ```
 */
export function validateClaims(source: ClaimSource, options?: ValidateClaimOptions | null): AsyncGenerator<BatchClaimReport> {
  checkSource(source);
  checkOptions(options);
  return reports(source, options ?? {});
}

const SOURCE_SHAPES = 'pass { ndjson } or { x12 } or an iterable of claims';

function checkSource(source: unknown): void {
  if (typeof source === 'string') throw new MedofficeUsageError(`validateClaims was given text: ${SOURCE_SHAPES} (text goes in { ndjson: text } or { x12: text })`);
  if (isIterableObject(source)) return;
  const text = typeof source === 'object' && source !== null ? textOf(source) : undefined;
  if (text === undefined) throw new MedofficeUsageError(`validateClaims was given ${kindOf(source)}: ${SOURCE_SHAPES}`);
  if (!isTextSource(text.value)) throw new MedofficeUsageError(`validateClaims: ${text.key} must be text (a string, or chunks of it), not ${kindOf(text.value)}`);
}

/** The one text property of a `{ ndjson }` or `{ x12 }` source, read without letting a getter throw. */
function textOf(source: object): { key: 'ndjson' | 'x12'; value: unknown } | undefined {
  try {
    if ('ndjson' in source) return { key: 'ndjson', value: (source as { ndjson: unknown }).ndjson };
    if ('x12' in source) return { key: 'x12', value: (source as { x12: unknown }).x12 };
  } catch {
    return undefined;
  }
  return undefined;
}

async function* reports(source: ClaimSource, options: ValidateClaimOptions): AsyncGenerator<BatchClaimReport> {
  let index = 0;
  for await (const entry of entriesOf(source)) {
    yield reportEntry(entry, index, options);
    index++;
  }
}

async function* entriesOf(source: ClaimSource): AsyncGenerator<ClaimEntry> {
  if (isIterableObject(source)) {
    yield* (isAsyncIterable(source) ? asyncItems(source) : syncItems(source));
  } else if ('ndjson' in source) {
    yield* readNdjson(source.ndjson);
  } else {
    yield* read837p(source.x12);
  }
}

async function* asyncItems(source: AsyncIterable<unknown>): AsyncGenerator<ClaimEntry> {
  let item = 0;
  for await (const claim of source) yield { claim, place: `item ${++item}`, issues: [] };
}

/**
 * Each item of an array or other iterable, awaited one by one on its own, so an item whose `then`
 * throws (a hostile proxy) or a rejected promise is reported where it is and the items after it are still read.
 */
async function* syncItems(source: Iterable<unknown>): AsyncGenerator<ClaimEntry> {
  let item = 0;
  for (const value of source) {
    yield await settledItem(value, `item ${++item}`);
  }
}

async function settledItem(value: unknown, place: string): Promise<ClaimEntry> {
  try {
    return { claim: await value, place, issues: [] };
  } catch {
    return { place, issues: [{ ...errorIssue('claim.schema', [], `${place} could not be read: reading it threw or its promise was rejected`), source: place }] };
  }
}

function isAsyncIterable(source: Iterable<unknown> | AsyncIterable<unknown>): source is AsyncIterable<unknown> {
  return Symbol.asyncIterator in source;
}

function reportEntry(entry: ClaimEntry, index: number, options: ValidateClaimOptions): BatchClaimReport {
  const id = textAt(entry.claim, 'id');
  const base = { index, place: entry.place, ...(id === undefined ? {} : { claimId: id }), ...(entry.envelope === true ? { envelope: true as const } : {}) };
  if (entry.claim === undefined) return { ...base, valid: false, issues: entry.issues };
  // The reader's findings about a claim (a 13th diagnosis dropped, a malformed element) answer to the
  // claim's payer like any other: one the payer turns off or down no longer stops the claim's checks.
  const read = entry.issues.length === 0 ? { valid: true, issues: [] } : applyPayerSeverity(entry.issues, payerRulesFor(textAt(entry.claim, 'payer', 'id') ?? '', options));
  if (!read.valid) return { ...base, valid: false, issues: read.issues };
  const report = validateClaim(entry.claim, options);
  const issues = read.issues.length === 0 ? report.issues : [...read.issues, ...report.issues];
  if (entry.locate === undefined) return { ...base, valid: report.valid, issues };
  const locate = entry.locate;
  const locations = issues.map((found) => locate(found.path));
  const located = issues.map((found, i) => withSegment(found, locations[i]));
  return { ...base, valid: report.valid, issues: located, locations };
}

function withSegment(found: ClaimIssue, location: SegmentLocation | undefined): ClaimIssue {
  if (location === undefined || found.source !== undefined) return found;
  const element = location.element === undefined ? '' : `, element ${location.element}`;
  return { ...found, source: `X12 ${location.segment} (segment ${location.position}${element}) for ${formatPath(found.path)}` };
}

/** The text at a path of keys in a claim as read (`['payer', 'id']`), or undefined; a getter that throws gives undefined. */
function textAt(claim: unknown, ...keys: readonly string[]): string | undefined {
  try {
    let value = claim;
    for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
