import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-sqlite-failures-'));
let files = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Pragma = (this: Database.Database, source: string, options?: Database.PragmaOptions) => unknown;
const pragma = Database.prototype.pragma as Pragma;
afterEach(() => {
  Database.prototype.pragma = pragma as typeof Database.prototype.pragma;
});

/** Opens the adapter on a database that holds at most `pages` pages, and hands back its connection to lift the limit later. */
async function smallDisk(pages: number) {
  let connection: Database.Database | undefined;
  Database.prototype.pragma = function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
    const answer = pragma.call(this, source, options);
    if (source === 'secure_delete = ON') {
      connection = this;
      pragma.call(this, `max_page_count = ${pages}`);
    }
    return answer;
  } as typeof Database.prototype.pragma;
  const adapter = await sqliteAdapter({ path: join(folder, `full-${++files}.db`) });
  Database.prototype.pragma = pragma as typeof Database.prototype.pragma;
  if (connection === undefined) throw new Error('the adapter did not open its database');
  const database = connection;
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  return { adapter, store, setPages: (n: number) => pragma.call(database, `max_page_count = ${n}`) };
}

/** The promise's outcome, or 'pending' when it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms = 5000): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  const settled = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('SQLite adapter when the disk is full', () => {
  it('rejects the transactions of a batch the full disk rolled back, keeps nothing of them, and works on once space is freed', async () => {
    const { adapter, store, setPages } = await smallDisk(40);
    const kept: string[] = [];
    let full: unknown;
    for (let i = 0; i < 1000 && full === undefined; i++) {
      const outcome = await within(store.create(`r${i}`, patient('x'.repeat(190)), clerk));
      expect(outcome).not.toBe('pending');
      if (outcome !== 'pending' && outcome.ok) kept.push(`r${i}`);
      else if (outcome !== 'pending') full = outcome.error;
    }
    expect(full).toMatchObject({ code: 'SQLITE_FULL' });
    // Room for a few more: the first transactions of the next batch fit, a later one fills the disk.
    setPages(42);
    const ids = Array.from({ length: 30 }, (_, i) => `b${i}`);
    const outcomes = await Promise.all(ids.map((id) => within(store.create(id, patient('y'.repeat(190)), clerk))));
    expect(outcomes).not.toContain('pending');
    expect(outcomes.some((o) => o !== 'pending' && !o.ok && (o.error as { code?: string }).code === 'SQLITE_FULL')).toBe(true);
    setPages(1_000_000);
    for (const [i, id] of ids.entries()) {
      const outcome = outcomes[i];
      const read = await store.read(id, clerk);
      if (outcome !== undefined && outcome !== 'pending' && outcome.ok) expect(read.ok).toBe(true);
      else expect(read).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
    }
    for (const id of kept) expect((await store.read(id, clerk)).ok).toBe(true);
    const after = await within(store.create('after', patient('Rivera'), clerk));
    expect(after).toMatchObject({ ok: true, value: { ok: true } });
    expect(await store.verify()).toMatchObject({ ok: true });
    await adapter.close();
  });
});

describe('SQLite adapter options', () => {
  it.each([0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses maxBatch %s with MedofficeUsageError', async (maxBatch) => {
    await expect(sqliteAdapter({ path: ':memory:', maxBatch })).rejects.toThrow(MedofficeUsageError);
  });

  it('commits transactions one by one with maxBatch 1', async () => {
    const adapter = await sqliteAdapter({ path: ':memory:', maxBatch: 1 });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    const results = await Promise.all(['p1', 'p2', 'p3'].map((id) => store.create(id, patient('Rivera'), clerk)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await store.verify()).toMatchObject({ ok: true });
    await adapter.close();
  });
});
