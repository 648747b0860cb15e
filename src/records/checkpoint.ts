import { KeyObject, sign, verify } from 'node:crypto';
import { describeValue } from '../core/describeValue.js';
import { fail, MedofficeUsageError, ok, type Checked } from '../core/result.js';
import type { StorageAdapter } from './adapter.js';
import { canonicalJson, hasLoneSurrogate } from './canonicalJson.js';
import { readCallerInput } from './callerInput.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import { verifyChainPrefix } from './verify.js';

/**
 * A signed statement of the chain's head, to keep outside the store: anyone holding the public key can
 * later show that the first `sequence` entries have not changed since.
 *
 * @example
 * ```ts
 * const saved: SignedCheckpoint = { sequence: 120, headHash: '…', at: '2026-11-02T23:00:00.000Z', signature: '…' };
 * ```
 */
export interface SignedCheckpoint {
  readonly sequence: number;
  readonly headHash: string;
  readonly at: string;
  /** Ed25519 signature, base64, over the canonical JSON of `{ at, headHash, sequence }`. */
  readonly signature: string;
}

function payload(checkpoint: Omit<SignedCheckpoint, 'signature'>): Buffer {
  return Buffer.from(canonicalJson({ sequence: checkpoint.sequence, headHash: checkpoint.headHash, at: checkpoint.at }), 'utf8');
}

/** What a key is, for a message: `a private key of type 'rsa'`, `a secret key`, `'text'` (not a KeyObject). Never throws. */
function keyKind(key: unknown): string {
  try {
    if (!(key instanceof KeyObject)) return `${describeValue(key)} (not a KeyObject)`;
    return key.type === 'secret' ? 'a secret key' : `a ${key.type} key of type '${String(key.asymmetricKeyType)}'`;
  } catch {
    return 'a key that cannot be read';
  }
}

/** Undefined when `key` is an Ed25519 `KeyObject` of the given type, else what it is instead. Never throws. */
function notEd25519(key: unknown, type: 'private' | 'public'): string | undefined {
  try {
    if (key instanceof KeyObject && key.type === type && key.asymmetricKeyType === 'ed25519') return undefined;
  } catch {
    // A key whose members cannot be read is not an Ed25519 key.
  }
  return keyKind(key);
}

/**
 * Signs the chain's current head with an Ed25519 private key.
 *
 * @param adapter - the storage whose head to sign
 * @param privateKey - an Ed25519 private key (`generateKeyPairSync('ed25519')`)
 * @returns the signed checkpoint (an empty store gives sequence 0)
 * @throws MedofficeUsageError (the promise rejects) when `privateKey` is not an Ed25519 private
 *   `KeyObject`, naming what it is instead (`a private key of type 'rsa'`, `a public key of type 'ed25519'`)
 * @example
 * ```ts
 * const { privateKey, publicKey } = generateKeyPairSync('ed25519');
 * const checkpoint = await signCheckpoint(adapter, privateKey);
 * ```
 */
export async function signCheckpoint(adapter: StorageAdapter, privateKey: KeyObject): Promise<SignedCheckpoint> {
  const wrongKey = notEd25519(privateKey, 'private');
  if (wrongKey !== undefined) throw new MedofficeUsageError(`signCheckpoint needs an Ed25519 private key (generateKeyPairSync('ed25519').privateKey), not ${wrongKey}`);
  const tip = await adapter.transact((tx) => tx.tip());
  const body = { sequence: tip.sequence, headHash: tip.hash, at: tip.at };
  return { ...body, signature: sign(null, payload(body), privateKey).toString('base64') };
}

/** A text member of a checkpoint, or the issue at its path when it is not one canonical JSON can hold. */
function textIssue(value: unknown, member: 'headHash' | 'at' | 'signature'): RecordIssue | undefined {
  return typeof value === 'string' && !hasLoneSurrogate(value) ? undefined : recordIssue('records.invalid_input', ['checkpoint', member], `the checkpoint's ${member} must be a text`);
}

