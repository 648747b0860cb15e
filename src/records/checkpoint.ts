import { sign, verify, type KeyObject } from 'node:crypto';
import { fail, ok, type Checked } from '../core/result.js';
import type { StorageAdapter } from './adapter.js';
import { canonicalJson } from './canonicalJson.js';
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

/**
 * Signs the chain's current head with an Ed25519 private key.
 *
 * @param adapter - the storage whose head to sign
 * @param privateKey - an Ed25519 private key (`generateKeyPairSync('ed25519')`)
 * @returns the signed checkpoint (an empty store gives sequence 0)
 * @example
 * ```ts
 * const { privateKey, publicKey } = generateKeyPairSync('ed25519');
 * const checkpoint = await signCheckpoint(adapter, privateKey);
 * ```
 */
export async function signCheckpoint(adapter: StorageAdapter, privateKey: KeyObject): Promise<SignedCheckpoint> {
  const tip = await adapter.transact((tx) => tx.tip());
  const body = { sequence: tip.sequence, headHash: tip.hash, at: tip.at };
  return { ...body, signature: sign(null, payload(body), privateKey).toString('base64') };
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
 * @returns ok, or `records.chain_broken` naming the first broken entry (the checkpoint's sequence
 *   when only the signed head differs)
 * @example
 * ```ts
 * const r = await verifyCheckpoint(adapter, checkpoint, publicKey);
 * ```
 */
export async function verifyCheckpoint(adapter: StorageAdapter, checkpoint: SignedCheckpoint, publicKey: KeyObject): Promise<Checked<SignedCheckpoint, RecordIssue>> {
  if (typeof checkpoint !== 'object' || checkpoint === null) {
    return fail([recordIssue('records.invalid_input', ['checkpoint'], 'the checkpoint must be an object { sequence, headHash, signature }')]);
  }
  if (!Number.isSafeInteger(checkpoint.sequence) || checkpoint.sequence < 0) {
    return fail([recordIssue('records.invalid_input', ['checkpoint', 'sequence'], 'the sequence must be a whole number')]);
  }
  const where = ['checkpoint', 'signature'];
  let signed = false;
  try {
    signed = verify(null, payload(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return fail([recordIssue('records.chain_broken', where, 'the signature does not match', { sequence: checkpoint.sequence })]);
  if (checkpoint.sequence === 0) return ok(checkpoint);
  const prefix = await verifyChainPrefix(adapter, checkpoint.sequence);
  if (!prefix.ok) return prefix;
  if (prefix.value !== checkpoint.headHash) {
    return fail([recordIssue('records.chain_broken', ['checkpoint', 'headHash'], 'the store no longer holds the signed head', { sequence: checkpoint.sequence })]);
  }
  return ok(checkpoint);
}
