import type { Pool, PoolClient, PoolConfig } from 'pg';
import { MedofficeUsageError } from '../../core/result.js';
import type { ChainTip, StorageAdapter, StorageTx } from '../adapter.js';
import { GENESIS_HASH } from '../hashing.js';
import type { Answer } from '../steps.js';
import { maxConnectionsOf, quotedSchema, timeoutsOf, type PostgresAdapterOptions } from './postgresOptions.js';

export type { PostgresAdapterOptions } from './postgresOptions.js';
import { entryFromSql, entryValues, headFromSql, tableStatements, type SqlEntryRow, type SqlHeadRow } from './rows.js';


/**
 * The PostgreSQL adapter: a {@link StorageAdapter} that can also rewrite its tables, so that the old
 * row versions an expunge leaves behind in them are dropped.
 *
 * @example
 * ```ts
 * const adapter: PostgresAdapter = await postgresAdapter({ connectionString: 'postgres://postgres@127.0.0.1:55432/postgres' });
 * await adapter.rewriteTables();
 * ```
 */
export interface PostgresAdapter extends StorageAdapter {
  /**
   * Rewrites the `entries` and `heads` tables and their TOAST tables with `VACUUM (FULL)`, copying
   * only the live row versions into new files and removing the old ones. An expunge only sets the
   * cleared columns to null, so until this runs the rows' earlier images, the expunged content
   * included, stay in the table files. It runs outside any transaction and holds an `ACCESS
   * EXCLUSIVE` lock on both tables while it copies them: every store operation waits for it, and it
   * waits for those already running; it needs room for a second copy of the tables. Row versions
   * that a transaction still open somewhere may see (one begun before the expunge, a replication
   * slot or `hot_standby_feedback` holding the horizon back) are copied too, so run it once those
   * have ended. It does not reach the server's WAL, archived WAL, backups or replicas, and the
   * disk blocks the old files occupied are freed, not overwritten.
   *
   * @returns when both tables have been rewritten
   * @example
   * ```ts
   * const gone = await store.expunge('p9', privacyOfficer);
   * if (gone.ok) await adapter.rewriteTables();
   * ```
   */
  rewriteTables(): Promise<void>;
}

async function loadPool(config: PoolConfig): Promise<Pool> {
  try {
    const loaded = (await import('pg')) as unknown as { default?: { Pool: new (c: PoolConfig) => Pool }; Pool?: new (c: PoolConfig) => Pool };
    const PoolClass = loaded.default?.Pool ?? loaded.Pool;
    if (PoolClass === undefined) throw new Error('pg has no Pool export');
    return new PoolClass(config);
  } catch (error) {
    throw new MedofficeUsageError(`medoffice/records/postgres needs the optional peer dependency pg (npm install pg@8): ${String(error)}`);
  }
}

