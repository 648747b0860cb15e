import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsCommand } from '../../src/cli/records.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import type { AccessContext } from '../../src/records/context.js';
import { sha256Hex } from '../../src/records/hashing.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import type { VersionMeta } from '../../src/records/versionMeta.js';
import { fakeIo } from '../cli/fakeIo.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-cli-amendments-'));
const path = join(folder, 'records.db');
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const individual: AccessContext = { actor: 'ana-rivera', role: 'patient', purposeOfUse: 'PATRQT' };

/** What the store API's history answers for p1, read before the CLI runs. */
let apiHistory: readonly VersionMeta[] = [];

beforeAll(async () => {
  const adapter = await sqliteAdapter({ path });
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), doctor);
  await store.update('p1', patient('Rivera', { gender: 'female' }), 1, doctor);
  // Version 1's amendment is denied and disputed; version 2's waits for a decision.
  const first = await store.requestAmendment('p1', { version: 1, description: 'my name is spelt Riviera' }, individual);
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  expect((await store.decideAmendment('p1', first.value.id, { outcome: 'denied', reason: 'matches the ID card on file' }, doctor)).ok).toBe(true);
  expect((await store.fileAmendmentStatement('p1', first.value.id, 'disagreement', 'The card is wrong too.', individual)).ok).toBe(true);
  expect((await store.requestAmendment('p1', { version: 2, description: 'I did not give my gender' }, individual)).ok).toBe(true);
  const history = await store.history('p1', {}, doctor);
  if (!history.ok) throw new Error(JSON.stringify(history.issues));
  apiHistory = history.value.versions;
  await adapter.close();
});

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo();
  const code = await recordsCommand.run(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('medoffice records history links amendment requests as the store API does (HIPAA 164.526(c)(1), (d)(5))', () => {
  it('gives the same JSON as the store API history, amendments included', async () => {
    expect(apiHistory.map((meta) => meta.amendments)).toEqual([
      [{ id: 'p1-amendment-2', status: 'requested' }],
      [{ id: 'p1-amendment-1', status: 'denied', disagreement: true }],
    ]);
    const json = await run(['history', path, 'Patient/p1', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(apiHistory);
  });

  it('names each request, its status and a filed disagreement in text, on the version it concerns', async () => {
    const text = await run(['history', path, 'Patient/p1']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.find((line) => line.startsWith('v2 '))).toContain('  amendment p1-amendment-2 requested  "visit"');
    expect(lines.find((line) => line.startsWith('v1 '))).toMatch(/amendment p1-amendment-1 denied, disagreement filed/);
  });

  it('exits 1 naming an amendment entry whose content is not one, rather than linking from it', async () => {
    const copy = join(folder, 'wrong-shape.db');
    const db = new Database(path);
    db.exec(`VACUUM INTO '${copy}'`);
    db.close();
    const edit = new Database(copy);
    edit.function('sha256', (text: string) => sha256Hex(text));
    edit.exec("UPDATE entries SET data = replace(data, '\"event\":\"denied\"', '\"event\":\"approved\"'), content_hash = sha256(replace(data, '\"event\":\"denied\"', '\"event\":\"approved\"')) WHERE kind = 'amendment'");
    edit.close();
    const shaped = await run(['history', copy, 'Patient/p1']);
    expect(shaped.code).toBe(1);
    expect(shaped.stderr).toMatch(/cannot be read: its content is not an amendment entry/);
    expect(shaped.stdout).toBe('');
  });
});
