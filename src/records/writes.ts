import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { HeadRow } from './adapter.js';
import { permits, type AccessContext, type AccessPolicy } from './context.js';
import type { JsonValue } from './json.js';
import { applyPatch } from './jsonPatch.js';
import { runOperation, type OperationKind, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { metaOf, versionFactOf } from './versionFact.js';
import type { RecordVersion, VersionOperation } from './versionMeta.js';
import { unreadable, validateDocument, versionConflict, writeVersion } from './writeVersion.js';
import { step, type Steps } from './steps.js';

type Result<T> = Promise<Checked<RecordVersion<T>, RecordIssue>>;
const versionOf = <T,>(value: RecordVersion<T>): number => value.meta.version;

// Create and update answer with the caller's own document, so `write` is enough. Patch, delete and
// undelete answer with the stored record (and a patch's operations test it), so they also need `read`.
const CREATE: OperationKind = { action: 'create', permission: 'write' };
const UPDATE: OperationKind = { action: 'update', permission: 'write' };
const PATCH: OperationKind = { action: 'patch', permission: 'write', alsoNeeds: { permission: 'read', because: 'a patch answers with the record and its operations test it' } };
const DELETE: OperationKind = { action: 'delete', permission: 'delete', alsoNeeds: { permission: 'read', because: 'a delete answers with the record' } };
const UNDELETE: OperationKind = { action: 'undelete', permission: 'delete', alsoNeeds: { permission: 'read', because: 'an undelete answers with the record' } };

// An expunged record's id stays taken (its chain entries remain), but nothing of its history is told.
function alreadyExists(head: HeadRow): RecordIssue {
  return head.state === 'expunged'
    ? recordIssue('records.already_exists', ['id'], 'the id is already in use')
    : recordIssue('records.already_exists', ['id'], 'the id is already in use', { currentVersion: head.version });
}

/**
 * Creates a record with the given id. Fails with `records.already_exists` if the id is in use (even by a
 * deleted, merged or expunged record; `currentVersion` names the current version, except for an
 * expunged record, whose history is not told) and `records.schema` / `records.too_large` for a bad
 * document.
 *
 * @example
 * ```ts
 * const created = await createRecord(settings, 'p1', { resourceType: 'Patient', name: [{ family: 'Rivera' }] }, context);
 * ```
 */
export function createRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, document: unknown, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, CREATE, id, context, function* (scope) {
    const valid = validateDocument(settings, document, ['document']);
    if (!valid.ok) return valid;
    const head = yield* step(scope.tx.head(scope.key));
    if (head !== undefined) return fail([alreadyExists(head)]);
    return ok(yield* writeVersion(scope, undefined, { document: valid.value, state: 'active', operation: 'create' }));
  }, versionOf);
}

function* changeActive<T>(
  scope: OperationScope,
  expectedVersion: number,
  operation: VersionOperation,
  makeDocument: (current: JsonValue, head: HeadRow) => Checked<{ document: JsonValue; text: string }, RecordIssue>,
  policy: AccessPolicy | undefined,
): Steps<Checked<RecordVersion<T>, RecordIssue>> {
  const head = yield* step(scope.tx.head(scope.key));
  const problem = unreadable(head, ['id']);
  if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
  const stale = versionConflict(head, expectedVersion);
  if (stale !== undefined) return fail([stale]);
  const next = makeDocument(scope.documents.parsed(scope.key, head.document), head);
  if (!next.ok) return next;
  if (next.value.text === head.document) return ok(yield* unchangedVersion<T>(scope, head, policy));
  return ok(yield* writeVersion<T>(scope, head, { document: next.value, state: 'active', operation }));
}

// A write that changes nothing answers with the current version, whose metadata is its writer's: a role
// without `read` (an update needs only `write`) gets it less the free-text reason, as a view shows it.
function* unchangedVersion<T>(scope: OperationScope, head: HeadRow, policy: AccessPolicy | undefined): Steps<RecordVersion<T>> {
  const current = yield* currentVersion<T>(scope, head);
  if (permits(policy, scope.context.role, 'read')) return current;
  const { reason: _reason, ...meta } = current.meta;
  return { meta, document: current.document };
}

/**
 * The record's current version as stored, without writing anything.
 *
 * @example
 * ```ts
 * const same = yield* currentVersion(scope, head);
 * ```
 */
export function* currentVersion<T>(scope: OperationScope, head: HeadRow): Steps<RecordVersion<T>> {
  const [row] = yield* step(scope.tx.versions(scope.key, head.version, head.version));
  const fact = row === undefined ? undefined : versionFactOf(row);
  if (fact === undefined) throw new Error(`the head of ${scope.key} points at a missing version`);
  return { meta: metaOf(fact), document: JSON.parse(head.document) as T };
}

/**
 * Replaces a record's document if `expectedVersion` is still current (compare-and-set in the same
 * transaction). Needs `write`. A document equal to the current one writes no version and answers with
 * the current version, less its free-text reason for a role without `read`.
 *
 * @example
 * ```ts
 * const r = await updateRecord(settings, 'p1', changed, 1, context);
 * if (!r.ok && r.issues[0]?.code === 'records.version_conflict') console.log(r.issues[0].currentVersion);
 * ```
 */
export function updateRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, document: unknown, expectedVersion: number, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, UPDATE, id, context, (scope) =>
    changeActive(scope, expectedVersion, 'update', () => validateDocument(settings, document, ['document']), settings.policy), versionOf);
}

/**
 * Applies an RFC 6902 JSON Patch to the current version, atomically, then validates the result.
 * Needs `write` and `read`: a patch answers with the whole record, and its operations (`test` above all)
 * test it.
 *
 * @example
 * ```ts
 * await patchRecord(settings, 'p1', [{ op: 'replace', path: '/birthDate', value: '1980-04-02' }], 2, context);
 * ```
 */
export function patchRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, patch: unknown, expectedVersion: number, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, PATCH, id, context, (scope) =>
    changeActive(scope, expectedVersion, 'patch', (current) => {
      const patched = applyPatch(current, patch);
      if (!patched.ok) return fail(patched.issues.map((found) => ({ ...found, path: ['patch', ...found.path] })));
      return validateDocument(settings, patched.value, ['document']);
    }, settings.policy), versionOf);
}

/**
 * Soft-deletes a record: a deletion version is written, reads then answer `records.gone`, and the
 * history stays readable. Needs `delete` and `read` (it answers with the record).
 *
 * @example
 * ```ts
 * await deleteRecord(settings, 'p1', 3, context);
 * ```
 */
export function deleteRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, expectedVersion: number, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, DELETE, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    const problem = unreadable(head, ['id']);
    if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    const stale = versionConflict(head, expectedVersion);
    if (stale !== undefined) return fail([stale]);
    const document = { document: JSON.parse(head.document) as JsonValue, text: head.document };
    return ok(yield* writeVersion(scope, head, { document, state: 'deleted', operation: 'delete' }));
  }, versionOf);
}

/**
 * Restores a deleted record with its last document, as a new version. Needs `delete` and `read` (it
 * answers with the record).
 *
 * @example
 * ```ts
 * await undeleteRecord(settings, 'p1', context);
 * ```
 */
export function undeleteRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, context: AccessContext): Result<z.infer<S>> {
  return runOperation(settings, UNDELETE, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    if (head.state !== 'deleted') return fail([recordIssue('records.not_deleted', ['id'], 'the record is not deleted', { currentVersion: head.version })]);
    const document = { document: JSON.parse(head.document) as JsonValue, text: head.document };
    return ok(yield* writeVersion(scope, head, { document, state: 'active', operation: 'undelete' }));
  }, versionOf);
}
