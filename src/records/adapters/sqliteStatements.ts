import type BetterSqlite3 from 'better-sqlite3';
import type { EntryKind } from '../adapter.js';
import { tableStatements, type SqlEntryRow } from './rows.js';

/**
 * The SQLite schema: the shared `entries` and `heads` tables with only the indexes a write must
 * maintain kept small. Versions are found through the unique `(record_id, version)` index (times grow
 * with versions along the chain, so a time is found by binary search over it); amendments,
 * corrections, disclosures and expunge markers have their own partial index, and audit events theirs,
 * so a record's audit trail is read a page at a time.
 *
 * @returns the DDL statements, in order
 * @example
 * ```ts
 * for (const statement of sqliteTableStatements()) db.exec(statement);
 * ```
 */
export function sqliteTableStatements(): string[] {
  const shared = tableStatements('', 'INTEGER').filter((statement) => !statement.includes(' INDEX '));
  return [
    ...shared,
    `CREATE UNIQUE INDEX IF NOT EXISTS entries_record_version ON entries (record_id, version) WHERE kind = 'version'`,
    `CREATE INDEX IF NOT EXISTS entries_record_fact ON entries (record_id, kind, sequence) WHERE kind NOT IN ('version', 'audit')`,
    `CREATE INDEX IF NOT EXISTS entries_record_audit ON entries (record_id, sequence) WHERE kind = 'audit'`,
    'DROP INDEX IF EXISTS entries_record_at',
    'DROP INDEX IF EXISTS entries_record_kind',
  ];
}

type Statement = BetterSqlite3.Statement;

/**
 * The prepared statements of the SQLite adapter.
 *
 * @example
 * ```ts
 * const sql = sqliteStatements(db);
 * sql.head.get('Patient/p1');
 * ```
 */
export interface SqliteStatements {
  readonly tip: Statement;
  readonly head: Statement;
  readonly putHead: Statement;
  readonly dataVersion: Statement;
  readonly append: Statement;
  readonly versions: Statement;
  readonly history: Statement;
  readonly scan: Statement;
  readonly heads: Statement;
  /** The entries of a record of one kind, ascending by sequence. */
  entriesOf(recordId: string, kind: EntryKind): SqlEntryRow[];
  /** The entries of a record of one kind, newest first, below a sequence, between two times, at most `limit`. */
  recentEntries(recordId: string, kind: EntryKind, beforeSequence: number, since: string, until: string, limit: number): SqlEntryRow[];
  /** Clears the data of a record's entries of one kind. */
  clearData(recordId: string, kind: EntryKind): void;
  /** The newest version of a record written at or before a time. */
  versionAt(recordId: string, at: string): number | undefined;
}

type Bound = string | number;

// One statement per partial index: versions, audit events, and the other kinds.
function byKind(db: BetterSqlite3.Database, sql: (where: string) => string): (recordId: string, kind: EntryKind, ...bounds: Bound[]) => unknown[] {
  const version = db.prepare(sql("kind = 'version'"));
  const audit = db.prepare(sql("kind = 'audit'"));
  const fact = db.prepare(sql("kind = ? AND kind NOT IN ('version', 'audit')"));
  return (recordId, kind, ...bounds) => {
    if (kind === 'version') return version.reader ? version.all(recordId, ...bounds) : [version.run(recordId, ...bounds)];
    if (kind === 'audit') return audit.reader ? audit.all(recordId, ...bounds) : [audit.run(recordId, ...bounds)];
    return fact.reader ? fact.all(recordId, kind, ...bounds) : [fact.run(recordId, kind, ...bounds)];
  };
}

/**
 * Prepares the adapter's statements once.
 *
 * @param db - the open database
 * @returns the statements
 * @example
 * ```ts
 * const sql = sqliteStatements(new Database(':memory:'));
 * ```
 */
export function sqliteStatements(db: BetterSqlite3.Database): SqliteStatements {
  const entryColumns = 'sequence, kind, record_id, version, at, content_hash, data, prev_hash, hash';
  const newest = db.prepare("SELECT max(version) FROM entries WHERE record_id = ? AND kind = 'version'").pluck();
  const timeOf = db.prepare("SELECT at FROM entries WHERE record_id = ? AND kind = 'version' AND version = ?").pluck();
  const entriesOf = byKind(db, (where) => `SELECT * FROM entries WHERE record_id = ? AND ${where} ORDER BY sequence`);
  const clearData = byKind(db, (where) => `UPDATE entries SET data = NULL WHERE record_id = ? AND ${where}`);
  const recentEntries = byKind(db, (where) => `SELECT * FROM entries WHERE record_id = ? AND ${where} AND sequence < ? AND at >= ? AND at <= ? ORDER BY sequence DESC LIMIT ?`);
  return {
    tip: db.prepare('SELECT sequence, hash, at FROM entries ORDER BY sequence DESC LIMIT 1'),
    head: db.prepare('SELECT * FROM heads WHERE record_id = ?'),
    putHead: db.prepare(
      'INSERT INTO heads (record_id, version, state, document, replaced_by, at) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (record_id) DO UPDATE SET version = excluded.version, state = excluded.state, document = excluded.document, ' +
        'replaced_by = excluded.replaced_by, at = excluded.at',
    ),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    append: db.prepare(`INSERT INTO entries (${entryColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    versions: db.prepare("SELECT * FROM entries WHERE record_id = ? AND kind = 'version' AND version BETWEEN ? AND ? ORDER BY version"),
    history: db.prepare(
      "SELECT * FROM entries WHERE record_id = ? AND kind = 'version' AND version < ? AND at >= ? AND at <= ? ORDER BY version DESC LIMIT ?",
    ),
    scan: db.prepare('SELECT * FROM entries WHERE sequence >= ? ORDER BY sequence LIMIT ?'),
    heads: db.prepare('SELECT * FROM heads ORDER BY record_id'),
    entriesOf: (recordId, kind) => entriesOf(recordId, kind) as SqlEntryRow[],
    recentEntries: (recordId, kind, ...bounds) => recentEntries(recordId, kind, ...bounds) as SqlEntryRow[],
    clearData: (recordId, kind) => void clearData(recordId, kind),
    versionAt(recordId, at) {
      let low = 1;
      let high = (newest.get(recordId) as number | null) ?? 0;
      let found: number | undefined;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        if ((timeOf.get(recordId, middle) as string) <= at) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found;
    },
  };
}
