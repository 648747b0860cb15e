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

// Content that passed its hash but is not a JSON object (a chain re-hashed around bad content).
function parsedObject(data: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function broken(sequence: number, message: string): RecordIssue {
  return recordIssue('records.chain_broken', ['entries', sequence], message, { sequence });
}

/** Where a walk along the chain stands. */
interface Walk {
  sequence: number;
  prevHash: string;
  /**
   * Records with content removed by an expunge (the expunge entry), refreshed when the chain grows.
   * Read from the whole store unchecked: content missing on their word is trusted only once the walk
   * itself meets an intact expunge entry of the record after it (see `relied`).
   */
  expunged: Map<string, EntryRow>;
  /** Records whose content the walk let be missing before meeting an intact expunge of theirs: the first such entry. */
  relied: Map<string, EntryRow>;
}

// The kinds of entry whose content an expunge removes: the record's data, not the record of who did what.
const EXPUNGEABLE: ReadonlySet<string> = new Set(['version', 'amendment', 'correction']);

/** Whether an entry's content may be missing: it holds the record's data and an expunge came after it. */
function expungedContent(row: EntryRow, expunged: ReadonlyMap<string, EntryRow>): boolean {
  const expunge = row.recordId === null ? undefined : expunged.get(row.recordId);
  return expunge !== undefined && EXPUNGEABLE.has(row.kind) && row.sequence < expunge.sequence;
}

/** The entry's place, its link to the one before and its header hash. */
function checkHeader(row: EntryRow, walk: Walk): RecordIssue | undefined {
  const expected = walk.sequence + 1;
  if (row.sequence !== expected) return broken(expected, `entry ${expected} is missing`);
  if (row.prevHash !== walk.prevHash) return broken(row.sequence, 'the link to the previous entry does not match');
  return sha256Hex(entryHeaderText(row)) === row.hash ? undefined : broken(row.sequence, 'the entry hash does not match its fields');
}

/** The entry's content against its hash; missing content only where an expunge allows it. */
function checkContent(row: EntryRow, walk: Walk): RecordIssue | undefined {
  if (row.data === null) return expungedContent(row, walk.expunged) ? undefined : broken(row.sequence, 'the content is missing without an expunge');
  return sha256Hex(row.data) === row.contentHash ? undefined : broken(row.sequence, 'the content does not match its hash');
}

function checkEntry(row: EntryRow, walk: Walk): RecordIssue | undefined {
  return checkHeader(row, walk) ?? checkContent(row, walk);
}

/**
 * Moves the walk past an entry that checked out: an intact expunge entry confirms the missing content
 * of its record walked before it, and missing content (when `waits`) waits for such an entry.
 */
function pass(row: EntryRow, walk: Walk, waits = true): void {
  walk.prevHash = row.hash;
  walk.sequence = row.sequence;
  if (row.recordId === null) return;
  if (confirmsExpunge(row, row.recordId)) walk.relied.delete(row.recordId);
  else if (waits && row.data === null && !walk.relied.has(row.recordId)) walk.relied.set(row.recordId, row);
}

/**
 * Whether an entry that passed its checks is an intact expunge of the record: of kind `expunge`, naming
 * the record, with its content there (and so checked against its hash). An expunge entry whose content
 * was removed confirms nothing.
 */
function confirmsExpunge(row: EntryRow, recordId: string): boolean {
  return row.kind === 'expunge' && row.recordId === recordId && row.data !== null;
}

/** What breaks an entry met walking ahead: its link or entry hash, or its content when that is there (missing content ahead is judged where it is needed). */
function aheadProblem(row: EntryRow, ahead: Walk): RecordIssue | undefined {
  return checkHeader(row, ahead) ?? (row.data === null ? undefined : checkContent(row, ahead));
}

/** Whether an entry is (or, altered, was) the expunge of a record: by its kind or by its content's shape. */
function isExpungeOf(row: EntryRow, recordId: string): boolean {
  const fact = row.data === null ? undefined : parsedObject(row.data);
  const concerns = row.recordId === recordId || fact?.['recordId'] === recordId;
  return concerns && (row.kind === 'expunge' || (fact !== undefined && 'versions' in fact && !('version' in fact)));
}

/**
 * Judges an intact entry of a record's data (a version, amendment or correction) whose content is
 * missing with no expunge entry of the record to allow it (`missing` is that finding). The record's
 * expunge entry may be the one altered (its kind or its record id changed, so that it no longer claims
 * the record): the chain is walked on from the entry, passing over other missing content, to the first
 * entry that breaks on its own. That entry is named when it is (or was, by its content) the record's
 * expunge; otherwise the entry with the missing content is. An intact expunge of the record met on the way (written while
 * the check ran) allows the content after all. The walk stops at `until` (a prefix's end).
 */
async function judgeMissing(adapter: StorageAdapter, row: EntryRow, missing: RecordIssue, walk: Walk, pageSize: number, until: number): Promise<RecordIssue | undefined> {
  const recordId = row.recordId ?? '';
  const ahead: Walk = { sequence: row.sequence, prevHash: row.hash, expunged: walk.expunged, relied: new Map() };
  for (;;) {
    if (ahead.sequence >= until) return missing;
    const page = await adapter.scan(ahead.sequence + 1, Math.min(pageSize, until - ahead.sequence));
    for (const next of page) {
      const problem = aheadProblem(next, ahead);
      // Only the record's own expunge entry, altered, takes the blame: any other break after it is a later one.
      if (problem !== undefined) return isExpungeOf(next, recordId) ? problem : missing;
      if (confirmsExpunge(next, recordId)) {
        walk.expunged.set(recordId, next);
        return expungedContent(row, walk.expunged) ? undefined : missing;
      }
      ahead.prevHash = next.hash;
      ahead.sequence = next.sequence;
    }
    if (page.length < pageSize) return missing;
  }
}

function checkExpungedHead(head: HeadRow, expunge: EntryRow | undefined, where: number): RecordIssue | undefined {
  if (expunge === undefined || expunge.data === null) return broken(where, `the head of ${head.recordId} says expunged without an expunge entry`);
  const fact = parsedObject(expunge.data);
  if (fact === undefined) return broken(expunge.sequence, 'the content is not a JSON object');
  const replacedBy = fact['replacedBy'] === undefined ? head.replacedBy : fact['replacedBy'];
  const same = head.document === 'null' && head.version === fact['versions'] && head.at === expunge.at && head.replacedBy === replacedBy;
  return same ? undefined : broken(expunge.sequence, `the head of ${head.recordId} does not match its expunge`);
}

function checkHead(head: HeadRow, row: EntryRow | undefined, expunged: ReadonlyMap<string, EntryRow>, walked: number): RecordIssue | undefined {
  // With no version entry to name, the break is the first entry the walk did not find.
  const where = row?.sequence ?? walked + 1;
  if (head.state === 'expunged') return checkExpungedHead(head, expunged.get(head.recordId), where);
  if (row === undefined || row.data === null) return broken(where, `the head of ${head.recordId} has no readable last version`);
  const fact = parsedObject(row.data) as Fact | undefined;
  if (fact === undefined) return broken(row.sequence, 'the content is not a JSON object');
  const agrees = fact.recordId === row.recordId && fact.version === row.version && fact.at === row.at;
  const same = agrees && head.version === row.version && head.state === fact.state && head.replacedBy === (fact.replacedBy ?? null);
  if (!same || head.at !== row.at || sha256Hex(head.document) !== fact.documentHash) {
    return broken(row.sequence, `the head of ${head.recordId} does not match its last version`);
  }
  return undefined;
}

async function expungedRecords(adapter: StorageAdapter, pageSize: number): Promise<Map<string, EntryRow>> {
  const found = new Map<string, EntryRow>();
  for (let from = 1; ; from += pageSize) {
    const page = await adapter.scan(from, pageSize);
    for (const row of page) if (row.kind === 'expunge' && row.recordId !== null) found.set(row.recordId, row);
    if (page.length < pageSize) return found;
  }
}

/**
 * Walks the chain from where `walk` stands to its end, checking every entry and handing each version
 * entry to `seen`. An entry whose content is missing is judged again against a fresh list of expunges,
 * since a record may have been expunged by a writer while the walk ran.
 */
async function walkChain(adapter: StorageAdapter, walk: Walk, pageSize: number, seen: (row: EntryRow) => boolean, until = Number.POSITIVE_INFINITY): Promise<RecordIssue | undefined> {
  while (walk.sequence < until) {
    const wanted = Math.min(pageSize, until - walk.sequence);
    const page = await adapter.scan(walk.sequence + 1, wanted);
    for (const row of page) {
      let problem = checkEntry(row, walk);
      // Missing content an expunge could allow (the record's data, intact otherwise) is looked at again.
      if (problem !== undefined && row.data === null && row.recordId !== null && EXPUNGEABLE.has(row.kind) && checkHeader(row, walk) === undefined) {
        if (!walk.expunged.has(row.recordId)) walk.expunged = await expungedRecords(adapter, pageSize);
        problem = checkContent(row, walk);
        if (problem !== undefined) problem = await judgeMissing(adapter, row, problem, walk, pageSize, until);
      }
      if (problem !== undefined) return problem;
      pass(row, walk);
      if (row.kind === 'version' && !seen(row)) return undefined;
    }
    if (page.length < wanted) return undefined;
  }
  return undefined;
}

/**
 * Confirms the expunges that content missing from the walked entries waits for: walks on past the
 * walk's end (checking each link and entry hash, and each content that is there; content missing
 * past the end is not the walk's to judge) until an intact expunge entry of each such record is met.
 * When the chain breaks or ends first, the first entry whose content is missing is named: no intact
 * expunge allows it.
 */
async function confirmExpunges(adapter: StorageAdapter, walk: Walk, pageSize: number): Promise<RecordIssue | undefined> {
  const ahead: Walk = { sequence: walk.sequence, prevHash: walk.prevHash, expunged: walk.expunged, relied: new Map(walk.relied) };
  while (ahead.relied.size > 0) {
    const page = await adapter.scan(ahead.sequence + 1, pageSize);
    for (const next of page) {
      if (aheadProblem(next, ahead) !== undefined) return unexpunged(ahead.relied);
      pass(next, ahead, false);
      if (ahead.relied.size === 0) return undefined;
    }
    if (page.length < pageSize) return unexpunged(ahead.relied);
  }
  return undefined;
}

/** The issue for missing content that no intact expunge allows: at the first such entry. */
function unexpunged(relied: ReadonlyMap<string, EntryRow>): RecordIssue {
  let first = Number.POSITIVE_INFINITY;
  for (const row of relied.values()) first = Math.min(first, row.sequence);
  return broken(first, 'the content is missing and no intact expunge follows it');
}

/**
 * Verifies the first `sequence` entries of the chain (links, entry hashes and contents, expunged
 * content allowed) and gives the hash of the last of them: what a signed checkpoint of that sequence
 * must show. Content is allowed to be missing only before an expunge entry of its record that the
 * walk itself checks: when that expunge lies past `sequence`, the chain is walked on to it (its
 * links, entry hashes and the contents that are there), and if it breaks or ends first the first
 * entry with missing content is named.
 *
 * @param adapter - the storage to check
 * @param sequence - how many entries, from the first
 * @param pageSize - entries read at a time
 * @returns the hash of entry `sequence` (the genesis hash for 0), or one `records.chain_broken` issue
 *   naming the first broken entry (or the first missing one, when the chain is shorter);
 *   `records.invalid_input` for a sequence that is not a whole number from 0
 * @example
 * ```ts
 * const prefix = await verifyChainPrefix(adapter, checkpoint.sequence);
 * if (prefix.ok && prefix.value !== checkpoint.headHash) console.error('history was rewritten');
 * ```
 */
export async function verifyChainPrefix(adapter: StorageAdapter, sequence: number, pageSize = 10_000): Promise<Checked<string, RecordIssue>> {
  if (!Number.isSafeInteger(sequence) || sequence < 0) return fail([recordIssue('records.invalid_input', ['sequence'], 'the sequence must be a whole number from 0')]);
  const walk: Walk = { sequence: 0, prevHash: GENESIS_HASH, expunged: await expungedRecords(adapter, pageSize), relied: new Map() };
  const problem = await walkChain(adapter, walk, pageSize, () => true, sequence);
  if (problem !== undefined) return fail([problem]);
  if (walk.sequence < sequence) return fail([broken(walk.sequence + 1, `entry ${walk.sequence + 1} is missing`)]);
  const unconfirmed = await confirmExpunges(adapter, walk, pageSize);
  return unconfirmed === undefined ? ok(walk.prevHash) : fail([unconfirmed]);
}

/**
 * Verifies the whole store: every entry links to the one before, its hash matches its fields, its
 * content matches its content hash (content removed by an expunge is allowed), and every record's
 * current state matches its last version (and every record with versions has one). Names the first broken
 * link; when a record's data is missing because its expunge entry was altered (so that the entry no
 * longer claims the record), it names that expunge entry, not the data it had allowed to go. Writers
 * may keep writing while it runs: heads are read after the walk, and a head that moved on
 * is checked against its own version further along the chain; a break found while the heads kept
 * moving (a version and then its record's expunge landing during the check) is checked again, up to
 * three times in all.
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
  // A head judged against a store that writers changed meanwhile (a version, then an expunge of it)
  // can look broken; when the heads moved on during the check, it is run again, a few times at most.
  // Without writers the heads stay as they were and a break is reported at once.
  for (let attempt = 1; ; attempt += 1) {
    const { result, heads } = await verifyOnce(adapter, pageSize);
    if (result.ok || heads === undefined || attempt === MAX_VERIFY_ATTEMPTS) return result;
    if (JSON.stringify(await adapter.heads()) === JSON.stringify(heads)) return result;
  }
}

/** How many times {@link verifyChain} checks a store whose heads keep moving before it reports what it found. */
const MAX_VERIFY_ATTEMPTS = 3;

/** One check of the whole store, with the heads it judged (none when the chain itself broke, which no head can explain). */
async function verifyOnce(adapter: StorageAdapter, pageSize: number): Promise<{ result: Checked<VerifyReport, RecordIssue>; heads: readonly HeadRow[] | undefined }> {
  const verdict = (result: Checked<VerifyReport, RecordIssue>, heads?: readonly HeadRow[]) => ({ result, heads });
  const walk: Walk = { sequence: 0, prevHash: GENESIS_HASH, expunged: await expungedRecords(adapter, pageSize), relied: new Map() };
  const latest = new Map<string, EntryRow>();
  const first = await walkChain(adapter, walk, pageSize, (row) => {
    if (row.recordId !== null) latest.set(row.recordId, row);
    return true;
  }) ?? await confirmExpunges(adapter, walk, pageSize);
  if (first !== undefined) return verdict(fail([first]));
  // Heads are read after the walk, so each is at least as new as the last version walked; a head that
  // writers have moved on since is checked against its own version, further along the chain.
  const heads = await adapter.heads();
  const wanted = new Map<string, number>();
  for (const head of heads) if (head.state !== 'expunged' && head.version > (latest.get(head.recordId)?.version ?? 0)) wanted.set(head.recordId, head.version);
  const matched = new Map<string, EntryRow>();
  const rest = wanted.size === 0 ? undefined : await walkChain(adapter, walk, pageSize, (row) => {
    if (row.recordId !== null && wanted.get(row.recordId) === row.version) matched.set(row.recordId, row);
    return matched.size < wanted.size;
  }) ?? await confirmExpunges(adapter, walk, pageSize);
  if (rest !== undefined) return verdict(fail([rest]), heads);
  const unfound = [...wanted].find(([recordId]) => !matched.has(recordId));
  if (unfound !== undefined) return verdict(fail([broken(walk.sequence + 1, `the chain ends at entry ${walk.sequence} without version ${unfound[1]} of ${unfound[0]}, which its head names`)]), heads);
  if (heads.some((head) => head.state === 'expunged' && !walk.expunged.has(head.recordId))) walk.expunged = await expungedRecords(adapter, pageSize);
  const headIds = new Set(heads.map((head) => head.recordId));
  const headless = [...latest.values()].find((row) => !headIds.has(row.recordId ?? ''));
  if (headless !== undefined) return verdict(fail([broken(headless.sequence, `${headless.recordId ?? ''} has versions but no head`)]), heads);
  for (const head of heads) {
    const problem = checkHead(head, matched.get(head.recordId) ?? latest.get(head.recordId), walk.expunged, walk.sequence);
    if (problem !== undefined) return verdict(fail([problem]), heads);
  }
  return verdict(ok({ entries: walk.sequence, headSequence: walk.sequence, headHash: walk.prevHash }), heads);
}
