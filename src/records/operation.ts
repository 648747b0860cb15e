import type { z } from 'zod';
import { fail, MedofficeUsageError, type Checked } from '../core/result.js';
import type { StorageTx } from './adapter.js';
import { auditEvent, auditEventText } from './auditEvent.js';
import { chainWriter, type ChainWriter } from './chainEntry.js';
import type { DocumentCache } from './documentCache.js';
import { isoInstant } from '../core/isoInstant.js';
import { auditedPartyOf, permits, type AccessContext, type Permission } from './context.js';
import type { AuditedParty } from './auditEvent.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { runSteps, step, type Steps } from './steps.js';

/** What an operation body gets: the open transaction, the chain writer, who asks, the record key and the store's document cache. */
export interface OperationScope {
  readonly tx: StorageTx;
  readonly chain: ChainWriter;
  readonly context: AccessContext;
  readonly key: string;
  readonly documents: DocumentCache;
}

/**
 * How an operation is named in its audit event and which permission it needs. An operation that
 * answers with the stored record, or tests a caller's input against it (a patch, a delete), also names
 * `alsoNeeds`: `read`, and why, so that a role without `read` never sees the whole record through it.
 * An operation that a second permission also allows (listing amendments: `read`, or `amend` for the
 * caller's own requests) names it as `orPermission`; the body then answers by what the role may do.
 *
 * @example
 * ```ts
 * const kind: OperationKind = { action: 'delete', permission: 'delete', alsoNeeds: { permission: 'read', because: 'a delete answers with the record' } };
 * ```
 */
export interface OperationKind {
  readonly action: string;
  readonly permission: Permission;
  readonly orPermission?: Permission;
  readonly alsoNeeds?: { readonly permission: Permission; readonly because: string };
}

const RECORD_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Checks a record id the FHIR way: 1 to 64 letters, digits, `-` and `.`.
 *
 * @example
 * ```ts
 * checkId('p-1', ['id']); // undefined (fine)
 * ```
 */
export function checkId(id: unknown, path: readonly (string | number)[]): RecordIssue | undefined {
  return typeof id === 'string' && RECORD_ID.test(id) ? undefined : recordIssue('records.invalid_input', path, 'an id is 1 to 64 letters, digits, - or .');
}

/**
 * Runs one audited store operation in one transaction: checks the context, the id and the permissions,
 * runs the body, and appends an audit event whatever the outcome. On failure only the audit event is
 * written; on success the body's entries and the audit event commit together. With an adapter that
 * answers at once the whole transaction runs without waiting.
 *
 * @example
 * ```ts
 * return runOperation(settings, { action: 'read', permission: 'read' }, id, context, function* (scope) { return ok(1); });
 * ```
 */
export async function runOperation<S extends z.ZodType, R>(
  settings: StoreSettings<S>,
  kind: OperationKind,
  id: unknown,
  rawContext: unknown,
  body: (scope: OperationScope) => Steps<Checked<R, RecordIssue>>,
  versionOf: (value: R) => number | undefined = () => undefined,
  alsoConcerns?: OtherRecord<R>,
): Promise<Checked<R, RecordIssue>> {
  const parsed = settings.contexts.check(rawContext);
  const badId = checkId(id, ['id']);
  // A refused context is still audited, under whatever parts of it are well formed.
  const refused = parsed.ok ? (badId === undefined ? undefined : [badId]) : parsed.issues;
  const context = parsed.ok ? parsed.value : auditedPartyOf(rawContext);
  const key = `${settings.resourceType}/${typeof id === 'string' && badId === undefined ? id : '?'}`;
  const instant = settings.clock();
  if (!instant.isValid) throw new MedofficeUsageError('the store clock returned an invalid DateTime');
  const now = isoInstant(instant.toMillis());
  const run: Operation<R> = { kind, key, context, now, refused, body, versionOf, settings, alsoConcerns };
  try {
    return await settings.adapter.transact((tx) => runSteps(operationSteps(tx, run)));
  } catch (error) {
    await auditStorageFailure(settings, kind, alsoConcerns === undefined ? [key] : [key, alsoConcerns.key], context, now);
    throw error;
  }
}

