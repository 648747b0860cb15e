/**
 * What a storage call answers: the value itself (memory, or any adapter that can answer at once) or a
 * promise of it (a database driver).
 *
 * @example
 * ```ts
 * const head: Answer<HeadRow | undefined> = tx.head('Patient/p1');
 * ```
 */
export type Answer<T> = T | Promise<T>;

/**
 * A store operation written once for every adapter: a generator that yields each storage answer and is
 * resumed with its value. Driven by {@link runSteps}, it runs to the end without a single await when
 * every answer is already a value, and waits only where an answer is a promise.
 *
 * @example
 * ```ts
 * function* version(tx: StorageTx): Steps<number> {
 *   const head = yield* step(tx.head('Patient/p1'));
 *   return head?.version ?? 0;
 * }
 * ```
 */
export type Steps<T> = Generator<unknown, T, unknown>;

/**
 * Waits for one storage answer inside {@link Steps}: `const head = yield* step(tx.head(key))`.
 *
 * @param answer - what the adapter returned
 * @returns (to the generator) the answer's value
 * @example
 * ```ts
 * const rows = yield* step(tx.versions('Patient/p1', 1, 3));
 * ```
 */
export function* step<T>(answer: Answer<T>): Steps<T> {
  // A value needs no round trip through the driver: the generators above never suspend for it.
  if (!isPromiseLike(answer)) return answer;
  return (yield answer) as T;
}

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

async function finish<T>(steps: Steps<T>, pending: PromiseLike<unknown>): Promise<T> {
  let next: IteratorResult<unknown, T>;
  try {
    next = steps.next(await pending);
  } catch (error) {
    next = steps.throw(error);
  }
  while (!next.done) {
    const answer = next.value;
    if (!isPromiseLike(answer)) {
      next = steps.next(answer);
      continue;
    }
    try {
      next = steps.next(await answer);
    } catch (error) {
      next = steps.throw(error);
    }
  }
  return next.value;
}

/**
 * Drives {@link Steps} to the end: synchronously while the answers are values, then asynchronously
 * from the first promise on. A rejected answer is thrown into the generator where it waited.
 *
 * @param steps - the started generator
 * @returns its result, or a promise of it once some answer was a promise
 * @example
 * ```ts
 * const version = await settings.adapter.transact((tx) => runSteps(version(tx)));
 * ```
 */
export function runSteps<T>(steps: Steps<T>): Answer<T> {
  let next = steps.next();
  while (!next.done) {
    if (isPromiseLike(next.value)) return finish(steps, next.value);
    next = steps.next(next.value);
  }
  return next.value;
}
