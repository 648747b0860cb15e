import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { postgresAdapter } from '../../src/records/adapters/postgres.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const url = inject('medofficePgUrl');
const schema = `erase_${process.pid}_${Date.now() % 100000}`;

/** Whether the table's file on the server holds the text, read by the server itself after a checkpoint. */
async function fileHolds(client: pg.Client, table: string, text: string): Promise<boolean> {
  await client.query('CHECKPOINT');
  const { rows } = await client.query<{ bytes: Buffer }>('SELECT pg_read_binary_file(pg_relation_filepath($1)) AS bytes', [`${schema}.${table}`]);
  return rows[0]?.bytes.includes(Buffer.from(text, 'utf8')) ?? false;
}

describe('PostgreSQL expunge', () => {
  it('leaves the old row images in the table files until rewriteTables drops them', async () => {
    if (url === '') throw new Error('no PostgreSQL server: install postgresql or set MEDOFFICE_PG_URL');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Reading a table's file through the server needs a superuser (as .ci/run's server gives); on a
      // server given without one, the rewrite is still run and the store checked after it.
      const { rows } = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
      const seesFiles = rows[0]?.rolsuper === true;
      const adapter = await postgresAdapter({ connectionString: url, schema });
      const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
      await store.create('keep', patient('Keepsakename'), clerk);
      await store.create('gone', patient('Zzsecretfamily'), clerk);
      await store.update('gone', patient('Zzsecretfamilytwo'), 1, clerk);
      expect((await store.expunge('gone', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
      if (seesFiles) {
        expect(await fileHolds(client, 'entries', 'Zzsecretfamily')).toBe(true);
        expect(await fileHolds(client, 'heads', 'Zzsecretfamily')).toBe(true);
      }
      await adapter.rewriteTables();
      for (const table of seesFiles ? ['entries', 'heads'] : []) {
        expect(await fileHolds(client, table, 'Zzsecretfamily')).toBe(false);
        expect(await fileHolds(client, table, 'Keepsakename')).toBe(true);
      }
      expect((await store.read('keep', clerk)).ok).toBe(true);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
