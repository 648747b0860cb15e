import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { signCheckpoint, verifyCheckpoint } from '../../src/records/checkpoint.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { sha256Hex } from '../../src/records/hashing.js';
import { entryHeaderText } from '../../src/records/chainEntry.js';
import { verifyChainPrefix } from '../../src/records/verify.js';
import { clerk, patient, steppingClock } from './fixtures.js';

async function signedStore() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), clerk);
  await store.update('p1', patient('Rivers'), 1, clerk);
  await store.read('p1', clerk);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const checkpoint = await signCheckpoint(adapter, privateKey);
  await store.update('p1', patient('Rivero'), 2, clerk);
  return { adapter, checkpoint, publicKey };
}

describe('verifyChainPrefix', () => {
  it('gives the hash of the last entry of the prefix, and refuses a sequence that is not a whole number from 0', async () => {
    const { adapter } = await signedStore();
    const entries = adapter.snapshot().entries;
    expect(await verifyChainPrefix(adapter, 3)).toEqual({ ok: true, value: entries[2]?.hash, warnings: [] });
    expect(await verifyChainPrefix(adapter, 0)).toMatchObject({ ok: true, value: '0'.repeat(64) });
    for (const bad of [-1, 2.5, Number.NaN, 2 ** 60]) {
      expect(await verifyChainPrefix(adapter, bad)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['sequence'] }] });
    }
  });
});

describe('verifyCheckpoint', () => {
  it('accepts the signed prefix while the chain grows past it', async () => {
    const { adapter, checkpoint, publicKey } = await signedStore();
    expect(checkpoint.sequence).toBe(5);
    expect(await verifyCheckpoint(adapter, checkpoint, publicKey)).toMatchObject({ ok: true, value: checkpoint });
  });

  it('answers a checkpoint that is not an object, or has a bad sequence, with records.invalid_input', async () => {
    const { adapter, publicKey } = await signedStore();
    for (const [given, path] of [[null, ['checkpoint']], ['cp', ['checkpoint']], [{ sequence: -1, headHash: '', signature: '' }, ['checkpoint', 'sequence']]] as const) {
      expect(await verifyCheckpoint(adapter, given as never, publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path }] });
    }
  });

  it('names the first altered entry before the checkpoint, though the signed head is untouched', async () => {
    const { adapter, checkpoint, publicKey } = await signedStore();
    const { entries, heads } = adapter.snapshot();
    const altered = entries.map((row): EntryRow => (row.sequence === 3 ? { ...row, data: (row.data ?? '').replace('Rivers', 'Riverz') } : row));
    const tampered = memoryAdapter({ from: { entries: altered, heads } });
    expect(await verifyCheckpoint(tampered, checkpoint, publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: 3 }] });
  });

  it('names the first missing entry of a chain cut short, and refuses a forged or malformed checkpoint', async () => {
    const { adapter, checkpoint, publicKey } = await signedStore();
    const { entries, heads } = adapter.snapshot();
    const cut = memoryAdapter({ from: { entries: entries.slice(0, 3), heads } });
    expect(await verifyCheckpoint(cut, checkpoint, publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: 4 }] });
    expect(await verifyCheckpoint(adapter, { ...checkpoint, headHash: '0'.repeat(64) }, publicKey)).toMatchObject({ ok: false, issues: [{ path: ['checkpoint', 'signature'] }] });
    expect(await verifyCheckpoint(adapter, { ...checkpoint, sequence: Number.NaN }, publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['checkpoint', 'sequence'] }] });
  });
});

