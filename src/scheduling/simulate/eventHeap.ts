/** A scheduled event of the general engine. */
export interface SimEvent {
  readonly time: number;
  /** Insertion counter: breaks ties in time so equal-time events run in the order scheduled. */
  readonly seq: number;
  readonly kind: 'arrival' | 'serviceEnd' | 'roomFree';
  /** Patient index (arrival) or provider index (serviceEnd). */
  readonly id: number;
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/**
 * A binary min-heap of events ordered by (time, seq): the future event list of a textbook
 * discrete-event simulation.
 *
 * @example
 * ```ts
 * const heap = createEventHeap();
 * heap.push({ time: 5, seq: 0, kind: 'arrival', id: 0 });
 * heap.pop()?.time; // 5
 * ```
 */
export function createEventHeap(): { push: (e: SimEvent) => void; pop: () => SimEvent | undefined; size: () => number } {
  const items: SimEvent[] = [];
  const push = (event: SimEvent): void => {
    items.push(event);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as SimEvent, items[parent] as SimEvent)) break;
      [items[i], items[parent]] = [items[parent] as SimEvent, items[i] as SimEvent];
      i = parent;
    }
  };
  const pop = (): SimEvent | undefined => {
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && before(items[l] as SimEvent, items[m] as SimEvent)) m = l;
      if (r < items.length && before(items[r] as SimEvent, items[m] as SimEvent)) m = r;
      if (m === i) break;
      [items[i], items[m]] = [items[m] as SimEvent, items[i] as SimEvent];
      i = m;
    }
    return top;
  };
  return { push, pop, size: () => items.length };
}