function makeTx(client: PoolClient, s: string): StorageTx {
  const rows = async <R>(text: string, values: unknown[]): Promise<R[]> => (await client.query(text, values)).rows as R[];
  return {
    tip: async (): Promise<ChainTip> => {
      await client.query(`SELECT id FROM ${s}.chain_lock WHERE id = 1 FOR UPDATE`);
      const [row] = await rows<{ sequence: string; hash: string; at: string }>(`SELECT sequence, hash, at FROM ${s}.entries ORDER BY sequence DESC LIMIT 1`, []);
      return row === undefined ? { sequence: 0, hash: GENESIS_HASH, at: '' } : { sequence: Number(row.sequence), hash: row.hash, at: row.at };
    },
    head: async (recordId) => {
      const [row] = await rows<SqlHeadRow>(`SELECT * FROM ${s}.heads WHERE record_id = $1 FOR UPDATE`, [recordId]);
      return row === undefined ? undefined : headFromSql(row);
    },
    putHead: async (h) => {
      await client.query(
        `INSERT INTO ${s}.heads (record_id, version, state, document, replaced_by, at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (record_id) DO UPDATE SET version = $2, state = $3, document = $4, replaced_by = $5, at = $6`,
        [h.recordId, h.version, h.state, h.document, h.replacedBy, h.at],
      );
    },
    append: async (entries) => {
      for (const row of entries) {
        await client.query(`INSERT INTO ${s}.entries (sequence, kind, record_id, version, at, content_hash, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, entryValues(row));
      }
    },
    versions: async (recordId, from, to) =>
      (await rows<SqlEntryRow>(`SELECT * FROM ${s}.entries WHERE record_id = $1 AND kind = 'version' AND version BETWEEN $2 AND $3 ORDER BY version`, [recordId, from, to])).map(entryFromSql),
    versionAt: async (recordId, at) => {
      const [row] = await rows<{ version: number }>(
        `SELECT version FROM ${s}.entries WHERE record_id = $1 AND kind = 'version' AND at <= $2 ORDER BY at DESC, version DESC LIMIT 1`, [recordId, at]);
      return row?.version;
    },
    history: async (recordId, q) =>
      (await rows<SqlEntryRow>(
        `SELECT * FROM ${s}.entries WHERE record_id = $1 AND kind = 'version' AND version < $2 AND at >= $3 AND at <= $4 ORDER BY version DESC LIMIT $5`,
        [recordId, Math.min(q.beforeVersion ?? 2_147_483_647, 2_147_483_647), q.since ?? '', q.until ?? '\uffff', q.limit],
      )).map(entryFromSql),
    entriesOf: async (recordId, kind) => (await rows<SqlEntryRow>(`SELECT * FROM ${s}.entries WHERE record_id = $1 AND kind = $2 ORDER BY sequence`, [recordId, kind])).map(entryFromSql),
    recentEntries: async (recordId, kind, q) =>
      (await rows<SqlEntryRow>(
        `SELECT * FROM ${s}.entries WHERE record_id = $1 AND kind = $2 AND sequence < $3 AND at >= $4 AND at <= $5 ORDER BY sequence DESC LIMIT $6`,
        [recordId, kind, q.beforeSequence ?? Number.MAX_SAFE_INTEGER, q.since ?? '', q.until ?? '\uffff', q.limit],
      )).map(entryFromSql),
    clearData: async (recordId, kinds) => {
      await client.query(`UPDATE ${s}.entries SET data = NULL WHERE record_id = $1 AND kind = ANY($2)`, [recordId, [...kinds]]);
    },
  };
}





/**
 * Runs `use` on a pooled connection. A connection that fails meanwhile (the server ended it) or that
 * `use` leaves unusable is closed rather than pooled again; its error event is taken here, since an
 * event nobody listens to ends the process.
 */
async function withClient<T>(pool: Pool, use: (client: PoolClient, discard: (error: unknown) => void) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const discard = (error: unknown): void => {
    broken ??= error instanceof Error ? error : new Error(String(error));
  };
  client.on('error', discard);
  try {
    return await use(client, discard);
  } finally {
    client.off('error', discard);
    client.release(broken);
  }
}

/**
 * Lifts the statement and lock timeouts for this session's maintenance work (creating the tables,
 * rewriting them), which may rightly wait and run far longer than any store operation, and puts them
 * back to the session's own values after.
 */
async function withoutTimeouts<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
  try {
    return await work();
  } finally {
    await client.query('RESET statement_timeout; RESET lock_timeout');
  }
}

async function createTables(pool: Pool, s: string): Promise<void> {
  await withClient(pool, async (client, discard) => {
    try {
      await withoutTimeouts(client, () => createTablesOn(client, s));
    } catch (error) {
      // Closing the connection also lets go of the advisory lock.
      discard(error);
      throw error;
    }
  });
}

async function createTablesOn(client: PoolClient, s: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock(48151623)');
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  for (const statement of tableStatements(`${s}.`, 'BIGINT', 'TEXT COLLATE "C"')) await client.query(statement);
  await client.query(`CREATE TABLE IF NOT EXISTS ${s}.chain_lock (id INTEGER PRIMARY KEY)`);
  await client.query(`INSERT INTO ${s}.chain_lock (id) VALUES (1) ON CONFLICT DO NOTHING`);
  await client.query('SELECT pg_advisory_unlock(48151623)');
}

/**
 * Opens the PostgreSQL adapter (pg, an optional peer dependency loaded only here). Each transaction
 * runs on its own pooled connection at READ COMMITTED, whatever the server's default: it locks the
 * chain (`SELECT ... FOR UPDATE` on a one-row table) and the record's head row, so concurrent writers
 * from any number of connections or processes never both succeed on the same expected version; a
 * unique index on (record, version) backs this up. A connection the server ends (a restart, a
 * failover, `pg_terminate_backend`) is dropped from the pool: a transaction using it rejects, and the
 * next one gets a new connection.
 *
 * An expunge here sets the record's content to null in its rows and head; it does not erase it from
 * disk. PostgreSQL keeps each row's earlier images in the table files, as dead row versions whose
 * space a plain `VACUUM` marks reusable without erasing them, until
 * {@link PostgresAdapter.rewriteTables} (or any `VACUUM FULL`) rewrites the tables, and in its WAL,
 * archived WAL, backups and replicas for as long as the server's retention keeps them. Those are the
 * database administrator's part (encrypted storage and bounded WAL and backup retention).
 *
 * Without timeouts a writer waits for the chain lock as long as another holds it; `lockTimeoutMs`,
 * `statementTimeoutMs` and `idleInTransactionTimeoutMs` bound that wait and let the server end a
 * session stalled inside a transaction. Creating the tables and {@link PostgresAdapter.rewriteTables}
 * run without the statement and lock timeouts: they may rightly wait for other sessions and take far
 * longer than any store operation.
 *
 * @param options - connection, schema, pool size and the optional timeouts
 * @returns the adapter, its tables created if missing
 *
 * @throws MedofficeUsageError when pg is not installed, the schema name is not a plain lowercase name
 *   or is PostgreSQL's own, `maxConnections` is not a whole number from 1 to 262143, or a timeout is
 *   not a whole number of milliseconds from 1 to 2147483647
 * @example
 * ```ts
 * const adapter = await postgresAdapter({ connectionString: process.env['DATABASE_URL'] ?? '', lockTimeoutMs: 5000 });
 * ```
 */
export async function postgresAdapter(options: PostgresAdapterOptions): Promise<PostgresAdapter> {
  const schema = quotedSchema(options);
  const pool = await loadPool({ connectionString: options.connectionString, max: maxConnectionsOf(options), ...timeoutsOf(options) });
  // The pool has already closed an idle connection the server ended; the next call opens another.
  pool.on('error', () => undefined);
  try {
    await createTables(pool, schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const transact = <T>(work: (tx: StorageTx) => Answer<T>): Promise<T> =>
    withClient(pool, async (client, discard) => {
      try {
        // The chain lock orders writers only if each statement sees the commits made before it.
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const value = await work(makeTx(client, schema));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        // The work's error is the one to report; a connection that cannot even roll back is discarded.
        await client.query('ROLLBACK').catch(discard);
        throw error;
      }
    });
  return {
    name: 'postgres',
    transact,
    scan: async (fromSequence, limit) =>
      ((await pool.query(`SELECT * FROM ${schema}.entries WHERE sequence >= $1 ORDER BY sequence LIMIT $2`, [fromSequence, limit])).rows as SqlEntryRow[]).map(entryFromSql),
    heads: async () => ((await pool.query(`SELECT * FROM ${schema}.heads ORDER BY record_id`)).rows as SqlHeadRow[]).map(headFromSql),
    // A pooled query runs outside a transaction block, where VACUUM must run.
    rewriteTables: () =>
      withClient(pool, async (client, discard) => {
        try {
          await withoutTimeouts(client, () => client.query(`VACUUM (FULL) ${schema}.entries, ${schema}.heads`));
        } catch (error) {
          discard(error);
          throw error;
        }
      }),
    close: () => pool.end(),
  };
}
