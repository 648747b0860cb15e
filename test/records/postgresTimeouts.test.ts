import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import type { StorageAdapter } from '../../src/records/adapter.js';
import { postgresAdapter, type PostgresAdapterOptions } from '../../src/records/adapters/postgres.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const url = inject('medofficePgUrl');
const run = `t${process.pid}_${Date.now() % 100000}`;
let opened = 0;
const adapters: StorageAdapter[] = [];
afterAll(async () => {
  for (const adapter of adapters) await adapter.close();
});

async function open(options: Omit<PostgresAdapterOptions, 'connectionString' | 'schema'>) {
  if (url === '') throw new Error('no PostgreSQL server: install postgresql or set MEDOFFICE_PG_URL');
  const schema = `${run}_${++opened}`;
  const adapter = await postgresAdapter({ connectionString: url, schema, ...options });
  adapters.push(adapter);
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  return { adapter, store, schema };
}

/** Holds the schema's chain lock on a connection of its own until the returned release is called. */
async function holdChainLock(schema: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT id FROM "${schema}".chain_lock WHERE id = 1 FOR UPDATE`);
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

/** Runs `statement` in a transaction of its own connection, holding its locks for `ms`, then rolls back. */
async function holdFor(ms: number, statement: string): Promise<{ done: Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(statement);
  const done = pause(ms).then(async () => {
    await client.query('ROLLBACK');
    await client.end();
  });
  return { done };
}

/**
 * Updates p1 to version 2 while another connection holds the chain lock, letting the lock go after
 * 3 s whatever happens, and answers how the update settled.
 */
async function updateWhileLocked(store: Awaited<ReturnType<typeof open>>['store'], schema: string) {
  const release = await holdChainLock(schema);
  const update = settled(store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk));
  await Promise.race([update, pause(3000)]);
  await release();
  return update;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a promise settles: its value, or the error it rejected with. */
const settled = <T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

describe('postgres adapter timeouts', () => {
  it('rejects a write that waits on the chain lock longer than lockTimeoutMs, keeps nothing of it, and writes again once the lock is free', async () => {
    const { store, schema } = await open({ lockTimeoutMs: 200 });
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    const outcome = await updateWhileLocked(store, schema);
    expect(outcome).toMatchObject({ error: { code: '55P03' } });
    expect(await store.read('p1', clerk)).toMatchObject({ ok: true, value: { meta: { version: 1 } } });
    expect((await store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk)).ok).toBe(true);
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('cancels a statement that runs longer than statementTimeoutMs', async () => {
    const { store, schema } = await open({ statementTimeoutMs: 200 });
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    const outcome = await updateWhileLocked(store, schema);
    expect(outcome).toMatchObject({ error: { code: '57014' } });
    expect((await store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk)).ok).toBe(true);
  });

  it('waits for the lock as long as it is held when no timeout is given', async () => {
    const { store, schema } = await open({});
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    const release = await holdChainLock(schema);
    const update = settled(store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk));
    const early = await Promise.race([update, pause(600).then(() => 'waiting' as const)]);
    await release();
    expect(early).toBe('waiting');
    expect(await update).toMatchObject({ value: { ok: true } });
  });

  it('lets the server end a session idle inside a transaction for longer than idleInTransactionTimeoutMs, freeing the chain for other writers', async () => {
    const { adapter, store } = await open({ idleInTransactionTimeoutMs: 200 });
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    const stalled = settled(
      adapter.transact(async (tx) => {
        await tx.tip();
        await pause(1000);
        return tx.tip();
      }),
    );
    await pause(100);
    const other = await settled(store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk));
    expect(other).toMatchObject({ value: { ok: true } });
    expect(await stalled).toHaveProperty('error');
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('rejects an operation that waits longer than connectTimeoutMs for a pooled connection', async () => {
    const { adapter, store } = await open({ maxConnections: 1, connectTimeoutMs: 200 });
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    let finish = (): void => undefined;
    const holding = adapter.transact(async (tx) => {
      await tx.tip();
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await pause(100);
    const read = settled(store.read('p1', clerk));
    await Promise.race([read, pause(3000)]);
    finish();
    await holding;
    const outcome = await read;
    expect(outcome).toMatchObject({ error: { message: expect.stringMatching(/timeout/i) } });
    expect(await store.read('p1', clerk)).toMatchObject({ ok: true });
  });

  it('opens and rewrites its tables without the statement and lock timeouts, and keeps them for the operations after', async () => {
    const timeouts = { maxConnections: 1, statementTimeoutMs: 150, lockTimeoutMs: 100 };
    // Another process creating its tables holds the setup lock for 600 ms: opening waits for it.
    const setup = await holdFor(600, 'SELECT pg_advisory_lock(48151623)');
    const { adapter, store, schema } = await open(timeouts);
    await setup.done;
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    // A reader holds the entries table for 600 ms: the rewrite waits for it rather than giving up.
    const reader = await holdFor(600, `SELECT count(*) FROM "${schema}".entries`);
    await expect(adapter.rewriteTables()).resolves.toBeUndefined();
    await reader.done;
    // The one pooled connection has its timeouts back: a write waiting on a held chain lock is cancelled.
    const outcome = await updateWhileLocked(store, schema);
    expect(outcome).toHaveProperty('error');
    expect(['55P03', '57014']).toContain((outcome as { error: { code?: string } }).error.code);
  });

  it.each([
    ['lockTimeoutMs', 0],
    ['statementTimeoutMs', -5],
    ['idleInTransactionTimeoutMs', 0.5],
    ['connectTimeoutMs', Number.NaN],
    ['lockTimeoutMs', 2_147_483_648],
  ] as const)('refuses %s %s with MedofficeUsageError naming it', async (option, value) => {
    const opening = postgresAdapter({ connectionString: url, schema: `${run}_bad`, [option]: value });
    const outcome = await opening.then((adapter) => adapters.push(adapter), (error: unknown) => error);
    expect(outcome).toBeInstanceOf(MedofficeUsageError);
    expect((outcome as Error).message).toContain(option);
  });

  it('takes the largest timeout PostgreSQL allows', async () => {
    const { store } = await open({ lockTimeoutMs: 2_147_483_647, statementTimeoutMs: 2_147_483_647, idleInTransactionTimeoutMs: 2_147_483_647, connectTimeoutMs: 2_147_483_647 });
    expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
  });
});
