import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { AccessContext } from './context.js';
import type { JsonValue } from './json.js';
import { checkId, runOperation, type OtherRecord } from './operation.js';
import type { RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import type { VersionMeta } from './versionMeta.js';
import { unreadable, writeVersion } from './writeVersion.js';
import { recordIssue } from './recordIssue.js';
import { step } from './steps.js';
import { mergedIntoRecord } from './mergedRecords.js';

/**
 * What a merge wrote: the duplicate's last version (state `merged`, `replacedBy` the survivor) and the
 * survivor's new version (`replaces` the duplicate).
 *
 * @example
 * ```ts
 * const r = await store.merge('p2', 'p1', context);
 * if (r.ok) console.log(r.value.duplicate.replacedBy); // 'p1'
 * ```
 */
export interface MergeOutcome {
  readonly duplicate: VersionMeta;
  readonly survivor: VersionMeta;
}

/**
 * Merges a duplicate record into a survivor. Both histories are kept; reads of the duplicate then
 * answer `records.merged` with the survivor's id.
 *
 * @example
 * ```ts
 * await mergeRecords(settings, 'p2', 'p1', context);
 * ```
 */
export function mergeRecords<S extends z.ZodType>(settings: StoreSettings<S>, duplicateId: string, survivorId: string, context: AccessContext): Promise<Checked<MergeOutcome, RecordIssue>> {
  // The survivor's audit trail shows the merge too (when its id is one at all, and not the duplicate's).
  const survivorAudit: OtherRecord<MergeOutcome> | undefined =
    checkId(survivorId, ['survivorId']) === undefined && survivorId !== duplicateId
      ? { key: `${settings.resourceType}/${survivorId}`, versionOf: (merged) => merged.survivor.version }
      : undefined;
  return runOperation(settings, { action: 'merge', permission: 'merge' }, duplicateId, context, function* (scope) {
    const badSurvivor = checkId(survivorId, ['survivorId']);
    if (badSurvivor !== undefined) return fail([badSurvivor]);
    if (survivorId === duplicateId) return fail([recordIssue('records.invalid_input', ['survivorId'], 'a record cannot be merged into itself')]);
    const survivorScope = { ...scope, key: `${settings.resourceType}/${survivorId}` };
    const duplicateHead = yield* step(scope.tx.head(scope.key));
    const survivorHead = yield* step(scope.tx.head(survivorScope.key));
    const problem = unreadable(duplicateHead, ['id']) ?? unreadable(survivorHead, ['survivorId']);
    if (problem !== undefined || duplicateHead === undefined || survivorHead === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    const keep = (text: string): { document: JsonValue; text: string } => ({ document: JSON.parse(text) as JsonValue, text });
    const duplicate = yield* writeVersion(scope, duplicateHead, {
      document: keep(duplicateHead.document), state: 'merged', operation: 'merge', replacedBy: survivorScope.key,
    });
    const survivor = yield* writeVersion(survivorScope, survivorHead, {
      document: keep(survivorHead.document), state: 'active', operation: 'merge', replaces: scope.key,
    });
    return ok({ duplicate: duplicate.meta, survivor: survivor.meta });
  }, (merged) => merged.duplicate.version, survivorAudit);
}

/**
 * What an expunge removed.
 *
 * @example
 * ```ts
 * const gone: ExpungeOutcome = { id: 'p9', versions: 4 };
 * ```
 */
export interface ExpungeOutcome {
  readonly id: string;
  /** How many versions' content was removed. */
  readonly versions: number;
}

/**
 * Expunges a record: the content of its versions, amendments and corrections is cleared from the
 * store for good (their hashes stay, so the chain still verifies), an `expunge` entry records who did
 * it (and the records merged into this one, whose disclosures stay in its accounting), and reads
 * answer `records.not_found`. Needs the separate `expunge` permission; audit events and disclosures
 * are kept. How much of the content is also erased from disk is the adapter's: SQLite overwrites it
 * and empties its write-ahead log; PostgreSQL only nulls it, and its old row images stay in the table
 * files until `rewriteTables()` (`VACUUM FULL`) and in the server's WAL, backups and replicas as long
 * as those are kept. Its audit event names the record's last version, the newest whose content it
 * removed.
 *
 * @example
 * ```ts
 * await expungeRecord(settings, 'p9', { actor: 'privacy-1', role: 'privacy-officer', purposeOfUse: 'HOPERAT', reason: 'court order' });
 * ```
 */
export function expungeRecord<S extends z.ZodType>(settings: StoreSettings<S>, id: string, context: AccessContext): Promise<Checked<ExpungeOutcome, RecordIssue>> {
  return runOperation(settings, { action: 'expunge', permission: 'expunge' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    // The records merged into this one stay known (their disclosures belong to its accounting).
    const replaces = yield* mergedIntoRecord(scope.tx, scope.key);
    yield* step(scope.tx.clearData(scope.key, ['version', 'amendment', 'correction']));
    scope.chain.add('expunge', scope.key, null, { recordId: scope.key, by: scope.context.actor, reason: scope.context.reason ?? null, versions: head.version, replacedBy: head.replacedBy, replaces });
    yield* step(scope.tx.putHead({ ...head, state: 'expunged', document: 'null', at: scope.chain.at }));
    scope.documents.forget(scope.key);
    return ok({ id, versions: head.version });
  }, (gone) => gone.versions);
}
