import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import pg from 'pg';
import { createRecordStore, memoryAdapter, patientSchema, type AccessContext, type Patient, type StorageAdapter } from '../src/records/index.js';
import { postgresAdapter } from '../src/records/adapters/postgres.js';
import { sqliteAdapter } from '../src/records/adapters/sqlite.js';
import { compare, measure, measureAsync, report } from './harness.js';

// Versioned records: update throughput per adapter, read-as-of on a 10,000-version record, chain
// verification and bytes stored per version, each beside a naive store measured in the same run
// (a full JSON copy per version, no index, no hashing, one commit per write).
// Updates: 100 records, each round updates every record once concurrently (Promise.all) with a new
// phone number and the rounds follow one another; every update is validated, diffed, chained,
// audited and given a new head, and on SQLite a round is one durable commit (WAL, synchronous FULL).

const context: AccessContext = { actor: 'bench', role: 'physician', purposeOfUse: 'TREAT' };
const start = DateTime.fromISO('2026-11-02T12:00:00.000Z', { zone: 'UTC' });
const patient = (i: number): Patient => ({
  resourceType: 'Patient', name: [{ family: 'Rivera', given: ['Ana', 'Lucia'] }], birthDate: '1980-04-02', gender: 'female',
  telecom: [{ system: 'phone', value: `+1 518 555 ${String(i % 10000).padStart(4, '0')}`, use: 'mobile' }],
  address: [{ line: ['12 Elm St'], city: 'Albany', state: 'NY', postalCode: '12207' }], allergies: ['latex'],
});

function tickingClock(): () => DateTime {
  let ms = start.toMillis();
  return () => DateTime.fromMillis(ms++, { zone: 'utc' });
}

function open(adapter: StorageAdapter) {
  return createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: tickingClock() });
}

/** The naive baseline: every version a full JSON copy in an array, as-of by scanning. */
function naiveStore() {
  const versions = new Map<string, { at: string; json: string }[]>();
  let ms = 0;
  return {
    write(id: string, doc: unknown): void {
      const list = versions.get(id) ?? [];
      list.push({ at: start.plus({ milliseconds: ms++ }).toISO() ?? '', json: JSON.stringify(doc) });
      versions.set(id, list);
    },
    asOf(id: string, at: string): unknown {
      const list = versions.get(id) ?? [];
      for (let i = list.length - 1; i >= 0; i--) if ((list[i]?.at ?? '') <= at) return JSON.parse(list[i]?.json ?? 'null');
      return undefined;
    },
    versions,
  };
}

async function updateRounds(store: ReturnType<typeof open>, ids: readonly string[], rounds: number, base: Map<string, number>): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    await Promise.all(ids.map(async (id) => {
      const v = base.get(id) ?? 1;
      const done = await store.update(id, patient(v + 1), v, context);
      if (!done.ok) throw new Error(done.issues[0]?.code);
      base.set(id, done.value.meta.version);
    }));
  }
}

async function seed(store: ReturnType<typeof open>, ids: readonly string[]): Promise<Map<string, number>> {
  await Promise.all(ids.map((id) => store.create(id, patient(0), context)));
  return new Map(ids.map((id) => [id, 1]));
}

let pass = true;
const folder = mkdtempSync(join(tmpdir(), 'medoffice-records-bench-'));
const ids = Array.from({ length: 100 }, (_, i) => `p${i}`);

