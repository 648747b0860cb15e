import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { signCheckpoint, verifyCheckpoint } from '../../src/records/checkpoint.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
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
