import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsCommand } from '../../src/cli/records.js';
import { entryHeaderText } from '../../src/records/chainEntry.js';
import { sha256Hex } from '../../src/records/hashing.js';
import type { EntryRow } from '../../src/records/adapter.js';
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

/** A copy of the test database with one SQL statement applied to it. */
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

interface SqlEntry {
  sequence: number;
  kind: EntryRow['kind'];
  record_id: string | null;
  version: number | null;
  at: string;
  content_hash: string;
  data: string | null;
  hash: string;
}

/** A copy of the test database whose entry `sequence` holds `data`, with every hash after it made to match again. */
function rehashedCopy(name: string, sequence: number, data: string): string {
  const copy = tamperedCopy(name, 'SELECT 1');
  const db = new Database(copy);
  const rows = db.prepare('SELECT * FROM entries WHERE sequence >= ? ORDER BY sequence').all(sequence - 1) as SqlEntry[];
  let prevHash = rows[0]?.hash ?? '';
  for (const row of rows.slice(1)) {
    const content = row.sequence === sequence ? data : row.data;
    const fields = { sequence: row.sequence, kind: row.kind, recordId: row.record_id, version: row.version, at: row.at, contentHash: content === null ? row.content_hash : sha256Hex(content), prevHash };
    const hash = sha256Hex(entryHeaderText(fields));
    db.prepare('UPDATE entries SET data = ?, content_hash = ?, prev_hash = ?, hash = ? WHERE sequence = ?').run(content, fields.contentHash, prevHash, hash, row.sequence);
    prevHash = hash;
  }
  db.close();
  return copy;
}

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo();
  const code = await recordsCommand.run(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

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
    const chain = join(folder, 'chain.ndjson');
    expect(await recordsCommand.run(['export', path, '--out', chain], fakeIo())).toBe(0);
    expect(readFileSync(chain, 'utf8').trim().split('\n')).toHaveLength(4);
    const tampered = tamperedCopy('tampered.db', "UPDATE entries SET data = replace(data, 'female', 'femalf') WHERE sequence = 3");
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

describe('medoffice records export --out', () => {
  it('refuses to write over the database it reads, by any name, even with --force', async () => {
    const before = readFileSync(path);
    symlinkSync(path, join(folder, 'alias.db'));
    linkSync(path, join(folder, 'hardlink.db'));
    for (const out of [path, join(folder, '.', 'records.db'), join(folder, 'alias.db'), join(folder, 'hardlink.db'), `${path}-wal`, `${path}-shm`]) {
      for (const force of [[], ['--force']]) {
        const result = await run(['export', path, '--out', out, ...force]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`medoffice records export: refusing to write '${out}'`);
      }
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await recordsCommand.run(['verify', path], fakeIo())).toBe(0);
  });

  it('never replaces an existing file unless --force is given', async () => {
    const out = join(folder, 'kept.ndjson');
    writeFileSync(out, 'an earlier export\n');
    const refused = await run(['export', path, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`medoffice records export: cannot write '${out}': it already exists; pass --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('an earlier export\n');
    expect((await run(['export', path, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(4);
    expect((await run(['export', path, '--help'])).stdout).toMatch(/\[--force\][\s\S]*--force +replace FILE/);
    expect((await run(['export', path, '--force'])).code).toBe(2);
  });

  it("refuses '-' as a file name, leaving no file called '-' behind", async () => {
    const result = await run(['export', path, '--out', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("medoffice records export: --out needs a file name, not '-' (without --out the export goes to standard output)\n");
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });

  it('says which file could not be written and why, in words rather than errno text', async () => {
    const missing = join(folder, 'no-such-folder', 'chain.ndjson');
    const cases: [string, string][] = [
      [folder, `cannot write '${folder}': it is a folder`],
      [missing, `cannot write '${missing}': its folder does not exist`],
      ['', 'cannot write to an empty file name'],
    ];
    for (const [out, message] of cases) {
      const result = await run(['export', path, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`medoffice records export: ${message}\n`);
    }
  });

  it('writes one JSON array with --format json', async () => {
    const result = await run(['export', path, '--format', 'json']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as { sequence: number }[];
    expect(entries.map((entry) => entry.sequence)).toEqual([1, 2, 3, 4]);
  });
});

describe('medoffice records: databases that cannot be opened', () => {
  it('says a folder or a file that is not a records database is not one', async () => {
    const empty = join(folder, 'empty.db');
    writeFileSync(empty, '');
    const directory = join(folder, 'folder.db');
    mkdirSync(directory);
    for (const target of [empty, directory]) {
      const result = await run(['verify', target]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`medoffice records verify: '${target}' is not a medoffice records database\n`);
    }
  });

  it('explains that SQLite must create side files beside a database in a folder it cannot write to', async () => {
    const locked = join(folder, 'locked');
    mkdirSync(locked);
    const copy = join(locked, 'records.db');
    copyFileSync(path, copy);
    chmodSync(locked, 0o555);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) spawnSync('chattr', ['+i', locked]);
    try {
      let writable = true;
      try {
        writeFileSync(join(locked, 'probe'), '');
        rmSync(join(locked, 'probe'));
      } catch {
        writable = false;
      }
      // Root writes through mode bits, so the folder is made immutable too; the test needs it to hold.
      expect(writable, `could not make ${locked} unwritable (as root it needs chattr +i on this filesystem)`).toBe(false);
      const result = await run(['history', copy, 'Patient/p1']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`medoffice records history: cannot open '${copy}' read-only: SQLite needs to create '${copy}-shm' beside it; copy the file to a writable folder\n`);
    } finally {
      if (asRoot) spawnSync('chattr', ['-i', locked]);
      chmodSync(locked, 0o755);
    }
  });
});

describe('medoffice records: entries tampered into a wrong shape', () => {
  it('names the entry in one line and exits 1 when the content is not JSON', async () => {
    const bad = tamperedCopy('not-json.db', "UPDATE entries SET data = 'not json' WHERE sequence IN (3, 4)");
    for (const [args, entry] of [[['history', bad, 'Patient/p1'], 3], [['audit', bad, 'Patient/p1'], 4], [['diff', bad, 'Patient/p1', '1', '2'], 3]] as const) {
      const result = await run(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`medoffice records ${args[0]}: entry ${entry} of Patient/p1 cannot be read: its content does not match its hash (run 'medoffice records verify')\n`);
    }
  });

  it('refuses content of the wrong shape even when its hash was made to match', async () => {
    const bad = tamperedCopy('wrong-shape.db', `UPDATE entries SET data = '{"x":1}', content_hash = sha256('{"x":1}') WHERE sequence IN (3, 4)`);
    for (const [args, entry, kind] of [[['history', bad, 'Patient/p1'], 3, 'version'], [['audit', bad, 'Patient/p1'], 4, 'audit'], [['diff', bad, 'Patient/p1', '1', '2'], 3, 'version']] as const) {
      const result = await run(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`medoffice records ${args[0]}: entry ${entry} of Patient/p1 cannot be read: its content is not ${kind === 'audit' ? 'an' : 'a'} ${kind} entry (run 'medoffice records verify')\n`);
    }
  });

  it('exits 1 naming the entry, rather than throwing, when a field the listing shows is not of its type (its hash made to match)', async () => {
    const cases = [
      ...['replacedBy', 'replaces', 'reason', 'onBehalfOf', 'recordId'].map((field) => ({ field, value: '7', sequence: 3, args: ['history'], kind: 'version' })),
      { field: 'onBehalfOf', value: '7', sequence: 4, args: ['audit'], kind: 'audit' },
      { field: 'issues', value: "'x'", sequence: 4, args: ['audit'], kind: 'audit' },
      { field: 'issues', value: 'json_array(1)', sequence: 4, args: ['audit'], kind: 'audit' },
      { field: 'version', value: "'2'", sequence: 4, args: ['audit'], kind: 'audit' },
    ];
    for (const { field, value, sequence, args, kind } of cases) {
      const bad = tamperedCopy(`wrong-${kind}-${field}-${sequence}-${value.length}.db`, `UPDATE entries SET data = json_set(data, '$.${field}', ${value}) WHERE sequence = ${sequence}; UPDATE entries SET content_hash = sha256(data) WHERE sequence = ${sequence}`);
      const result = await run([args[0] ?? '', bad, 'Patient/p1']);
      expect({ field, code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
        field, code: 1, stdout: '', stderr: `medoffice records ${args[0] ?? ''}: entry ${sequence} of Patient/p1 cannot be read: its content is not ${kind === 'audit' ? 'an' : 'a'} ${kind} entry (run 'medoffice records verify')\n`,
      });
    }
  });

  it('reports a chain rewritten around content that is not JSON as broken at that entry, in every subcommand', async () => {
    const bad = rehashedCopy('rehashed.db', 3, 'not json');
    const verified = await run(['verify', bad]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe('chain BROKEN at entry 3: the content is not a JSON object\n');
    expect(verified.stderr).toBe('');
    const json = await run(['verify', bad, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: 3 }] });
    for (const args of [['history', bad, 'Patient/p1'], ['diff', bad, 'Patient/p1', '1', '2']]) {
      const result = await run(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`medoffice records ${args[0]}: entry 3 of Patient/p1 cannot be read: its content is not a version entry (run 'medoffice records verify')\n`);
    }
  });

  it('does not print a made-up diff when a well-formed patch was altered', async () => {
    const bad = tamperedCopy('altered-patch.db', `UPDATE entries SET data = replace(data, '"female"', '"male"') WHERE sequence = 3; UPDATE entries SET content_hash = sha256(data) WHERE sequence = 3`);
    const result = await run(['diff', bad, 'Patient/p1', '1', '2']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`medoffice records diff: version 2 of Patient/p1 cannot be rebuilt: it does not match its stored hash (run 'medoffice records verify')\n`);
  });
});

describe('medoffice records: small messages', () => {
  it('says how many versions a limited history leaves out', async () => {
    const limited = await run(['history', path, 'Patient/p1', '--limit', '1']);
    expect(limited.stdout.split('\n')[0]).toBe('Patient/p1: newest 1 of 2 versions');
    expect((await run(['history', path, 'Patient/p1'])).stdout.split('\n')[0]).toBe('Patient/p1: 2 version(s), newest first');
    expect((await run(['audit', path, 'Patient/p1', '--limit', '1'])).stdout.split('\n')[0]).toBe('Patient/p1: newest 1 audit event(s); older ones not shown');
  });
});

describe('medoffice records piped into a reader that stops early', () => {
  it('exits quietly on EPIPE instead of crashing with a stack trace', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'records', 'export', path], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('medoffice records: reads leave no audit event, and the help says so', () => {
  it('warns in every subcommand\'s help that its reads are not audited, and history, diff and export add no audit event', async () => {
    for (const command of ['history', 'diff', 'audit', 'verify', 'export']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('leaves no audit event');
    }
    const trail = async () => JSON.parse((await run(['audit', path, 'Patient/p1', '--format', 'json'])).stdout) as unknown[];
    const before = await trail();
    expect((await run(['history', path, 'Patient/p1'])).code).toBe(0);
    expect((await run(['diff', path, 'Patient/p1', '1', '2'])).code).toBe(0);
    expect((await run(['export', path])).code).toBe(0);
    expect(await trail()).toEqual(before);
  });
});