describe('verifyCheckpoint trusts only an expunge entry that the chain itself holds intact', () => {
  const privacy = { actor: 'po', role: 'privacy-officer', purposeOfUse: 'HOPERAT', reason: 'court order' } as const;
  const policy = { assistant: ['read', 'write'], 'privacy-officer': ['expunge'] } as const;

  /** A store with record p1 (two versions) and p2, a checkpoint signed after them, and the chain grown past it. */
  async function signedBeforeMore() {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy });
    await store.create('p1', patient('Rivera'), clerk);
    await store.update('p1', patient('Rivers'), 1, clerk);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await signCheckpoint(adapter, privateKey);
    await store.create('p2', patient('Ames'), clerk);
    return { adapter, store, checkpoint, publicKey };
  }

  /** The snapshot's entries with the content of every version of p1 removed, as an expunge would. */
  function withoutP1Content(entries: readonly EntryRow[]): EntryRow[] {
    return entries.map((row) => (row.recordId === 'Patient/p1' && row.kind === 'version' ? { ...row, data: null } : row));
  }

  it('names the first entry whose content is gone when the only expunge of the record is a row outside the chain', async () => {
    const { adapter, checkpoint, publicKey } = await signedBeforeMore();
    const { entries, heads } = adapter.snapshot();
    const emptied = withoutP1Content(entries);
    const junk: EntryRow = { sequence: 999, kind: 'expunge', recordId: 'Patient/p1', version: null, at: 'x', contentHash: 'x', data: null, prevHash: 'x', hash: 'x' };
    const last = entries[entries.length - 1] as EntryRow;
    // Linked to the last entry, but its hash is not the hash of its fields.
    const unhashed: EntryRow = { ...junk, sequence: last.sequence + 1, prevHash: last.hash, at: last.at, data: '{"recordId":"Patient/p1","versions":2}', contentHash: '' };
    const blamed = { ok: false, issues: [{ code: 'records.chain_broken', path: ['entries', 1], sequence: 1 }] };
    expect(await verifyCheckpoint(memoryAdapter({ from: { entries: emptied, heads } }), checkpoint, publicKey)).toMatchObject(blamed);
    for (const forged of [junk, unhashed]) {
      expect(await verifyCheckpoint(memoryAdapter({ from: { entries: [...emptied, forged], heads } }), checkpoint, publicKey)).toMatchObject(blamed);
      expect(await verifyChainPrefix(memoryAdapter({ from: { entries: [...emptied, forged], heads } }), checkpoint.sequence)).toMatchObject(blamed);
    }
  });

  it('accepts content removed by a genuine expunge after the checkpoint, and no longer once that expunge entry is altered or cut off', async () => {
    const { adapter, store, checkpoint, publicKey } = await signedBeforeMore();
    expect((await store.expunge('p1', privacy)).ok).toBe(true);
    await store.create('p3', patient('Diaz'), clerk);
    expect(await verifyCheckpoint(adapter, checkpoint, publicKey)).toMatchObject({ ok: true, value: checkpoint });
    const { entries, heads } = adapter.snapshot();
    const expunge = entries.find((row) => row.kind === 'expunge') as EntryRow;
    expect(expunge.sequence).toBeGreaterThan(checkpoint.sequence);
    expect(entries.filter((row) => row.sequence <= checkpoint.sequence && row.data === null).length).toBeGreaterThan(0);
    const blamed = { ok: false, issues: [{ code: 'records.chain_broken', sequence: 1 }] };
    const altered = entries.map((row) => (row === expunge ? { ...row, data: (row.data ?? '').replace('"versions":2', '"versions":3') } : row));
    expect(await verifyCheckpoint(memoryAdapter({ from: { entries: altered, heads } }), checkpoint, publicKey)).toMatchObject(blamed);
    const beforeIt = entries.find((row) => row.sequence === checkpoint.sequence + 1) as EntryRow;
    const brokenOnTheWay = entries.map((row) => (row === beforeIt ? { ...row, prevHash: '0'.repeat(64) } : row));
    expect(await verifyCheckpoint(memoryAdapter({ from: { entries: brokenOnTheWay, heads } }), checkpoint, publicKey)).toMatchObject(blamed);
    const cut = entries.filter((row) => row.sequence < expunge.sequence);
    expect(await verifyCheckpoint(memoryAdapter({ from: { entries: cut, heads } }), checkpoint, publicKey)).toMatchObject(blamed);
    const emptiedExpunge = entries.map((row) => (row === expunge ? { ...row, data: null } : row));
    expect(await verifyCheckpoint(memoryAdapter({ from: { entries: emptiedExpunge, heads } }), checkpoint, publicKey)).toMatchObject(blamed);
  });

  it('names the first entry missing its content, without overflowing, when very many records wait for an expunge that never comes', async () => {
    // 150,000 versions whose content is gone, each record's expunge row after them, the first of those unlinked.
    const count = 150_000;
    const entries: EntryRow[] = [];
    let prevHash = '0'.repeat(64);
    for (let sequence = 1; sequence <= count; sequence++) {
      const fields = { sequence, kind: 'version' as const, recordId: `Patient/r${sequence}`, version: 1, at: '2026-11-02T12:00:00.000Z', contentHash: sha256Hex(`{"n":${sequence}}`), prevHash };
      const row: EntryRow = { ...fields, data: null, hash: sha256Hex(entryHeaderText(fields)) };
      entries.push(row);
      prevHash = row.hash;
    }
    for (let i = 1; i <= count; i++) {
      entries.push({ sequence: count + i, kind: 'expunge', recordId: `Patient/r${i}`, version: null, at: 'x', contentHash: 'x', data: `{"recordId":"Patient/r${i}","versions":1}`, prevHash: 'x', hash: 'x' });
    }
    expect(await verifyChainPrefix(memoryAdapter({ from: { entries, heads: [] } }), count)).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: 1 }] });
  });
});

describe('verifyCheckpoint properties', () => {
  it('never accepts a signed prefix with content removed, whatever expunge rows outside the chain claim to allow it', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), clerk);
    await store.update('p1', patient('Rivers'), 1, clerk);
    await store.create('p2', patient('Ames'), clerk);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await signCheckpoint(adapter, privateKey);
    await store.update('p2', patient('Amos'), 1, clerk);
    const { entries, heads } = adapter.snapshot();
    const last = entries[entries.length - 1] as EntryRow;
    const signed = entries.filter((row) => row.sequence <= checkpoint.sequence).map((row) => row.sequence);
    const forged = fc.record({
      sequence: fc.constantFrom(last.sequence + 1, last.sequence + 2, 999, checkpoint.sequence),
      recordId: fc.constantFrom('Patient/p1', 'Patient/p2'),
      linked: fc.boolean(),
      data: fc.constantFrom(null, '{"recordId":"Patient/p1","versions":2}', '{"recordId":"Patient/p2","versions":1}'),
    }).map(({ sequence, recordId, linked, data }): EntryRow => ({
      sequence, kind: 'expunge', recordId, version: null, at: last.at, data, contentHash: data === null ? 'x' : sha256Hex(data), prevHash: linked ? last.hash : 'x', hash: 'x',
    }));
    await fc.assert(fc.asyncProperty(fc.subarray(signed, { minLength: 1 }), fc.array(forged, { minLength: 1, maxLength: 3 }), async (removed, extra) => {
      const emptied = entries.map((row) => (removed.includes(row.sequence) ? { ...row, data: null } : row));
      const result = await verifyCheckpoint(memoryAdapter({ from: { entries: [...emptied, ...extra], heads } }), checkpoint, publicKey);
      // The entry named is one that lost its content (the first, or the first whose kind no expunge could allow), never a forged row.
      expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken' }] });
      expect(removed).toContain(result.ok ? undefined : result.issues[0]?.sequence);
    }));
  });
});
