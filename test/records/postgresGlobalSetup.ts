import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server the records tests use ('' when none could be started). */
    medofficePgUrl: string;
  }
}

const script = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/records/postgres.sh');

/** Uses MEDOFFICE_PG_URL when set, otherwise starts a throwaway PostgreSQL and stops it afterwards. */
export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env['MEDOFFICE_PG_URL'];
  if (given !== undefined && given !== '') {
    project.provide('medofficePgUrl', given);
    return undefined;
  }
  let output = '';
  try {
    output = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    project.provide('medofficePgUrl', '');
    return undefined;
  }
  const url = /MEDOFFICE_PG_URL=(\S+)/.exec(output)?.[1] ?? '';
  const dir = /MEDOFFICE_PG_DIR=(\S+)/.exec(output)?.[1] ?? '';
  project.provide('medofficePgUrl', url);
  return () => {
    execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
  };
}
