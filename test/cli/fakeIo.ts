import type { CliIo } from '../../src/cli/command.js';

/** A CliIo over in-memory files, capturing what a command prints. */
export interface FakeIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly files: Map<string, string>;
}

/**
 * Builds an in-memory CliIo whose clock reads `now`. Reading a missing file rejects as the real one
 * does, and so does writing over a file without `replace` (code `EEXIST`).
 *
 * @example
 * ```ts
 * const io = fakeIo({ 'claims.json': '[]' });
 * const later = fakeIo({}, '2026-12-07', '2026-12-07T09:30:00-05:00');
 * ```
 */
export function fakeIo(files: Record<string, string> = {}, today = '2026-11-02', now = `${today}T09:00:00Z`): FakeIo {
  const store = new Map(Object.entries(files));
  let out = '';
  let err = '';
  const read = async (path: string): Promise<string> => {
    const text = store.get(path);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readText: read,
    writeText: async (path, text, options) => {
      if (store.has(path) && options?.replace !== true) throw Object.assign(new Error(`EEXIST: file already exists, open '${path}'`), { code: 'EEXIST' });
      store.set(path, text);
    },
    readStream: async function* (path) {
      yield await read(path);
    },
    today: () => today,
    now: () => now,
    stdout: () => out,
    stderr: () => err,
    files: store,
  };
}
