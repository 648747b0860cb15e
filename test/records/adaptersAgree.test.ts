import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { StorageAdapter } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { postgresAdapter } from '../../src/records/adapters/postgres.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore, type RecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const ids = fc.constantFrom('a', 'b', 'c');
const family = fc.constantFrom('Ames', 'Baker', 'Cruz');
const expected = fc.integer({ min: 0, max: 6 });
const operation = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), id: ids, family }),
  fc.record({ kind: fc.constant('update' as const), id: ids, family, expected }),
  fc.record({ kind: fc.constant('patch' as const), id: ids, family, expected }),
  fc.record({ kind: fc.constant('delete' as const), id: ids, expected }),
  fc.record({ kind: fc.constant('undelete' as const), id: ids }),
  fc.record({ kind: fc.constant('read' as const), id: ids }),
  fc.record({ kind: fc.constant('readAsOf' as const), id: ids, seconds: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('history' as const), id: ids }),
  fc.record({ kind: fc.constant('merge' as const), id: ids, into: ids }),
  fc.record({ kind: fc.constant('auditTrail' as const), id: ids, pageSize: fc.integer({ min: 1, max: 4 }), seconds: fc.nat({ max: 40 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

function run(store: RecordStore<unknown>, op: Operation): Promise<unknown> {
  switch (op.kind) {
    case 'create': return store.create(op.id, patient(op.family), clerk);
    case 'update': return store.update(op.id, patient(op.family, { gender: 'female' }), op.expected, clerk);
    case 'patch': return store.patch(op.id, [{ op: 'replace', path: '/name/0/family', value: op.family }], op.expected, clerk);
    case 'delete': return store.delete(op.id, op.expected, clerk);
    case 'undelete': return store.undelete(op.id, clerk);
    case 'read': return store.read(op.id, clerk);
    case 'readAsOf': return store.readAsOf(op.id, DateTime.fromISO('2026-11-02T12:30:00.000Z').plus({ seconds: op.seconds }), clerk);
    case 'history': return store.history(op.id, { pageSize: 3 }, clerk);
    case 'merge': return store.merge(op.id, op.into, clerk);
    case 'auditTrail': return store.auditTrail(op.id, { pageSize: op.pageSize, since: DateTime.fromISO('2026-11-02T12:30:00.000Z').plus({ seconds: op.seconds }) }, clerk);
  }
}

const url = inject('medofficePgUrl');
const folder = mkdtempSync(join(tmpdir(), 'medoffice-agree-'));
let opened = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function adapters(): Promise<StorageAdapter[]> {
  if (url === '') throw new Error('no PostgreSQL server: install postgresql or set MEDOFFICE_PG_URL');
  opened++;
  return [
    memoryAdapter(),
    await sqliteAdapter({ path: join(folder, `agree-${opened}.db`) }),
    await postgresAdapter({ connectionString: url, schema: `agree_${process.pid}_${opened}`, maxConnections: 2 }),
  ];
}

describe('adapters agree (model-based)', () => {
  it('memory, SQLite and PostgreSQL give the same answers and the same chain for every random sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        const opened = await adapters();
        try {
          const stores = opened.map((adapter) => createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock }));
          for (const op of ops) {
            const [reference, ...others] = await Promise.all(stores.map((store) => run(store, op)));
            for (const other of others) expect(other).toEqual(reference);
          }
          const tails = await Promise.all(opened.map(async (adapter) => (await adapter.scan(1, 10_000)).map((e) => e.hash)));
          expect(tails[1]).toEqual(tails[0]);
          expect(tails[2]).toEqual(tails[0]);
          const verified = await Promise.all(stores.map((store) => store.verify()));
          expect(verified.every((v) => v.ok)).toBe(true);
        } finally {
          for (const adapter of opened) await adapter.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});
