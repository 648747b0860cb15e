import type { DateTime } from 'luxon';
import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import { readAmendmentExtension, readAmendmentRequest, type AmendmentRequest } from './amendmentInput.js';
import { deadlineIssue, forCaller, pendingAmendment, recordAmendments, storeAmendmentEvent } from './amendmentEvents.js';
import { permits, type AccessContext } from './context.js';
import { AMENDMENT_DAYS, daysAfter, refused, type Amendment } from './amendmentLog.js';
import { recordsMergedInto } from './mergedRecords.js';
import { runOperation, type OperationKind } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { statementIssue } from './patchInput.js';
import { unreadable } from './writeVersion.js';
import { step } from './steps.js';

export type { AmendmentDecision, AmendmentRequest } from './amendmentInput.js';
export { decideAmendment } from './amendmentDecision.js';

/**
 * Lists a record's amendment requests with their outcome, oldest first: its own and those of every
 * record merged into it (each naming the record and version it concerns). Needs `read`, or `amend`:
 * a role that may not read gets only the requests its own actor made, of this record and of those
 * merged into it, with their outcome, statements and rebuttal (164.526(c)(2), (d)(1), (d)(3)), less
 * where an acceptance was written (`appliedVersion`, `appliedRecordId`); a deleted or merged record
 * where it made none is `records.not_found` to it, as to a request.
 *
 * @example
 * ```ts
 * await listAmendments(settings, 'p1', context);
 * ```
 */
export function listAmendments<S extends z.ZodType>(settings: StoreSettings<S>, id: string, context: AccessContext): Promise<Checked<Amendment[], RecordIssue>> {
  return runOperation(settings, { action: 'amendments', permission: 'read', orPermission: 'amend' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    const { actor, role } = scope.context;
    const reader = permits(settings.policy, role, 'read');
    const all = yield* recordAmendments(scope.tx, scope.key);
    for (const key of yield* recordsMergedInto(scope.tx, scope.key)) all.push(...(yield* recordAmendments(scope.tx, key)));
    const shown = reader ? all : all.filter((a) => a.requestedBy === actor).map((a) => forCaller(a, false));
    // A role that may not read learns nothing of a record that no longer takes requests, unless it made some there.
    if (!reader && head.state !== 'active' && shown.length === 0) return fail([recordIssue('records.not_found', ['id'], 'no record under this id takes amendment requests')]);
    return ok(shown.sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0)));
  });
}

/**
 * Records an individual's request to amend a version of their record (permission `amend`). A
 * `proposedPatch` is kept with the request as the individual's wording; it is applied only if the
 * decision passes it (or a corrected patch) as its own `patch`. The request is due 60 days later
 * (`dueBy`). A role that may not read is told nothing of the record's state or versions: a deleted or
 * merged record is `records.not_found` to it, and a bad version `records.version_not_found` without
 * the range.
 *
 * @example
 * ```ts
 * await requestAmendment(settings, 'p1', { version: 2, description: 'I am not allergic to penicillin' }, context);
 * ```
 */
export function requestAmendment<S extends z.ZodType>(settings: StoreSettings<S>, id: string, request: AmendmentRequest, context: AccessContext): Promise<Checked<Amendment, RecordIssue>> {
  return runOperation(settings, { action: 'amendment-request', permission: 'amend' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    const reader = permits(settings.policy, scope.context.role, 'read');
    if (head === undefined || head.state === 'expunged' || (!reader && head.state !== 'active')) {
      return fail([recordIssue('records.not_found', ['id'], reader ? 'no such record' : 'no record under this id takes amendment requests')]);
    }
    const problem = unreadable(head, ['id']);
    if (problem !== undefined) return fail([problem]);
    const read = readAmendmentRequest(settings, request, head.version, reader);
    if (!read.ok) return read;
    const { version, description, proposedPatch } = read.value;
    const existing = yield* recordAmendments(scope.tx, scope.key);
    const amendmentId = `${id}-amendment-${existing.length + 1}`;
    return ok(storeAmendmentEvent(scope, scope.key, undefined, { event: 'requested', amendmentId, version, description, ...(proposedPatch ? { proposedPatch } : {}) }));
  });
}

