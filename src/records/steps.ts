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
export type Steps<T> = Generator<PromiseLike<unknown>, T, unknown>;

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

/**
 * Whether a storage answer is a promise (anything with a `then` method) rather than the value itself.
 *
 * @param value - an adapter's answer
 * @returns true for a promise or other thenable
 * @example
 * ```ts
 * isPromiseLike(Promise.resolve(1)); // true
 * isPromiseLike(1); // false
 * ```
 */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

async function finish<T>(steps: Steps<T>, first: PromiseLike<unknown>): Promise<T> {
  let pending = first;
  for (;;) {
    let next: IteratorResult<PromiseLike<unknown>, T>;
    try {
      next = steps.next(await pending);
    } catch (error) {
      next = steps.throw(error);
    }
    if (next.done) return next.value;
    pending = next.value;
  }
}

/**
 * Drives {@link Steps} to the end: synchronously when no answer is a promise ({@link step} passes
 * values straight back), otherwise asynchronously from the first promise on. A rejected answer is thrown into the generator where it waited.
 *
 * @param steps - the started generator
 * @returns its result, or a promise of it once some answer was a promise
 * @example
 * ```ts
 * const version = await settings.adapter.transact((tx) => runSteps(version(tx)));
 * ```
 */
export function runSteps<T>(steps: Steps<T>): Answer<T> {
  const next = steps.next();
  return next.done ? next.value : finish(steps, next.value);
}
