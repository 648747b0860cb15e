import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds and packs the package, installs the tarball into an empty project, and imports every
// public subpath from ESM and from CJS, so a broken exports map fails here and not for a user.

const root = resolve(__dirname, '../..');

/** For each subpath, exports that must be there (a sample of the public surface). */
const expected: Record<string, readonly string[]> = {
  medoffice: ['createRng', 'summarize', 'formatCents', 'checkZone', 'errorIssue'],
  'medoffice/scheduling': ['findSlots', 'book', 'reschedule', 'parseSchedule', 'rankWaitlist', 'planReminders', 'toFhirAppointment', 'evaluateSchedule', 'optimizeSchedule', 'simulateSessions', 'sweepScenarios'],
  'medoffice/claims': ['validateClaim', 'validateClaims', 'lookupIcd10cm', 'icd10Children', 'isValidNpi', 'read837p', 'loadNcciPtp', 'ClaimSchema'],
  'medoffice/records': ['createRecordStore', 'memoryAdapter', 'applyPatch', 'canonicalJson', 'verifyChain', 'patientSchema'],
  'medoffice/records/sqlite': ['sqliteAdapter'],
  'medoffice/records/postgres': ['postgresAdapter'],
  'medoffice/inventory': ['planInventory', 'forecastDemand', 'safetyStock', 'simulatePolicy', 'readItemsCsv'],
};

let project = '';

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'medoffice-tarball-'));
  run('npm', ['run', 'build', '--silent'], root);
  run('npm', ['pack', '--silent', '--pack-destination', project], root);
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'tarball-check', version: '1.0.0', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `./${tarball}`], project);
});

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('imports every subpath from ESM', () => {
    const script = Object.keys(expected)
      .map((name, i) => `import * as m${i} from '${name}'; out['${name}'] = Object.keys(m${i});`)
      .join('\n');
    writeFileSync(join(project, 'check.mjs'), `const out = {};\n${script}\nconsole.log(JSON.stringify(out));\n`);
    const seen = JSON.parse(run('node', ['check.mjs'], project)) as Record<string, string[]>;
    for (const [name, names] of Object.entries(expected)) expect(seen[name]).toEqual(expect.arrayContaining([...names]));
  });

  it('requires every subpath from CJS', () => {
    const script = Object.keys(expected)
      .map((name) => `out['${name}'] = Object.keys(require('${name}'));`)
      .join('\n');
    writeFileSync(join(project, 'check.cjs'), `const out = {};\n${script}\nconsole.log(JSON.stringify(out));\n`);
    const seen = JSON.parse(run('node', ['check.cjs'], project)) as Record<string, string[]>;
    for (const [name, names] of Object.entries(expected)) expect(seen[name]).toEqual(expect.arrayContaining([...names]));
  });

  it('gives ESM and CJS the same exports', () => {
    const esm = JSON.parse(run('node', ['check.mjs'], project)) as Record<string, string[]>;
    const cjs = JSON.parse(run('node', ['check.cjs'], project)) as Record<string, string[]>;
    for (const name of Object.keys(expected)) expect([...(cjs[name] ?? [])].sort()).toEqual([...(esm[name] ?? [])].sort());
  });

  it('runs simulation sweeps on worker threads from ESM and from CJS, with the same numbers as in-thread', () => {
    const scenario = `{ sessionMinutes: 120, classes: { visit: { service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 } },
      schedule: { slots: [1, 1, 1, 1, 1, 1, 1, 1], intervalMinutes: 15, class: 'visit' } }`;
    const body = (load: string) => `${load}
const grid = [0, 0.2].map(() => (${scenario}));
const inThread = await sweepScenarios(grid, { replications: 2000, seed: 7, workers: 0 });
const onWorkers = await sweepScenarios(grid, { replications: 2000, seed: 7, workers: 2 });
if (!inThread.ok || !onWorkers.ok) throw new Error(JSON.stringify(inThread.ok ? onWorkers : inThread));
console.log(JSON.stringify([inThread.value, onWorkers.value].map((r) => r.map((x) => (x.ok ? x.value.kpis.overtime.mean : null)))));`;
    writeFileSync(join(project, 'sweep.mjs'), body(`import { sweepScenarios } from 'medoffice/scheduling';`));
    writeFileSync(join(project, 'sweep.cjs'), `(async () => {${body(`const { sweepScenarios } = require('medoffice/scheduling');`)}})().catch((e) => { console.error(e); process.exit(1); });`);
    for (const file of ['sweep.mjs', 'sweep.cjs']) {
      const [inThread, onWorkers] = JSON.parse(run('node', [file], project)) as [number[], number[]];
      expect(inThread).toHaveLength(2);
      expect(onWorkers).toEqual(inThread);
    }
  });

  it('installs a working medoffice binary', () => {
    const version = run(join(project, 'node_modules', '.bin', 'medoffice'), ['--version'], project).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
