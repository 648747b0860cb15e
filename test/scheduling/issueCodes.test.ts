import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEDULING_ISSUE_CODES } from '../../src/scheduling/issueCodes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'optimize' || name === 'simulate' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('issue codes', () => {
  it('every code the module emits is listed, and every listed code is documented in docs/scheduling.md', () => {
    const listed = new Set(Object.keys(SCHEDULING_ISSUE_CODES));
    const emitted = new Set<string>();
    for (const file of sources(join(root, 'src', 'scheduling'))) {
      if (file.endsWith('issueCodes.ts')) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/'((?:schedule|slots|booking|waitlist|reminders|daysheet|fhir)\.[a-z_]+)'/g)) emitted.add(match[1] as string);
    }
    expect([...emitted].filter((code) => !listed.has(code))).toEqual([]);
    const docs = readFileSync(join(root, 'docs', 'scheduling.md'), 'utf8');
    expect([...listed].filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });
});
