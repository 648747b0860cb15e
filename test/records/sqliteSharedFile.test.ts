import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-shared-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('two SQLite adapters on one file', () => {
  it('see each other\'s commits: remembered heads and tips are dropped when the other connection writes', async () => {
    const path = join(folder, 'shared.db');
    const first = await sqliteAdapter({ path });
    const second = await sqliteAdapter({ path });
    const clock = steppingClock().clock;
    const a = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: first, clock });
    const b = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: second, clock });
    expect((await a.create('p1', patient('Rivera'), clerk)).ok).toBe(true);
    expect((await a.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk)).ok).toBe(true);
    expect((await b.update('p1', patient('Rivera', { gender: 'male' }), 2, clerk)).ok).toBe(true);
    const stale = await a.update('p1', patient('Rivera', { gender: 'other' }), 2, clerk);
    expect(stale).toMatchObject({ ok: false, issues: [{ code: 'records.version_conflict', currentVersion: 3 }] });
    const fresh = await a.update('p1', patient('Rivera', { gender: 'other' }), 3, clerk);
    expect(fresh.ok && fresh.value.meta.version).toBe(4);
    const read = await b.read('p1', clerk);
    expect(read.ok && read.value.document).toEqual(patient('Rivera', { gender: 'other' }));
    expect((await a.verify()).ok).toBe(true);
    await first.close();
    await second.close();
  });
});
