import type { EntryRow, StorageTx } from './adapter.js';
import type { JsonValue } from './json.js';
import { canonicalJson } from './canonicalJson.js';
import { applyPatch, type JsonPatch } from './jsonPatch.js';
import { isSnapshotVersion, SNAPSHOT_INTERVAL } from './settings.js';
import type { VersionMeta } from './versionMeta.js';
import { step, type Steps } from './steps.js';

/**
 * What a `version` entry's content holds: the public metadata (with store keys, `Patient/p1`, where
 * the metadata has ids), the hash of the document, and either a full snapshot or the patch from the
 * version before.
 */
export interface VersionFact extends Omit<VersionMeta, 'id'> {
  readonly recordId: string;
  readonly documentHash: string;
  readonly snapshot?: JsonValue;
  readonly patch?: JsonPatch;
}

/**
 * The canonical JSON (RFC 8785) of a version fact, written out member by member in JCS order: the same
 * text as `canonicalJson(fact)` without sorting keys on every write, and with the snapshot's canonical
 * text (already made when the document was validated) spliced in rather than made again.
 *
 * @param fact - the fact
 * @param documentText - the canonical JSON of the fact's document (used when the fact holds a snapshot)
 * @param patchText - the canonical JSON of the fact's patch, when the caller already has it
 * @returns the canonical text
 * @example
 * ```ts
 * versionFactText(fact, valid.text) === canonicalJson(fact); // true
 * ```
 */
export function versionFactText(fact: VersionFact, documentText: string, patchText?: string): string {
  let out = `{"at":${canonicalJson(fact.at)},"author":${canonicalJson(fact.author)},"documentHash":${canonicalJson(fact.documentHash)}`;
  if (fact.onBehalfOf !== undefined) out += `,"onBehalfOf":${canonicalJson(fact.onBehalfOf)}`;
  out += `,"operation":${canonicalJson(fact.operation)}`;
  if (fact.patch !== undefined) out += `,"patch":${patchText ?? canonicalJson(fact.patch)}`;
  if (fact.reason !== undefined) out += `,"reason":${canonicalJson(fact.reason)}`;
  out += `,"recordId":${canonicalJson(fact.recordId)}`;
  if (fact.replacedBy !== undefined) out += `,"replacedBy":${canonicalJson(fact.replacedBy)}`;
  if (fact.replaces !== undefined) out += `,"replaces":${canonicalJson(fact.replaces)}`;
  if (fact.snapshot !== undefined) out += `,"snapshot":${documentText}`;
  return `${out},"state":${canonicalJson(fact.state)},"version":${canonicalJson(fact.version)}}`;
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
  const meta: { -readonly [K in keyof VersionMeta]: VersionMeta[K] } = {
    id: idOf(fact.recordId),
    version: fact.version,
    at: fact.at,
    operation: fact.operation,
    state: fact.state,
    author: fact.author,
  };
  if (fact.onBehalfOf !== undefined) meta.onBehalfOf = fact.onBehalfOf;
  if (fact.reason !== undefined) meta.reason = fact.reason;
  if (fact.replacedBy !== undefined) meta.replacedBy = idOf(fact.replacedBy);
  if (fact.replaces !== undefined) meta.replaces = idOf(fact.replaces);
  return meta;
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
 * const found = yield* documentAt(tx, 'Patient/p1', 7);
 * ```
 */
export function* documentAt(tx: StorageTx, key: string, version: number): Steps<{ fact: VersionFact; document: JsonValue } | undefined> {
  const start = version - ((version - 1) % SNAPSHOT_INTERVAL);
  const rows = yield* step(tx.versions(key, start, version));
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
