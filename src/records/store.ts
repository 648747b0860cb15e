import type { DateTime } from 'luxon';
import type { z } from 'zod';
import { MedofficeUsageError, type Checked } from '../core/result.js';
import { listAmendments, requestAmendment, decideAmendment, extendAmendment, fileAmendmentStatement, type AmendmentDecision, type AmendmentRequest } from './amendments.js';
import type { Amendment } from './amendmentLog.js';
import { readAuditTrail, type AuditPage, type AuditQuery } from './auditTrail.js';
import type { AccessContext } from './context.js';
import { correctRecord, listCorrections, type Correction } from './corrections.js';
import { accountingOfDisclosures, recordDisclosure, type Disclosure } from './disclosures.js';
import type { JsonPatch, PatchOperation } from './jsonPatch.js';
import { expungeRecord, mergeRecords, type ExpungeOutcome, type MergeOutcome } from './merge.js';
import { diffRecordVersions, readRecord, readRecordAsOf, readRecordVersion, recordHistory, type HistoryPage, type HistoryQuery } from './reads.js';
import type { RecordIssue } from './recordIssue.js';
import type { RecordStoreOptions, StoreSettings } from './settings.js';
import { verifyChain, type VerifyReport } from './verify.js';
import { contextCache } from './contextCache.js';
import { documentCache } from './documentCache.js';
import type { RecordVersion } from './versionMeta.js';
import type { ViewPolicy } from './views.js';
import { readRecordView } from './readView.js';
import { createRecord, deleteRecord, patchRecord, undeleteRecord, updateRecord } from './writes.js';
import type { JsonValue } from './json.js';

/**
 * What every store method resolves to: the value, or the issues that stopped it.
 *
 * @example
 * ```ts
 * const r: Awaited<RecordOutcome<number>> = ok(1);
 * ```
 */
export type RecordOutcome<T> = Promise<Checked<T, RecordIssue>>;

/**
 * A versioned, audited, tamper-evident store of documents of one schema. Every method takes the
 * {@link AccessContext} of who asks and why, writes an audit event whatever the outcome, and answers
 * with issues rather than throwing for anything the caller could get wrong.
 *
 * @example
 * ```ts
 * const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock });
 * const created = await store.create('p1', { resourceType: 'Patient', name: [{ family: 'Rivera', given: ['Ana'] }] }, context);
 * ```
 */
