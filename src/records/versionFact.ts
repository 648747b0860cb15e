import type { EntryRow, StorageTx } from './adapter.js';
import type { JsonValue } from './json.js';
import { applyPatch, type JsonPatch } from './jsonPatch.js';
import { isSnapshotVersion, SNAPSHOT_INTERVAL } from './settings.js';
import type { VersionMeta, VersionOperation } from './versionMeta.js';

/** What a `version` entry's content holds. */
export interface VersionFact {
  readonly recordId: string;
  readonly version: number;
  readonly at: string;
  readonly operation: VersionOperation;
  readonly state: 'active' | 'deleted' | 'merged';
  readonly author: string;
  readonly onBehalfOf?: string;
  readonly reason?: string;
  readonly documentHash: string;
  readonly snapshot?: JsonValue;
  readonly patch?: JsonPatch;
  readonly replacedBy?: string;
  readonly replaces?: string;
}

/**
 * Reads a version entry's fact, or undefined once expunged.
 *
 * @example
 * ```ts
 * const fact = versionFactOf(row);
 * ```
 */
export function versionFactOf(row: EntryRow): VersionFact | undefined {
  return row.data === null ? undefined : (JSON.parse(row.data) as VersionFact);
}

function idOf(key: string): string {
  return key.slice(key.indexOf('/') + 1);
}

/**
 * The public metadata of a version fact: store keys turned back into ids.
 *
 * @example
 * ```ts
 * metaOf(fact).version;
 * ```
 */
export function metaOf(fact: VersionFact): VersionMeta {
  return {
    id: idOf(fact.recordId),
    version: fact.version,
    at: fact.at,
    operation: fact.operation,
    state: fact.state,
    author: fact.author,
    ...(fact.onBehalfOf !== undefined ? { onBehalfOf: fact.onBehalfOf } : {}),
    ...(fact.reason !== undefined ? { reason: fact.reason } : {}),
    ...(fact.replacedBy !== undefined ? { replacedBy: idOf(fact.replacedBy) } : {}),
    ...(fact.replaces !== undefined ? { replaces: idOf(fact.replaces) } : {}),
  };
}

/**
 * Rebuilds a version's document from the nearest snapshot at or before it and the patches after it
 * (at most {@link SNAPSHOT_INTERVAL} - 1 of them).
 *
 * @param tx - the open transaction
 * @param key - the store key
 * @param version - the version wanted
 * @returns the fact and document, or undefined when the version does not exist or was expunged
 * @example
 * ```ts
 * const found = await documentAt(tx, 'Patient/p1', 7);
 * ```
 */
export async function documentAt(tx: StorageTx, key: string, version: number): Promise<{ fact: VersionFact; document: JsonValue } | undefined> {
  const start = version - ((version - 1) % SNAPSHOT_INTERVAL);
  const rows = await tx.versions(key, start, version);
  if (rows.length !== version - start + 1) return undefined;
  let document: JsonValue = null;
  let fact: VersionFact | undefined;
  for (const row of rows) {
    fact = versionFactOf(row);
    if (fact === undefined) return undefined;
    if (isSnapshotVersion(fact.version)) document = fact.snapshot ?? null;
    else {
      const patched = applyPatch(document, fact.patch ?? []);
      if (!patched.ok) return undefined;
      document = patched.value;
    }
  }
  return fact === undefined ? undefined : { fact, document };
}
