/**
 * A binary max-heap of entries keyed by a number, for greedy allocation.
 *
 * @example
 * ```ts
 * const heap = createMaxHeap<string>();
 * heap.push(2, 'b'); heap.push(5, 'a');
 * heap.pop(); // { key: 5, value: 'a' }
 * ```
 */
export function createMaxHeap<T>(): { push(key: number, value: T): void; pop(): { key: number; value: T } | undefined; readonly size: () => number } {
  const keys: number[] = [];
  const values: T[] = [];
  const swap = (a: number, b: number): void => {
    [keys[a], keys[b]] = [keys[b] as number, keys[a] as number];
    [values[a], values[b]] = [values[b] as T, values[a] as T];
  };
  return {
    push(key, value) {
      keys.push(key);
      values.push(value);
      let i = keys.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((keys[parent] as number) >= key) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop() {
      if (keys.length === 0) return undefined;
      const top = { key: keys[0] as number, value: values[0] as T };
      swap(0, keys.length - 1);
      keys.pop();
      values.pop();
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < keys.length && (keys[left] as number) > (keys[best] as number)) best = left;
        if (right < keys.length && (keys[right] as number) > (keys[best] as number)) best = right;
        if (best === i) break;
        swap(i, best);
        i = best;
      }
      return top;
    },
    size: () => keys.length,
  };
}
