import type { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import type { EntryRow } from './adapter.js';
import type { AccessContext } from './context.js';
import { runOperation, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { statementIssue } from './patchInput.js';
import type { VersionMeta } from './versionMeta.js';
import { currentVersion } from './writes.js';
import { unreadable, validateDocument, versionConflict, writeVersion } from './writeVersion.js';
import { step, type Steps } from './steps.js';
import { readCallerInput } from './callerInput.js';

/**
 * A correction: a version marked entered in error, and the version that corrects it. The erroneous
 * version is kept and stays readable.
 *
 * @example
 * ```ts
 * const c: Correction = { errorVersion: 2, correctedVersion: 3, by: 'dr-lee', at: '…', reason: 'wrong patient' };
 * ```
 */
export interface Correction {
  readonly errorVersion: number;
  readonly correctedVersion: number;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

/**
 * Marks a version as entered in error and writes the corrected document as a new version
 * (operation `correct`), if `expectedVersion` is still current. Its audit event names the correcting
 * version (the current one, when the document was already correct).
 *
 * @example
 * ```ts
 * await correctRecord(settings, 'p1', { errorVersion: 2, expectedVersion: 2, document: fixed, reason: 'typo in birth date' }, context);
 * ```
 */
export function correctRecord<S extends z.ZodType>(
  settings: StoreSettings<S>,
  id: string,
  correction: { readonly errorVersion: number; readonly expectedVersion: number; readonly document: unknown; readonly reason: string },
  context: AccessContext,
): Promise<Checked<Correction, RecordIssue>> {
  return runOperation(settings, { action: 'correct', permission: 'write' }, id, context, function* (scope) {
    // Each member is read once, here; a getter that throws is an issue, not a rejected promise.
    const read = readCallerInput(['correction'], () => {
      if (typeof correction !== 'object' || correction === null) return fail([recordIssue('records.invalid_input', ['correction'], 'the correction must be an object')]);
      const { errorVersion, expectedVersion, document, reason } = correction as Readonly<Record<string, unknown>>;
      return ok({ errorVersion, expectedVersion, document, reason });
    });
    if (!read.ok) return read;
    const { errorVersion, expectedVersion, document } = read.value;
    const head = yield* step(scope.tx.head(scope.key));
    const problem = unreadable(head, ['id']);
    if (problem !== undefined || head === undefined) return fail([problem ?? recordIssue('records.not_found', ['id'], 'no such record')]);
    const stale = versionConflict(head, expectedVersion);
    if (stale !== undefined) return fail([{ ...stale, path: ['correction', 'expectedVersion'] }]);
    if (typeof errorVersion !== 'number' || !Number.isInteger(errorVersion) || errorVersion < 1 || errorVersion > head.version) return fail([recordIssue('records.version_not_found', ['correction', 'errorVersion'], `versions run from 1 to ${head.version}`)]);
    const badReason = statementIssue(settings, read.value.reason, ['correction', 'reason']);
    if (badReason !== undefined) return fail([badReason]);
    const reason = read.value.reason as string; // a statement is a string
    const valid = validateDocument(settings, document, ['correction', 'document']);
    if (!valid.ok) return valid;
    const unchanged = valid.value.text === head.document;
    // Naming the current version both as the error and as its own correction would contradict itself.
    if (unchanged && errorVersion === head.version) return fail([recordIssue('records.invalid_input', ['correction', 'document'], `the document is version ${errorVersion} itself, the one entered in error`)]);
    const written = unchanged
      ? yield* currentVersion(scope, head)
      : yield* writeVersion({ ...scope, context: { ...scope.context, reason } }, head, { document: valid.value, state: 'active', operation: 'correct' });
    const found: Correction = { errorVersion, correctedVersion: written.meta.version, by: scope.context.actor, at: scope.chain.at, reason };
    scope.chain.add('correction', scope.key, null, { recordId: scope.key, errorVersion, correctedVersion: found.correctedVersion, by: found.by, reason });
    return ok(found);
  }, (found) => found.correctedVersion);
}

/**
 * Lists a record's corrections, oldest first.
 *
 * @example
 * ```ts
 * const list = await listCorrections(settings, 'p1', context);
 * ```
 */
export function listCorrections<S extends z.ZodType>(settings: StoreSettings<S>, id: string, context: AccessContext): Promise<Checked<Correction[], RecordIssue>> {
  return runOperation(settings, { action: 'corrections', permission: 'read' }, id, context, function* (scope) {
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    return ok(yield* correctionsIn(scope));
  });
}

/**
 * A record's corrections, oldest first, read inside an operation.
 *
 * @example
 * ```ts
 * const list = yield* correctionsIn(scope);
 * ```
 */
export function* correctionsIn(scope: OperationScope): Steps<Correction[]> {
  return correctionsOfRows(yield* step(scope.tx.entriesOf(scope.key, 'correction')));
}

/**
 * The corrections a record's `correction` entries hold, oldest first (an expunged entry gives none).
 *
 * @param rows - the record's correction entries, ascending by sequence
 * @example
 * ```ts
 * markCorrected(metas, correctionsOfRows(await tx.entriesOf('Patient/p1', 'correction')));
 * ```
 */
export function correctionsOfRows(rows: readonly EntryRow[]): Correction[] {
  return rows.flatMap((row) => {
    if (row.data === null) return [];
    const fact = JSON.parse(row.data) as Omit<Correction, 'at'>;
    return [{ errorVersion: fact.errorVersion, correctedVersion: fact.correctedVersion, by: fact.by, reason: fact.reason, at: row.at }];
  });
}

/**
 * Marks each version's metadata that a correction names as entered in error with the version that
 * corrects it (`correctedBy`; the first correction when there are several).
 *
 * @param metas - versions' metadata
 * @param corrections - the record's corrections, oldest first
 * @returns the metadata, marked
 * @example
 * ```ts
 * markCorrected([meta2], [{ errorVersion: 2, correctedVersion: 3, by: 'dr-lee', at: '…', reason: 'typo' }]); // [{ ...meta2, correctedBy: 3 }]
 * ```
 */
export function markCorrected(metas: readonly VersionMeta[], corrections: readonly Correction[]): VersionMeta[] {
  if (corrections.length === 0) return [...metas];
  const firstFix = new Map<number, number>();
  for (const c of corrections) if (!firstFix.has(c.errorVersion)) firstFix.set(c.errorVersion, c.correctedVersion);
  return metas.map((meta) => {
    const correctedBy = firstFix.get(meta.version);
    return correctedBy === undefined ? meta : { ...meta, correctedBy };
  });
}
