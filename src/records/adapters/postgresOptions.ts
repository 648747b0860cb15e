import type { PoolConfig } from 'pg';
import { MedofficeUsageError } from '../../core/result.js';

/** The longest timeout PostgreSQL takes, in milliseconds (its settings are 32-bit integers). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The timeouts of the adapter's options, checked, as pg's connection settings.
 *
 * @param options - the adapter's options
 * @returns the settings for the pool (none for a timeout not given)
 * @throws MedofficeUsageError when a timeout is not a whole number of milliseconds from 1 to 2147483647
 * @example
 * ```ts
 * timeoutsOf({ connectionString, lockTimeoutMs: 5000 }); // { lock_timeout: 5000 }
 * ```
 */
export function timeoutsOf(options: PostgresAdapterOptions): Partial<PoolConfig> {
  const settings: Record<string, number> = {};
  const given = [
    ['lockTimeoutMs', 'lock_timeout'],
    ['statementTimeoutMs', 'statement_timeout'],
    ['idleInTransactionTimeoutMs', 'idle_in_transaction_session_timeout'],
    ['connectTimeoutMs', 'connectionTimeoutMillis'],
  ] as const;
  for (const [option, setting] of given) {
    const ms = options[option];
    if (ms === undefined) continue;
    if (!Number.isSafeInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
      throw new MedofficeUsageError(`postgresAdapter: ${option} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${String(ms)}`);
    }
    settings[setting] = ms;
  }
  return settings;
}

/**
 * Options of the PostgreSQL adapter.
 *
 * @example
 * ```ts
 * const options: PostgresAdapterOptions = { connectionString: 'postgres://postgres@127.0.0.1:55432/postgres', schema: 'records' };
 * ```
 */
export interface PostgresAdapterOptions {
  /** A libpq connection URL. */
  readonly connectionString: string;
  /**
   * The schema holding the tables (created if missing; default `medoffice_records`): lowercase letters,
   * digits and `_`, at most 63, not starting with a digit; PostgreSQL's own `pg_*` and
   * `information_schema` are refused.
   */
  readonly schema?: string;
  /** Most pooled connections, from 1 to 262143, PostgreSQL's own limit (default 10). */
  readonly maxConnections?: number;
  /**
   * Longest wait, in milliseconds, for a lock (the chain lock, a record's head row) before the
   * server cancels the statement (`lock_timeout`, SQLSTATE 55P03): the operation's promise rejects,
   * nothing of it is kept, and the attempt is audited if the storage takes the audit event in time.
   * Unset, the server's or role's own setting applies (PostgreSQL's default is to wait for ever).
   */
  readonly lockTimeoutMs?: number;
  /** Longest time, in milliseconds, any one statement may run, its lock waits included (`statement_timeout`, SQLSTATE 57014). Unset, the server's setting applies. */
  readonly statementTimeoutMs?: number;
  /**
   * Longest time, in milliseconds, a connection may sit idle inside a transaction before the server
   * ends its session and so lets go of its locks (`idle_in_transaction_session_timeout`): a process
   * stopped in the middle of a write (paused, swapped out, its event loop blocked) then stops blocking
   * every other writer. Unset, the server's setting applies.
   */
  readonly idleInTransactionTimeoutMs?: number;
  /** Longest wait, in milliseconds, for a connection (a new one or a free pooled one) before the operation rejects. Unset, it waits for ever. */
  readonly connectTimeoutMs?: number;
}

/** The most connections a PostgreSQL server takes (its `max_connections` cannot be set higher). */
const MAX_CONNECTIONS = 262_143;

/**
 * The schema name of the options, checked, and quoted so that a reserved word such as `user` is a name too.
 *
 * @throws MedofficeUsageError when it is not a plain lowercase name or is PostgreSQL's own
 * @example
 * ```ts
 * quotedSchema({ connectionString, schema: 'user' }); // '"user"'
 * ```
 */
export function quotedSchema(options: PostgresAdapterOptions): string {
  const schema = options.schema ?? 'medoffice_records';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new MedofficeUsageError(`postgresAdapter: '${schema}' is not a plain lowercase schema name`);
  if (schema.startsWith('pg_') || schema === 'information_schema') {
    throw new MedofficeUsageError(`postgresAdapter: '${schema}' is reserved for PostgreSQL's own catalogs`);
  }
  return `"${schema}"`;
}

/**
 * The pool's size of the options, checked: 10 unless given.
 *
 * @throws MedofficeUsageError when it is not a whole number from 1 to 262143
 * @example
 * ```ts
 * maxConnectionsOf({ connectionString }); // 10
 * ```
 */
export function maxConnectionsOf(options: PostgresAdapterOptions): number {
  const max = options.maxConnections ?? 10;
  if (!Number.isSafeInteger(max) || max < 1 || max > MAX_CONNECTIONS) {
    throw new MedofficeUsageError(`postgresAdapter: maxConnections must be a whole number from 1 to ${MAX_CONNECTIONS}, not ${String(max)}`);
  }
  return max;
}
