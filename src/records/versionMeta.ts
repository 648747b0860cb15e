/**
 * What a version did.
 *
 * @example
 * ```ts
 * const op: VersionOperation = 'patch';
 * ```
 */
export type VersionOperation = 'create' | 'update' | 'patch' | 'delete' | 'undelete' | 'merge' | 'correct' | 'amend';

/**
 * Version metadata, always set by the store, never by the caller.
 *
 * @example
 * ```ts
 * const meta: VersionMeta = { id: 'p1', version: 2, at: '2026-11-02T12:31:00.000Z', operation: 'update',
 *   state: 'active', author: 'ma-jones' };
 * ```
 */
export interface VersionMeta {
  /** The record id. */
  readonly id: string;
  /** The version number: 1, 2, 3, ... per record. */
  readonly version: number;
  /** When it was written, ISO 8601 UTC, from the store's clock. */
  readonly at: string;
  /** What the write was. */
  readonly operation: VersionOperation;
  /** The record's state after this version. */
  readonly state: 'active' | 'deleted' | 'merged';
  /** Who wrote it. */
  readonly author: string;
  /** Whom the author acted for. */
  readonly onBehalfOf?: string;
  /** Why. */
  readonly reason?: string;
  /** For a merged record: the survivor's id. */
  readonly replacedBy?: string;
  /** For a survivor's merge version: the id of the record it replaces. */
  readonly replaces?: string;
  /** Set on reads of an older version that a correction marked entered in error: the version that corrects it. */
  readonly correctedBy?: number;
  /**
   * Set on reads (`read`, `readVersion`, `readAsOf`, `history`) of a version that amendment requests
   * concern (HIPAA 164.526(c)(1), (d)(5)): each request's id and status, and `disagreement: true` once
   * the individual filed a statement of disagreement. `amendments(id)` gives the whole of each. Never
   * set on a view's metadata.
   */
  readonly amendments?: readonly { readonly id: string; readonly status: 'requested' | 'accepted' | 'accepted-in-part' | 'denied'; readonly disagreement?: true }[];
}

/**
 * A version of a record: its metadata and the document as it stood.
 *
 * @example
 * ```ts
 * const r = await store.read('p1', context);
 * if (r.ok) console.log(r.value.meta.version, r.value.document);
 * ```
 */
export interface RecordVersion<T> {
  readonly meta: VersionMeta;
  readonly document: T;
}
