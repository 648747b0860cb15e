import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import { permits, type AccessContext } from './context.js';
import type { JsonValue } from './json.js';
import { applyPatch, type JsonPatch } from './jsonPatch.js';
import { foldAmendments, type Amendment, type AmendmentEvent, type StampedAmendmentEvent } from './amendmentLog.js';
import { runOperation, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { patchInputIssue, statementIssue } from './patchInput.js';
import { unreadable, validateDocument, versionConflict, writeVersion } from './writeVersion.js';
import { step, type Steps } from './steps.js';

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
 * Records an individual's request to amend a version of their record. A `proposedPatch` is kept
 * with the request as the individual's wording; it is applied only if the decision passes it (or a
 * corrected patch) as its own `patch`.
 *
 * @example
 * ```ts
 * await requestAmendment(settings, 'p1', { version: 2, description: 'I am not allergic to penicillin' }, context);
 * ```
 */
export function requestAmendment<S extends z.ZodType>(
  settings: StoreSettings<S>,
  id: string,
  request: { readonly version: number; readonly description: string; readonly proposedPatch?: JsonPatch },
  context: AccessContext,
): Promise<Checked<Amendment, RecordIssue>> {
  return runOperation(settings, { action: 'amendment-request', permission: 'amend' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    const problem = unreadable(head, ['id']);
    if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    if (typeof request !== 'object' || request === null) return fail([recordIssue('records.invalid_input', ['request'], 'the request must be an object')]);
    if (!Number.isInteger(request.version) || request.version < 1 || request.version > head.version) return fail([recordIssue('records.version_not_found', ['request', 'version'], `versions run from 1 to ${head.version}`)]);
    const badDescription = statementIssue(settings, request.description, ['request', 'description']);
    if (badDescription !== undefined) return fail([badDescription]);
    const existing = yield* amendmentsIn(scope);
    const amendmentId = `${id}-amendment-${existing.length + 1}`;
    const badPatch = request.proposedPatch === undefined ? undefined : patchInputIssue(settings, request.proposedPatch, ['request', 'proposedPatch']);
    if (badPatch !== undefined) return fail([badPatch]);
    const { version, description, proposedPatch } = request;
    record(scope, { event: 'requested', amendmentId, version, description, ...(proposedPatch ? { proposedPatch } : {}) });
    return ok({
      id: amendmentId, version, description, requestedBy: scope.context.actor, requestedAt: scope.chain.at, status: 'requested',
      ...(proposedPatch ? { proposedPatch } : {}),
    });
  });
}

/**
 * How an amendment request was decided: accepted (optionally with the patch to apply, checked against
 * `expectedVersion`) or denied with the basis for the denial.
 *
 * @example
 * ```ts
 * const d: AmendmentDecision = { outcome: 'accepted', expectedVersion: 3, patch: [{ op: 'remove', path: '/allergies/0' }] };
 * ```
 */
export type AmendmentDecision =
  | { readonly outcome: 'accepted'; readonly expectedVersion?: number; readonly patch?: JsonPatch }
  | { readonly outcome: 'denied'; readonly reason: string };

function* pending(scope: OperationScope, amendmentId: string, wanted: (a: Amendment) => boolean): Steps<Checked<Amendment, RecordIssue>> {
  const found = (yield* amendmentsIn(scope)).find((a) => a.id === amendmentId);
  if (found === undefined) return fail([recordIssue('records.amendment_not_found', ['amendmentId'], 'no such amendment')]);
  return wanted(found) ? ok(found) : fail([recordIssue('records.amendment_state', ['amendmentId'], `the amendment is ${found.status}`)]);
}

function* accept(settings: StoreSettings<z.ZodType>, scope: OperationScope, amendmentId: string, expectedVersion: number | undefined, patch: JsonPatch | undefined): Steps<Checked<number | undefined, RecordIssue>> {
  if (patch === undefined) return ok(undefined);
  if (!permits(settings.policy, scope.context.role, 'write')) {
    return fail([recordIssue('records.forbidden', ['context', 'role'], `role '${scope.context.role}' may not write, so it cannot accept with a patch`)]);
  }
  const head = yield* step(scope.tx.head(scope.key));
  const problem = unreadable(head, ['id']);
  if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
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

/**
 * Decides an amendment request (permission `amend-decide`). Acceptance with a patch writes a new
 * version (operation `amend`, which also needs `write`) linked from the amendment; the original
 * version stays readable. The request's `proposedPatch` is not applied by itself: pass it as the
 * decision's `patch` to make the change as asked; accepted without a patch, the amendment stays
 * linked to the version it concerns and no version is written.
 *
 * @example
 * ```ts
 * await decideAmendment(settings, 'p1', 'p1-amendment-1', { outcome: 'denied', reason: 'accurate and complete' }, context);
 * ```
 */
export function decideAmendment<S extends z.ZodType>(settings: StoreSettings<S>, id: string, amendmentId: string, decision: AmendmentDecision, context: AccessContext): Promise<Checked<Amendment, RecordIssue>> {
  return runOperation(settings, { action: 'amendment-decide', permission: 'amend-decide' }, id, context, function* (scope) {
    if (typeof decision !== 'object' || decision === null || (decision.outcome !== 'accepted' && decision.outcome !== 'denied')) {
      return fail([recordIssue('records.invalid_input', ['decision', 'outcome'], "a decision is 'accepted' or 'denied'")]);
    }
    const found = yield* pending(scope, amendmentId, (a) => a.status === 'requested');
    if (!found.ok) return found;
    if (decision.outcome === 'denied') {
      const badReason = statementIssue(settings, decision.reason, ['decision', 'reason']);
      if (badReason !== undefined) return fail([badReason]);
      record(scope, { event: 'denied', amendmentId, reason: decision.reason });
      return ok({ ...found.value, status: 'denied', decidedBy: scope.context.actor, decidedAt: scope.chain.at, denialReason: decision.reason });
    }
    const applied = yield* accept(settings, scope, amendmentId, decision.expectedVersion, decision.patch);
    if (!applied.ok) return applied;
    record(scope, { event: 'accepted', amendmentId, ...(applied.value !== undefined ? { appliedVersion: applied.value } : {}) });
    return ok({ ...found.value, status: 'accepted', decidedBy: scope.context.actor, decidedAt: scope.chain.at, ...(applied.value !== undefined ? { appliedVersion: applied.value } : {}) });
  });
}

/**
 * Files the individual's statement of disagreement with a denial (permission `amend`), or the covered
 * entity's rebuttal to it (permission `amend-decide`). Any other `kind` is `records.invalid_input`.
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
  const kindOf = { action: known ? `amendment-${kind}` : 'amendment-statement', permission: kind === 'rebuttal' ? 'amend-decide' : 'amend' } as const;
  return runOperation(settings, kindOf, id, context, function* (scope) {
    if (!known) return fail([recordIssue('records.invalid_input', ['kind'], "a statement is a 'disagreement' or a 'rebuttal'")]);
    const allowed = (a: Amendment): boolean => a.status === 'denied' && (kind === 'disagreement' ? a.disagreement === undefined : a.disagreement !== undefined && a.rebuttal === undefined);
    const found = yield* pending(scope, amendmentId, allowed);
    if (!found.ok) return found;
    const badStatement = statementIssue(settings, statement, ['statement']);
    if (badStatement !== undefined) return fail([badStatement]);
    record(scope, { event: kind, amendmentId, statement });
    return ok({ ...found.value, [kind]: { by: scope.context.actor, at: scope.chain.at, statement } });
  });
}
