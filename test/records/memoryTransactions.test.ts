import { describe, expect, it } from 'vitest';
import type { HeadRow } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';

const head = (recordId: string, version: number): HeadRow => ({ recordId, version, state: 'active', document: '{}', replacedBy: null, at: '2026-11-02T12:00:00.000Z' });

describe('memory adapter transactions', () => {
  it('finishes a synchronous transaction before transact returns', async () => {
    const adapter = memoryAdapter();
    const pending = adapter.transact((tx) => {
      tx.putHead(head('Patient/p1', 1));
      return 'done';
    });
    expect(adapter.snapshot().heads).toEqual([head('Patient/p1', 1)]);
    expect(await pending).toBe('done');
  });

  it('undoes a synchronous transaction that throws', async () => {
    const adapter = memoryAdapter();
    await expect(adapter.transact((tx) => {
      tx.putHead(head('Patient/p1', 1));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(adapter.snapshot().heads).toEqual([]);
  });

  it('holds later transactions, synchronous ones too, until an open asynchronous one settles, in order', async () => {
    const adapter = memoryAdapter();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const slow = adapter.transact(async (tx) => {
      await gate;
      tx.putHead(head('Patient/p1', 1));
      order.push('slow');
    });
    const quick = adapter.transact((tx) => {
      order.push(`quick saw ${String(tx.head('Patient/p1') !== undefined)}`);
      tx.putHead(head('Patient/p1', 2));
    });
    expect(order).toEqual([]);
    release();
    await Promise.all([slow, quick]);
    expect(order).toEqual(['slow', 'quick saw true']);
    expect(adapter.snapshot().heads).toEqual([head('Patient/p1', 2)]);
  });

  it('drains a long queue of synchronous transactions without deep recursion', async () => {
    const adapter = memoryAdapter();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = adapter.transact(async () => gate);
    const queued = Array.from({ length: 50_000 }, (_, i) => adapter.transact((tx) => tx.putHead(head(`Patient/p${i}`, 1))));
    release();
    await Promise.all([first, ...queued]);
    expect(adapter.snapshot().heads).toHaveLength(50_000);
  });
});
