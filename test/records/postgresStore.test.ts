import { afterAll, describe, expect, inject, it } from 'vitest';
import { postgresAdapter } from '../../src/records/adapters/postgres.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { auditTrailContract } from './auditContract.js';
import { storeContract } from './contract.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const url = inject('medofficePgUrl');
let schemas = 0;
const run = `t${process.pid}_${Date.now() % 100000}`;
const open = () => {
  if (url === '') throw new Error('no PostgreSQL server: install postgresql or set MEDOFFICE_PG_URL');
  return postgresAdapter({ connectionString: url, schema: `${run}_${++schemas}`, maxConnections: 12 });
};

storeContract('postgres', open);
auditTrailContract('postgres', open);

describe('postgres under real concurrency', () => {
  const adapters: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const adapter of adapters) await adapter.close();
  });

  it('of N concurrent updates with the same expected version on separate connections, exactly one succeeds', async () => {
    const schema = `${run}_race`;
    const first = await postgresAdapter({ connectionString: url, schema, maxConnections: 2 });
    adapters.push(first);
    const clock = steppingClock().clock;
    await createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: first, clock }).create('p1', patient('Start'), clerk);
    const writers = await Promise.all(Array.from({ length: 8 }, () => postgresAdapter({ connectionString: url, schema, maxConnections: 1 })));
    adapters.push(...writers);
    for (let round = 1; round <= 3; round++) {
      const stores = writers.map((adapter) => createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock }));
      const results = await Promise.all(stores.map((store, i) => store.update('p1', patient(`R${round}W${i}`), round, clerk)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.issues[0]?.code === 'records.version_conflict' && r.issues[0].currentVersion === round + 1)).toHaveLength(7);
    }
    const verified = await createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: first, clock }).verify();
    expect(verified.ok).toBe(true);
  });
});
