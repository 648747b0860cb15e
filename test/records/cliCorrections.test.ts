import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsCommand } from '../../src/cli/records.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { sha256Hex } from '../../src/records/hashing.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import type { VersionMeta } from '../../src/records/versionMeta.js';
import { fakeIo } from '../cli/fakeIo.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-cli-corrections-'));
const path = join(folder, 'records.db');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the store API's history answers for p1, read before the CLI runs. */
let apiHistory: readonly VersionMeta[] = [];

beforeAll(async () => {
  const adapter = await sqliteAdapter({ path });
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), clerk);
  await store.update('p1', patient('Rivera', { birthDate: '1980-04-03' }), 1, clerk);
  await store.update('p1', patient('Rivera', { birthDate: '1980-04-03', gender: 'female' }), 2, clerk);
  // Version 2 was entered in error (wrong birth date): version 4 corrects it; a second correction of it is not the one shown.
  expect((await store.correct('p1', { errorVersion: 2, expectedVersion: 3, document: patient('Rivera', { gender: 'female' }), reason: 'wrong birth date' }, clerk)).ok).toBe(true);
  expect((await store.correct('p1', { errorVersion: 2, expectedVersion: 4, document: patient('Rivera', { gender: 'female', active: true }), reason: 'again' }, clerk)).ok).toBe(true);
  const history = await store.history('p1', {}, clerk);
  if (!history.ok) throw new Error(JSON.stringify(history.issues));
  apiHistory = history.value.versions;
  await adapter.close();
});

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo();
  const code = await recordsCommand.run(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** A copy of the test database with one SQL statement applied to it (`sha256(text)` available). */
function tamperedCopy(name: string, statement: string): string {
  const copy = join(folder, name);
  const db = new Database(path);
  db.exec(`VACUUM INTO '${copy}'`);
  db.close();
  const edit = new Database(copy);
  edit.function('sha256', (text: string) => sha256Hex(text));
  edit.exec(statement);
  edit.close();
  return copy;
}

describe('medoffice records history marks corrected versions as the store API does', () => {
  it('gives the same JSON as the store API history, correctedBy included', async () => {
    expect(apiHistory.find((meta) => meta.version === 2)).toMatchObject({ correctedBy: 4 });
    const json = await run(['history', path, 'Patient/p1', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(apiHistory);
  });

  it('shows the mark in text on the version entered in error only', async () => {
    const text = await run(['history', path, 'Patient/p1']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Patient/p1: 5 version(s), newest first');
    expect(lines.find((line) => line.startsWith('v2 '))).toMatch(/ update +active +ma-jones {2}entered in error, corrected by v4$/);
    expect(lines.filter((line) => line.includes('corrected by'))).toHaveLength(1);
  });

  it('marks a version in a limited history too', async () => {
    const limited = await run(['history', path, 'Patient/p1', '--limit', '4', '--format', 'json']);
    expect(JSON.parse(limited.stdout)).toEqual(apiHistory.slice(0, 4));
  });

  it('exits 1 naming a correction entry whose content was altered, rather than marking from it', async () => {
    const unhashed = tamperedCopy('unhashed.db', "UPDATE entries SET data = replace(data, '\"errorVersion\":2', '\"errorVersion\":3') WHERE kind = 'correction'");
    const altered = await run(['history', unhashed, 'Patient/p1']);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toMatch(/^medoffice records history: entry \d+ of Patient\/p1 cannot be read: its content does not match its hash/);
    const wrongShape = tamperedCopy('wrong-shape.db', "UPDATE entries SET data = replace(data, '\"errorVersion\":2', '\"errorVersion\":\"2\"'), content_hash = sha256(replace(data, '\"errorVersion\":2', '\"errorVersion\":\"2\"')) WHERE kind = 'correction'");
    const shaped = await run(['history', wrongShape, 'Patient/p1', '--format', 'json']);
    expect(shaped.code).toBe(1);
    expect(shaped.stderr).toMatch(/cannot be read: its content is not a correction entry/);
    expect(shaped.stdout).toBe('');
  });
});