/** Reads the caller's checkpoint once, member by member, into a checkpoint of our own. */
function readCheckpoint(checkpoint: unknown): Checked<SignedCheckpoint, RecordIssue> {
  return readCallerInput(['checkpoint'], () => {
    if (typeof checkpoint !== 'object' || checkpoint === null) {
      return fail([recordIssue('records.invalid_input', ['checkpoint'], 'the checkpoint must be an object { sequence, headHash, at, signature }')]);
    }
    const { sequence, headHash, at, signature } = checkpoint as Readonly<Record<string, unknown>>;
    if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0) {
      return fail([recordIssue('records.invalid_input', ['checkpoint', 'sequence'], 'the sequence must be a whole number')]);
    }
    const issue = textIssue(headHash, 'headHash') ?? textIssue(at, 'at') ?? textIssue(signature, 'signature');
    if (issue !== undefined) return fail([issue]);
    return ok({ sequence, headHash: headHash as string, at: at as string, signature: signature as string });
  });
}

/**
 * Checks a checkpoint: its signature under the public key, that the store's first `sequence` entries
 * still form an intact chain (links, entry hashes, contents; content removed by an expunge is
 * allowed), and that the last of them has the signed hash. A positive answer means those entries are
 * exactly the ones that were signed.
 *
 * @param adapter - the storage to check against
 * @param checkpoint - what {@link signCheckpoint} returned
 * @param publicKey - the matching Ed25519 public key
 * @returns ok (with a copy of the checkpoint), or `records.chain_broken` naming the first broken entry
 *   (the checkpoint's sequence when only the signed head differs), or `records.invalid_input` at
 *   `['checkpoint', …]` for a checkpoint that is not one (a member of the wrong type, a getter that
 *   throws) and at `['publicKey']` for a key that is not an Ed25519 public `KeyObject` (the message
 *   names what it is instead): a wrong key is never reported as a broken chain
 * @example
 * ```ts
 * const r = await verifyCheckpoint(adapter, checkpoint, publicKey);
 * ```
 */
export async function verifyCheckpoint(adapter: StorageAdapter, checkpoint: SignedCheckpoint, publicKey: KeyObject): Promise<Checked<SignedCheckpoint, RecordIssue>> {
  const read = readCheckpoint(checkpoint);
  const wrongKey = notEd25519(publicKey, 'public');
  const keyIssues = wrongKey === undefined ? [] : [recordIssue('records.invalid_input', ['publicKey'], `the key must be an Ed25519 public key (generateKeyPairSync('ed25519').publicKey), not ${wrongKey}`)];
  if (!read.ok || keyIssues.length > 0) return fail([...(read.ok ? [] : read.issues), ...keyIssues]);
  const signed = read.value;
  let matches: boolean;
  try {
    const signature = Buffer.from(signed.signature, 'base64');
    // Base64 decoding skips what it cannot read: only the exact encoding of the signature counts.
    matches = signature.toString('base64') === signed.signature && verify(null, payload(signed), publicKey, signature);
  } catch {
    // The checkpoint is well formed, so only the key can make verify throw: still not a broken chain.
    return fail([recordIssue('records.invalid_input', ['publicKey'], 'the key could not be used to verify an Ed25519 signature')]);
  }
  if (!matches) return fail([recordIssue('records.chain_broken', ['checkpoint', 'signature'], 'the signature does not match', { sequence: signed.sequence })]);
  if (signed.sequence === 0) return ok(signed);
  const prefix = await verifyChainPrefix(adapter, signed.sequence);
  if (!prefix.ok) return prefix;
  if (prefix.value !== signed.headHash) {
    return fail([recordIssue('records.chain_broken', ['checkpoint', 'headHash'], 'the store no longer holds the signed head', { sequence: signed.sequence })]);
  }
  return ok(signed);
}
