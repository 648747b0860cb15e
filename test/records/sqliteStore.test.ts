import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import { auditTrailContract } from './auditContract.js';
import { storeContract } from './contract.js';

const folder = mkdtempSync(join(tmpdir(), 'medoffice-records-'));
let files = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

storeContract('sqlite', () => sqliteAdapter({ path: join(folder, `store-${++files}.db`) }));
auditTrailContract('sqlite', () => sqliteAdapter({ path: join(folder, `store-${++files}.db`) }));