export interface RecordStore<T> {
  /** Creates a record with a caller-chosen id (version 1). */
  create(id: string, document: unknown, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** The current version. */
  read(id: string, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** Replaces the document if `expectedVersion` is current; an unchanged document writes nothing. */
  update(id: string, document: unknown, expectedVersion: number, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** Applies an RFC 6902 JSON Patch atomically if `expectedVersion` is current (needs `write` and `read`: it answers with the record). */
  patch(id: string, patch: JsonPatch, expectedVersion: number, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** Soft delete: later reads answer `records.gone` (needs `delete` and `read`). */
  delete(id: string, expectedVersion: number, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** Restores a deleted record (needs `delete` and `read`). */
  undelete(id: string, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** Clears a record's content from the store for good (needs the `expunge` permission); how much is also erased from disk depends on the adapter (docs/records.md, Storage). */
  expunge(id: string, context: AccessContext): RecordOutcome<ExpungeOutcome>;
  /** One version (FHIR vread). */
  readVersion(id: string, version: number, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** The newest version written at or before a time. */
  readAsOf(id: string, at: DateTime, context: AccessContext): RecordOutcome<RecordVersion<T>>;
  /** Versions newest first, paged. */
  history(id: string, query: HistoryQuery, context: AccessContext): RecordOutcome<HistoryPage>;
  /** The JSON Patch from one version's document to another's. */
  diff(id: string, fromVersion: number, toVersion: number, context: AccessContext): RecordOutcome<PatchOperation[]>;
  /** Merges a duplicate into a survivor. */
  merge(duplicateId: string, survivorId: string, context: AccessContext): RecordOutcome<MergeOutcome>;
  /** Marks a version entered in error and writes the corrected document. */
  correct(id: string, correction: { readonly errorVersion: number; readonly expectedVersion: number; readonly document: unknown; readonly reason: string }, context: AccessContext): RecordOutcome<Correction>;
  /** The record's corrections. */
  corrections(id: string, context: AccessContext): RecordOutcome<Correction[]>;
  /** Records an amendment request about a version (due 60 days later). */
  requestAmendment(id: string, request: AmendmentRequest, context: AccessContext): RecordOutcome<Amendment>;
  /** Accepts (optionally applying a patch), accepts in part or denies an amendment request, the record's own or a merged duplicate's. */
  decideAmendment(id: string, amendmentId: string, decision: AmendmentDecision, context: AccessContext): RecordOutcome<Amendment>;
  /** Extends an undecided amendment request's deadline once, by at most 30 days, with a written reason (needs `amend-decide` and `read`). */
  extendAmendment(id: string, amendmentId: string, extension: { readonly reason: string; readonly completeBy?: DateTime }, context: AccessContext): RecordOutcome<Amendment>;
  /** Files a statement of disagreement with a denial (in whole or in part), or the rebuttal to it. */
  fileAmendmentStatement(id: string, amendmentId: string, kind: 'disagreement' | 'rebuttal', statement: string, context: AccessContext): RecordOutcome<Amendment>;
  /** The record's amendments and those of the records merged into it, with their outcome (a role with `amend` and not `read`: its own requests only). */
  amendments(id: string, context: AccessContext): RecordOutcome<Amendment[]>;
  /** Records a disclosure for the accounting of disclosures. */
  recordDisclosure(id: string, disclosure: Disclosure, context: AccessContext): RecordOutcome<Disclosure>;
  /** The six-year accounting of disclosures up to a date. */
  accountingOfDisclosures(id: string, asOf: DateTime, context: AccessContext): RecordOutcome<Disclosure[]>;
  /** Who read or changed the record, newest first, paged (needs the `audit` permission). */
  auditTrail(id: string, query: AuditQuery, context: AccessContext): RecordOutcome<AuditPage>;
  /** The current version redacted to what the context's role may see for its purpose. */
  readView(id: string, policy: ViewPolicy, context: AccessContext): RecordOutcome<RecordVersion<JsonValue>>;
  /** Verifies the hash chain and heads of the whole adapter. */
  verify(): RecordOutcome<VerifyReport>;
}

/**
 * Creates a versioned store over a storage adapter.
 *
 * @param options - schema, resource type, adapter, clock and optional access policy and size limit
 * @returns the store
 * @throws MedofficeUsageError when the resource type is not a word or the size limit is not positive
 * @example
 * ```ts
 * const notes = createRecordStore({ schema: clinicalNoteSchema, resourceType: 'ClinicalNote', adapter, clock });
 * ```
 */
export function createRecordStore<S extends z.ZodType>(options: RecordStoreOptions<S>): RecordStore<z.infer<S>> {
  if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(options.resourceType)) throw new MedofficeUsageError('resourceType must be a word such as Patient');
  const maxDocumentBytes = options.maxDocumentBytes ?? 1024 * 1024;
  if (!Number.isInteger(maxDocumentBytes) || maxDocumentBytes < 1) throw new MedofficeUsageError('maxDocumentBytes must be a positive integer');
  const s: StoreSettings<S> = { ...options, maxDocumentBytes, documents: documentCache(), contexts: contextCache() };
  return {
    create: (id, document, context) => createRecord(s, id, document, context),
    read: (id, context) => readRecord(s, id, context),
    update: (id, document, expectedVersion, context) => updateRecord(s, id, document, expectedVersion, context),
    patch: (id, patch, expectedVersion, context) => patchRecord(s, id, patch, expectedVersion, context),
    delete: (id, expectedVersion, context) => deleteRecord(s, id, expectedVersion, context),
    undelete: (id, context) => undeleteRecord(s, id, context),
    expunge: (id, context) => expungeRecord(s, id, context),
    readVersion: (id, version, context) => readRecordVersion(s, id, version, context),
    readAsOf: (id, at, context) => readRecordAsOf(s, id, at, context),
    history: (id, query, context) => recordHistory(s, id, query, context),
    diff: (id, fromVersion, toVersion, context) => diffRecordVersions(s, id, fromVersion, toVersion, context),
    merge: (duplicateId, survivorId, context) => mergeRecords(s, duplicateId, survivorId, context),
    correct: (id, correction, context) => correctRecord(s, id, correction, context),
    corrections: (id, context) => listCorrections(s, id, context),
    requestAmendment: (id, request, context) => requestAmendment(s, id, request, context),
    decideAmendment: (id, amendmentId, decision, context) => decideAmendment(s, id, amendmentId, decision, context),
    extendAmendment: (id, amendmentId, extension, context) => extendAmendment(s, id, amendmentId, extension, context),
    fileAmendmentStatement: (id, amendmentId, kind, statement, context) => fileAmendmentStatement(s, id, amendmentId, kind, statement, context),
    amendments: (id, context) => listAmendments(s, id, context),
    recordDisclosure: (id, disclosure, context) => recordDisclosure(s, id, disclosure, context),
    accountingOfDisclosures: (id, asOf, context) => accountingOfDisclosures(s, id, asOf, context),
    auditTrail: (id, query, context) => readAuditTrail(s, id, query, context),
    readView: (id, policy, context) => readRecordView(s, id, policy, context),
    verify: () => verifyChain(s.adapter),
  };
}