/** Everything one operation's transaction needs. */
interface Operation<R> {
  readonly kind: OperationKind;
  readonly key: string;
  /** The parsed context, or what can be audited of a refused one (then `refused` is set). */
  readonly context: AccessContext | AuditedParty;
  readonly now: string;
  /** Why the operation is refused before its body runs: a bad context or id. */
  readonly refused: readonly RecordIssue[] | undefined;
  readonly body: (scope: OperationScope) => Steps<Checked<R, RecordIssue>>;
  readonly versionOf: (value: R) => number | undefined;
  readonly settings: StoreSettings<z.ZodType>;
  readonly alsoConcerns: OtherRecord<R> | undefined;
}

/**
 * A second record an operation concerns (the survivor of a merge): it gets an audit event of its own,
 * whatever the outcome, so its audit trail shows the operation too.
 *
 * @example
 * ```ts
 * const survivor: OtherRecord<MergeOutcome> = { key: 'Patient/p1', versionOf: (merged) => merged.survivor.version };
 * ```
 */
export interface OtherRecord<R> {
  /** Its store key, `Patient/p1`. */
  readonly key: string;
  /** The version the operation wrote or read of it, if any. */
  readonly versionOf: (value: R) => number | undefined;
}

function* operationSteps<R>(tx: StorageTx, run: Operation<R>): Steps<Checked<R, RecordIssue>> {
  const { kind, key, context, now, settings } = run;
  const tip = yield* step(tx.tip());
  let chain = chainWriter(tip, now);
  let result: Checked<R, RecordIssue>;
  if (run.refused !== undefined) result = fail([...run.refused]);
  else if (!permits(settings.policy, context.role, kind.permission) && (kind.orPermission === undefined || !permits(settings.policy, context.role, kind.orPermission))) {
    const either = kind.orPermission === undefined ? kind.permission : `${kind.permission} or ${kind.orPermission}`;
    result = fail([recordIssue('records.forbidden', ['context', 'role'], `role '${context.role}' may not ${either}`)]);
  } else if (kind.alsoNeeds !== undefined && !permits(settings.policy, context.role, kind.alsoNeeds.permission)) {
    result = fail([recordIssue('records.forbidden', ['context', 'role'], `role '${context.role}' may not ${kind.alsoNeeds.permission}, and ${kind.alsoNeeds.because}`)]);
  } else result = yield* run.body({ tx, chain, context: context as AccessContext, key, documents: settings.documents });
  if (!result.ok) chain = chainWriter(tip, now);
  chain.addText('audit', key, null, auditEventText(auditEvent(kind.action, key, context, result, result.ok ? run.versionOf(result.value) : undefined)));
  const other = run.alsoConcerns;
  if (other !== undefined) {
    chain.addText('audit', other.key, null, auditEventText(auditEvent(kind.action, other.key, context, result, result.ok ? other.versionOf(result.value) : undefined)));
  }
  yield* step(tx.append(chain.rows));
  return result;
}

/**
 * After a transaction threw (nothing of it kept), records the failed attempt on every record it
 * concerned (the duplicate and the survivor of a merge) in a transaction of its own, if the storage
 * still takes one.
 */
async function auditStorageFailure<S extends z.ZodType>(settings: StoreSettings<S>, kind: OperationKind, keys: readonly string[], context: AuditedParty, now: string): Promise<void> {
  const failed = fail([recordIssue('records.storage_failed', [], 'the storage failed during the operation')]);
  await settings.adapter.transact(async (tx) => {
    const chain = chainWriter(await tx.tip(), now);
    for (const key of keys) chain.addText('audit', key, null, auditEventText(auditEvent(kind.action, key, context, failed, undefined)));
    await tx.append(chain.rows);
  }).catch(() => undefined);
}
