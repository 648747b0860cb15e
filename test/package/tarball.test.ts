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

  it('installs a working medoffice binary', () => {
    const version = run(join(project, 'node_modules', '.bin', 'medoffice'), ['--version'], project).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
