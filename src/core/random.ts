import { describeValue } from './describeValue.js';
import { MedofficeUsageError } from './result.js';

/**
 * A seeded pseudo-random generator (xoshiro128**, 2^128 - 1 period) that can be split into
 * independent streams. The caller owns it and passes it in, so every simulation is reproducible
 * from its seed and nothing in the library draws hidden randomness.
 *
 * Two ways to get more generators:
 * - `stream(i)` derives the i-th child from this generator's seed alone. It does not consume
 *   anything, so replication i always gets the same stream whatever order or worker runs it.
 * - `split()` draws a fresh key from this generator (consuming it) and returns a new generator.
 *
 * @example
 * ```ts
 * const rng = createRng(2026);
 * const u = rng.float();          // in [0, 1)
 * const rep7 = rng.stream(7);     // the same for every run seeded 2026
 * ```
 */
export interface Rng {
  /** The next 32-bit unsigned integer. */
  uint32(): number;
  /** The next float in [0, 1), with 53 bits of resolution. */
  float(): number;
  /** The next float in (0, 1), never 0 nor 1 (32 bits of resolution): safe to take its logarithm. */
  open01(): number;
  /** An integer uniformly in [0, maxExclusive); `maxExclusive` must be a positive safe integer. */
  int(maxExclusive: number): number;
  /** The i-th child stream of this generator's seed; pure in `index`, consumes nothing. */
  stream(index: number): Rng;
  /** A new independent generator keyed by two draws from this one. */
  split(): Rng;
  /** The 64-bit key (two 32-bit words) this generator was made from. */
  readonly key: readonly [number, number];
}

/** A seed: any integer or a string (hashed to a 64-bit key). */
export type Seed = number | string;

const GOLDEN = 0x9e3779b9;

/** Wellons' lowbias32 integer hash: a strong 32-bit avalanche. */
function mix32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function keyFromSeed(seed: Seed): [number, number] {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) throw new MedofficeUsageError(`createRng: seed must be a safe integer or a string, got ${seed}`);
    const low = seed >>> 0;
    const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
    return [mix32(low ^ mix32(high + GOLDEN)), mix32(high ^ mix32(low + 0x85ebca6b))];
  }
  if (typeof seed !== 'string') throw new MedofficeUsageError(`createRng: seed must be a safe integer or a string, got ${describeValue(seed)}`);
  let h0 = 0x811c9dc5;
  let h1 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h0 = mix32(h0 ^ c);
    h1 = mix32(h1 + c + GOLDEN);
  }
  return [mix32(h0 ^ seed.length), mix32(h1 ^ h0)];
}

function childKey(key: readonly [number, number], index: number): [number, number] {
  const low = index >>> 0;
  const high = Math.floor(index / 0x1_0000_0000) >>> 0;
  const a = mix32(key[0] ^ mix32(low + GOLDEN));
  const b = mix32(key[1] ^ mix32(high + 0x85ebca6b) ^ a);
  return [mix32(a + 0xc2b2ae35), b];
}

function fromKey(key: readonly [number, number]): Rng {
  // Expand the 64-bit key into 128 bits of state with a counter-based mix (never all zero).
  let s0 = mix32(key[0] + GOLDEN);
  let s1 = mix32(key[1] ^ s0);
  let s2 = mix32(key[0] ^ mix32(key[1] + 0x6a09e667));
  let s3 = mix32(s2 + 0xbb67ae85) | 1;

  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const float = (): number => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / 9007199254740992;
  const open01 = (): number => (uint32() + 0.5) / 4294967296;
  const int = (maxExclusive: number): number => {
    if (!Number.isSafeInteger(maxExclusive) || maxExclusive <= 0) {
      throw new MedofficeUsageError(`int() needs a positive safe integer, got ${maxExclusive}`);
    }
    return Math.floor(float() * maxExclusive);
  };
  const self: Rng = {
    uint32,
    float,
    open01,
    int,
    stream: (index: number) => {
      if (!Number.isSafeInteger(index) || index < 0) {
        throw new MedofficeUsageError(`stream index must be a non-negative safe integer, got ${index}`);
      }
      return fromKey(childKey(key, index));
    },
    split: () => fromKey([uint32(), uint32()]),
    key,
  };
  return self;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Creates a seeded generator. The same seed always yields the same sequence, on every platform.
 *
 * @param seed - a safe integer or a string
 * @throws MedofficeUsageError when the seed is anything else (a fraction, NaN, `undefined`, `null`, ...)
 * @example
 * ```ts
 * const a = createRng('clinic-42');
 * const b = createRng('clinic-42');
 * a.uint32() === b.uint32(); // true
 * ```
 */
export function createRng(seed: Seed): Rng {
  return fromKey(keyFromSeed(seed));
}
