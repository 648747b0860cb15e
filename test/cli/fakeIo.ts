import type { CliIo } from '../../src/cli/command.js';

/** A CliIo over in-memory files, capturing what a command prints. */
export interface FakeIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly files: Map<string, string>;
}

/**
 * Builds an in-memory CliIo. Reading a missing file rejects as the real one does.
 *
 * @example
 * ```ts
 * const io = fakeIo({ 'claims.json': '[]' });
 * ```
 */
export function fakeIo(files: Record<string, string> = {}, today = '2026-11-02'): FakeIo {
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
    writeText: async (path, text) => {
      store.set(path, text);
    },
    readStream: async function* (path) {
      yield await read(path);
    },
    today: () => today,
    now: () => `${today}T09:00:00Z`,
    stdout: () => out,
    stderr: () => err,
    files: store,
  };
}
