import type { ChainTip, HeadRow } from '../adapter.js';

/**
 * What a SQL adapter remembers between its transactions so that a write needs no lookup of the chain's
 * tip or of a head it recently wrote: valid only while no other connection commits (checked at the
 * start of every batch), and undone with the savepoint of a transaction that fails.
 *
 * @example
 * ```ts
 * const cache = writerCache(() => db.prepare('PRAGMA data_version').pluck().get() as number);
 * ```
 */
export interface WriterCache {
  /** The chain's tip, once read or written. */
  tip: ChainTip | undefined;
  /** Heads by store key. */
  readonly heads: ReadonlyMap<string, HeadRow>;
  /** Remembers a head read or written in the current transaction. */
  remember(head: HeadRow): void;
  /** Forgets everything when another connection has committed since the last check. */
  checkOthers(): void;
  /** Marks the start of one transaction inside a batch. */
  startItem(): void;
  /** Forgets what the current transaction changed (its savepoint was rolled back). */
  undoItem(): void;
  /** Forgets everything (a commit failed). */
  forget(): void;
}

/**
 * Creates a writer cache holding at most `capacity` heads, forgetting the least recently used.
 *
 * @param dataVersion - reads the database's `PRAGMA data_version`, which changes when another connection commits
 * @param capacity - how many heads to keep (default 4096)
 * @returns the cache
 * @example
 * ```ts
 * const cache = writerCache(() => 0, 16);
 * ```
 */
export function writerCache(dataVersion: () => number, capacity = 4096): WriterCache {
  const heads = new Map<string, HeadRow>();
  let touched: string[] = [];
  let tipBefore: ChainTip | undefined;
  let seen: number | undefined;
  const cache: WriterCache = {
    tip: undefined,
    heads,
    remember(head) {
      touched.push(head.recordId);
      heads.delete(head.recordId);
      heads.set(head.recordId, head);
      if (heads.size > capacity) heads.delete(heads.keys().next().value as string);
    },
    checkOthers() {
      const now = dataVersion();
      if (now !== seen) cache.forget();
      seen = now;
    },
    startItem() {
      touched = [];
      tipBefore = cache.tip;
    },
    undoItem() {
      for (const key of touched) heads.delete(key);
      touched = [];
      cache.tip = tipBefore;
    },
    forget() {
      heads.clear();
      cache.tip = undefined;
    },
  };
  return cache;
}