const EXTEND: OperationKind = { action: 'amendment-extend', permission: 'amend-decide', alsoNeeds: { permission: 'read', because: 'an extension answers with the amendment it extends' } };

/**
 * Extends the deadline of an undecided amendment request once, by at most 30 days (HIPAA
 * 164.526(b)(2)(ii); permissions `amend-decide` and `read`), with a written reason. `completeBy` is the
 * date action will be completed by (default: 30 days after the current `dueBy`); the amendment's
 * `dueBy` becomes it and `extension` holds who gave it, when and why. A second extension, one given
 * after the 60 days ran out, or a `completeBy` not after the current `dueBy` or more than 30 days
 * after it is `records.amendment_deadline`; a decided amendment is `records.amendment_state`. The
 * record is checked as for a decision (a duplicate's amendment is extended through the survivor).
 *
 * @example
 * ```ts
 * await extendAmendment(settings, 'p1', 'p1-amendment-1', { reason: 'the chart is held off site' }, context);
 * ```
 */
export function extendAmendment<S extends z.ZodType>(settings: StoreSettings<S>, id: string, amendmentId: string, extension: { readonly reason: string; readonly completeBy?: DateTime }, context: AccessContext): Promise<Checked<Amendment, RecordIssue>> {
  return runOperation<S, Amendment>(settings, EXTEND, id, context, function* (scope) {
    const read = readAmendmentExtension(settings, extension);
    if (!read.ok) return read;
    const found = yield* pendingAmendment(settings, scope, amendmentId, (a) => a.status === 'requested', 'refused');
    if (!found.ok) return found;
    const { amendment, owner } = found.value;
    if (amendment.extension !== undefined) return fail([deadlineIssue(['amendmentId'], `the deadline was already extended once, to ${amendment.dueBy}`)]);
    if (scope.chain.at > amendment.dueBy) return fail([deadlineIssue(['amendmentId'], `the ${AMENDMENT_DAYS.decide} days ran out at ${amendment.dueBy}: an extension is given within them`)]);
    const latest = daysAfter(amendment.dueBy, AMENDMENT_DAYS.extension);
    const dueBy = read.value.completeBy ?? latest;
    if (dueBy <= amendment.dueBy || dueBy > latest) return fail([deadlineIssue(['extension', 'completeBy'], `an extension ends after ${amendment.dueBy} and no later than ${latest}`)]);
    return ok(storeAmendmentEvent(scope, owner, amendment, { event: 'extended', amendmentId: amendment.id, reason: read.value.reason, dueBy }));
  });
}

/**
 * Files the individual's statement of disagreement with a denial, in whole or in part (permission
 * `amend`), or the covered entity's rebuttal to it (permissions `amend-decide` and `read`). Any other
 * `kind` is `records.invalid_input`. The answer is the amendment, so a role that may not read files a
 * disagreement only with a request its own actor made (the individual, or the representative who
 * filed the request for them): any other amendment is `records.amendment_not_found` to it, whatever
 * its state, as an unknown one is; its answer leaves out where an acceptance was written.
 * A statement may still be filed on a deleted record: the denial it answers was made, and the
 * amendment documentation stays with the record's kept history (HIPAA 164.526(d)(4)). The amendment
 * of a duplicate merged into `id` is answered through the survivor. An unknown or expunged id is
 * `records.not_found`, a merged record `records.merged` with `survivorId`.
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
    const allowed = (a: Amendment): boolean => refused(a) && (kind === 'disagreement' ? a.disagreement === undefined : a.disagreement !== undefined && a.rebuttal === undefined);
    const found = yield* pendingAmendment(settings, scope, amendmentId, allowed, 'kept');
    if (!found.ok) return found;
    const badStatement = statementIssue(settings, statement, ['statement']);
    if (badStatement !== undefined) return fail([badStatement]);
    const filed = storeAmendmentEvent(scope, found.value.owner, found.value.amendment, { event: kind, amendmentId: found.value.amendment.id, statement });
    return ok(forCaller(filed, permits(settings.policy, scope.context.role, 'read')));
  });
}
