import { defineConfig } from 'tsup';

/** Library entry points: one per public subpath. */
const libraryEntries = {
  index: 'src/index.ts',
  'scheduling/index': 'src/scheduling/index.ts',
  'claims/index': 'src/claims/index.ts',
  'records/index': 'src/records/index.ts',
  'inventory/index': 'src/inventory/index.ts',
  'records/sqlite': 'src/records/adapters/sqlite.ts',
  'records/postgres': 'src/records/adapters/postgres.ts',
  'scheduling/sweepWorker': 'src/scheduling/simulate/sweepWorker.ts',
};

/** The command line, built in ESM beside the library so it shares the library's chunks. */
const cliEntry = { 'cli/main': 'src/cli/main.ts' };

export default defineConfig([
  {
    entry: libraryEntries,
    format: ['cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    treeshake: true,
    target: 'node20',
    outDir: 'dist',
    external: ['better-sqlite3', 'pg'],
  },
  {
    entry: { ...libraryEntries, ...cliEntry },
    format: ['esm'],
    dts: { entry: libraryEntries },
    sourcemap: false,
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    outDir: 'dist',
    external: ['better-sqlite3', 'pg'],
  },
]);
