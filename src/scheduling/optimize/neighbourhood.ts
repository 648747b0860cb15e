/**
 * A move of Kaandorp and Koole's neighbourhood: the schedule changes by Σ_{i∈V} u_i, where
 * u_1 = (−1, 0, …, 0, 1) and u_i = e_{i−1} − e_i for i ≥ 2 (one patient moves one interval earlier;
 * u_1 moves one from the first interval to the last). `delta` lists the changed intervals.
 */
export interface Move {
  /** Pairs [interval, change]. */
  readonly delta: readonly (readonly [number, number])[];
  /** The first interval the move changes. */
  readonly firstChanged: number;
}

function fromVector(vector: Int32Array): Move | undefined {
  const delta: [number, number][] = [];
  for (let t = 0; t < vector.length; t++) if (vector[t] !== 0) delta.push([t, vector[t] as number]);
  const first = delta[0];
  return first === undefined ? undefined : { delta, firstChanged: first[0] };
}

/** Adds u_i (0-based i) to a vector. */
function addU(vector: Int32Array, i: number, sign: number): void {
  const last = vector.length - 1;
  if (i === 0) {
    vector[0] = (vector[0] as number) - sign;
    vector[last] = (vector[last] as number) + sign;
  } else {
    vector[i - 1] = (vector[i - 1] as number) + sign;
    vector[i] = (vector[i] as number) - sign;
  }
}

/**
 * Level 1: the single vectors ±u_i, moving one patient between consecutive intervals (2T moves).
 *
 * @example
 * ```ts
 * for (const move of singleShifts(40)) { ... }
 * ```
 */
export function* singleShifts(intervals: number): Generator<Move> {
  for (let i = 0; i < intervals; i++) {
    for (const sign of [1, -1]) {
      const vector = new Int32Array(intervals);
      addU(vector, i, sign);
      const move = fromVector(vector);
      if (move !== undefined) yield move;
    }
  }
}

/**
 * Level 2: one patient moved from any interval to any other, the sums of u_i over a cyclic run of
 * consecutive indices and their complements (T(T − 1) moves).
 *
 * @example
 * ```ts
 * [...patientMoves(3)].length; // 6
 * ```
 */
export function* patientMoves(intervals: number): Generator<Move> {
  for (let from = 0; from < intervals; from++) {
    for (let to = 0; to < intervals; to++) {
      if (from === to) continue;
      yield {
        delta: from < to ? [[from, -1], [to, 1]] : [[to, 1], [from, -1]],
        firstChanged: Math.min(from, to),
      };
    }
  }
}

/**
 * Level 3: Kaandorp and Koole's full neighbourhood, Σ_{i∈V} u_i for every non-empty proper subset
 * V of {1, …, T} (2^T − 2 moves). A schedule no such move improves is globally optimal when the
 * objective is multimodular (their Theorem).
 *
 * @example
 * ```ts
 * [...subsetMoves(4)].length; // 14
 * ```
 */
export function* subsetMoves(intervals: number): Generator<Move> {
  const full = 2 ** intervals - 1;
  for (let mask = 1; mask < full; mask++) {
    const vector = new Int32Array(intervals);
    for (let i = 0; i < intervals; i++) if ((mask >> i) & 1) addU(vector, i, 1);
    const move = fromVector(vector);
    if (move !== undefined) yield move;
  }
}
