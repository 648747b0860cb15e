import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsCommand } from '../../src/cli/records.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';
import { fakeIo } from '../cli/fakeIo.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-cli-records-'));
const path = join(folder, 'records.db');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(async () => {
  const adapter = await sqliteAdapter({ path });
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), clerk);
  await store.update('p1', patient('Rivera', { gender: 'female' }), 1, { ...clerk, reason: 'intake form' });
  await adapter.close();
});

describe('medoffice records', () => {
  it('lists history newest first', async () => {
    const io = fakeIo();
    expect(await recordsCommand.run(['history', path, 'Patient/p1'], io)).toBe(0);
    expect(io.stdout()).toMatch(/v2 .*update[\s\S]*v1 .*create/);
    const json = fakeIo();
    await recordsCommand.run(['history', path, 'Patient/p1', '--format', 'json'], json);
    expect((JSON.parse(json.stdout()) as { version: number }[]).map((m) => m.version)).toEqual([2, 1]);
  });

  it('diffs two versions as JSON Patch', async () => {
    const io = fakeIo();
    expect(await recordsCommand.run(['diff', path, 'Patient/p1', '1', '2', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual([{ op: 'add', path: '/gender', value: 'female' }]);
    expect(await recordsCommand.run(['diff', path, 'Patient/p1', '1', '9'], fakeIo())).toBe(1);
  });

  it('lists the audit trail newest first', async () => {
    const io = fakeIo();
    expect(await recordsCommand.run(['audit', path, 'Patient/p1'], io)).toBe(0);
    expect(io.stdout()).toMatch(/2 audit event\(s\)[\s\S]*update +success ma-jones \(assistant, TREAT\) +v2[\s\S]*create +success/);
    const json = fakeIo();
    expect(await recordsCommand.run(['audit', path, 'Patient/p1', '--limit', '1', '--format', 'json'], json)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual([{ sequence: 4, at: '2026-11-02T12:30:01.000Z', action: 'update', id: 'p1', version: 2, actor: 'ma-jones', role: 'assistant', purposeOfUse: 'TREAT', outcome: 'success' }]);
    expect(await recordsCommand.run(['audit', path, 'Patient/nobody'], fakeIo())).toBe(1);
    expect(await recordsCommand.run(['audit', path, 'Patient/p1', '--limit', 'x'], fakeIo())).toBe(2);
  });

  it('verifies, exports, and exits 1 naming the first broken entry after tampering', async () => {
    const io = fakeIo();
    expect(await recordsCommand.run(['verify', path], io)).toBe(0);
    const exported = fakeIo();
    expect(await recordsCommand.run(['export', path, '--out', 'chain.ndjson'], exported)).toBe(0);
    expect(exported.files.get('chain.ndjson')?.trim().split('\n')).toHaveLength(4);
    const tampered = join(folder, 'tampered.db');
    const db = new Database(path);
    db.exec(`VACUUM INTO '${tampered}'`);
    db.close();
    const edit = new Database(tampered);
    edit.prepare("UPDATE entries SET data = replace(data, 'female', 'femalf') WHERE sequence = 3").run();
    edit.close();
    const broken = fakeIo();
    expect(await recordsCommand.run(['verify', tampered, '--format', 'json'], broken)).toBe(1);
    expect(JSON.parse(broken.stdout())).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: 3 }] });
  });

  it('answers bad usage with exit 2', async () => {
    expect(await recordsCommand.run(['history', path], fakeIo())).toBe(2);
    expect(await recordsCommand.run(['history', path, 'p1'], fakeIo())).toBe(2);
    expect(await recordsCommand.run(['verify', join(folder, 'missing.db')], fakeIo())).toBe(2);
    const notSqlite = join(folder, 'notes.txt');
    writeFileSync(notSqlite, 'not a database at all, just some text that is long enough to look like a header');
    for (const command of ['history', 'diff', 'verify', 'export']) {
      const io = fakeIo();
      const args = command === 'history' ? [notSqlite, 'Patient/p1'] : command === 'diff' ? [notSqlite, 'Patient/p1', '1', '2'] : [notSqlite];
      expect(await recordsCommand.run([command, ...args], io)).toBe(2);
      expect(io.stderr().length).toBeGreaterThan(0);
    }
    for (const [from, to] of [['0', '1'], ['', '2'], ['1.5', '2'], ['x', '2'], ['1', '1e3'], ['1', '99999999999999999999']]) {
      expect(await recordsCommand.run(['diff', path, 'Patient/p1', from ?? '', to ?? ''], fakeIo())).toBe(2);
    }
    expect(await recordsCommand.run(['history', path, 'Patient/p1', '--limit', '0'], fakeIo())).toBe(2);
  });

  it('answers an unknown record or version with exit 1', async () => {
    expect(await recordsCommand.run(['history', path, 'Patient/nobody'], fakeIo())).toBe(1);
    expect(await recordsCommand.run(['diff', path, 'Patient/nobody', '1', '2'], fakeIo())).toBe(1);
    expect(await recordsCommand.run(['diff', path, 'Patient/p1', '2', '3'], fakeIo())).toBe(1);
  });
});
