import type { ObjectiveWeights } from './session.js';
import { objectiveOf } from './evaluateSchedule.js';
import { createBuffers, initialState, runChain, type ChainBuffers, type ChainState, type WorkloadChain } from './workloadChain.js';

/**
 * The objective of schedules close to a current one, reusing the chain's state at every interval
 * start of the current schedule: a neighbour that first differs at interval t is run from there.
 */
export interface SearchEvaluator {
  /** Makes `slots` the current schedule and returns its objective. */
  readonly setCurrent: (slots: readonly number[]) => number;
  /** The objective of `slots`, which equals the current schedule before `firstChanged`. */
  readonly neighbour: (slots: readonly number[], firstChanged: number) => number;
  /** How many schedules have been evaluated. */
  readonly evaluations: () => number;
}

interface Grid {
  readonly chain: WorkloadChain;
  readonly buffers: ChainBuffers;
  cache: ChainState[];
}

/**
 * Builds a search evaluator on one grid, or on two (fine and twice as coarse) combined by
 * Richardson extrapolation.
 *
 * @param chains - one chain, or a fine and a coarse chain to extrapolate
 * @param weights - objective weights
 * @param patients - N, for the waiting term
 * @returns the evaluator
 * @example
 * ```ts
 * const search = createSearchEvaluator([fine, coarse], { wait: 1, idle: 1, overtime: 1 }, 20);
 * ```
 */
export function createSearchEvaluator(chains: readonly WorkloadChain[], weights: ObjectiveWeights, patients: number): SearchEvaluator {
  const grids: Grid[] = chains.map((chain) => ({ chain, buffers: createBuffers(chain), cache: [] }));
  let count = 0;
  const combine = (values: readonly number[]): number =>
    values.length === 2 ? (4 * (values[0] as number) - (values[1] as number)) / 3 : (values[0] as number);
  const objective = (results: readonly { wait: number; idle: number; overtime: number }[]): number =>
    objectiveOf(
      weights,
      combine(results.map((r) => r.wait)),
      patients,
      combine(results.map((r) => r.idle)),
      combine(results.map((r) => r.overtime)),
    );
  return {
    setCurrent: (slots) => {
      count++;
      return objective(
        grids.map((grid) => {
          const cache: ChainState[] = [];
          const result = runChain(grid.chain, grid.buffers, slots, 0, initialState(), (t, state) => {
            cache[t] = state;
          });
          grid.cache = cache;
          return result;
        }),
      );
    },
    neighbour: (slots, firstChanged) => {
      count++;
      return objective(
        grids.map((grid) => runChain(grid.chain, grid.buffers, slots, firstChanged, grid.cache[firstChanged] ?? initialState())),
      );
    },
    evaluations: () => count,
  };
}
