import type { ChainTip, EntryKind, EntryRow, HeadRow, StorageAdapter, StorageTx, VersionQuery } from '../adapter.js';
import { GENESIS_HASH } from '../hashing.js';
import { lastAtOrBefore } from './lastAtOrBefore.js';
import { newestEntries } from './newestEntries.js';
import { oneAtATime } from './oneAtATime.js';

/**
 * Everything a memory adapter holds, for saving it or starting another adapter from it.
 *
 * @example
 * ```ts
 * const copy = memoryAdapter({ from: original.snapshot() });
 * ```
 */
export interface MemorySnapshot {
  readonly entries: readonly EntryRow[];
  readonly heads: readonly HeadRow[];
}

/**
 * The in-memory adapter: the embedded default, and the model the other adapters are tested against.
 *
 * @example
 * ```ts
 * const adapter = memoryAdapter();
 * adapter.snapshot().entries.length; // 0
 * ```
 */
export interface MemoryAdapter extends StorageAdapter {
  /** A copy of everything stored. */
  snapshot(): MemorySnapshot;
}

interface MemoryState {
  readonly entries: EntryRow[];
  readonly heads: Map<string, HeadRow>;
  readonly versions: Map<string, EntryRow[]>;
  /** Sequences of each record's entries, by record then kind. */
  readonly byKind: Map<string, Map<EntryKind, number[]>>;
}

function sequencesOf(state: MemoryState, recordId: string, kind: EntryKind): number[] | undefined {
  return state.byKind.get(recordId)?.get(kind);
}

function indexEntry(state: MemoryState, entry: EntryRow, strict: boolean): void {
  if (entry.recordId === null) return;
  if (entry.kind === 'version') {
    const list = state.versions.get(entry.recordId) ?? [];
    if (strict && list.length + 1 !== entry.version) throw new Error(`version ${entry.version} of ${entry.recordId} is out of sequence`);
    list.push(entry);
    state.versions.set(entry.recordId, list);
  }
  let kinds = state.byKind.get(entry.recordId);
  if (kinds === undefined) state.byKind.set(entry.recordId, (kinds = new Map()));
  const sequences = kinds.get(entry.kind);
  if (sequences === undefined) kinds.set(entry.kind, [entry.sequence]);
  else sequences.push(entry.sequence);
}

function unindexEntry(state: MemoryState, entry: EntryRow): void {
  if (entry.recordId === null) return;
  if (entry.kind === 'version') state.versions.get(entry.recordId)?.pop();
  sequencesOf(state, entry.recordId, entry.kind)?.pop();
}

function historyOf(list: readonly EntryRow[], query: VersionQuery): EntryRow[] {
  const out: EntryRow[] = [];
  let index = Math.min(list.length, (query.beforeVersion ?? list.length + 1) - 1) - 1;
  if (query.until !== undefined) index = Math.min(index, lastAtOrBefore(list, query.until));
  for (; index >= 0 && out.length < query.limit; index--) {
    const entry = list[index] as EntryRow;
    if (query.since !== undefined && entry.at < query.since) break;
    out.push(entry);
  }
  return out;
}

function makeTx(state: MemoryState, undo: (() => void)[]): StorageTx {
  // One transaction at a time: the same object serves each, with `undo` emptied in between.
  return {
    tip: (): ChainTip => {
      const last = state.entries[state.entries.length - 1];
      return last === undefined ? { sequence: 0, hash: GENESIS_HASH, at: '' } : { sequence: last.sequence, hash: last.hash, at: last.at };
    },
    head: (recordId) => state.heads.get(recordId),
    putHead: (row) => {
      const before = state.heads.get(row.recordId);
      undo.push(() => (before === undefined ? state.heads.delete(row.recordId) : state.heads.set(row.recordId, before)));
      state.heads.set(row.recordId, row);
    },
    append: (rows) => {
      const before = state.entries.length;
      undo.push(() => {
        while (state.entries.length > before) unindexEntry(state, state.entries.pop() as EntryRow);
      });
      for (const row of rows) {
        if (row.sequence !== state.entries.length + 1) throw new Error(`entry ${row.sequence} is out of sequence`);
        indexEntry(state, row, true);
        state.entries.push(row);
      }
    },
    versions: (recordId, from, to) => (state.versions.get(recordId) ?? []).slice(Math.max(0, from - 1), Math.max(0, to)),
    versionAt: (recordId, at) => {
      const index = lastAtOrBefore(state.versions.get(recordId) ?? [], at);
      return index < 0 ? undefined : index + 1;
    },
    history: (recordId, query) => historyOf(state.versions.get(recordId) ?? [], query),
    entriesOf: (recordId, kind) => (sequencesOf(state, recordId, kind) ?? []).map((sequence) => state.entries[sequence - 1] as EntryRow),
    recentEntries: (recordId, kind, query) => newestEntries(state.entries, sequencesOf(state, recordId, kind) ?? [], query),
    clearData: (recordId, kinds) => clearData(state, recordId, kinds, undo),
  };
}

function clearData(state: MemoryState, recordId: string, kinds: readonly EntryKind[], undo: (() => void)[]): void {
  for (const kind of kinds) {
    for (const sequence of sequencesOf(state, recordId, kind) ?? []) {
      const before = state.entries[sequence - 1] as EntryRow;
      const cleared = { ...before, data: null };
      const replace = (row: EntryRow): void => {
        state.entries[sequence - 1] = row;
        if (row.kind === 'version' && row.version !== null) (state.versions.get(recordId) as EntryRow[])[row.version - 1] = row;
      };
      replace(cleared);
      undo.push(() => replace(before));
    }
  }
}

function emptyState(): MemoryState {
  return { entries: [], heads: new Map(), versions: new Map(), byKind: new Map() };
}

/**
 * Creates the in-memory storage adapter. Transactions run one at a time; a transaction that throws is
 * undone completely.
 *
 * @param options - `from`: a snapshot (from {@link MemoryAdapter.snapshot}) to start with
 * @returns the adapter
 * @example
 * ```ts
 * const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock });
 * ```
 */
export function memoryAdapter(options: { readonly from?: MemorySnapshot } = {}): MemoryAdapter {
  const state = emptyState();
  for (const entry of options.from?.entries ?? []) {
    indexEntry(state, entry, false);
    state.entries.push(entry);
  }
  for (const head of options.from?.heads ?? []) state.heads.set(head.recordId, head);
  const undo: (() => void)[] = [];
  const transact = oneAtATime(makeTx(state, undo), undo);
  return {
    name: 'memory',
    transact,
    // Reads wait their turn too, so they never see a transaction's head before its chain entries.
    scan: (fromSequence, limit) => transact(() => state.entries.slice(Math.max(0, fromSequence - 1), Math.max(0, fromSequence - 1) + limit)),
    heads: () => transact(() => [...state.heads.values()]),
    // Copies of the rows (their fields are strings, numbers and null), so changing them changes nothing here.
    snapshot: () => ({ entries: state.entries.map((row) => ({ ...row })), heads: [...state.heads.values()].map((row) => ({ ...row })) }),
    close: async () => undefined,
  };
}
