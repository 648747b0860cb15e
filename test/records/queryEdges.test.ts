import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { entryHeaderText } from '../../src/records/chainEntry.js';
import { sha256Hex } from '../../src/records/hashing.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { verifyChain } from '../../src/records/verify.js';
import { clerk, patient, steppingClock } from './fixtures.js';

async function threeVersions() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), clerk);
  await store.update('p1', patient('Rivers'), 1, clerk);
  await store.update('p1', patient('Riverz'), 2, clerk);
  return { adapter, store };
}

describe('paged queries take a page size of 1 to 1000 and a cursor that is a whole number from 1 (readPageQuery docs)', () => {
  it('refuses a fractional page size under query.pageSize, for history and for the audit trail', async () => {
    const { store } = await threeVersions();
    const issue = { ok: false, issues: [{ code: 'records.invalid_input', path: ['query', 'pageSize'] }] };
    expect(await store.history('p1', { pageSize: 2.5 }, clerk)).toMatchObject(issue);
    expect(await store.auditTrail('p1', { pageSize: 2.5 }, clerk)).toMatchObject(issue);
    expect(await store.history('p1', { pageSize: 2 }, clerk)).toMatchObject({ ok: true, value: { versions: [{ version: 3 }, { version: 2 }], nextBefore: 2 } });
  });

  it('refuses a cursor of 0 under query.before (versions and chain sequences are counted from 1), and takes 1', async () => {
    const { store } = await threeVersions();
    const issue = { ok: false, issues: [{ code: 'records.invalid_input', path: ['query', 'before'] }] };
    expect(await store.history('p1', { before: 0 }, clerk)).toMatchObject(issue);
    expect(await store.auditTrail('p1', { before: 0 }, clerk)).toMatchObject(issue);
    expect(await store.history('p1', { before: 1 }, clerk)).toMatchObject({ ok: true, value: { versions: [] } });
  });
});

describe('verifyChain checks each entry\'s link to the one before, not only its own hash', () => {
  it('names an entry whose prevHash was changed and its hash recomputed over the changed fields', async () => {
    const { adapter } = await threeVersions();
    const { entries, heads } = adapter.snapshot();
    const target = entries[1] as EntryRow;
    const relinked = { ...target, prevHash: '0'.repeat(64) };
    const rehashed: EntryRow = { ...relinked, hash: sha256Hex(entryHeaderText(relinked)) };
    const tampered = entries.map((row) => (row.sequence === target.sequence ? rehashed : row));
    expect(await verifyChain(memoryAdapter({ from: { entries: tampered, heads } }))).toMatchObject({
      ok: false,
      issues: [{ code: 'records.chain_broken', sequence: target.sequence, message: 'the link to the previous entry does not match' }],
    });
  });
});

describe("verifyChain checks a live head's version and state against the record's last version entry", () => {
  async function withHead(change: Record<string, unknown>) {
    const { adapter } = await threeVersions();
    const { entries, heads } = adapter.snapshot();
    const last = entries.filter((e) => e.recordId === 'Patient/p1' && e.kind === 'version').at(-1) as EntryRow;
    const tamperedHeads = heads.map((h) => (h.recordId === 'Patient/p1' ? { ...h, ...change } : h));
    return { last, result: await verifyChain(memoryAdapter({ from: { entries, heads: tamperedHeads } })) };
  }

  it('names the last version entry when the head says deleted but that version left the record active', async () => {
    const { last, result } = await withHead({ state: 'deleted' });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: last.sequence }] });
  });

  it('names the last version entry when the head claims an earlier version number (2) than the chain holds (3), document and time unchanged', async () => {
    const { last, result } = await withHead({ version: 2 });
    expect(last.version).toBe(3);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: last.sequence }] });
  });
});

/** The entries with each one from `from` on relinked to the one before and re-hashed: a chain rewritten from there. */
function rechained(entries: readonly EntryRow[], from: number): EntryRow[] {
  const out: EntryRow[] = [];
  for (const row of entries) {
    const previous = out[out.length - 1];
    if (row.sequence < from || previous === undefined) {
      out.push(row);
      continue;
    }
    const linked = { ...row, prevHash: previous.hash };
    out.push({ ...linked, hash: sha256Hex(entryHeaderText(linked)) });
  }
  return out;
}

describe("verifyChain checks that a version's content names the time its entry was written", () => {
  it('names the last version entry when its content gives another time than the entry, though the chain was re-hashed around it', async () => {
    const { adapter } = await threeVersions();
    const { entries, heads } = adapter.snapshot();
    const last = entries.filter((e) => e.recordId === 'Patient/p1' && e.kind === 'version').at(-1) as EntryRow;
    const fact = JSON.parse(last.data ?? '{}') as Record<string, unknown>;
    expect(fact['at']).toBe(last.at);
    const data = JSON.stringify({ ...fact, at: '2000-01-01T00:00:00.000Z' });
    const altered = { ...last, data, contentHash: sha256Hex(data) };
    const rehashed: EntryRow = { ...altered, hash: sha256Hex(entryHeaderText(altered)) };
    const rewritten = rechained(entries.map((row) => (row.sequence === last.sequence ? rehashed : row)), last.sequence + 1);
    expect(await verifyChain(memoryAdapter({ from: { entries: rewritten, heads } }))).toMatchObject({
      ok: false,
      issues: [{ code: 'records.chain_broken', sequence: last.sequence, message: 'the head of Patient/p1 does not match its last version' }],
    });
  });
});
