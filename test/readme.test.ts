import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs every TypeScript example in the README, importing the package from its sources, so the
// examples stay true.

const root = resolve(__dirname, '..');
const work = join(root, '.tmp', 'readme-examples');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/^### (.+)\n\n```ts\n([\s\S]*?)^```$/gm)].map((m) => ({ title: m[1] ?? '', code: m[2] ?? '' }));

/** What each example must print, by the start of its title. */
const expectations: Record<string, readonly RegExp[]> = {
  'Scheduling: free slots': [/clinic time; .* for the patient/, /booking\.provider_conflict/],
  'Scheduling: exact session costs': [/^\d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)?$/m, /^(\d+ ?){40}$/m],
  'Claims: scrub': [/^false$/m, /icd10\.not_billable diagnoses\.0/, /icd10\.seventh_character diagnoses\.1/, /Type 2 diabetes mellitus without complications true/],
  'Records: versions': [/records\.version_conflict/, /^true$/m],
  'Inventory: this week': [/medline \[ '(\d+) × 100 = \1\d\d glove' \]/],
};

function toSources(code: string): string {
  return code.replace(/from 'medoffice(\/[a-z]+)?'/g, (_, sub: string | undefined) => `from '${join(root, 'src', sub ?? '', 'index.ts')}'`);
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README examples', () => {
  it('has an example for every module', () => {
    expect(examples.map((e) => e.title.split(':')[0])).toEqual(['Scheduling', 'Scheduling', 'Claims', 'Records', 'Inventory']);
  });

  for (const [index, example] of examples.entries()) {
    it(`runs: ${example.title}`, () => {
      mkdirSync(work, { recursive: true });
      const file = join(work, `example-${index}.ts`);
      writeFileSync(file, toSources(example.code));
      const out = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      const wanted = Object.entries(expectations).find(([start]) => example.title.startsWith(start))?.[1];
      expect(wanted).toBeDefined();
      for (const pattern of wanted ?? []) expect(out).toMatch(pattern);
    }, 90_000);
  }
});
