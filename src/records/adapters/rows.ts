import type { EntryKind, EntryRow, HeadRow, RecordState } from '../adapter.js';

/** An entry as SQL drivers return it (snake_case; numbers possibly as strings). */
export interface SqlEntryRow {
  readonly sequence: number | string;
  readonly kind: string;
  readonly record_id: string | null;
  readonly version: number | string | null;
  readonly at: string;
  readonly content_hash: string;
  readonly data: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/** A head as SQL drivers return it. */
export interface SqlHeadRow {
  readonly record_id: string;
  readonly version: number | string;
  readonly state: string;
  readonly document: string;
  readonly replaced_by: string | null;
  readonly at: string;
}

/**
 * Maps a SQL entry row to an {@link EntryRow}.
 *
 * @example
 * ```ts
 * const entries = rows.map(entryFromSql);
 * ```
 */
export function entryFromSql(row: SqlEntryRow): EntryRow {
  return {
    sequence: Number(row.sequence),
    kind: row.kind as EntryKind,
    recordId: row.record_id,
    version: row.version === null ? null : Number(row.version),
    at: row.at,
    contentHash: row.content_hash,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Maps a SQL head row to a {@link HeadRow}.
 *
 * @example
 * ```ts
 * const head = headFromSql(row);
 * ```
 */
export function headFromSql(row: SqlHeadRow): HeadRow {
  return {
    recordId: row.record_id,
    version: Number(row.version),
    state: row.state as RecordState,
    document: row.document,
    replacedBy: row.replaced_by,
    at: row.at,
  };
}

/**
 * The values of an entry in the column order of the SQL `entries` table.
 *
 * @example
 * ```ts
 * insert.run(...entryValues(row));
 * ```
 */
export function entryValues(row: EntryRow): (string | number | null)[] {
  return [row.sequence, row.kind, row.recordId, row.version, row.at, row.contentHash, row.data, row.prevHash, row.hash];
}

/**
 * The SQL `entries` and `heads` tables, shared by the SQLite and PostgreSQL adapters. The partial
 * unique index refuses a second version with the same number for a record.
 *
 * @param prefix - table name prefix (`schema.` for PostgreSQL, empty for SQLite)
 * @param sequenceType - the column type of `sequence`
 * @param timeType - the column type of times, compared as plain bytes (`TEXT COLLATE "C"` for PostgreSQL)
 * @returns the DDL statements
 * @example
 * ```ts
 * for (const statement of tableStatements('', 'INTEGER')) db.exec(statement);
 * ```
 */
export function tableStatements(prefix: string, sequenceType: string, timeType = 'TEXT'): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${prefix}entries (sequence ${sequenceType} PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT, version INTEGER,
      at ${timeType} NOT NULL, content_hash TEXT NOT NULL, data TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS entries_record_version ON ${prefix}entries (record_id, version) WHERE kind = 'version'`,
    `CREATE INDEX IF NOT EXISTS entries_record_at ON ${prefix}entries (record_id, at, version) WHERE kind = 'version'`,
    `CREATE INDEX IF NOT EXISTS entries_record_kind ON ${prefix}entries (record_id, kind, sequence)`,
    `CREATE TABLE IF NOT EXISTS ${prefix}heads (record_id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL,
      document TEXT NOT NULL, replaced_by TEXT, at ${timeType} NOT NULL)`,
  ];
}
