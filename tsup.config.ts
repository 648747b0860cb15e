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

export default defineConfig([
  {
    entry: libraryEntries,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'node20',
    outDir: 'dist',
    external: ['better-sqlite3', 'pg'],
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
