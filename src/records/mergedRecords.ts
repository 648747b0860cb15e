import type { StorageTx } from './adapter.js';
import { step, type Steps } from './steps.js';
import { versionFactOf } from './versionFact.js';

/**
 * The keys of the records merged directly into a record (the `replaces` of its versions). Once the
 * record is expunged its versions' content is gone, and its expunge entry's list answers instead.
 *
 * @param tx - the open transaction
 * @param key - the record's key, `Patient/p1`
 * @returns the keys, oldest merge first
 * @example
 * ```ts
 * const duplicates = yield* mergedIntoRecord(scope.tx, 'Patient/p1'); // ['Patient/p2']
 * ```
 */
export function* mergedIntoRecord(tx: StorageTx, key: string): Steps<string[]> {
  const head = yield* step(tx.head(key));
  if (head === undefined) return [];
  if (head.state === 'expunged') {
    const expunges = yield* step(tx.entriesOf(key, 'expunge'));
    return expungedReplaces(expunges.at(-1)?.data ?? null);
  }
  const keys: string[] = [];
  for (const row of yield* step(tx.versions(key, 1, head.version))) {
    const replaces = versionFactOf(row)?.replaces;
    if (replaces !== undefined) keys.push(replaces);
  }
  return keys;
}

function expungedReplaces(data: string | null): string[] {
  const fact: unknown = data === null ? null : JSON.parse(data);
  const replaces = typeof fact === 'object' && fact !== null ? (fact as { replaces?: unknown }).replaces : undefined;
  return Array.isArray(replaces) ? replaces.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * The keys of every record merged into a record, directly or through merges of merges (a duplicate
 * of a duplicate), each once, nearest merges first. Reads each record's versions, so it is meant for
 * the rarer calls that need the whole set (listing or deciding a duplicate's amendments), not for reads.
 *
 * @param tx - the open transaction
 * @param key - the survivor's key, `Patient/p1`
 * @returns the keys, without `key` itself
 * @example
 * ```ts
 * const all = yield* recordsMergedInto(scope.tx, 'Patient/p1'); // ['Patient/p2', 'Patient/p3']
 * ```
 */
export function* recordsMergedInto(tx: StorageTx, key: string): Steps<string[]> {
  const seen = new Set<string>([key]);
  const found: string[] = [];
  for (let next = 0, queue = [key]; next < queue.length; next++) {
    for (const replaces of yield* mergedIntoRecord(tx, queue[next] ?? '')) {
      if (seen.has(replaces)) continue;
      seen.add(replaces);
      found.push(replaces);
      queue.push(replaces);
    }
  }
  return found;
}
