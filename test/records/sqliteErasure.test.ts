import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-erasure-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const holds = (path: string, text: string): boolean => existsSync(path) && readFileSync(path).includes(Buffer.from(text, 'utf8'));

describe('SQLite expunge', () => {
  it('leaves no trace of the expunged content in the database file or its write-ahead log', async () => {
    const path = join(folder, 'erase.db');
    const adapter = await sqliteAdapter({ path });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
    await store.create('keep', patient('Keepsakename'), clerk);
    await store.create('gone', patient('Zzsecretfamily'), clerk);
    await store.update('gone', patient('Zzsecretfamilytwo'), 1, clerk);
    expect(holds(path, 'Zzsecretfamily') || holds(`${path}-wal`, 'Zzsecretfamily')).toBe(true);
    expect((await store.expunge('gone', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
    expect(holds(path, 'Zzsecretfamily')).toBe(false);
    expect(holds(`${path}-wal`, 'Zzsecretfamily')).toBe(false);
    await adapter.close();
    expect(holds(path, 'Zzsecretfamily')).toBe(false);
    expect(holds(path, 'Keepsakename')).toBe(true);
    const reopened = await sqliteAdapter({ path });
    const again = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: reopened, clock: steppingClock().clock });
    expect((await again.verify()).ok).toBe(true);
    await reopened.close();
  });

  it('clears the write-ahead log after the next commit when a reader held it back at the expunge', async () => {
    const path = join(folder, 'held.db');
    const adapter = await sqliteAdapter({ path });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
    await store.create('keep', patient('Keepsakename'), clerk);
    await store.create('gone', patient('Zzheldsecret'), clerk);
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    expect((await store.expunge('gone', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
    expect(holds(`${path}-wal`, 'Zzheldsecret')).toBe(true);
    reader.exec('COMMIT');
    reader.close();
    expect((await store.read('keep', clerk)).ok).toBe(true);
    expect(holds(`${path}-wal`, 'Zzheldsecret')).toBe(false);
    expect(holds(path, 'Zzheldsecret')).toBe(false);
    await adapter.close();
  });

  it('clears the write-ahead log at close when a reader held it back at the expunge and no commit followed', async () => {
    const path = join(folder, 'closing.db');
    const adapter = await sqliteAdapter({ path });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
    await store.create('gone', patient('Zzclosingsecret'), clerk);
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    expect((await store.expunge('gone', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
    expect(holds(`${path}-wal`, 'Zzclosingsecret')).toBe(true);
    reader.exec('COMMIT');
    // The reader stays connected, so closing the adapter is not closing the database's last connection.
    await adapter.close();
    expect(holds(`${path}-wal`, 'Zzclosingsecret')).toBe(false);
    expect(holds(path, 'Zzclosingsecret')).toBe(false);
    reader.close();
  });

  it('clears a write-ahead log left over from an unfinished erasure when a writable adapter opens', async () => {
    const path = join(folder, 'leftover.db');
    const adapter = await sqliteAdapter({ path });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
    await store.create('keep', patient('Keepsakename'), clerk);
    await store.create('gone', patient('Zzleftoversecret'), clerk);
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    expect((await store.expunge('gone', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
    // Still reading when the adapter closes, so the truncation cannot finish then either.
    await adapter.close();
    reader.exec('COMMIT');
    expect(holds(`${path}-wal`, 'Zzleftoversecret')).toBe(true);
    const reopened = await sqliteAdapter({ path });
    expect(holds(`${path}-wal`, 'Zzleftoversecret')).toBe(false);
    expect(holds(path, 'Zzleftoversecret')).toBe(false);
    const again = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: reopened, clock: steppingClock('2026-12-01T00:00:00.000Z').clock });
    expect((await again.read('keep', clerk)).ok).toBe(true);
    expect((await again.verify()).ok).toBe(true);
    await reopened.close();
    reader.close();
  });

  it('clears a leftover write-ahead log after the first commit when a reader still held it at opening', async () => {
    const path = join(folder, 'stillheld.db');
    const adapter = await sqliteAdapter({ path });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
    await store.create('gone', patient('Zzstillheldsecret'), clerk);
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    expect((await store.expunge('gone', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
    await adapter.close();
    const reopened = await sqliteAdapter({ path });
    expect(holds(`${path}-wal`, 'Zzstillheldsecret')).toBe(true);
    reader.exec('COMMIT');
    const again = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: reopened, clock: steppingClock('2026-12-01T00:00:00.000Z').clock });
    expect((await again.create('next', patient('Nextname'), clerk)).ok).toBe(true);
    expect(holds(`${path}-wal`, 'Zzstillheldsecret')).toBe(false);
    expect(holds(path, 'Zzstillheldsecret')).toBe(false);
    await reopened.close();
    reader.close();
  });
});
