import type { EntryQuery, EntryRow } from '../adapter.js';

// The number of items of a sorted list for which `before` holds (a binary search).
function countWhile(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The entries a query asks for, newest first, from the ascending sequence numbers of one record's
 * entries of one kind. Sequences and times both grow along the chain, so both bounds are found by
 * binary search and only the page itself is visited.
 *
 * @param entries - the whole chain, entry `n` at index `n - 1`
 * @param sequences - the record's entries of the kind, ascending
 * @param query - bounds and page size
 * @returns the page, newest first
 * @example
 * ```ts
 * newestEntries(state.entries, [3, 8, 12], { limit: 2 }); // entries 12 and 8
 * ```
 */
export function newestEntries(entries: readonly EntryRow[], sequences: readonly number[], query: EntryQuery): EntryRow[] {
  const at = (index: number): string => (entries[(sequences[index] as number) - 1] as EntryRow).at;
  let end = sequences.length;
  if (query.beforeSequence !== undefined) {
    const before = query.beforeSequence;
    end = countWhile(end, (index) => (sequences[index] as number) < before);
  }
  if (query.until !== undefined) {
    const until = query.until;
    end = countWhile(end, (index) => at(index) <= until);
  }
  const out: EntryRow[] = [];
  for (let index = end - 1; index >= 0 && out.length < query.limit; index--) {
    if (query.since !== undefined && at(index) < query.since) break;
    out.push(entries[(sequences[index] as number) - 1] as EntryRow);
  }
  return out;
}
