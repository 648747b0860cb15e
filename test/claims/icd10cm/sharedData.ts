import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const claimsData = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/claims');

/** Reads a file of the official claims data kept beside the repository (../shared/data/claims). */
export function readClaimsData(path: string): string {
  return readFileSync(resolve(claimsData, path), 'utf8');
}
