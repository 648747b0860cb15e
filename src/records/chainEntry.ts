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
  const { at, contentHash, kind, prevHash, recordId } = row;
  const sequence = String(row.sequence);
  const version = row.version === null ? 'null' : String(row.version);
  if (PLAIN.test(at) && PLAIN.test(contentHash) && PLAIN.test(kind) && PLAIN.test(prevHash) && (recordId === null || PLAIN.test(recordId))) {
    const record = recordId === null ? 'null' : `"${recordId}"`;
    return `{"at":"${at}","contentHash":"${contentHash}","kind":"${kind}","prevHash":"${prevHash}","recordId":${record},"sequence":${sequence},"version":${version}}`;
  }
  const record = recordId === null ? 'null' : JSON.stringify(recordId);
  return (
    `{"at":${JSON.stringify(at)},"contentHash":${JSON.stringify(contentHash)},"kind":${JSON.stringify(kind)},` +
    `"prevHash":${JSON.stringify(prevHash)},"recordId":${record},"sequence":${sequence},"version":${version}}`
  );
}

// Printable ASCII without `"` or `\` is its own JSON string body; anything else is escaped by JSON.stringify.
const PLAIN = /^[ !#-[\]-~]*$/;

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
  /** Adds an entry whose content is `data`, which must already be canonical JSON. */
  addText(kind: EntryKind, recordId: string | null, version: number | null, data: string): EntryRow;
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
  return new LinkingWriter(tip, now > tip.at ? now : tip.at);
}

// A class rather than closures: one writer is made per operation, and its methods are shared.
class LinkingWriter implements ChainWriter {
  readonly rows: EntryRow[] = [];
  private last: ChainTip;

  constructor(
    tip: ChainTip,
    readonly at: string,
  ) {
    this.last = tip;
  }

  add(kind: EntryKind, recordId: string | null, version: number | null, fact: object): EntryRow {
    return this.addText(kind, recordId, version, canonicalJson(fact));
  }

  addText(kind: EntryKind, recordId: string | null, version: number | null, data: string): EntryRow {
    const sequence = this.last.sequence + 1;
    const contentHash = sha256Hex(data);
    const prevHash = this.last.hash;
    const hash = sha256Hex(entryHeaderText({ sequence, kind, recordId, version, at: this.at, contentHash, prevHash }));
    const row: EntryRow = { sequence, kind, recordId, version, at: this.at, contentHash, data, prevHash, hash };
    this.rows.push(row);
    this.last = row;
    return row;
  }
}
