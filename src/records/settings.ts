import type { DateTime } from 'luxon';
import type { z } from 'zod';
import type { StorageAdapter } from './adapter.js';
import type { AccessPolicy } from './context.js';
import type { ContextCache } from './contextCache.js';
import type { DocumentCache } from './documentCache.js';

/**
 * How a versioned store is set up.
 *
 * @example
 * ```ts
 * const options: RecordStoreOptions<typeof patientSchema> = {
 *   schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: () => clinicClock(),
 * };
 * ```
 */
export interface RecordStoreOptions<S extends z.ZodType> {
  /** Every written document must parse with it; the parsed value is what is stored. */
  readonly schema: S;
  /** The kind of record, prefixed to ids in storage (`Patient/p1`), so stores can share an adapter. */
  readonly resourceType: string;
  /** Where versions, heads and the chain live. */
  readonly adapter: StorageAdapter;
  /** The store's only source of time. */
  readonly clock: () => DateTime;
  /** Permissions by role; without one every role may do everything except expunge. */
  readonly policy?: AccessPolicy;
  /** Largest accepted document, in bytes of canonical JSON (default 1 MiB). */
  readonly maxDocumentBytes?: number;
}

/** Settled options, defaults filled in. */
export interface StoreSettings<S extends z.ZodType> extends RecordStoreOptions<S> {
  readonly maxDocumentBytes: number;
  /** The store's private parsed copies of current documents. */
  readonly documents: DocumentCache;
  /** The store's checked access contexts. */
  readonly contexts: ContextCache;
}

/** Every this-many versions a record stores a full snapshot instead of a patch, bounding reconstruction. */
export const SNAPSHOT_INTERVAL = 32;

/**
 * Whether a version is stored as a full snapshot.
 *
 * @param version - the version number
 * @returns true for 1, 33, 65, ...
 * @example
 * ```ts
 * isSnapshotVersion(33); // true
 * ```
 */
export function isSnapshotVersion(version: number): boolean {
  return (version - 1) % SNAPSHOT_INTERVAL === 0;
}
