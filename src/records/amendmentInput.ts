import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import { readCallerInput } from './callerInput.js';
import type { JsonPatch } from './jsonPatch.js';
import { readPatchInput, statementIssue } from './patchInput.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';

/**
 * An individual's request to amend a version of their record, with an optional proposed patch (the
 * individual's wording, kept with the request and never applied by itself).
 *
 * @example
 * ```ts
 * const r: AmendmentRequest = { version: 2, description: 'I am not allergic to penicillin' };
 * ```
 */
export interface AmendmentRequest {
  readonly version: number;
  readonly description: string;
  readonly proposedPatch?: JsonPatch;
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

/**
 * A decision as read from the caller: each member read once. An acceptance's expected version and
 * patch are checked where they are used (the patch by `applyPatch`, which reads it once too).
 *
 * @example
 * ```ts
 * const read: ReadDecision = { outcome: 'accepted', expectedVersion: undefined, patch: undefined };
 * ```
 */
export type ReadDecision =
  | { readonly outcome: 'accepted'; readonly expectedVersion: unknown; readonly patch: unknown }
  | { readonly outcome: 'denied'; readonly reason: string };

/**
 * Reads an amendment request: an object whose `version` is one of the record's versions, whose
 * `description` is a statement, and whose `proposedPatch`, if any, is a well-formed patch (kept as a
 * copy). A request that cannot be read (a getter or proxy throws) is `records.invalid_input` at
 * `['request']`.
 *
 * @param settings - the store's settings (for its size limit)
 * @param request - the caller's request
 * @param lastVersion - the record's current version
 * @returns the request, or `records.invalid_input`, `records.version_not_found`, `records.too_large`
 *   or a patch issue, each at its path under `request`
 * @example
 * ```ts
 * readAmendmentRequest(settings, { version: 9, description: 'wrong' }, 3); // records.version_not_found at ['request', 'version']
 * ```
 */
export function readAmendmentRequest<S extends z.ZodType>(settings: StoreSettings<S>, request: unknown, lastVersion: number): Checked<AmendmentRequest, RecordIssue> {
  const raw = readCallerInput(['request'], () => {
    if (typeof request !== 'object' || request === null) return fail([recordIssue('records.invalid_input', ['request'], 'the request must be an object')]);
    const { version, description, proposedPatch } = request as Readonly<Record<string, unknown>>;
    return ok({ version, description, proposedPatch });
  });
  if (!raw.ok) return raw;
  const { version, description, proposedPatch } = raw.value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > lastVersion) {
    return fail([recordIssue('records.version_not_found', ['request', 'version'], `versions run from 1 to ${lastVersion}`)]);
  }
  const badDescription = statementIssue(settings, description, ['request', 'description']);
  if (badDescription !== undefined) return fail([badDescription]);
  const text = description as string; // a statement is a string
  if (proposedPatch === undefined) return ok({ version, description: text });
  const patch = readPatchInput(settings, proposedPatch, ['request', 'proposedPatch']);
  return patch.ok ? ok({ version, description: text, proposedPatch: patch.value }) : patch;
}

/**
 * Reads an amendment decision: `outcome` `accepted` (with `expectedVersion` and `patch` taken as they
 * are, to be checked where they are used) or `denied` with a `reason` that is a statement. A decision
 * that cannot be read (a getter or proxy throws) is `records.invalid_input` at `['decision']`.
 *
 * @param settings - the store's settings (for its size limit)
 * @param decision - the caller's decision
 * @returns the decision, or `records.invalid_input` / `records.too_large` under `decision`
 * @example
 * ```ts
 * readAmendmentDecision(settings, { outcome: 'maybe' }); // records.invalid_input at ['decision', 'outcome']
 * ```
 */
export function readAmendmentDecision<S extends z.ZodType>(settings: StoreSettings<S>, decision: unknown): Checked<ReadDecision, RecordIssue> {
  return readCallerInput<ReadDecision>(['decision'], () => {
    const fields = typeof decision === 'object' && decision !== null ? (decision as Readonly<Record<string, unknown>>) : {};
    const outcome = fields['outcome'];
    if (outcome === 'accepted') return ok({ outcome, expectedVersion: fields['expectedVersion'], patch: fields['patch'] });
    if (outcome !== 'denied') return fail([recordIssue('records.invalid_input', ['decision', 'outcome'], "a decision is 'accepted' or 'denied'")]);
    const reason = fields['reason'];
    const badReason = statementIssue(settings, reason, ['decision', 'reason']);
    return badReason === undefined ? ok({ outcome, reason: reason as string }) : fail([badReason]);
  });
}
