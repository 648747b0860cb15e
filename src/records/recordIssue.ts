import { errorIssue, type Issue, type IssuePath } from '../core/issue.js';

/**
 * Every code the records module reports. Stable: callers branch on them.
 *
 * - `records.schema`: the document does not match the store's schema
 * - `records.not_found`: no record with this id (or it was expunged)
 * - `records.gone`: the record was deleted; its history is still readable (FHIR 410)
 * - `records.merged`: the record was merged into another; `survivorId` names it
 * - `records.already_exists`: create with an id already in use (an expunged record's too, without its `currentVersion`)
 * - `records.version_conflict`: the expected version is stale; `currentVersion` names the current one (FHIR 412)
 * - `records.version_not_found`: no such version of the record
 * - `records.too_large`: the document exceeds the store's size limit
 * - `records.invalid_input`: a malformed argument (id, time, page size, context)
 * - `records.forbidden`: the actor's role lacks the permission (for example `expunge`)
 * - `records.not_deleted`: undelete of a record that is not deleted
 * - `records.amendment_not_found`, `records.amendment_state`: amendment workflow errors
 * - `records.amendment_deadline`: an extension of an amendment's deadline that HIPAA 164.526(b)(2)(ii)
 *   does not allow (a second one, one asked after the deadline, or one of more than 30 days)
 * - `records.patch_invalid`, `records.patch_path_missing`, `records.patch_test_failed`: JSON Patch errors
 * - `records.pointer_invalid`, `records.pointer_unsafe`: JSON Pointer errors
 * - `records.chain_broken`: `verify()` found a link whose hash or content does not match
 * - `records.storage_failed`: only in audit events: the storage threw during the operation, which kept nothing
 */
export type RecordIssueCode =
  | 'records.schema'
  | 'records.not_found'
  | 'records.gone'
  | 'records.merged'
  | 'records.already_exists'
  | 'records.version_conflict'
  | 'records.version_not_found'
  | 'records.too_large'
  | 'records.invalid_input'
  | 'records.forbidden'
  | 'records.not_deleted'
  | 'records.amendment_not_found'
  | 'records.amendment_state'
  | 'records.amendment_deadline'
  | 'records.patch_invalid'
  | 'records.patch_path_missing'
  | 'records.patch_test_failed'
  | 'records.pointer_invalid'
  | 'records.pointer_unsafe'
  | 'records.chain_broken'
  | 'records.storage_failed';

/**
 * An issue of the records module, with the extra facts some codes carry.
 *
 * @example
 * ```ts
 * const stale: RecordIssue = { ...errorIssue('records.version_conflict', ['expectedVersion'], 'stale'), currentVersion: 4 };
 * ```
 */
export interface RecordIssue extends Issue {
  /**
   * The record's current version, with `records.version_conflict`, `records.version_not_found`,
   * `records.gone`, `records.merged`, `records.not_deleted`, and `records.already_exists` unless the
   * record was expunged.
   */
  readonly currentVersion?: number;
  /** For `records.merged`: the id of the record that replaced this one. */
  readonly survivorId?: string;
  /** For `records.chain_broken`: the sequence number of the first broken entry. */
  readonly sequence?: number;
}

/**
 * Builds an error issue of the records module with optional extra facts.
 *
 * @param code - one of {@link RecordIssueCode}
 * @param path - where in the input
 * @param message - for people
 * @param extra - `currentVersion`, `survivorId` or `sequence`
 * @returns the issue
 * @example
 * ```ts
 * recordIssue('records.version_conflict', ['expectedVersion'], 'version 3 is current', { currentVersion: 3 });
 * ```
 */
export function recordIssue(
  code: RecordIssueCode,
  path: IssuePath,
  message: string,
  extra: Pick<RecordIssue, 'currentVersion' | 'survivorId' | 'sequence'> = {},
): RecordIssue {
  return { ...errorIssue(code, path, message), ...extra };
}
