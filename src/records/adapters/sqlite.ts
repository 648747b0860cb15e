import type BetterSqlite3 from 'better-sqlite3';
import { isPromiseLike, type Answer } from '../steps.js';
import { MedofficeUsageError } from '../../core/result.js';
import type { ChainTip, StorageAdapter, StorageTx } from '../adapter.js';
import { GENESIS_HASH } from '../hashing.js';
import { writerCache, type WriterCache } from './writerCache.js';
import { entryFromSql, entryValues, headFromSql, type SqlEntryRow, type SqlHeadRow } from './rows.js';
import { sqliteStatements, sqliteTableStatements, type SqliteStatements } from './sqliteStatements.js';

/**
 * Options of the SQLite adapter.
 *
 * @example
 * ```ts
 * const options: SqliteAdapterOptions = { path: 'records.db', maxBatch: 512 };
 * ```
 */
export interface SqliteAdapterOptions {
  /** The database file (`:memory:` for a throwaway database). */
  readonly path: string;
  /** Most transactions committed together by one durable commit (default 1024). */
  readonly maxBatch?: number;
  /** Open read-only (for reporting tools); writes then fail. */
  readonly readonly?: boolean;
}

type Database = BetterSqlite3.Database;

interface Pending {
  readonly work: (tx: StorageTx) => Answer<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

async function loadDriver(): Promise<typeof BetterSqlite3> {
  try {
    const loaded = (await import('better-sqlite3')) as unknown as { default?: typeof BetterSqlite3 };
    return loaded.default ?? (loaded as unknown as typeof BetterSqlite3);
  } catch (error) {
    throw new MedofficeUsageError(`medoffice/records/sqlite needs the optional peer dependency better-sqlite3 (npm install better-sqlite3@12): ${String(error)}`);
  }
}

/**
 * Whether the WAL may still hold content a transaction cleared: set by the clearing (or at opening,
 * when a leftover log could not be emptied) and kept until a truncating checkpoint finishes, which is
 * tried after each commit and at closing.
 */
interface Erasure {
  pending: boolean;
}

function makeTx(sql: SqliteStatements, cache: WriterCache, erasure: Erasure): StorageTx {
  return {
    tip: (): ChainTip => {
      if (cache.tip === undefined) {
        const row = sql.tip.get() as { sequence: number; hash: string; at: string } | undefined;
        cache.tip = row ?? { sequence: 0, hash: GENESIS_HASH, at: '' };
      }
      return cache.tip;
    },
    head: (recordId) => {
      const cached = cache.heads.get(recordId);
      if (cached !== undefined) return cached;
      const row = sql.head.get(recordId) as SqlHeadRow | undefined;
      if (row === undefined) return undefined;
      const head = headFromSql(row);
      cache.remember(head);
      return head;
    },
    putHead: (h) => {
      sql.putHead.run(h.recordId, h.version, h.state, h.document, h.replacedBy, h.at);
      cache.remember(h);
    },
    append: (rows) => {
      for (const row of rows) sql.append.run(...entryValues(row));
      const last = rows[rows.length - 1];
      if (last !== undefined) cache.tip = { sequence: last.sequence, hash: last.hash, at: last.at };
    },
    versions: (recordId, from, to) => (sql.versions.all(recordId, from, to) as SqlEntryRow[]).map(entryFromSql),
    versionAt: (recordId, at) => sql.versionAt(recordId, at),
    history: (recordId, q) =>
      (sql.history.all(recordId, q.beforeVersion ?? Number.MAX_SAFE_INTEGER, q.since ?? '', q.until ?? '\uffff', q.limit) as SqlEntryRow[]).map(entryFromSql),
    entriesOf: (recordId, kind) => sql.entriesOf(recordId, kind).map(entryFromSql),
    recentEntries: (recordId, kind, q) =>
      sql.recentEntries(recordId, kind, q.beforeSequence ?? Number.MAX_SAFE_INTEGER, q.since ?? '', q.until ?? '\uffff', q.limit).map(entryFromSql),
    clearData: (recordId, kinds) => {
      for (const kind of kinds) sql.clearData(recordId, kind);
      erasure.pending = true;
    },
  };
}

interface Savepoints {
  readonly open: BetterSqlite3.Statement;
  readonly release: BetterSqlite3.Statement;
  readonly undo: BetterSqlite3.Statement;
}

/** Rolls the open transaction back, if SQLite has not rolled it back already. */
function rollBack(db: Database): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/**
 * Undoes one failed transaction of a batch with its savepoint; false when that is impossible because
 * SQLite has rolled back the whole batch on its own (a full disk, an I/O error) or the undo failed.
 */
function undoItem(db: Database, savepoint: Savepoints): boolean {
  if (!db.inTransaction) return false;
  try {
    savepoint.undo.run();
    savepoint.release.run();
    return true;
  } catch {
    return false;
  }
}

/** Fails every transaction of a batch that nothing of is kept: the batch is rolled back and the cache forgotten. */
function abandonBatch(db: Database, batch: readonly Pending[], error: unknown, cache: WriterCache): void {
  cache.forget();
  try {
    rollBack(db);
  } finally {
    for (const item of batch) item.reject(error);
  }
}

async function runBatch(db: Database, tx: StorageTx, batch: readonly Pending[], begin: string, savepoint: Savepoints, cache: WriterCache, erasure: Erasure): Promise<void> {
  const outcomes: { ok: boolean; value: unknown }[] = [];
  try {
    db.exec(begin);
    cache.checkOthers();
  } catch (error) {
    abandonBatch(db, batch, error, cache);
    return;
  }
  for (const item of batch) {
    try {
      savepoint.open.run();
      cache.startItem();
      // The store's work answers at once here (every statement is synchronous); other work may wait.
      const answer = item.work(tx);
      const value = isPromiseLike(answer) ? await answer : answer;
      savepoint.release.run();
      outcomes.push({ ok: true, value });
    } catch (error) {
      if (!undoItem(db, savepoint)) {
        // The whole batch is gone with the transaction, the transactions that succeeded in it too.
        abandonBatch(db, batch, error, cache);
        return;
      }
      cache.undoItem();
      outcomes.push({ ok: false, value: error });
    }
  }
  try {
    db.exec('COMMIT');
  } catch (error) {
    abandonBatch(db, batch, error, cache);
    return;
  }
  batch.forEach((item, i) => (outcomes[i]?.ok ? item.resolve(outcomes[i]?.value) : item.reject(outcomes[i]?.value)));
  if (erasure.pending) {
    // secure_delete has zeroed the cleared content in the pages; the WAL still holds their old images
    // until a checkpoint copies the new ones back and truncates it. The batch is committed and settled
    // already, so a checkpoint that cannot finish now (a reader holds the WAL, the disk is full) is
    // tried again after the next commit rather than failing writes that succeeded.
    erasure.pending = !truncatedWal(db);
  }
}

/** The most transactions one durable commit holds: a positive whole number, 1024 unless given. */
function maxBatchOf(options: SqliteAdapterOptions): number {
  const maxBatch = options.maxBatch ?? 1024;
  if (!Number.isSafeInteger(maxBatch) || maxBatch < 1) {
    throw new MedofficeUsageError(`sqliteAdapter: maxBatch must be a whole number of at least 1, not ${String(maxBatch)}`);
  }
  return maxBatch;
}

/**
 * Opens the SQLite adapter (better-sqlite3, an optional peer dependency loaded only here). The database
 * runs in WAL mode with `synchronous = FULL`; transactions that arrive together are committed together
 * (each in its own savepoint, so one failing undoes only itself), and a transaction's promise resolves
 * only after the durable commit that holds it. A storage error that ends the whole SQLite transaction
 * (a full disk, an I/O error) rejects every transaction of that batch, keeps nothing of them, and
 * leaves the adapter taking later calls. The chain's tip and recently used heads are kept in
 * memory between transactions and trusted only while `PRAGMA data_version` shows that no other
 * connection has committed since. Content an expunge clears is overwritten (`secure_delete`), and the
 * commit that holds it truncates the WAL; while another connection is reading, that truncation is
 * tried again after each later commit and at `close()`, and opening a writable adapter truncates a
 * log left over from before.
 *
 * @param options - the file and batching
 * @returns the adapter
 * @throws MedofficeUsageError when better-sqlite3 is not installed or `maxBatch` is not a whole number of at least 1
 * @example
 * ```ts
 * const adapter = await sqliteAdapter({ path: 'clinic-records.db' });
 * const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock });
 * ```
 */
export async function sqliteAdapter(options: SqliteAdapterOptions): Promise<StorageAdapter> {
  const maxBatch = maxBatchOf(options);
  const Driver = await loadDriver();
  const readonly = options.readonly ?? false;
  const db = new Driver(options.path, { readonly });
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Every commit is durable in the WAL; checkpoints only copy committed pages into the database file,
    // so checkpointing every 10,000 pages (about 40 MB) rather than 1,000 costs no durability and
    // writes each often-changed page (heads, index leaves) once per checkpoint instead of ten times.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('cache_size = -32768');
    // Content cleared by an expunge is overwritten with zeros, not left in free space.
    db.pragma('secure_delete = ON');
    for (const statement of sqliteTableStatements()) db.exec(statement);
  }
  const sql = sqliteStatements(db);
  const cache = writerCache(() => sql.dataVersion.get() as number);
  // A log left by an erasure whose truncation never finished (a reader held it until the adapter
  // before this one closed, or that process ended) still holds the old pages: it is emptied now or,
  // if a reader holds it still, after a later commit.
  const erasure: Erasure = { pending: !readonly && !truncatedWal(db) };
  const tx = makeTx(sql, cache, erasure);
  const savepoint = { open: db.prepare('SAVEPOINT work'), release: db.prepare('RELEASE work'), undo: db.prepare('ROLLBACK TO work') };
  const queue: Pending[] = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        try {
          await runBatch(db, tx, batch, readonly ? 'BEGIN' : 'BEGIN IMMEDIATE', savepoint, cache, erasure);
        } catch (error) {
          // Settling twice is harmless, so every transaction of a batch that broke unexpectedly is failed.
          abandonBatch(db, batch, error, cache);
        }
      }
    } finally {
      busy = false;
    }
  };
  const transact = <T>(work: (tx: StorageTx) => Answer<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!busy) {
        busy = true;
        setImmediate(() => void drain());
      }
    });
  return {
    name: 'sqlite',
    transact,
    scan: (fromSequence, limit) => transact(() => (sql.scan.all(fromSequence, limit) as SqlEntryRow[]).map(entryFromSql)),
    heads: () => transact(() => (sql.heads.all() as SqlHeadRow[]).map(headFromSql)),
    close: async () => {
      while (busy || queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
      // Closing empties the log only when no other connection is open, so an erasure still pending is tried here.
      if (erasure.pending) truncatedWal(db);
      db.close();
    },
  };
}

/**
 * Runs a truncating WAL checkpoint without waiting on readers (the busy timeout is lifted for it, so
 * a held reader costs the writers nothing); true when it finished.
 */
function truncatedWal(db: Database): boolean {
  const timeout = Number(db.pragma('busy_timeout', { simple: true }));
  try {
    db.pragma('busy_timeout = 0');
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result !== undefined && result.busy === 0;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${Number.isFinite(timeout) ? timeout : 5000}`);
  }
}
