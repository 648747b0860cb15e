import type { EntryRow, StorageAdapter, StorageTx } from '../records/adapter.js';
import { canonicalJson } from '../records/canonicalJson.js';
import { AMENDMENT_EVENT_KINDS } from '../records/amendmentLog.js';
import { sha256Hex } from '../records/hashing.js';
import type { JsonValue } from '../records/json.js';
import { runSteps } from '../records/steps.js';
import { documentAt } from '../records/versionFact.js';

function parsedFact(row: EntryRow): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(row.data ?? 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function hasTexts(fact: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof fact[key] === 'string');
}

/** Whether each of `keys` the fact holds is a text (an absent one is fine). */
function optionalTexts(fact: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.every((key) => fact[key] === undefined || typeof fact[key] === 'string');
}

// What the commands read of a version entry (its metadata line) and of an audit event (its line).
function isVersionFact(fact: Readonly<Record<string, unknown>>, row: EntryRow): boolean {
  return fact['version'] === row.version && hasTexts(fact, ['recordId', 'at', 'operation', 'state', 'author'])
    && optionalTexts(fact, ['onBehalfOf', 'reason', 'replacedBy', 'replaces'])
    && (fact['snapshot'] !== undefined || Array.isArray(fact['patch']));
}

function isCorrectionFact(fact: Readonly<Record<string, unknown>>): boolean {
  const version = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
  return version(fact['errorVersion']) && version(fact['correctedVersion']) && hasTexts(fact, ['by', 'reason']);
}

const AMENDMENT_EVENTS: ReadonlySet<unknown> = new Set(AMENDMENT_EVENT_KINDS);

function isAmendmentFact(fact: Readonly<Record<string, unknown>>): boolean {
  return hasTexts(fact, ['amendmentId', 'by']) && AMENDMENT_EVENTS.has(fact['event']);
}

function isAuditFact(fact: Readonly<Record<string, unknown>>): boolean {
  const issues = fact['issues'];
  return hasTexts(fact, ['recordId', 'action', 'actor', 'role', 'purposeOfUse', 'outcome']) && optionalTexts(fact, ['onBehalfOf'])
    && (fact['version'] === undefined || Number.isSafeInteger(fact['version']))
    && (issues === undefined || (Array.isArray(issues) && issues.every((code) => typeof code === 'string')));
}

/** Whether a fact has what the commands read of an entry of its row's kind. */
function factFits(fact: Readonly<Record<string, unknown>>, row: EntryRow): boolean {
  if (row.kind === 'version') return isVersionFact(fact, row);
  if (row.kind === 'correction') return isCorrectionFact(fact);
  if (row.kind === 'amendment') return isAmendmentFact(fact);
  return isAuditFact(fact);
}

/** Why an entry's content cannot be shown, or undefined when it can (or was expunged). */
function unreadable(row: EntryRow): string | undefined {
  if (row.data === null) return undefined;
  if (sha256Hex(row.data) !== row.contentHash) return 'its content does not match its hash';
  const fact = parsedFact(row);
  const fits = fact !== undefined && fact['recordId'] === row.recordId && factFits(fact, row);
  return fits ? undefined : `its content is not ${/^[aeiou]/.test(row.kind) ? 'an' : 'a'} ${row.kind} entry`;
}

/**
 * One line naming the first of a record's entries whose content cannot be shown (it does not match
 * its hash, or is not the kind of entry it says), or undefined when all of them can.
 *
 * @param key - the record, `Patient/p1`
 * @param rows - its entries as read
 * @returns the line, or undefined
 * @example
 * ```ts
 * unreadableEntry('Patient/p1', rows); // "entry 3 of Patient/p1 cannot be read: …"
 * ```
 */
export function unreadableEntry(key: string, rows: readonly EntryRow[]): string | undefined {
  for (const row of rows) {
    const why = unreadable(row);
    if (why !== undefined) return `entry ${row.sequence} of ${key} cannot be read: ${why} (run 'medoffice records verify')`;
  }
  return undefined;
}


/**
 * A version's document rebuilt from the chain, or why it could not be.
 *
 * @example
 * ```ts
 * const r: Rebuilt = { problem: 'Patient/p1 has no version 9' };
 * ```
 */
export type Rebuilt = { readonly document: JsonValue } | { readonly problem: string };

async function trustedDocument(tx: StorageTx, key: string, version: number): Promise<JsonValue | undefined> {
  try {
    const found = await runSteps(documentAt(tx, key, version));
    return found !== undefined && sha256Hex(canonicalJson(found.document)) === found.fact.documentHash ? found.document : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rebuilds a version's document and checks it against the hash its version entry stored, so a
 * tampered patch never yields a made-up document.
 *
 * @param tx - an open transaction
 * @param key - the record
 * @param version - the version
 * @returns the document, or why it could not be had
 * @example
 * ```ts
 * const found = await rebuild(tx, 'Patient/p1', 2);
 * ```
 */
export async function rebuild(tx: StorageTx, key: string, version: number): Promise<Rebuilt> {
  const document = await trustedDocument(tx, key, version);
  if (document !== undefined) return { document };
  const rows = await tx.versions(key, 1, version);
  if (rows.length < version) return { problem: `${key} has no version ${version}` };
  if (rows.some((row) => row.data === null)) return { problem: `the content was expunged from ${key}` };
  return { problem: unreadableEntry(key, rows) ?? `version ${version} of ${key} cannot be rebuilt: it does not match its stored hash (run 'medoffice records verify')` };
}

/**
 * Every chain entry, read a page at a time.
 *
 * @example
 * ```ts
 * const rows = await allEntries(adapter);
 * ```
 */
export async function allEntries(adapter: StorageAdapter): Promise<EntryRow[]> {
  const rows: EntryRow[] = [];
  for (let from = 1; ; from += 5000) {
    const page = await adapter.scan(from, 5000);
    rows.push(...page);
    if (page.length < 5000) return rows;
  }
}
