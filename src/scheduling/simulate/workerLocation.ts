import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Where the sweep worker's code is and how to start it. */
export interface WorkerLocation {
  /** Absolute path of the worker file. */
  readonly file: string;
  /** URL of the TypeScript loader's registration module, when running from the sources. */
  readonly loader?: string;
}

function thisFile(): string {
  // CommonJS builds define __filename; ES module builds and the sources have import.meta.url.
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

/**
 * Finds the sweep worker next to the running code: `sweepWorker.ts` beside the sources (started
 * after registering the tsx loader in the worker), or the built `scheduling/sweepWorker.js` / `.cjs` wherever the bundler put
 * the calling code (its own entry file or a shared chunk at the root of `dist`).
 *
 * @returns the location, or undefined when no worker file is found
 * @example
 * ```ts
 * const location = locateSweepWorker();
 * ```
 */
export function locateSweepWorker(): WorkerLocation | undefined {
  const here = thisFile();
  const dir = dirname(here);
  if (here.endsWith('.ts')) {
    const source = join(dir, 'sweepWorker.ts');
    const tsx = dirname(createRequire(here).resolve('tsx/package.json'));
    const loader = pathToFileURL(join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href;
    return existsSync(source) ? { file: source, loader } : undefined;
  }
  const extension = here.endsWith('.cjs') ? '.cjs' : '.js';
  const candidates = [
    join(dir, `sweepWorker${extension}`),
    join(dir, 'scheduling', `sweepWorker${extension}`),
    join(dir, '..', 'scheduling', `sweepWorker${extension}`),
  ];
  const file = candidates.find((candidate) => existsSync(candidate));
  return file === undefined ? undefined : { file };
}

/**
 * Starts a worker thread at a location found by {@link locateSweepWorker}.
 *
 * @example
 * ```ts
 * const location = locateSweepWorker();
 * if (location !== undefined) startWorker(location);
 * ```
 */
export function startWorker(location: WorkerLocation): Worker {
  if (location.loader === undefined) return new Worker(location.file);
  const target = JSON.stringify(pathToFileURL(location.file).href);
  const code = `import(${JSON.stringify(location.loader)}).then((m) => { m.register(); return import(${target}); })`;
  return new Worker(code, { eval: true });
}
