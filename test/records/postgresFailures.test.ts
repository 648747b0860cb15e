import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import type { StorageAdapter } from '../../src/records/adapter.js';
import { postgresAdapter } from '../../src/records/adapters/postgres.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const url = inject('medofficePgUrl');
const run = `f${process.pid}_${Date.now() % 100000}`;
let opened = 0;
const adapters: StorageAdapter[] = [];
afterAll(async () => {
  for (const adapter of adapters) await adapter.close();
});

function server(): string {
  if (url === '') throw new Error('no PostgreSQL server: install postgresql or set MEDOFFICE_PG_URL');
  return url;
}

/** The server URL with connection parameters added (`application_name`, `options`). */
function withParameters(parameters: Record<string, string>): string {
  const address = new URL(server());
  for (const [name, value] of Object.entries(parameters)) address.searchParams.set(name, value);
  return address.toString();
}

async function admin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const connectionsOf = (application: string): Promise<number> =>
  admin(async (client) => Number((await client.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [application])).rows[0].n));

async function open(options: { isolation?: string; schema?: string } = {}) {
  const parameters: Record<string, string> = {};
  if (options.isolation !== undefined) parameters['options'] = `-c default_transaction_isolation=${options.isolation.replace(' ', '\\ ')}`;
  const adapter = await postgresAdapter({ connectionString: withParameters(parameters), schema: options.schema ?? `${run}_${++opened}` });
  adapters.push(adapter);
  return adapter;
}

const storeOf = (adapter: StorageAdapter, clock = steppingClock().clock) => createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise's value, or 'pending' when it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms = 3000): Promise<T | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `body` in a Node process of its own (an error event nobody listens to ends the process, which a
 * test runner would catch and survive), with `adapter`, `store`, `terminate` and `pause` in scope, and
 * answers its exit code and output.
 */
function inChild(application: string, body: string): Promise<{ code: number | null; output: string }> {
  const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
  const source = `
    import { spawn } from 'node:child_process';
import pg from 'pg';
    import { postgresAdapter } from ${module('../../src/records/adapters/postgres.ts')};
    import { patientSchema } from ${module('../../src/records/schemas/patient.ts')};
    import { createRecordStore } from ${module('../../src/records/store.ts')};
    import { clerk, patient, steppingClock } from ${module('./fixtures.ts')};
    const url = ${JSON.stringify(withParameters({ application_name: application }))};
    const schema = ${JSON.stringify(`${run}_${application}`)};
    const adapter = await postgresAdapter({ connectionString: url, schema });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const terminate = async () => {
      const admin = new pg.Client({ connectionString: ${JSON.stringify(server())} });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [${JSON.stringify(application)}]);
      await admin.end();
    };
    ${body}
    await adapter.close();
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('postgres connections the server ends', () => {
  it('drops an idle pooled connection the server terminated, and the next call works', async () => {
    const ran = await inChild(
      'idle',
      `
      console.log('created', (await store.create('p1', patient('Rivera'), clerk)).ok);
      await terminate();
      await pause(300);
      console.log('read', (await store.read('p1', clerk)).ok);
      console.log('verified', (await store.verify()).ok);
    `,
    );
    expect(ran).toEqual({ code: 0, output: 'created true\nread true\nverified true\n' });
  });

  it('rejects a transaction whose connection the server terminated, keeps nothing of it, and the next call works', async () => {
    const ran = await inChild(
      'busy',
      `
      console.log('created', (await store.create('p1', patient('Rivera'), clerk)).ok);
      const cut = adapter.transact(async (tx) => {
        await tx.tip();
        await tx.putHead({ recordId: 'Patient/p1', version: 9, state: 'active', document: '{}', replacedBy: null, at: '2026-11-02T12:30:00.000Z' });
        await terminate();
        await pause(300);
        return tx.head('Patient/p1');
      });
      console.log('cut', await cut.then(() => 'resolved', () => 'rejected'));
      console.log('updated', (await store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk)).ok);
      console.log('verified', (await store.verify()).ok);
    `,
    );
    expect(ran).toEqual({ code: 0, output: 'created true\ncut rejected\nupdated true\nverified true\n' });
  });
});

describe('postgres whatever the server default isolation', () => {
  it.each(['repeatable read', 'serializable'])('concurrent writers of different records all succeed under default_transaction_isolation=%s', async (isolation) => {
    const schema = `${run}_iso_${isolation.replace(' ', '_')}`;
    const first = await open({ isolation, schema });
    const second = await open({ isolation, schema });
    const clock = steppingClock().clock;
    const stores = [storeOf(first, clock), storeOf(second, clock)];
    const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
    for (const id of ids) expect((await stores[0]!.create(id, patient('Start'), clerk)).ok).toBe(true);
    for (let round = 1; round <= 3; round++) {
      const results = await Promise.all(ids.map((id, i) => stores[i % 2]!.update(id, patient(`R${round}`), round, clerk)));
      expect(results.map((r) => r.ok)).toEqual(ids.map(() => true));
    }
    expect(await stores[0]!.verify()).toMatchObject({ ok: true });
  });
});

describe('postgres adapter options', () => {
  it.each([0, -1, 0.5, Number.NaN, 262_144])('refuses maxConnections %s with MedofficeUsageError', async (maxConnections) => {
    const opening = postgresAdapter({ connectionString: server(), schema: `${run}_max`, maxConnections });
    const outcome = await within(opening.then((adapter) => adapters.push(adapter), (error: unknown) => error));
    expect(outcome).toBeInstanceOf(MedofficeUsageError);
  });

  it.each(['pg_records', 'pg_catalog', 'information_schema', 'Records', 'x-y', '1st'])('refuses schema %s with MedofficeUsageError', async (schema) => {
    const opening = postgresAdapter({ connectionString: server(), schema });
    const outcome = await opening.then((adapter) => adapters.push(adapter), (error: unknown) => error);
    expect(outcome).toBeInstanceOf(MedofficeUsageError);
  });

  it.each(['user', 'order'])('keeps records in a schema named with the reserved word %s', async (schema) => {
    await admin((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    try {
      const adapter = await postgresAdapter({ connectionString: server(), schema });
      const store = storeOf(adapter);
      expect((await store.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
      expect(await store.read('p1', clerk)).toMatchObject({ ok: true });
      expect((await adapter.scan(1, 10)).map((entry) => entry.sequence)).toEqual([1, 2, 3]);
      expect(await adapter.heads()).toHaveLength(1);
      expect(await store.verify()).toMatchObject({ ok: true });
      await adapter.close();
    } finally {
      await admin((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
  });

  it('closes its connections when it cannot create its tables', async () => {
    const role = `${run}_nocreate`;
    const application = `${run}_refused`;
    await admin((client) => client.query(`CREATE ROLE ${role} LOGIN`));
    try {
      const address = new URL(withParameters({ application_name: application }));
      address.username = role;
      await expect(postgresAdapter({ connectionString: address.toString(), schema: `${run}_refused` })).rejects.toMatchObject({ code: '42501' });
      let left = await connectionsOf(application);
      for (let tries = 0; left > 0 && tries < 20; tries++) {
        await pause(100);
        left = await connectionsOf(application);
      }
      expect(left).toBe(0);
    } finally {
      await admin((client) => client.query(`DROP ROLE IF EXISTS ${role}`));
    }
  });
});
