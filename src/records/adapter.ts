import type { Answer } from './steps.js';

/**
 * What kind of fact a chain entry records.
 *
 * @example
 * ```ts
 * const kind: EntryKind = 'version';
 * ```
 */
export type EntryKind = 'version' | 'audit' | 'amendment' | 'correction' | 'disclosure' | 'expunge';

/**
 * One link of the store's hash chain, as an adapter stores it. `data` is the canonical JSON
 * (RFC 8785) of the fact; `contentHash` is its SHA-256; `hash` is the SHA-256 of the canonical JSON of
 * every other field. After an expunge the `data` of the record's content entries is `null` while
 * `contentHash` stays, so the chain still verifies.
 *
 * @example
 * ```ts
 * const first: EntryRow = { sequence: 1, kind: 'version', recordId: 'Patient/p1', version: 1,
 *   at: '2026-11-02T12:30:00.000Z', contentHash: '…', data: '{…}', prevHash: GENESIS_HASH, hash: '…' };
 * ```
 */
export interface EntryRow {
  /** Position in the chain, 1, 2, 3, ... without gaps. */
  readonly sequence: number;
  /** What the entry records. */
  readonly kind: EntryKind;
  /** The store key of the record concerned (`Patient/p1`), or null for store-wide entries. */
  readonly recordId: string | null;
  /** The record's version for `version` entries, else null. */
  readonly version: number | null;
  /** When, ISO 8601 UTC with milliseconds; never decreases along the chain. */
  readonly at: string;
  /** SHA-256 hex of `data`. */
  readonly contentHash: string;
  /** Canonical JSON of the fact, or null once expunged. */
  readonly data: string | null;
  /** The previous entry's `hash`. */
  readonly prevHash: string;
  /** SHA-256 hex over the canonical JSON of the other fields. */
  readonly hash: string;
}

/**
 * A record's current state, kept beside the chain so that reads of the current version cost one lookup.
 *
 * @example
 * ```ts
 * const head: HeadRow = { recordId: 'Patient/p1', version: 3, state: 'active', document: '{…}', replacedBy: null, at: '…' };
 * ```
 */
export interface HeadRow {
  /** The store key, `Patient/p1`. */
  readonly recordId: string;
  /** The current version number. */
  readonly version: number;
  /** Whether the record is readable, deleted, merged into another or expunged. */
  readonly state: RecordState;
  /** Canonical JSON of the latest document (kept through a deletion; the text `null` once expunged). */
  readonly document: string;
  /** For a merged record, the survivor's store key. */
  readonly replacedBy: string | null;
  /** When the current version was written. */
  readonly at: string;
}

/**
 * The state of a record.
 *
 * @example
 * ```ts
 * const s: RecordState = 'deleted';
 * ```
 */
export type RecordState = 'active' | 'deleted' | 'merged' | 'expunged';

/**
 * The chain's last entry: where the next one links.
 *
 * @example
 * ```ts
 * const tip: ChainTip = { sequence: 0, hash: GENESIS_HASH, at: '' };
 * ```
 */
export interface ChainTip {
  readonly sequence: number;
  readonly hash: string;
  readonly at: string;
}

/**
 * A query over a record's versions, newest first.
 *
 * @example
 * ```ts
 * const q: VersionQuery = { beforeVersion: 20, since: '2026-01-01T00:00:00.000Z', limit: 10 };
 * ```
 */
export interface VersionQuery {
  /** Only versions numbered below this (paging). */
  readonly beforeVersion?: number;
  /** Only versions written at or after this time. */
  readonly since?: string;
  /** Only versions written at or before this time. */
  readonly until?: string;
  /** At most this many. */
  readonly limit: number;
}

/**
 * A query over one kind of a record's entries, newest first.
 *
 * @example
 * ```ts
 * const q: EntryQuery = { beforeSequence: 900, since: '2026-01-01T00:00:00.000Z', limit: 100 };
 * ```
 */
export interface EntryQuery {
  /** Only entries earlier in the chain than this sequence (paging). */
  readonly beforeSequence?: number;
  /** Only entries written at or after this time. */
  readonly since?: string;
  /** Only entries written at or before this time. */
  readonly until?: string;
  /** At most this many. */
  readonly limit: number;
}

/**
 * What a storage adapter offers inside one transaction. Everything written through it commits together
 * or not at all; `head` locks the record until the transaction ends, and `tip` locks the chain, so two
 * writers never both see the same version as current. Each method answers with the value itself when
 * it has it at once (the memory adapter) or with a promise (database drivers).
 *
 * @example
 * ```ts
 * await adapter.transact(async (tx) => (await tx.head('Patient/p1'))?.version);
 * ```
 */
export interface StorageTx {
  /** The chain's last entry (locks the chain for this transaction). */
  tip(): Answer<ChainTip>;
  /** The record's current state, or undefined (locks the record for this transaction). */
  head(recordId: string): Answer<HeadRow | undefined>;
  /** Inserts or replaces the record's current state. */
  putHead(row: HeadRow): Answer<void>;
  /** Appends entries to the chain; a version number already used for a record is refused. */
  append(entries: readonly EntryRow[]): Answer<void>;
  /** The version entries of a record numbered `from` to `to` inclusive, ascending. */
  versions(recordId: string, from: number, to: number): Answer<EntryRow[]>;
  /** The number of the newest version written at or before `at`, if any. */
  versionAt(recordId: string, at: string): Answer<number | undefined>;
  /** Version entries of a record, newest first, filtered and limited. */
  history(recordId: string, query: VersionQuery): Answer<EntryRow[]>;
  /** Entries of one kind about a record, ascending by sequence. */
  entriesOf(recordId: string, kind: EntryKind): Answer<EntryRow[]>;
  /** Entries of one kind about a record, newest first, filtered and limited (the audit trail's pages). */
  recentEntries(recordId: string, kind: EntryKind, query: EntryQuery): Answer<EntryRow[]>;
  /** Clears the `data` of the record's entries of the given kinds (their hashes stay). */
  clearData(recordId: string, kinds: readonly EntryKind[]): Answer<void>;
}

/**
 * A place the versioned store keeps its chain and heads: memory, SQLite or PostgreSQL.
 *
 * @example
 * ```ts
 * const adapter: StorageAdapter = memoryAdapter();
 * const entries = await adapter.scan(1, 1000);
 * ```
 */
export interface StorageAdapter {
  /** A short name for reports: `memory`, `sqlite`, `postgres`. */
  readonly name: string;
  /**
   * Runs `work` in one transaction; if it throws (or its promise rejects), nothing it wrote is kept and
   * the error is rethrown. `work` may answer synchronously; an adapter whose storage answers at once may
   * then run the whole transaction without waiting.
   */
  transact<T>(work: (tx: StorageTx) => Answer<T>): Promise<T>;
  /** Chain entries from `fromSequence` on, ascending, at most `limit`. */
  scan(fromSequence: number, limit: number): Promise<EntryRow[]>;
  /** Every head, for verification. */
  heads(): Promise<HeadRow[]>;
  /** Releases connections and files. */
  close(): Promise<void>;
}
