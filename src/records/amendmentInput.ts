import { DateTime } from 'luxon';
import type { z } from 'zod';
import { isoInstant } from '../core/isoInstant.js';
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
 * `expectedVersion`), accepted in part (the same, with the basis for refusing the rest in `reason`),
 * or denied with the basis for the denial (HIPAA 164.526(c), (d): "in whole or in part").
 *
 * @example
 * ```ts
 * const d: AmendmentDecision = { outcome: 'accepted', expectedVersion: 3, patch: [{ op: 'remove', path: '/allergies/0' }] };
 * const part: AmendmentDecision = { outcome: 'accepted-in-part', expectedVersion: 3, patch: [{ op: 'remove', path: '/allergies/0' }], reason: 'the 2019 reaction is documented' };
 * ```
 */
export type AmendmentDecision =
  | { readonly outcome: 'accepted'; readonly expectedVersion?: number; readonly patch?: JsonPatch }
  | { readonly outcome: 'accepted-in-part'; readonly expectedVersion?: number; readonly patch?: JsonPatch; readonly reason: string }
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
  | { readonly outcome: 'accepted-in-part'; readonly expectedVersion: unknown; readonly patch: unknown; readonly reason: string }
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
 * @param tellRange - whether a bad version's issue may name the range of versions (only to a role that may read)
 * @returns the request, or `records.invalid_input`, `records.version_not_found`, `records.too_large`
 *   or a patch issue, each at its path under `request`
 * @example
 * ```ts
 * readAmendmentRequest(settings, { version: 9, description: 'wrong' }, 3, true); // records.version_not_found at ['request', 'version']
 * ```
 */
export function readAmendmentRequest<S extends z.ZodType>(settings: StoreSettings<S>, request: unknown, lastVersion: number, tellRange: boolean): Checked<AmendmentRequest, RecordIssue> {
  const raw = readCallerInput(['request'], () => {
    if (typeof request !== 'object' || request === null) return fail([recordIssue('records.invalid_input', ['request'], 'the request must be an object')]);
    const { version, description, proposedPatch } = request as Readonly<Record<string, unknown>>;
    return ok({ version, description, proposedPatch });
  });
  if (!raw.ok) return raw;
  const { version, description, proposedPatch } = raw.value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > lastVersion) {
    return fail([recordIssue('records.version_not_found', ['request', 'version'], tellRange ? `versions run from 1 to ${lastVersion}` : 'no such version of a record open to your request')]);
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
 * are, to be checked where they are used, and no `reason`: the basis for refusing part of a request
 * goes with `accepted-in-part`), `accepted-in-part` (the same, with a `reason` that is a statement) or
 * `denied` with a `reason` that is a statement. A decision that cannot be read (a getter or proxy
 * throws) is `records.invalid_input` at `['decision']`.
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
    if (outcome !== 'accepted' && outcome !== 'accepted-in-part' && outcome !== 'denied') {
      return fail([recordIssue('records.invalid_input', ['decision', 'outcome'], "a decision is 'accepted', 'accepted-in-part' or 'denied'")]);
    }
    const reason = fields['reason'];
    if (outcome === 'accepted') {
      if (reason !== undefined) return fail([recordIssue('records.invalid_input', ['decision', 'reason'], "an acceptance has no reason to give: to refuse part of the request, decide 'accepted-in-part' with the basis as its reason")]);
      return ok({ outcome, expectedVersion: fields['expectedVersion'], patch: fields['patch'] });
    }
    if (reason === undefined || (typeof reason === 'string' && reason.trim() === '')) {
      const what = outcome === 'denied' ? 'a denial needs its basis' : 'an acceptance in part needs the basis for refusing the rest';
      return fail([recordIssue('records.invalid_input', ['decision', 'reason'], `${what} as its reason (HIPAA 164.526(d)(1)(i))`)]);
    }
    const badReason = statementIssue(settings, reason, ['decision', 'reason']);
    if (badReason !== undefined) return fail([badReason]);
    const basis = reason as string; // a statement is a string
    return outcome === 'denied' ? ok({ outcome, reason: basis }) : ok({ outcome, expectedVersion: fields['expectedVersion'], patch: fields['patch'], reason: basis });
  });
}

/**
 * An extension of an amendment's deadline as read from the caller: its written reason and the instant
 * action will be completed by (ISO 8601 UTC), when the caller gave one.
 *
 * @example
 * ```ts
 * const read: ReadExtension = { reason: 'records held off site', completeBy: '2027-01-20T00:00:00.000Z' };
 * ```
 */
export interface ReadExtension {
  readonly reason: string;
  readonly completeBy?: string;
}

/**
 * Reads an extension of an amendment's deadline: an object with a `reason` that is a statement and,
 * optionally, `completeBy`, a valid luxon `DateTime` (the date action will be completed by). One that
 * cannot be read is `records.invalid_input` at `['extension']`.
 *
 * @param settings - the store's settings (for its size limit)
 * @param extension - the caller's extension
 * @returns the extension, or `records.invalid_input` / `records.too_large` under `extension`
 * @example
 * ```ts
 * readAmendmentExtension(settings, { reason: ' ' }); // records.invalid_input at ['extension', 'reason']
 * ```
 */
export function readAmendmentExtension<S extends z.ZodType>(settings: StoreSettings<S>, extension: unknown): Checked<ReadExtension, RecordIssue> {
  return readCallerInput<ReadExtension>(['extension'], () => {
    if (typeof extension !== 'object' || extension === null) return fail([recordIssue('records.invalid_input', ['extension'], 'the extension must be an object')]);
    const { reason, completeBy } = extension as Readonly<Record<string, unknown>>;
    const badReason = statementIssue(settings, reason, ['extension', 'reason']);
    if (badReason !== undefined) return fail([badReason]);
    if (completeBy === undefined) return ok({ reason: reason as string });
    if (!DateTime.isDateTime(completeBy) || !completeBy.isValid || completeBy.year < 1 || completeBy.year > 9999) {
      return fail([recordIssue('records.invalid_input', ['extension', 'completeBy'], 'the date is not a valid DateTime')]);
    }
    return ok({ reason: reason as string, completeBy: isoInstant(completeBy.toMillis()) });
  });
}
