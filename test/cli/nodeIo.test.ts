import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/cli/nodeIo.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-node-io-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('nodeIo', () => {
  it("gives today's date in the zone asked for: 25 hours apart, Kiritimati and Pago Pago never share a date", () => {
    const io = nodeIo();
    const east = io.today('Pacific/Kiritimati');
    const west = io.today('Pacific/Pago_Pago');
    expect(east).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(east > west).toBe(true);
    expect(io.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the current instant to the second with the offset of the zone asked for', () => {
    const io = nodeIo();
    const before = Math.floor(Date.now() / 1000) * 1000;
    const kiritimati = io.now('Pacific/Kiritimati');
    expect(kiritimati).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+14:00$/);
    expect(io.now('America/New_York')).toMatch(/-0[45]:00$/);
    expect(Date.parse(kiritimati)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(kiritimati)).toBeLessThanOrEqual(Date.now());
    expect(io.now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/);
  });

  it('writes a new file, and refuses one already there unless asked to replace it', async () => {
    const io = nodeIo();
    const path = join(folder, 'new.txt');
    await io.writeText(path, 'first\n');
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    await expect(io.writeText(path, 'second\n')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('first\n');
  });

  it('replaces a file with a new one written in full beside it and renamed over it, keeping its permissions and leaving nothing else', async () => {
    const io = nodeIo();
    const path = join(folder, 'clinic.json');
    writeFileSync(path, '{"old":true}');
    chmodSync(path, 0o640);
    const before = statSync(path);
    await io.writeText(path, '{"new":true}\n', { replace: true });
    const after = statSync(path);
    expect(readFileSync(path, 'utf8')).toBe('{"new":true}\n');
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
    expect(readdirSync(folder).filter((name) => name.startsWith('.medoffice-out-'))).toEqual([]);
  });

  it('writes into a file with other hard links in place, so every name still shows the one file', async () => {
    const io = nodeIo();
    const path = join(folder, 'linked.json');
    const other = join(folder, 'linked-too.json');
    writeFileSync(path, 'old');
    linkSync(path, other);
    await io.writeText(path, 'new', { replace: true });
    expect([readFileSync(path, 'utf8'), readFileSync(other, 'utf8')]).toEqual(['new', 'new']);
    expect(statSync(path).nlink).toBe(2);
  });

  it.runIf(process.platform === 'linux')('writes into a pipe rather than replacing it with a file', async () => {
    const io = nodeIo();
    const pipe = join(folder, 'pipe');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const reading = readFile(pipe, 'utf8');
    await io.writeText(pipe, 'through the pipe', { replace: true });
    expect(await reading).toBe('through the pipe');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it.runIf(process.getuid?.() === 0)("keeps a replaced file's owner and group", async () => {
    const io = nodeIo();
    const path = join(folder, 'owned.json');
    writeFileSync(path, 'old');
    chownSync(path, 65534, 65534);
    await io.writeText(path, 'new', { replace: true });
    expect([statSync(path).uid, statSync(path).gid, readFileSync(path, 'utf8')]).toEqual([65534, 65534, 'new']);
  });

  it('replaces the file a symbolic link names, leaving the link a link', async () => {
    const io = nodeIo();
    const real = join(folder, 'real.json');
    const link = join(folder, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await io.writeText(link, 'new', { replace: true });
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('new');
  });

  it('follows a link to a file not made yet (through a chain of links, a relative one too): the file is made where it points and the link stays', async () => {
    const io = nodeIo();
    const real = join(folder, 'later.json');
    const first = join(folder, 'dangling.json');
    const second = join(folder, 'dangling-too.json');
    symlinkSync('later.json', second);
    symlinkSync(second, first);
    await io.writeText(first, 'made', { replace: true });
    expect(readFileSync(real, 'utf8')).toBe('made');
    expect([lstatSync(first).isSymbolicLink(), lstatSync(second).isSymbolicLink()]).toEqual([true, true]);
    // A link into a folder that is not there is refused, and the link is left as it was.
    const lost = join(folder, 'lost.json');
    symlinkSync(join(folder, 'no-such-folder', 'x.json'), lost);
    await expect(io.writeText(lost, 'x', { replace: true })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(lstatSync(lost).isSymbolicLink()).toBe(true);
  });

  it.runIf(process.platform === 'linux')('leaves the old file whole when replacing it fails part-way (a file-size limit)', () => {
    const path = join(folder, 'limited.json');
    const old = `${JSON.stringify({ appointments: ['x'.repeat(100)] })}\n`;
    writeFileSync(path, old);
    const script = `import { nodeIo } from ${JSON.stringify(fileURLToPath(new URL('../../src/cli/nodeIo.ts', import.meta.url)))};
void nodeIo().writeText(${JSON.stringify(path)}, 'y'.repeat(4096), { replace: true }).then(() => console.log('written'), (e) => console.log(e.code));`;
    // ulimit -f counts 1024-byte blocks: the 4096-byte write stops after the first.
    const run = spawnSync('bash', ['-c', `ulimit -f 1 && exec "${fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))}" --eval "$0"`, script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('EFBIG');
    expect(readFileSync(path, 'utf8')).toBe(old);
    expect(readdirSync(folder).filter((name) => name.startsWith('.medoffice-out-'))).toEqual([]);
  });
});
