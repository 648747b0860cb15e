import type { JsonValue } from './json.js';

/**
 * The parsed current documents of recently written records, private to one store. An entry answers
 * only for the exact canonical text it was made from, so a head changed by any other writer (or a
 * rolled-back transaction) simply misses and is parsed again: the cache can be stale, never wrong.
 * The documents it holds are copies nobody else has, so nobody can change them.
 *
 * @example
 * ```ts
 * const cache = documentCache();
 * cache.remember('Patient/p1', '{"a":1}', { a: 1 });
 * cache.parsed('Patient/p1', '{"a":1}'); // { a: 1 }, without parsing
 * ```
 */
export interface DocumentCache {
  /** The document whose canonical text is `text`, from the cache or parsed (and then remembered). */
  parsed(key: string, text: string): JsonValue;
  /** Remembers the private copy of the document whose canonical text is `text`. */
  remember(key: string, text: string, copy: JsonValue): void;
  /** Drops the record's copy (its content was expunged). */
  forget(key: string): void;
}

/**
 * Creates a document cache holding at most `capacity` records, forgetting the least recently written.
 *
 * @param capacity - how many records to keep (default 4096)
 * @returns the cache
 * @example
 * ```ts
 * const cache = documentCache(100);
 * ```
 */
export function documentCache(capacity = 4096): DocumentCache {
  const entries = new Map<string, { readonly text: string; readonly copy: JsonValue }>();
  const remember = (key: string, text: string, copy: JsonValue): void => {
    entries.delete(key);
    entries.set(key, { text, copy });
    if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
  };
  return {
    remember,
    forget: (key) => void entries.delete(key),
    parsed(key, text) {
      const found = entries.get(key);
      if (found !== undefined && found.text === text) return found.copy;
      const copy = JSON.parse(text) as JsonValue;
      remember(key, text, copy);
      return copy;
    },
  };
}
