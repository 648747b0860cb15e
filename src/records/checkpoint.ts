import { sign, verify, type KeyObject } from 'node:crypto';
import { fail, ok, type Checked } from '../core/result.js';
import type { StorageAdapter } from './adapter.js';
import { canonicalJson } from './canonicalJson.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

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
 * Checks a checkpoint: its signature under the public key, and that the store's entry at its sequence
 * still has the signed hash.
 *
 * @param adapter - the storage to check against
 * @param checkpoint - what {@link signCheckpoint} returned
 * @param publicKey - the matching Ed25519 public key
 * @returns ok, or `records.chain_broken` naming the checkpoint's sequence
 * @example
 * ```ts
 * const r = await verifyCheckpoint(adapter, checkpoint, publicKey);
 * ```
 */
export async function verifyCheckpoint(adapter: StorageAdapter, checkpoint: SignedCheckpoint, publicKey: KeyObject): Promise<Checked<SignedCheckpoint, RecordIssue>> {
  const where = ['checkpoint', 'signature'];
  let signed = false;
  try {
    signed = verify(null, payload(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return fail([recordIssue('records.chain_broken', where, 'the signature does not match', { sequence: checkpoint.sequence })]);
  if (checkpoint.sequence === 0) return ok(checkpoint);
  const [entry] = await adapter.scan(checkpoint.sequence, 1);
  if (entry?.hash !== checkpoint.headHash) {
    return fail([recordIssue('records.chain_broken', ['checkpoint', 'headHash'], 'the store no longer holds the signed head', { sequence: checkpoint.sequence })]);
  }
  return ok(checkpoint);
}
