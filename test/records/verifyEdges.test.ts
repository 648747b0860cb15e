import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { signCheckpoint, verifyCheckpoint } from '../../src/records/checkpoint.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { verifyChain } from '../../src/records/verify.js';
import { clerk, patient, steppingClock } from './fixtures.js';

/** A memory store with p1 written twice under `family` names, on the fixtures' stepping clock. */
async function storeOf(first: string, second: string) {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient(first), clerk);
  await store.update('p1', patient(second), 1, clerk);
  return { adapter, store };
}

describe("verifyChain checks every field of a head against the record's last version", () => {
  it('reports a head that claims the record was replaced by another (replacedBy) while its last version says it was not, at that version entry', async () => {
    const { adapter } = await storeOf('Rivera', 'Rivers');
    expect((await verifyChain(adapter)).ok).toBe(true);
    const { entries, heads } = adapter.snapshot();
    const last = entries.filter((e) => e.recordId === 'Patient/p1' && e.kind === 'version').at(-1) as EntryRow;
    const tamperedHeads = heads.map((h) => (h.recordId === 'Patient/p1' ? { ...h, replacedBy: 'Patient/p2' } : h));
    const result = await verifyChain(memoryAdapter({ from: { entries, heads: tamperedHeads } }));
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: last.sequence }] });
    expect(result.ok ? '' : result.issues[0]?.message).toContain('does not match its last version');
  });
});

describe('verifyCheckpoint: the signature covers { at, headHash, sequence } and the signed head must be the store\'s', () => {
  it('refuses a checkpoint whose at was changed after signing, at [checkpoint, signature]', async () => {
    const { adapter } = await storeOf('Rivera', 'Rivers');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await signCheckpoint(adapter, privateKey);
    expect(await verifyCheckpoint(adapter, checkpoint, publicKey)).toMatchObject({ ok: true });
    expect(await verifyCheckpoint(adapter, { ...checkpoint, at: '2000-01-01T00:00:00.000Z' }, publicKey)).toMatchObject({
      ok: false,
      issues: [{ code: 'records.chain_broken', path: ['checkpoint', 'signature'] }],
    });
  });

  it('refuses a checkpoint against an intact chain of the same length whose history differs (rewritten and re-hashed from scratch), at [checkpoint, headHash]', async () => {
    const a = await storeOf('Rivera', 'Rivers');
    const b = await storeOf('Rivera', 'Riverz');
    expect((await verifyChain(b.adapter)).ok).toBe(true);
    expect(b.adapter.snapshot().entries.length).toBe(a.adapter.snapshot().entries.length);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpoint = await signCheckpoint(a.adapter, privateKey);
    expect(await verifyCheckpoint(a.adapter, checkpoint, publicKey)).toMatchObject({ ok: true });
    expect(await verifyCheckpoint(b.adapter, checkpoint, publicKey)).toMatchObject({
      ok: false,
      issues: [{ code: 'records.chain_broken', path: ['checkpoint', 'headHash'], sequence: checkpoint.sequence }],
    });
  });
});
