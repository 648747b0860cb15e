import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsCommand } from '../../src/cli/records.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import type { AccessContext } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { patient, steppingClock } from '../records/fixtures.js';
import { fakeIo } from './fakeIo.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-cli-records-text-'));
const path = join(folder, 'records.db');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Free text the context schema accepts, written through the ordinary API.
const forgedReason = 'typo\nv1     2026-11-02T12:30:00.000Z  create    active   dr-lee  "intake';
const forgedActor = 'dr-lee\n#99      2026-11-02T12:30:09.000Z  read               success dr-lee';
const escapes = 'mallory\u001b[2J\u001b]0;owned\u0007';
const separators = 'scribe\u2028line\u2029para\u0085next\u009b31m\u007f\u202eevil';

beforeAll(async () => {
  const adapter = await sqliteAdapter({ path });
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  const intake: AccessContext = { actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT', reason: 'intake' };
  await store.create('a', patient('A'), intake);
  await store.update('a', patient('B'), 1, { actor: escapes, role: 'physician', purposeOfUse: 'TREAT', reason: forgedReason, onBehalfOf: separators });
  await store.read('a', { actor: forgedActor, role: 'physician\r\nx', purposeOfUse: 'TREAT', onBehalfOf: separators });
  await store.update('a', patient(`B${separators}`), 2, intake);
  await adapter.close();
});

async function run(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  const io = fakeIo();
  const code = await recordsCommand.run(args, io);
  return { code, stdout: io.stdout() };
}

// What must never reach a terminal from stored text: C0 controls but the line feeds the command writes
// itself, DEL, C1 controls, the Unicode line and paragraph separators and the bidirectional overrides.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('medoffice records text output escapes stored free text', () => {
  it('prints one line per version in history, with a reason holding a line break or a quote shown JSON-quoted', async () => {
    const { code, stdout } = await run(['history', path, 'Patient/a']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(UNSAFE);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const [, , v2, v1] = lines;
    expect(v2).toContain(`  ${JSON.stringify(forgedReason)}`);
    expect(v2).toContain('"mallory\\u001b[2J\\u001b]0;owned\\u0007"');
    expect(v2).toContain('for "scribe\\u2028line\\u2029para\\u0085next\\u009b31m\\u007f\\u202eevil"');
    expect(v1).toMatch(/^v1 .* dr-lee {2}"intake"$/);
  });

  it('prints one line per audit event, whatever the actor, role or on-behalf-of hold', async () => {
    const { code, stdout } = await run(['audit', path, 'Patient/a']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(UNSAFE);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const [, , read, , create] = lines;
    expect(read).toContain(`success ${JSON.stringify(forgedActor)} ("physician\\r\\nx", TREAT)`);
    expect(create).toMatch(/create +success dr-lee \(physician, TREAT\) {2}v1$/);
  });

  it('escapes the same characters in the operations a text diff prints', async () => {
    const { code, stdout } = await run(['diff', path, 'Patient/a', '2', '3']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(UNSAFE);
    expect(stdout).toContain('"value":"Bscribe\\u2028line\\u2029para\\u0085next\\u009b31m\\u007f\\u202eevil"');
  });

  it('leaves JSON output as it is', async () => {
    const history = JSON.parse((await run(['history', path, 'Patient/a', '--format', 'json'])).stdout) as { reason?: string; author: string; onBehalfOf?: string }[];
    expect(history[1]).toMatchObject({ reason: forgedReason, author: escapes, onBehalfOf: separators });
    const audit = JSON.parse((await run(['audit', path, 'Patient/a', '--format', 'json'])).stdout) as { actor: string }[];
    expect(audit[1]?.actor).toBe(forgedActor);
  });
});
