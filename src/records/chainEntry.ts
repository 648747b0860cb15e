import type { ChainTip, EntryKind, EntryRow } from './adapter.js';
import { canonicalJson } from './canonicalJson.js';
import { sha256Hex } from './hashing.js';

/**
 * The canonical JSON (RFC 8785) of an entry's fields other than `hash`: what its hash is computed over.
 * Written out by hand in JCS member order, which gives the same text as `canonicalJson` at a fraction
 * of the cost (record keys are ASCII ids and numbers are integers, so `JSON.stringify` and `String`
 * already give their canonical form).
 *
 * @param row - the entry (its `hash` is ignored)
 * @returns the canonical text
 * @example
 * ```ts
 * sha256Hex(entryHeaderText(row)) === row.hash; // for an intact entry
 * ```
 */
export function entryHeaderText(row: Omit<EntryRow, 'hash' | 'data'>): string {
  return (
    `{"at":${JSON.stringify(row.at)},"contentHash":${JSON.stringify(row.contentHash)},"kind":${JSON.stringify(row.kind)},` +
    `"prevHash":${JSON.stringify(row.prevHash)},"recordId":${row.recordId === null ? 'null' : JSON.stringify(row.recordId)},` +
    `"sequence":${String(row.sequence)},"version":${row.version === null ? 'null' : String(row.version)}}`
  );
}

/**
 * Collects the entries of one transaction, linking each to the one before.
 *
 * @example
 * ```ts
 * const chain = chainWriter(await tx.tip(), '2026-11-02T12:30:00.000Z');
 * chain.add('audit', 'Patient/p1', null, { action: 'read' });
 * await tx.append(chain.rows);
 * ```
 */
export interface ChainWriter {
  /** The entries added so far. */
  readonly rows: readonly EntryRow[];
  /** The time every entry of this transaction carries. */
  readonly at: string;
  /** Adds an entry whose content is the canonical JSON of `fact`. */
  add(kind: EntryKind, recordId: string | null, version: number | null, fact: object): EntryRow;
}

/**
 * Starts collecting entries after the chain's tip. The time is the later of `now` and the tip's time,
 * so times never go backwards along the chain even if the clock does.
 *
 * @param tip - the chain's last entry
 * @param now - the clock's time, ISO 8601 UTC
 * @returns the writer
 * @example
 * ```ts
 * const chain = chainWriter({ sequence: 0, hash: GENESIS_HASH, at: '' }, '2026-11-02T12:30:00.000Z');
 * ```
 */
export function chainWriter(tip: ChainTip, now: string): ChainWriter {
  const rows: EntryRow[] = [];
  const at = now > tip.at ? now : tip.at;
  let last = tip;
  return {
    rows,
    at,
    add(kind, recordId, version, fact) {
      const data = canonicalJson(fact);
      const header = { sequence: last.sequence + 1, kind, recordId, version, at, contentHash: sha256Hex(data), prevHash: last.hash };
      const row: EntryRow = { ...header, data, hash: sha256Hex(entryHeaderText(header)) };
      rows.push(row);
      last = row;
      return row;
    },
  };
}
