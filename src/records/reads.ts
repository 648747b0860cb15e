import { DateTime } from 'luxon';
import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { HeadRow } from './adapter.js';
import type { AccessContext } from './context.js';
import { correctionsIn, markCorrected } from './corrections.js';
import { markAmended } from './amendmentLinks.js';
import { recordAmendments } from './amendmentEvents.js';
import { diffJson } from './diff.js';
import type { PatchOperation } from './jsonPatch.js';
import { runOperation, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import { readPageQuery } from './pageQuery.js';
import { readCallerInput } from './callerInput.js';
import type { StoreSettings } from './settings.js';
import { documentAt, metaOf, versionFactOf } from './versionFact.js';
import type { RecordVersion, VersionMeta } from './versionMeta.js';
import { currentVersion } from './writes.js';
import { unreadable } from './writeVersion.js';
import { queryInstant } from './queryInstant.js';
import { step, type Steps } from './steps.js';

type Result<T> = Promise<Checked<RecordVersion<T>, RecordIssue>>;
const versionOf = <T,>(value: RecordVersion<T>): number => value.meta.version;

/**
 * Reads the current version. Deleted records answer `records.gone`, merged ones `records.merged` with
 * the survivor's id, unknown or expunged ones `records.not_found`. The version's metadata links the
 * amendment requests that concern it (`amendments`), as every read of a version does.
 *
 * @example
 * ```ts
 * const r = await readRecord(settings, 'p1', context);
 * ```
 */
export function readRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, { action: 'read', permission: 'read' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    const problem = unreadable(head, ['id']);
    if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    const current = yield* currentVersion<z.infer<S>>(scope, head);
    const [meta] = markAmended([current.meta], yield* recordAmendments(scope.tx, scope.key));
    return ok({ meta: meta ?? current.meta, document: current.document });
  }, versionOf);
}

function* knownHead(scope: OperationScope): Steps<Checked<HeadRow, RecordIssue>> {
  const head = yield* step(scope.tx.head(scope.key));
  if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
  return ok(head);
}

function* versionOfRecord<T>(scope: OperationScope, head: HeadRow, version: unknown, path: readonly (string | number)[]): Steps<Checked<RecordVersion<T>, RecordIssue>> {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > head.version) {
    return fail([recordIssue('records.version_not_found', path, `versions run from 1 to ${head.version}`, { currentVersion: head.version })]);
  }
  const found = yield* documentAt(scope.tx, scope.key, version);
  if (found === undefined) return fail([recordIssue('records.not_found', path, 'the version is no longer stored')]);
  if (found.fact.state === 'deleted') return fail([recordIssue('records.gone', path, 'the record was deleted in this version', { currentVersion: head.version })]);
  const [meta] = markAmended(markCorrected([metaOf(found.fact)], yield* correctionsIn(scope)), yield* recordAmendments(scope.tx, scope.key));
  return ok({ meta: meta ?? metaOf(found.fact), document: found.document as T });
}

/**
 * Reads one version of a record (FHIR vread); the original of a corrected or amended version is always
 * readable this way, marked with `correctedBy` and with the amendment requests that concern it
 * (`amendments`).
 *
 * @example
 * ```ts
 * const first = await readRecordVersion(settings, 'p1', 1, context);
 * ```
 */
export function readRecordVersion<S extends z.ZodType>(settings: StoreSettings<S>, id: string, version: number, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, { action: 'vread', permission: 'read' }, id, context, function* (scope) {
    const head = yield* knownHead(scope);
    return head.ok ? yield* versionOfRecord(scope, head.value, version, ['version']) : head;
  }, versionOf);
}

/**
 * Reads the record as it stood at a time: the newest version written at or before it.
 *
 * @example
 * ```ts
 * const then = await readRecordAsOf(settings, 'p1', DateTime.fromISO('2026-11-02T09:00', { zone }), context);
 * ```
 */
export function readRecordAsOf<S extends z.ZodType>(settings: StoreSettings<S>, id: string, at: DateTime, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, { action: 'read-as-of', permission: 'read' }, id, context, function* (scope) {
    const instant = readCallerInput(['at'], () =>
      DateTime.isDateTime(at) && at.isValid ? ok(at.toMillis()) : fail([recordIssue('records.invalid_input', ['at'], 'the time is not a valid DateTime')]));
    if (!instant.ok) return instant;
    const head = yield* knownHead(scope);
    if (!head.ok) return head;
    const version = yield* step(scope.tx.versionAt(scope.key, queryInstant(instant.value)));
    if (version === undefined) return fail([recordIssue('records.not_found', ['at'], 'the record did not exist yet')]);
    const found = yield* versionOfRecord<z.infer<S>>(scope, head.value, version, ['at']);
    if (found.ok && found.value.meta.state === 'merged') {
      const survivorId = found.value.meta.replacedBy ?? '';
      return fail([recordIssue('records.merged', ['id'], `the record had been merged into ${survivorId}`, { survivorId, currentVersion: version })]);
    }
    return found;
  }, versionOf);
}

