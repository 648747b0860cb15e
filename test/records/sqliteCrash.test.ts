import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, steppingClock } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'medoffice-crash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeUntilKilled(path: string, acksBeforeKill: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'sqliteWriter.child.ts'), path], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, number>();
    let buffered = '';
    let count = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, id, version] = line.split(' ');
        if (id !== undefined && version !== undefined) acked.set(id, Math.max(acked.get(id) ?? 0, Number(version)));
        count++;
      }
      if (count >= acksBeforeKill) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended without being killed: ${errors}`))));
  });
}

describe('SQLite durability', () => {
  it('a writer killed with SIGKILL loses no acknowledged write and the chain still verifies', async () => {
    const path = join(folder, 'crash.db');
    const acked = await writeUntilKilled(path, 2000);
    expect(acked.size).toBe(40);
    const adapter = await sqliteAdapter({ path });
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock('2030-01-01T00:00:00.000Z').clock });
    const verified = await store.verify();
    expect(verified.ok).toBe(true);
    for (const [id, version] of acked) {
      const read = await store.readVersion(id, version, clerk);
      expect(read.ok).toBe(true);
    }
    await adapter.close();
  }, 60_000);
});
