import type BetterSqlite3 from 'better-sqlite3';
import { MedofficeUsageError } from '../../core/result.js';
import type { ChainTip, StorageAdapter, StorageTx } from '../adapter.js';
import { GENESIS_HASH } from '../hashing.js';
import { entryFromSql, entryValues, headFromSql, tableStatements, type SqlEntryRow, type SqlHeadRow } from './rows.js';

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
  readonly work: (tx: StorageTx) => Promise<unknown>;
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

function statements(db: Database) {
  const entryColumns = 'sequence, kind, record_id, version, at, content_hash, data, prev_hash, hash';
  return {
    tip: db.prepare('SELECT sequence, hash, at FROM entries ORDER BY sequence DESC LIMIT 1'),
    head: db.prepare('SELECT * FROM heads WHERE record_id = ?'),
    putHead: db.prepare('INSERT OR REPLACE INTO heads (record_id, version, state, document, replaced_by, at) VALUES (?, ?, ?, ?, ?, ?)'),
    append: db.prepare(`INSERT INTO entries (${entryColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    versions: db.prepare("SELECT * FROM entries WHERE record_id = ? AND kind = 'version' AND version BETWEEN ? AND ? ORDER BY version"),
    versionAt: db.prepare("SELECT version FROM entries WHERE record_id = ? AND kind = 'version' AND at <= ? ORDER BY at DESC, version DESC LIMIT 1"),
    history: db.prepare(
      "SELECT * FROM entries WHERE record_id = ? AND kind = 'version' AND version < ? AND at >= ? AND at <= ? ORDER BY version DESC LIMIT ?",
    ),
    entriesOf: db.prepare('SELECT * FROM entries WHERE record_id = ? AND kind = ? ORDER BY sequence'),
    clearData: db.prepare('UPDATE entries SET data = NULL WHERE record_id = ? AND kind = ?'),
    scan: db.prepare('SELECT * FROM entries WHERE sequence >= ? ORDER BY sequence LIMIT ?'),
    heads: db.prepare('SELECT * FROM heads ORDER BY record_id'),
  };
}

function makeTx(sql: ReturnType<typeof statements>): StorageTx {
  return {
    tip: async (): Promise<ChainTip> => {
      const row = sql.tip.get() as { sequence: number; hash: string; at: string } | undefined;
      return row ?? { sequence: 0, hash: GENESIS_HASH, at: '' };
    },
    head: async (recordId) => {
      const row = sql.head.get(recordId) as SqlHeadRow | undefined;
      return row === undefined ? undefined : headFromSql(row);
    },
    putHead: async (h) => void sql.putHead.run(h.recordId, h.version, h.state, h.document, h.replacedBy, h.at),
    append: async (rows) => {
      for (const row of rows) sql.append.run(...entryValues(row));
    },
    versions: async (recordId, from, to) => (sql.versions.all(recordId, from, to) as SqlEntryRow[]).map(entryFromSql),
    versionAt: async (recordId, at) => (sql.versionAt.get(recordId, at) as { version: number } | undefined)?.version,
    history: async (recordId, q) =>
      (sql.history.all(recordId, q.beforeVersion ?? Number.MAX_SAFE_INTEGER, q.since ?? '', q.until ?? '\uffff', q.limit) as SqlEntryRow[]).map(entryFromSql),
    entriesOf: async (recordId, kind) => (sql.entriesOf.all(recordId, kind) as SqlEntryRow[]).map(entryFromSql),
    clearData: async (recordId, kinds) => {
      for (const kind of kinds) sql.clearData.run(recordId, kind);
    },
  };
}

interface Savepoints {
  readonly open: BetterSqlite3.Statement;
  readonly release: BetterSqlite3.Statement;
  readonly undo: BetterSqlite3.Statement;
}

async function runBatch(db: Database, tx: StorageTx, batch: readonly Pending[], begin: string, savepoint: Savepoints): Promise<void> {
  const outcomes: { ok: boolean; value: unknown }[] = [];
  try {
    db.exec(begin);
  } catch (error) {
    for (const item of batch) item.reject(error);
    return;
  }
  for (const item of batch) {
    savepoint.open.run();
    try {
      const value = await item.work(tx);
      savepoint.release.run();
      outcomes.push({ ok: true, value });
    } catch (error) {
      savepoint.undo.run();
      savepoint.release.run();
      outcomes.push({ ok: false, value: error });
    }
  }
  try {
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    for (const item of batch) item.reject(error);
    return;
  }
  batch.forEach((item, i) => (outcomes[i]?.ok ? item.resolve(outcomes[i]?.value) : item.reject(outcomes[i]?.value)));
}

/**
 * Opens the SQLite adapter (better-sqlite3, an optional peer dependency loaded only here). The database
 * runs in WAL mode with `synchronous = FULL`; transactions that arrive together are committed together
 * (each in its own savepoint, so one failing undoes only itself), and a transaction's promise resolves
 * only after the durable commit that holds it.
 *
 * @param options - the file and batching
 * @returns the adapter
 * @throws MedofficeUsageError when better-sqlite3 is not installed
 * @example
 * ```ts
 * const adapter = await sqliteAdapter({ path: 'clinic-records.db' });
 * const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock });
 * ```
 */
export async function sqliteAdapter(options: SqliteAdapterOptions): Promise<StorageAdapter> {
  const Driver = await loadDriver();
  const readonly = options.readonly ?? false;
  const db = new Driver(options.path, { readonly });
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    for (const statement of tableStatements('', 'INTEGER')) db.exec(statement);
  }
  const sql = statements(db);
  const tx = makeTx(sql);
  const savepoint = { open: db.prepare('SAVEPOINT work'), release: db.prepare('RELEASE work'), undo: db.prepare('ROLLBACK TO work') };
  const maxBatch = options.maxBatch ?? 1024;
  const queue: Pending[] = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    while (queue.length > 0) await runBatch(db, tx, queue.splice(0, maxBatch), readonly ? 'BEGIN' : 'BEGIN IMMEDIATE', savepoint);
    busy = false;
  };
  const transact = <T>(work: (tx: StorageTx) => Promise<T>): Promise<T> =>
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
    scan: (fromSequence, limit) => transact(async () => (sql.scan.all(fromSequence, limit) as SqlEntryRow[]).map(entryFromSql)),
    heads: () => transact(async () => (sql.heads.all() as SqlHeadRow[]).map(headFromSql)),
    close: async () => {
      while (busy || queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
      db.close();
    },
  };
}
