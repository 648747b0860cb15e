import type { StorageTx } from '../adapter.js';
import { isPromiseLike, type Answer } from '../steps.js';

interface Waiting {
  readonly work: (tx: StorageTx) => Answer<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs transactions over one shared transaction object one at a time, undoing a failed one with its
 * undo log (run backwards). A transaction whose work answers synchronously is finished before
 * `transact` returns; one that answers with a promise holds the others back until it settles, and
 * those arriving meanwhile then run in order (in a loop, so a long queue never deepens the stack).
 *
 * @param tx - the transaction object every transaction is given
 * @param undo - the undo log the transaction object appends to; emptied between transactions
 * @returns the adapter's `transact`
 * @example
 * ```ts
 * const transact = oneAtATime(makeTx(state, undo), undo);
 * await transact((tx) => tx.head('Patient/p1'));
 * ```
 */
export function oneAtATime(tx: StorageTx, undo: (() => void)[]): <T>(work: (tx: StorageTx) => Answer<T>) => Promise<T> {
  // Waiting transactions, oldest first from `nextWaiting` (an index, so taking one is not a shift).
  let waiting: (Waiting | undefined)[] = [];
  let nextWaiting = 0;
  let busy = false;
  let draining = false;
  const rollBack = (): void => {
    for (let i = undo.length - 1; i >= 0; i--) (undo[i] as () => void)();
    undo.length = 0;
  };
  const release = (settle: (value: unknown) => void, value: unknown): void => {
    busy = false;
    settle(value);
    if (draining) return;
    draining = true;
    while (!busy && nextWaiting < waiting.length) {
      const job = waiting[nextWaiting] as Waiting;
      waiting[nextWaiting++] = undefined;
      run(job);
    }
    if (nextWaiting > 1024 && nextWaiting * 2 > waiting.length) {
      waiting = waiting.slice(nextWaiting);
      nextWaiting = 0;
    }
    draining = false;
  };
  const run = (job: Waiting): void => {
    busy = true;
    undo.length = 0;
    let answer: unknown;
    try {
      answer = job.work(tx);
    } catch (error) {
      rollBack();
      release(job.reject, error);
      return;
    }
    if (!isPromiseLike(answer)) {
      undo.length = 0;
      release(job.resolve, answer);
      return;
    }
    answer.then(
      (value) => {
        undo.length = 0;
        release(job.resolve, value);
      },
      (error: unknown) => {
        rollBack();
        release(job.reject, error);
      },
    );
  };
  return <T>(work: (tx: StorageTx) => Answer<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const job: Waiting = { work, resolve: resolve as (value: unknown) => void, reject };
      if (busy) waiting.push(job);
      else run(job);
    });
}
