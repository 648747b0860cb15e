import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/cli/outputFile.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-output-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const input = join(folder, 'input.db');
writeFileSync(input, 'the input');

describe('writeOutputFile', () => {
  it('writes a new file', async () => {
    const out = join(folder, 'new.txt');
    expect(await writeOutputFile(out, 'hello\n', { force: false, inputs: [input] })).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toBe('hello\n');
  });

  it('keeps an existing file unless forced, and then replaces it leaving nothing else behind', async () => {
    const out = join(folder, 'existing.txt');
    writeFileSync(out, 'old');
    expect((await writeOutputFile(out, 'new', { force: false, inputs: [input] }))?.code).toBe('output.exists');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(await writeOutputFile(out, 'new', { force: true, inputs: [input] })).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(folder).filter((name) => name.startsWith('.medoffice-out-'))).toEqual([]);
  });

  it('never writes onto an input, whatever name reaches it, and whether or not it exists yet', async () => {
    symlinkSync(input, join(folder, 'symlink.db'));
    linkSync(input, join(folder, 'hardlink.db'));
    mkdirSync(join(folder, 'sub'));
    const sideFile = `${input}-wal`;
    const names = [input, relative(process.cwd(), input), join(folder, 'sub', '..', 'input.db'), join(folder, 'symlink.db'), join(folder, 'hardlink.db'), join(folder, 'sub', '..', 'input.db-wal')];
    for (const name of names) {
      for (const force of [false, true]) {
        expect((await writeOutputFile(name, 'oops', { force, inputs: [input, sideFile] }))?.code).toBe('output.is_input');
      }
    }
    expect(readFileSync(input, 'utf8')).toBe('the input');
    expect(readdirSync(folder)).not.toContain('input.db-wal');
  });

  it('answers a file it cannot write with output.unwritable and the reason in words', async () => {
    for (const [out, reason] of [[folder, 'it is a folder'], [join(folder, 'missing', 'x.txt'), 'its folder does not exist'], [join(input, 'x.txt'), 'a part of the path is not a folder']] as const) {
      for (const force of [false, true]) {
        const issue = await writeOutputFile(out, 'text', { force, inputs: [] });
        expect(issue?.code).toBe('output.unwritable');
        expect(issue?.message).toBe(`cannot write '${out}': ${reason}`);
      }
    }
    expect((await writeOutputFile('', 'text', { force: false, inputs: [] }))?.code).toBe('output.unwritable');
  });
});
