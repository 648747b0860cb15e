import { fail, ok, type Checked } from '../core/result.js';
import type { EntryRow, HeadRow, StorageAdapter } from './adapter.js';
import { entryHeaderText } from './chainEntry.js';
import { GENESIS_HASH, sha256Hex } from './hashing.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/**
 * What a successful verification covered.
 *
 * @example
 * ```ts
 * const r = await verifyChain(adapter);
 * if (r.ok) console.log(r.value.entries, r.value.headHash);
 * ```
 */
export interface VerifyReport {
  /** Entries checked. */
  readonly entries: number;
  /** The last entry's sequence (0 for an empty store). */
  readonly headSequence: number;
  /** The last entry's hash: sign it in a checkpoint. */
  readonly headHash: string;
}

interface Fact {
  readonly recordId?: string | null;
  readonly version?: number;
  readonly at?: string;
  readonly state?: string;
  readonly documentHash?: string;
  readonly replacedBy?: string;
}

function broken(sequence: number, message: string): RecordIssue {
  return recordIssue('records.chain_broken', ['entries', sequence], message, { sequence });
}

function checkEntry(row: EntryRow, expectedSequence: number, prevHash: string, expunged: Map<string, number>, latest: Map<string, EntryRow>): RecordIssue | undefined {
  if (row.sequence !== expectedSequence) return broken(expectedSequence, `entry ${expectedSequence} is missing`);
  if (row.prevHash !== prevHash) return broken(row.sequence, 'the link to the previous entry does not match');
  if (sha256Hex(entryHeaderText(row)) !== row.hash) return broken(row.sequence, 'the entry hash does not match its fields');
  if (row.kind === 'version' && row.recordId !== null) latest.set(row.recordId, row);
  if (row.data === null) {
    return row.recordId !== null && expunged.has(row.recordId) ? undefined : broken(row.sequence, 'the content is missing without an expunge');
  }
  return sha256Hex(row.data) === row.contentHash ? undefined : broken(row.sequence, 'the content does not match its hash');
}

function checkHead(head: HeadRow, latest: Map<string, EntryRow>, expunged: Map<string, number>): RecordIssue | undefined {
  const row = latest.get(head.recordId);
  const where = row?.sequence ?? 0;
  if (head.state === 'expunged') return expunged.has(head.recordId) ? undefined : broken(where, `the head of ${head.recordId} says expunged without an expunge entry`);
  if (row === undefined || row.data === null) return broken(where, `the head of ${head.recordId} has no readable last version`);
  const fact = JSON.parse(row.data) as Fact;
  const agrees = fact.recordId === row.recordId && fact.version === row.version && fact.at === row.at;
  const same = agrees && head.version === row.version && head.state === fact.state && head.replacedBy === (fact.replacedBy ?? null);
  if (!same || head.at < row.at || sha256Hex(head.document) !== fact.documentHash) {
    return broken(row.sequence, `the head of ${head.recordId} does not match its last version`);
  }
  return undefined;
}

async function expungedRecords(adapter: StorageAdapter, pageSize: number): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let from = 1; ; from += pageSize) {
    const page = await adapter.scan(from, pageSize);
    for (const row of page) if (row.kind === 'expunge' && row.recordId !== null) found.set(row.recordId, row.sequence);
    if (page.length < pageSize) return found;
  }
}

/**
 * Verifies the whole store: every entry links to the one before, its hash matches its fields, its
 * content matches its content hash (content removed by an expunge is allowed), and every record's
 * current state matches its last version. Names the first broken link.
 *
 * @param adapter - the storage to check
 * @param pageSize - entries read at a time
 * @returns the report, or one `records.chain_broken` issue carrying `sequence`, the first broken entry
 * @example
 * ```ts
 * const r = await verifyChain(adapter);
 * if (!r.ok) console.error(`broken at entry ${r.issues[0]?.sequence}`);
 * ```
 */
export async function verifyChain(adapter: StorageAdapter, pageSize = 10_000): Promise<Checked<VerifyReport, RecordIssue>> {
  const expunged = await expungedRecords(adapter, pageSize);
  const latest = new Map<string, EntryRow>();
  let prevHash = GENESIS_HASH;
  let sequence = 0;
  for (;;) {
    const page = await adapter.scan(sequence + 1, pageSize);
    for (const row of page) {
      const problem = checkEntry(row, sequence + 1, prevHash, expunged, latest);
      if (problem !== undefined) return fail([problem]);
      prevHash = row.hash;
      sequence = row.sequence;
    }
    if (page.length < pageSize) break;
  }
  for (const head of await adapter.heads()) {
    const problem = checkHead(head, latest, expunged);
    if (problem !== undefined) return fail([problem]);
  }
  return ok({ entries: sequence, headSequence: sequence, headHash: prevHash });
}
