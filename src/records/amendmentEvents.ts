import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { EntryRow, HeadRow, StorageTx } from './adapter.js';
import { permits } from './context.js';
import { applyAmendmentEvent, foldAmendments, type Amendment, type AmendmentEvent, type StampedAmendmentEvent } from './amendmentLog.js';
import { recordsMergedInto } from './mergedRecords.js';
import type { OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { unreadable } from './writeVersion.js';
import { step, type Steps } from './steps.js';

/**
 * The amendments whose events a record's entries hold (those requested about its versions), oldest
 * first. Every event of an amendment is stored under that record, also a decision or statement made
 * through the survivor after the record was merged.
 *
 * @param tx - the open transaction
 * @param key - the record's key, `Patient/p1`
 * @returns the amendments
 * @example
 * ```ts
 * const own = yield* recordAmendments(scope.tx, 'Patient/p1');
 * ```
 */
export function* recordAmendments(tx: StorageTx, key: string): Steps<Amendment[]> {
  return amendmentsOfRows(yield* step(tx.entriesOf(key, 'amendment')));
}

/**
 * The amendments a record's `amendment` entries hold, folded from their events (an expunged entry
 * gives none).
 *
 * @param rows - the record's amendment entries, ascending by sequence
 * @example
 * ```ts
 * markAmended(metas, amendmentsOfRows(await tx.entriesOf('Patient/p1', 'amendment')));
 * ```
 */
export function amendmentsOfRows(rows: readonly EntryRow[]): Amendment[] {
  return foldAmendments(rows.flatMap((row) => (row.data === null ? [] : [{ ...(JSON.parse(row.data) as AmendmentEvent & { by: string }), at: row.at, recordId: row.recordId } as StampedAmendmentEvent])));
}

/**
 * Stores an event of an amendment under the record it concerns, and answers with the amendment after it.
 *
 * @example
 * ```ts
 * const amendment = storeAmendmentEvent(scope, 'Patient/p1', undefined, { event: 'requested', amendmentId: 'p1-amendment-1', version: 2, description: 'wrong allergy' });
 * ```
 */
export function storeAmendmentEvent(scope: OperationScope, owner: string, amendment: Amendment | undefined, event: AmendmentEvent): Amendment {
  const by = scope.context.actor;
  scope.chain.add('amendment', owner, null, { ...event, recordId: owner, by });
  const next = applyAmendmentEvent(amendment, { ...event, by, at: scope.chain.at, recordId: owner });
  if (next === undefined) throw new Error(`amendment event ${event.event} on ${event.amendmentId} applies to nothing`);
  return next;
}

/**
 * What a role that may not read is told of its own request: the outcome, not where in the record it was written.
 *
 * @example
 * ```ts
 * forCaller(amendment, false); // without appliedVersion and appliedRecordId
 * ```
 */
export function forCaller(amendment: Amendment, reader: boolean): Amendment {
  if (reader) return amendment;
  const { appliedVersion: _version, appliedRecordId: _record, ...told } = amendment;
  return told;
}

/**
 * A `records.amendment_deadline` issue: an extension that 164.526(b)(2)(ii) does not allow.
 *
 * @example
 * ```ts
 * deadlineIssue(['amendmentId'], 'the deadline was already extended once');
 * ```
 */
export function deadlineIssue(path: readonly (string | number)[], message: string): RecordIssue {
  return recordIssue('records.amendment_deadline', path, message);
}

const AMENDMENT_ID = /^([A-Za-z0-9\-.]{1,64})-amendment-[1-9][0-9]*$/;

/** The key of the record whose entries hold an amendment, read off its id (`p2-amendment-1`: `Patient/p2`). */
function ownerKey(settings: StoreSettings<z.ZodType>, amendmentId: unknown): string | undefined {
  const id = typeof amendmentId === 'string' ? AMENDMENT_ID.exec(amendmentId)?.[1] : undefined;
  return id === undefined ? undefined : `${settings.resourceType}/${id}`;
}

/**
 * An amendment reachable from the record of `scope`: one of its own, or one of a record merged into
 * it (directly or through merges of merges). With `by`, only a request that actor made.
 */
function* locate(settings: StoreSettings<z.ZodType>, scope: OperationScope, amendmentId: string, by: string | undefined): Steps<{ amendment: Amendment; owner: string } | undefined> {
  const owner = ownerKey(settings, amendmentId);
  if (owner === undefined) return undefined;
  if (owner !== scope.key && !(yield* recordsMergedInto(scope.tx, scope.key)).includes(owner)) return undefined;
  const amendment = (yield* recordAmendments(scope.tx, owner)).find((a) => a.id === amendmentId && (by === undefined || a.requestedBy === by));
  return amendment === undefined ? undefined : { amendment, owner };
}

/**
 * An amendment found for a decision, extension or statement: where its events are stored, and the head of the record asked about.
 *
 * @example
 * ```ts
 * const found: FoundAmendment = { amendment, owner: 'Patient/p2', head };
 * ```
 */
export interface FoundAmendment {
  readonly amendment: Amendment;
  readonly owner: string;
  readonly head: HeadRow;
}

/**
 * The amendment a decision, extension or statement is about, when its record may take one and the
 * amendment is in the state `wanted` asks for. The amendment is the record's own or that of a record
 * merged into it. The record must be readable (`records.not_found`, `records.gone`, `records.merged`
 * with `survivorId` otherwise, as for a request), except that a statement (`deleted: 'kept'`) is still
 * filed on a deleted record, whose history and amendment documentation are kept (HIPAA 164.526(d)(4)).
 * A caller whose role may not read sees only the amendments its actor requested: any other is
 * `records.amendment_not_found`, as if it did not exist, before the record's state or the amendment's
 * is looked at.
 *
 * @example
 * ```ts
 * const found = yield* pendingAmendment(settings, scope, 'p1-amendment-1', (a) => a.status === 'requested', 'refused');
 * ```
 */
export function* pendingAmendment(settings: StoreSettings<z.ZodType>, scope: OperationScope, amendmentId: string, wanted: (a: Amendment) => boolean, deleted: 'refused' | 'kept'): Steps<Checked<FoundAmendment, RecordIssue>> {
  const head = yield* step(scope.tx.head(scope.key));
  if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
  const { actor, role } = scope.context;
  const reader = permits(settings.policy, role, 'read');
  const notFound = fail([recordIssue('records.amendment_not_found', ['amendmentId'], reader ? 'no such amendment' : `no such amendment requested by '${actor}' (a role that may not read sees only its own requests)`)]);
  const mine = reader ? undefined : yield* locate(settings, scope, amendmentId, actor);
  if (!reader && mine === undefined) return notFound;
  const problem = unreadable(head, ['id']);
  if (problem !== undefined && !(deleted === 'kept' && head.state === 'deleted')) return fail([problem]);
  const found = mine ?? (yield* locate(settings, scope, amendmentId, undefined));
  if (found === undefined) return notFound;
  return wanted(found.amendment) ? ok({ ...found, head }) : fail([recordIssue('records.amendment_state', ['amendmentId'], `the amendment is ${found.amendment.status}`)]);
}
