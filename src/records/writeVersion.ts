import type { z } from 'zod';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import type { HeadRow } from './adapter.js';
import { canonicalForm, type CanonicalForm } from './canonicalJson.js';
import { diffJson } from './diff.js';
import { documentShapeIssue } from './documentShape.js';
import { sha256Hex } from './hashing.js';
import type { JsonValue } from './json.js';
import type { OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import { isSnapshotVersion, type StoreSettings } from './settings.js';
import { metaOf, versionFactText, type VersionFact } from './versionFact.js';
import type { RecordVersion, VersionOperation } from './versionMeta.js';
import { step, type Steps } from './steps.js';

/**
 * A document that passed the schema, with its canonical text (and, when fresh, a private copy for the
 * store's cache, and whether `JSON.stringify` of the copy's parts is canonical).
 */
export interface ValidDocument {
  readonly document: JsonValue;
  readonly text: string;
  readonly copy?: JsonValue;
  readonly plain?: boolean;
}

/**
 * Parses a document with the store's schema and measures its canonical JSON against the size limit.
 *
 * @example
 * ```ts
 * const valid = validateDocument(settings, input, ['document']);
 * ```
 */
export function validateDocument<S extends z.ZodType>(settings: StoreSettings<S>, input: unknown, path: readonly (string | number)[]): Checked<ValidDocument, RecordIssue> {
  if (typeof input === 'string' && input.length > settings.maxDocumentBytes) return fail([tooLarge(settings, path)]);
  let form: CanonicalForm;
  let parsed: ReturnType<S['safeParse']>;
  try {
    parsed = settings.schema.safeParse(input) as ReturnType<S['safeParse']>;
    if (!parsed.success) return fail(issuesFromZod(parsed.error, 'records.schema', path));
    form = canonicalForm(parsed.data);
  } catch (error) {
    // A document nested past the stack's depth (or a cycle) overflows the walk.
    if (error instanceof RangeError) return fail([recordIssue('records.too_large', path, 'the document nests too deeply')]);
    return fail([recordIssue('records.schema', path, 'the document is not plain JSON')]);
  }
  const shape = documentShapeIssue(form, path);
  if (shape !== undefined) return fail([shape]);
  const { text, copy, plain } = form;
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so short texts need no byte count.
  if (text.length * 3 > settings.maxDocumentBytes && Buffer.byteLength(text, 'utf8') > settings.maxDocumentBytes) return fail([tooLarge(settings, path)]);
  return ok({ document: parsed.data as JsonValue, text, copy, plain });
}

function tooLarge<S extends z.ZodType>(settings: StoreSettings<S>, path: readonly (string | number)[]): RecordIssue {
  return recordIssue('records.too_large', path, `the document is over ${settings.maxDocumentBytes} bytes`);
}

/**
 * Checks that a record exists and is readable: `records.not_found`, `records.gone` (deleted) or
 * `records.merged` (with the survivor's id) otherwise.
 *
 * @example
 * ```ts
 * const problem = unreadable(head, ['id']);
 * ```
 */
export function unreadable(head: HeadRow | undefined, path: readonly (string | number)[]): RecordIssue | undefined {
  if (head === undefined || head.state === 'expunged') return recordIssue('records.not_found', path, 'no such record');
  if (head.state === 'deleted') return recordIssue('records.gone', path, 'the record was deleted', { currentVersion: head.version });
  if (head.state === 'merged') {
    const survivorId = (head.replacedBy ?? '').slice((head.replacedBy ?? '').indexOf('/') + 1);
    return recordIssue('records.merged', path, `the record was merged into ${survivorId}`, { survivorId, currentVersion: head.version });
  }
  return undefined;
}

/**
 * The `records.version_conflict` issue when the expected version is not the current one.
 *
 * @example
 * ```ts
 * const stale = versionConflict(head, 3);
 * ```
 */
export function versionConflict(head: HeadRow, expectedVersion: unknown): RecordIssue | undefined {
  if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion)) {
    return recordIssue('records.invalid_input', ['expectedVersion'], 'the expected version must be an integer');
  }
  return expectedVersion === head.version
    ? undefined
    : recordIssue('records.version_conflict', ['expectedVersion'], `version ${head.version} is current, not ${expectedVersion}`, { currentVersion: head.version });
}

/** The new version to write. */
export interface NextVersion {
  readonly document: ValidDocument;
  readonly state: 'active' | 'deleted' | 'merged';
  readonly operation: VersionOperation;
  readonly replacedBy?: string;
  readonly replaces?: string;
}

/**
 * Writes the next version of a record (a snapshot every few versions, otherwise the patch from the
 * previous document) and its new head, stamped with the transaction's time and the context's actor.
 *
 * @example
 * ```ts
 * const written = yield* writeVersion(scope, head, { document: valid, state: 'active', operation: 'update' });
 * ```
 */
export function* writeVersion<T>(scope: OperationScope, head: HeadRow | undefined, next: NextVersion): Steps<RecordVersion<T>> {
  const version = (head?.version ?? 0) + 1;
  const { context, chain, key, documents } = scope;
  const previous = head === undefined ? null : documents.parsed(key, head.document);
  const fact: { -readonly [K in keyof VersionFact]: VersionFact[K] } = {
    recordId: key,
    version,
    at: chain.at,
    operation: next.operation,
    state: next.state,
    author: context.actor,
    documentHash: sha256Hex(next.document.text),
  };
  if (context.onBehalfOf !== undefined) fact.onBehalfOf = context.onBehalfOf;
  if (context.reason !== undefined) fact.reason = context.reason;
  let patchText: string | undefined;
  if (isSnapshotVersion(version)) fact.snapshot = next.document.document;
  else {
    fact.patch = diffJson(previous, next.document.copy ?? next.document.document);
    // The patch's values are parts of the copy and its operations list members in JCS order.
    if (next.document.copy !== undefined && next.document.plain === true) patchText = JSON.stringify(fact.patch);
  }
  if (next.replacedBy !== undefined) fact.replacedBy = next.replacedBy;
  if (next.replaces !== undefined) fact.replaces = next.replaces;
  chain.addText('version', key, version, versionFactText(fact, next.document.text, patchText));
  yield* step(scope.tx.putHead({ recordId: key, version, state: next.state, document: next.document.text, replacedBy: next.replacedBy ?? null, at: chain.at }));
  if (next.document.copy !== undefined) documents.remember(key, next.document.text, next.document.copy);
  return { meta: metaOf(fact), document: next.document.document as T };
}
