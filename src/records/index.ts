/**
 * medoffice/records: versioned patient records with amendments, an audit trail and tamper evidence.
 * A store generic over any zod schema keeps every version (as patches with periodic snapshots), links
 * versions and audit events in a SHA-256 hash chain over RFC 8785 canonical JSON, and runs on an
 * in-memory adapter here or on SQLite (`medoffice/records/sqlite`) and PostgreSQL
 * (`medoffice/records/postgres`).
 *
 * @packageDocumentation
 */
export { createRecordStore } from './store.js';
export type { RecordStore, RecordOutcome } from './store.js';
export type { RecordStoreOptions } from './settings.js';
export { SNAPSHOT_INTERVAL, isSnapshotVersion } from './settings.js';
export { MAX_DOCUMENT_DEPTH } from './documentShape.js';
export { AccessContextSchema, PurposeOfUseSchema, permits } from './context.js';
export type { AccessContext, AccessPolicy, Permission, PurposeOfUse } from './context.js';
export type { RecordVersion, VersionMeta, VersionOperation } from './versionMeta.js';
export type { HistoryPage, HistoryQuery } from './reads.js';
export type { MergeOutcome, ExpungeOutcome } from './merge.js';
export type { AmendmentDecision, AmendmentRequest } from './amendmentInput.js';
export type { Amendment, AmendmentStatement } from './amendmentLog.js';
export type { Correction } from './corrections.js';
export type { AuditPage, AuditQuery, AuditRecord } from './auditTrail.js';
export { DisclosureSchema, UNACCOUNTED_PURPOSES } from './disclosures.js';
export type { Disclosure } from './disclosures.js';
export { ViewRuleSchema, redactForView } from './views.js';
export type { ViewPolicy, ViewRule } from './views.js';
export { recordIssue } from './recordIssue.js';
export type { RecordIssue, RecordIssueCode } from './recordIssue.js';
export { canonicalJson } from './canonicalJson.js';
export { applyPatch } from './jsonPatch.js';
export type { JsonPatch, PatchOperation } from './jsonPatch.js';
export { diffJson } from './diff.js';
export { parsePointer, formatPointer, UNSAFE_POINTER_TOKENS } from './jsonPointer.js';
export { isJsonObject, jsonEqual } from './json.js';
export type { JsonObject, JsonValue } from './json.js';
export { sha256Hex, GENESIS_HASH } from './hashing.js';
export { entryHeaderText } from './chainEntry.js';
export { verifyChain, verifyChainPrefix } from './verify.js';
export type { VerifyReport } from './verify.js';
export { signCheckpoint, verifyCheckpoint } from './checkpoint.js';
export type { SignedCheckpoint } from './checkpoint.js';
export type { ChainTip, EntryKind, EntryQuery, EntryRow, HeadRow, RecordState, StorageAdapter, StorageTx, VersionQuery } from './adapter.js';
export type { Answer } from './steps.js';
export { memoryAdapter } from './adapters/memory.js';
export type { MemoryAdapter, MemorySnapshot } from './adapters/memory.js';
export { patientSchema, HumanNameSchema, ContactPointSchema, AddressSchema, IdentifierSchema } from './schemas/patient.js';
export type { Patient } from './schemas/patient.js';
export { clinicalNoteSchema } from './schemas/clinicalNote.js';
export type { ClinicalNote } from './schemas/clinicalNote.js';
