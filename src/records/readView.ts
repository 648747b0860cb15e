import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { AccessContext } from './context.js';
import type { JsonValue } from './json.js';
import { runOperation } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { step } from './steps.js';
import type { RecordVersion } from './versionMeta.js';
import { redactForView, type ViewPolicy } from './views.js';
import { currentVersion } from './writes.js';
import { unreadable } from './writeVersion.js';

/**
 * Reads a record's current version through a minimum-necessary view: the redacted copy the context's
 * role may see for its purpose, with the version's metadata less its free-text `reason` and without
 * amendment links (`amendments`, which a read shows: a view tells no more than it did). Needs the
 * `view` permission (which `read` includes). One audited operation, `read-view`: a view the policy
 * refuses is audited as `denied` and a malformed policy as a failure, never as a full read.
 *
 * @example
 * ```ts
 * const view = await readRecordView(settings, 'p1', [{ role: 'biller', purposes: ['HPAYMT'], fields: ['/name'] }], biller);
 * ```
 */
export function readRecordView<S extends z.ZodType>(settings: StoreSettings<S>, id: string, policy: ViewPolicy, context: AccessContext): Promise<Checked<RecordVersion<JsonValue>, RecordIssue>> {
  return runOperation(settings, { action: 'read-view', permission: 'view' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    const problem = unreadable(head, ['id']);
    if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    const current = yield* currentVersion<JsonValue>(scope, head);
    const redacted = redactForView(current.document, policy, scope.context.role, scope.context.purposeOfUse);
    // The version's reason is free text a writer may fill with clinical detail, and amendment links
    // would tell that the record is disputed: no view shows either.
    const { reason: _reason, amendments: _amendments, ...meta } = current.meta;
    return redacted.ok ? ok({ meta, document: redacted.value }) : fail(redacted.issues);
  }, (view) => view.meta.version);
}
