import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { HeadRow } from './adapter.js';
import { readAmendmentDecision, readAmendmentRequest, type AmendmentDecision, type AmendmentRequest, type ReadDecision } from './amendmentInput.js';
import { permits, type AccessContext } from './context.js';
import type { JsonValue } from './json.js';
import { applyPatch } from './jsonPatch.js';
import { foldAmendments, type Amendment, type AmendmentEvent, type StampedAmendmentEvent } from './amendmentLog.js';
import { runOperation, type OperationKind, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { statementIssue } from './patchInput.js';
import { unreadable, validateDocument, versionConflict, writeVersion } from './writeVersion.js';
import { step, type Steps } from './steps.js';

export type { AmendmentDecision, AmendmentRequest } from './amendmentInput.js';

function* amendmentsIn(scope: OperationScope): Steps<Amendment[]> {
  const rows = yield* step(scope.tx.entriesOf(scope.key, 'amendment'));
  return foldAmendments(rows.flatMap((row) => (row.data === null ? [] : [{ ...(JSON.parse(row.data) as AmendmentEvent), at: row.at } as StampedAmendmentEvent])));
}

function record(scope: OperationScope, event: AmendmentEvent): void {
  scope.chain.add('amendment', scope.key, null, { ...event, recordId: scope.key, by: scope.context.actor });
}

/**
 * Lists a record's amendment requests with their outcome, oldest first.
 *
 * @example
 * ```ts
 * await listAmendments(settings, 'p1', context);
 * ```
 */
export function listAmendments<S extends z.ZodType>(settings: StoreSettings<S>, id: string, context: AccessContext): Promise<Checked<Amendment[], RecordIssue>> {
  return runOperation(settings, { action: 'amendments', permission: 'read' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    return ok(yield* amendmentsIn(scope));
  });
}

/**
 * Records an individual's request to amend a version of their record (permission `amend`). A
 * `proposedPatch` is kept with the request as the individual's wording; it is applied only if the
 * decision passes it (or a corrected patch) as its own `patch`.
 *
 * @example
 * ```ts
 * await requestAmendment(settings, 'p1', { version: 2, description: 'I am not allergic to penicillin' }, context);
 * ```
 */
export function requestAmendment<S extends z.ZodType>(settings: StoreSettings<S>, id: string, request: AmendmentRequest, context: AccessContext): Promise<Checked<Amendment, RecordIssue>> {
  return runOperation(settings, { action: 'amendment-request', permission: 'amend' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    const problem = unreadable(head, ['id']);
    if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    const read = readAmendmentRequest(settings, request, head.version);
    if (!read.ok) return read;
    const { version, description, proposedPatch } = read.value;
    const existing = yield* amendmentsIn(scope);
    const amendmentId = `${id}-amendment-${existing.length + 1}`;
    record(scope, { event: 'requested', amendmentId, version, description, ...(proposedPatch ? { proposedPatch } : {}) });
    return ok({
      id: amendmentId, version, description, requestedBy: scope.context.actor, requestedAt: scope.chain.at, status: 'requested',
      ...(proposedPatch ? { proposedPatch } : {}),
    });
  });
}

/**
 * The amendment a decision or statement is about, when its record may take one and the amendment is
 * in the state `wanted` asks for. The record must be readable (`records.not_found`, `records.gone`,
 * `records.merged` with `survivorId` otherwise, as for a request), except that a statement
 * (`deleted: 'kept'`) is still filed on a deleted record, whose history and amendment documentation
 * are kept (HIPAA 164.526(d)(4)). A caller whose role may not read sees only the amendments its actor
 * requested: any other is `records.amendment_not_found`, as if it did not exist, before its state is
 * looked at.
 */
function* pending(settings: StoreSettings<z.ZodType>, scope: OperationScope, amendmentId: string, wanted: (a: Amendment) => boolean, deleted: 'refused' | 'kept'): Steps<Checked<{ amendment: Amendment; head: HeadRow }, RecordIssue>> {
  const head = yield* step(scope.tx.head(scope.key));
  const problem = unreadable(head, ['id']);
  if (head === undefined || (problem !== undefined && !(deleted === 'kept' && head.state === 'deleted'))) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
  const { actor, role } = scope.context;
  const reader = permits(settings.policy, role, 'read');
  const found = (yield* amendmentsIn(scope)).find((a) => a.id === amendmentId && (reader || a.requestedBy === actor));
  if (found === undefined) return fail([recordIssue('records.amendment_not_found', ['amendmentId'], reader ? 'no such amendment' : `no such amendment requested by '${actor}' (a role that may not read sees only its own requests)`)]);
  return wanted(found) ? ok({ amendment: found, head }) : fail([recordIssue('records.amendment_state', ['amendmentId'], `the amendment is ${found.status}`)]);
}

function* accept(settings: StoreSettings<z.ZodType>, scope: OperationScope, head: HeadRow, amendmentId: string, expectedVersion: unknown, patch: unknown): Steps<Checked<number | undefined, RecordIssue>> {
  if (patch === undefined) return ok(undefined);
  const role = scope.context.role;
  if (!permits(settings.policy, role, 'write')) return fail([recordIssue('records.forbidden', ['context', 'role'], `role '${role}' may not write, so it cannot accept with a patch`)]);
  const stale = versionConflict(head, expectedVersion);
  if (stale !== undefined) return fail([{ ...stale, path: ['decision', 'expectedVersion'] }]);
  const patched = applyPatch(JSON.parse(head.document) as JsonValue, patch);
  if (!patched.ok) return fail(patched.issues.map((found) => ({ ...found, path: ['decision', 'patch', ...found.path] })));
  const valid = validateDocument(settings, patched.value, ['document']);
  if (!valid.ok) return valid;
  if (valid.value.text === head.document) return ok(undefined);
  const accepted = `amendment ${amendmentId} accepted`;
  const context = { ...scope.context, reason: scope.context.reason === undefined ? accepted : `${accepted}: ${scope.context.reason}` };
  const written = yield* writeVersion({ ...scope, context }, head, { document: valid.value, state: 'active', operation: 'amend' });
  return ok(written.meta.version);
}

/** Why a decision needs `read`: it answers with the request it decides, and a patch is tested against the record. */
function readNeeded(decision: ReadDecision, role: string): RecordIssue {
  const because = decision.outcome === 'accepted' && decision.patch !== undefined
    ? 'accepting with a patch tests the patch against the record'
    : 'a decision answers with the amendment request it decides, and deciding means judging the record';
  return recordIssue('records.forbidden', ['context', 'role'], `role '${role}' may not read, and ${because}`);
}

/**
 * Decides an amendment request (permissions `amend-decide` and `read`: the covered entity judges
 * whether the record is accurate and complete, and the answer is the whole amendment). Without `read`
 * the answer is `records.forbidden`, before the record or the amendment is looked at. Acceptance with
 * a patch writes a new version (operation `amend`, which also needs `write`) linked from the
 * amendment; the original version stays readable. The request's
 * `proposedPatch` is not applied by itself: pass it as the decision's `patch` to make the change as
 * asked; accepted without a patch, the amendment stays linked to the version it concerns and no
 * version is written. The record must be readable: an unknown or expunged id is `records.not_found`,
 * a deleted record `records.gone`, a merged one `records.merged` with `survivorId`.
 *
 * @example
 * ```ts
 * await decideAmendment(settings, 'p1', 'p1-amendment-1', { outcome: 'denied', reason: 'accurate and complete' }, context);
 * ```
 */
export function decideAmendment<S extends z.ZodType>(settings: StoreSettings<S>, id: string, amendmentId: string, decision: AmendmentDecision, context: AccessContext): Promise<Checked<Amendment, RecordIssue>> {
  return runOperation<S, Amendment>(settings, { action: 'amendment-decide', permission: 'amend-decide' }, id, context, function* (scope) {
    const read = readAmendmentDecision(settings, decision);
    if (!read.ok) return read;
    if (!permits(settings.policy, scope.context.role, 'read')) return fail([readNeeded(read.value, scope.context.role)]);
    const found = yield* pending(settings, scope, amendmentId, (a) => a.status === 'requested', 'refused');
    if (!found.ok) return found;
    const { amendment, head } = found.value;
    const decided = { decidedBy: scope.context.actor, decidedAt: scope.chain.at };
    if (read.value.outcome === 'denied') {
      const { reason } = read.value;
      record(scope, { event: 'denied', amendmentId, reason });
      return ok({ ...amendment, status: 'denied', ...decided, denialReason: reason });
    }
    const applied = yield* accept(settings, scope, head, amendmentId, read.value.expectedVersion, read.value.patch);
    if (!applied.ok) return applied;
    const appliedVersion = applied.value !== undefined ? { appliedVersion: applied.value } : {};
    record(scope, { event: 'accepted', amendmentId, ...appliedVersion });
    return ok({ ...amendment, status: 'accepted', ...decided, ...appliedVersion });
  });
}

/**
 * Files the individual's statement of disagreement with a denial (permission `amend`), or the covered
 * entity's rebuttal to it (permissions `amend-decide` and `read`). Any other `kind` is
 * `records.invalid_input`. The answer is the whole amendment, so a role that may not read files a
 * disagreement only with a request its own actor made (the individual, or the representative who
 * filed the request for them): any other amendment is `records.amendment_not_found` to it, whatever
 * its state, as an unknown one is.
 * A statement may still be filed on a deleted record: the denial it answers was made, and the
 * amendment documentation stays with the record's kept history (HIPAA 164.526(d)(4)). An unknown or
 * expunged id is `records.not_found`, a merged record `records.merged` with `survivorId`.
 *
 * @example
 * ```ts
 * await fileAmendmentStatement(settings, 'p1', 'p1-amendment-1', 'disagreement', 'The entry is wrong.', patientContext);
 * ```
 */
export function fileAmendmentStatement<S extends z.ZodType>(
  settings: StoreSettings<S>,
  id: string,
  amendmentId: string,
  kind: 'disagreement' | 'rebuttal',
  statement: string,
  context: AccessContext,
): Promise<Checked<Amendment, RecordIssue>> {
  const known = kind === 'disagreement' || kind === 'rebuttal';
  const kindOf: OperationKind = kind === 'rebuttal'
    ? { action: 'amendment-rebuttal', permission: 'amend-decide', alsoNeeds: { permission: 'read', because: "a rebuttal answers with the amendment and the individual's statement it rebuts" } }
    : { action: known ? `amendment-${kind}` : 'amendment-statement', permission: 'amend' };
  return runOperation(settings, kindOf, id, context, function* (scope) {
    if (!known) return fail([recordIssue('records.invalid_input', ['kind'], "a statement is a 'disagreement' or a 'rebuttal'")]);
    const allowed = (a: Amendment): boolean => a.status === 'denied' && (kind === 'disagreement' ? a.disagreement === undefined : a.disagreement !== undefined && a.rebuttal === undefined);
    const found = yield* pending(settings, scope, amendmentId, allowed, 'kept');
    if (!found.ok) return found;
    const badStatement = statementIssue(settings, statement, ['statement']);
    if (badStatement !== undefined) return fail([badStatement]);
    record(scope, { event: kind, amendmentId, statement });
    return ok({ ...found.value.amendment, [kind]: { by: scope.context.actor, at: scope.chain.at, statement } });
  });
}