/**
 * A page of history.
 *
 * @example
 * ```ts
 * const page: HistoryPage = { versions: [], nextBefore: 20 };
 * ```
 */
export interface HistoryPage {
  /** Versions, newest first. */
  readonly versions: readonly VersionMeta[];
  /** Pass as `before` to get the next page; absent on the last page. */
  readonly nextBefore?: number;
}

/**
 * Which history to list.
 *
 * @example
 * ```ts
 * const q: HistoryQuery = { since: DateTime.fromISO('2026-11-01', { zone: 'UTC' }), pageSize: 20 };
 * ```
 */
export interface HistoryQuery {
  /** Only versions written at or after this time. */
  readonly since?: DateTime;
  /** Only versions written at or before this time (the history as it stood then). */
  readonly at?: DateTime;
  /** Versions per page, 1 to 1000 (default 50). */
  readonly pageSize?: number;
  /** Continue below this version number (from the previous page's `nextBefore`). */
  readonly before?: number;
}

/**
 * Lists a record's versions newest first, paged, optionally only since a time or as they stood at a
 * time. Deleted and merged records keep their history.
 *
 * @example
 * ```ts
 * const page = await recordHistory(settings, 'p1', { pageSize: 10 }, context);
 * ```
 */
export function recordHistory<S extends z.ZodType>(settings: StoreSettings<S>, id: string, query: HistoryQuery, context: AccessContext): Promise<Checked<HistoryPage, RecordIssue>> {
  return runOperation(settings, { action: 'history', permission: 'read' }, id, context, function* (scope) {
    const read = readPageQuery(query, ['since', 'at'], 'versions', 'a version number');
    if (!read.ok) return read;
    const { pageSize, before, times } = read.value;
    const head = yield* knownHead(scope);
    if (!head.ok) return head;
    const limit = pageSize ?? 50;
    const rows = yield* step(scope.tx.history(scope.key, {
      limit: limit + 1,
      ...(before !== undefined ? { beforeVersion: before } : {}),
      ...(times['since'] !== undefined ? { since: queryInstant(times['since']) } : {}),
      ...(times['at'] !== undefined ? { until: queryInstant(times['at']) } : {}),
    }));
    const versions = markAmended(markCorrected(rows.slice(0, limit).map((row) => {
      const fact = versionFactOf(row);
      if (fact === undefined) throw new Error(`version ${row.version} of ${scope.key} has no content`);
      return metaOf(fact);
    }), yield* correctionsIn(scope)), yield* recordAmendments(scope.tx, scope.key));
    const last = versions[versions.length - 1];
    return ok(rows.length > limit && last !== undefined ? { versions, nextBefore: last.version } : { versions });
  });
}

/**
 * The JSON Patch that turns one version's document into another's (either order).
 *
 * @example
 * ```ts
 * const change = await diffRecordVersions(settings, 'p1', 1, 3, context);
 * ```
 */
export function diffRecordVersions<S extends z.ZodType>(settings: StoreSettings<S>, id: string, from: number, to: number, context: AccessContext): Promise<Checked<PatchOperation[], RecordIssue>> {
  return runOperation(settings, { action: 'diff', permission: 'read' }, id, context, function* (scope) {
    const head = yield* knownHead(scope);
    if (!head.ok) return head;
    const ends = [from, to].map((version) => (Number.isInteger(version) && version >= 1 && version <= head.value.version ? version : undefined));
    const badIndex = ends.indexOf(undefined);
    if (badIndex >= 0) return fail([recordIssue('records.version_not_found', [badIndex === 0 ? 'from' : 'to'], `versions run from 1 to ${head.value.version}`)]);
    const before = yield* documentAt(scope.tx, scope.key, from);
    const after = yield* documentAt(scope.tx, scope.key, to);
    if (before === undefined || after === undefined) return fail([recordIssue('records.not_found', ['id'], 'the version is no longer stored')]);
    return ok(diffJson(before.document, after.document));
  });
}
