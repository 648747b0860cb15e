import * as crypto from 'node:crypto';

// `crypto.hash` (Node 20.12 and later) skips the Hash object; older Node 20 releases use createHash.
const oneShot = typeof crypto.hash === 'function';

/**
 * SHA-256 of a UTF-8 text, as 64 lowercase hex digits.
 *
 * @param text - what to hash
 * @returns the hex digest
 * @example
 * ```ts
 * sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export function sha256Hex(text: string): string {
  return oneShot ? crypto.hash('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The previous-hash of the first chain entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
