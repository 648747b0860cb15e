import type { z } from 'zod';
import { match } from 'ts-pattern';
import { fail, ok, type Checked } from '../core/result.js';
import type { HeadRow } from './adapter.js';
import { readAmendmentDecision, type AmendmentDecision, type ReadDecision } from './amendmentInput.js';
import { pendingAmendment, storeAmendmentEvent, type FoundAmendment } from './amendmentEvents.js';
import { permits, type AccessContext } from './context.js';
import type { JsonValue } from './json.js';
import { applyPatch } from './jsonPatch.js';
import type { Amendment, AmendmentEvent } from './amendmentLog.js';
import { runOperation, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { validateDocument, versionConflict, writeVersion } from './writeVersion.js';
import type { Steps } from './steps.js';

function* accept(settings: StoreSettings<z.ZodType>, scope: OperationScope, head: HeadRow, why: string, expectedVersion: unknown, patch: unknown): Steps<Checked<number | undefined, RecordIssue>> {
  if (patch === undefined) return ok(undefined);
  const role = scope.context.role;
  if (!permits(settings.policy, role, 'write')) return fail([recordIssue('records.forbidden', ['context', 'role'], `role '${role}' may not write, so it cannot accept with a patch`)]);
  const stale = versionConflict(head, expectedVersion);
  if (stale !== undefined) return fail([{ ...stale, path: ['decision', 'expectedVersion'] }]);
  const patched = applyPatch(JSON.parse(head.document) as JsonValue, patch);
  if (!patched.ok) return fail(patched.issues.map((found) => ({ ...found, path: ['decision', 'patch', ...found.path] })));
  // The document is the patch's result: its schema issues belong to the argument that made it.
  const valid = validateDocument(settings, patched.value, ['decision', 'patch']);
  if (!valid.ok) return valid;
  if (valid.value.text === head.document) return ok(undefined);
  const context = { ...scope.context, reason: scope.context.reason === undefined ? why : `${why}: ${scope.context.reason}` };
  const written = yield* writeVersion({ ...scope, context }, head, { document: valid.value, state: 'active', operation: 'amend' });
  return ok(written.meta.version);
}

/** Why a decision needs `read`: it answers with the request it decides, and a patch is tested against the record. */
function readNeeded(decision: ReadDecision, role: string): RecordIssue {
  const because = decision.outcome !== 'denied' && decision.patch !== undefined
    ? 'accepting with a patch tests the patch against the record'
    : 'a decision answers with the amendment request it decides, and deciding means judging the record';
  return recordIssue('records.forbidden', ['context', 'role'], `role '${role}' may not read, and ${because}`);
}

/** The event that records a decision, after writing the version an acceptance's patch makes (to the record decided through). */
function* decisionEvent(settings: StoreSettings<z.ZodType>, scope: OperationScope, found: FoundAmendment, decision: ReadDecision): Steps<Checked<AmendmentEvent, RecordIssue>> {
  const amendmentId = found.amendment.id;
  if (decision.outcome === 'denied') return ok({ event: 'denied', amendmentId, reason: decision.reason });
  const why = `amendment ${amendmentId} ${decision.outcome === 'accepted' ? 'accepted' : 'accepted in part'}`;
  const applied = yield* accept(settings, scope, found.head, why, decision.expectedVersion, decision.patch);
  if (!applied.ok) return applied;
  const written = applied.value === undefined ? {} : { appliedVersion: applied.value, ...(found.owner === scope.key ? {} : { appliedTo: scope.key }) };
  return ok(match(decision)
    .with({ outcome: 'accepted' }, (): AmendmentEvent => ({ event: 'accepted', amendmentId, ...written }))
    .with({ outcome: 'accepted-in-part' }, (d): AmendmentEvent => ({ event: 'accepted-in-part', amendmentId, reason: d.reason, ...written }))
    .exhaustive());
}

/**
 * Decides an amendment request (permissions `amend-decide` and `read`: the covered entity judges
 * whether the record is accurate and complete, and the answer is the whole amendment). Without `read`
 * the answer is `records.forbidden`, before the record or the amendment is looked at. The outcome is
 * `accepted`, `accepted-in-part` (with `reason`, the basis for refusing the rest, which the individual
 * may then disagree with) or `denied` (with `reason`). An acceptance, in whole or in part, with a
 * patch writes a new version (operation `amend`, which also needs `write`) linked from the amendment;
 * the original version stays readable. The request's `proposedPatch` is not applied by itself: pass
 * it as the decision's `patch` to make the change as asked; accepted without a patch, the amendment
 * stays linked to the version it concerns and no version is written. A schema issue of the patched
 * document is reported under `['decision', 'patch']`. A decision after `dueBy` is still taken, and the
 * amendment shows `decidedLate: true`.
 *
 * The amendment may be one of a record merged into `id`: it is decided through the survivor, its
 * events stay with the duplicate's, and a patch applies to the survivor's current document
 * (`appliedRecordId` names it). The record must be readable: an unknown or expunged id is
 * `records.not_found`, a deleted record `records.gone`, a merged one `records.merged` with
 * `survivorId`.
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
    const found = yield* pendingAmendment(settings, scope, amendmentId, (a) => a.status === 'requested', 'refused');
    if (!found.ok) return found;
    const event = yield* decisionEvent(settings, scope, found.value, read.value);
    return event.ok ? ok(storeAmendmentEvent(scope, found.value.owner, found.value.amendment, event.value)) : event;
  }, (decided) => decided.appliedVersion);
}