process.stdout.write('records: updates per second\n');
{
  const memory = open(memoryAdapter());
  const versions = await seed(memory, ids);
  const naive = naiveStore();
  let k = 0;
  const ours = await measureAsync('memory adapter (validate, diff, chain, audit)', 10_000, () => updateRounds(memory, ids, 100, versions));
  const base = measure('naive: full JSON copy per version', 10_000, () => { for (let i = 0; i < 10_000; i++) naive.write(ids[i % 100] ?? '', patient(k++)); });
  pass = compare(ours, base, { label: 'memory updates', minPerSecond: 100_000 }) && pass;
}
{
  const adapter = await sqliteAdapter({ path: join(folder, 'bench.db') });
  const sqlite = open(adapter);
  const versions = await seed(sqlite, ids);
  const ours = await measureAsync('sqlite file, WAL, batched durable commits', 5_000, () => updateRounds(sqlite, ids, 50, versions), 1);
  const db = new Database(join(folder, 'naive.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE versions (id TEXT, at TEXT, json TEXT)');
  const insert = db.prepare('INSERT INTO versions VALUES (?, ?, ?)');
  const base = measure('naive sqlite: full copy, one durable commit each', 200, () => { for (let i = 0; i < 200; i++) insert.run(ids[i % 100], String(i), JSON.stringify(patient(i))); });
  pass = compare(ours, base, { label: 'SQLite updates', minPerSecond: 10_000 }) && pass;
  const rows = await adapter.scan(1, 1_000_000);
  const versionRows = rows.filter((row) => row.kind === 'version');
  const ourBytes = versionRows.reduce((sum, row) => sum + (row.data?.length ?? 0) + 64 * 3 + 40, 0) / versionRows.length;
  report('stored bytes per version (ours: patch + hashes)', ourBytes, 'B');
  report('stored bytes per version (naive full JSON copy)', JSON.stringify(patient(1)).length + 40, 'B');
  const large = memoryAdapter();
  const chart = open(large);
  const bigPatient = (i: number): Patient => ({ ...patient(i), allergies: Array.from({ length: 60 }, (_, k) => `allergen ${k} documented at intake, reaction: hives`) });
  await chart.create('big', bigPatient(0), context);
  for (let v = 1; v < 200; v++) await chart.update('big', bigPatient(v), v, context);
  const bigRows = large.snapshot().entries.filter((row) => row.kind === 'version');
  report('bytes per version, 3.5 KB record (ours)', bigRows.reduce((sum, row) => sum + (row.data?.length ?? 0) + 64 * 3 + 40, 0) / bigRows.length, 'B');
  report('bytes per version, 3.5 KB record (naive)', JSON.stringify(bigPatient(1)).length + 40, 'B');
  db.close();
  await adapter.close();
}

async function postgresUrl(): Promise<{ url: string; stop: () => void }> {
  const given = process.env['MEDOFFICE_PG_URL'];
  if (given !== undefined && given !== '') return { url: given, stop: () => undefined };
  const script = join(dirname(fileURLToPath(import.meta.url)), '../scripts/records/postgres.sh');
  const output = execFileSync('bash', [script, 'start'], { encoding: 'utf8' });
  const dir = /MEDOFFICE_PG_DIR=(\S+)/.exec(output)?.[1] ?? '';
  return { url: /MEDOFFICE_PG_URL=(\S+)/.exec(output)?.[1] ?? '', stop: () => execFileSync('bash', [script, 'stop', dir]) };
}

{
  const server = await postgresUrl();
  try {
    const schema = `bench_${process.pid}`;
    const adapter = await postgresAdapter({ connectionString: server.url, schema, maxConnections: 8 });
    const store = open(adapter);
    const versions = await seed(store, ids);
    const ours = await measureAsync('postgres, 8 connections, chain-locked', 1_000, () => updateRounds(store, ids, 10, versions));
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`CREATE TABLE ${schema}.naive (id TEXT, at TEXT, json TEXT)`);
    const base = await measureAsync('naive postgres: full copy, autocommit insert', 500, async () => {
      for (let i = 0; i < 500; i++) await client.query(`INSERT INTO ${schema}.naive VALUES ($1, $2, $3)`, [ids[i % 100], String(i), JSON.stringify(patient(i))]);
    }, 1);
    compare(ours, base, { label: 'PostgreSQL updates (reported)' });
    await client.end();
    await adapter.close();
  } finally {
    server.stop();
  }
}

process.stdout.write('records: read-as-of on a record with 10,000 versions\n');
{
  const adapter = memoryAdapter();
  const store = open(adapter);
  const naive = naiveStore();
  await store.create('deep', patient(0), context);
  naive.write('deep', patient(0));
  for (let v = 1; v < 10_000; v++) {
    await store.update('deep', patient(v), v, context);
    naive.write('deep', patient(v));
  }
  const times = Array.from({ length: 200 }, (_, i) => start.plus({ milliseconds: ((i * 7919) % 10_000) * 2 + 1 }));
  const ours = await measureAsync('memory: time index + snapshot every 32', 200, async () => { for (const t of times) await store.readAsOf('deep', t, context); });
  const isoTimes = times.map((t) => t.toISO() ?? '');
  const base = measure('naive: scan full copies newest first', 200, () => { for (const t of isoTimes) naive.asOf('deep', t); });
  compare(ours, base, { label: 'read-as-of' });
  pass = report('read-as-of, ms per read (memory)', ours.msPerOperation, 'ms', { max: 1 }) && pass;

  const sqliteFile = await sqliteAdapter({ path: join(folder, 'deep.db') });
  const copied = adapter.snapshot();
  await sqliteFile.transact(async (tx) => {
    await tx.append(copied.entries);
    for (const head of copied.heads) await tx.putHead(head);
  });
  const deep = open(sqliteFile);
  const onDisk = await measureAsync('sqlite: indexed (record, at) + snapshots', 200, () => Promise.all(times.map((t) => deep.readAsOf('deep', t, context))));
  pass = report('read-as-of, ms per read (sqlite, 200 concurrent, audit durable)', onDisk.msPerOperation, 'ms', { max: 1 }) && pass;
  await sqliteFile.close();

  process.stdout.write('records: verify\n');
  const entries = (await adapter.scan(1, 1_000_000)).length;
  const ourVerify = await measureAsync(`verify ${entries} entries (hash chain + content + heads)`, entries, () => store.verify());
  const copies = naive.versions.get('deep') ?? [];
  const baseVerify = measure('naive: sha256 of every full copy', copies.length, () => {
    let previous = '';
    for (const copy of copies) previous = createHash('sha256').update(previous + copy.json).digest('hex');
    return previous;
  });
  pass = compare(ourVerify, baseVerify, { label: 'verify', minPerSecond: 200_000 }) && pass;
}

rmSync(folder, { recursive: true, force: true });
process.exitCode = pass ? 0 : 1;
