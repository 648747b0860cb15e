import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../../src/records/adapter.js';
import { memoryAdapter, type MemorySnapshot } from '../../src/records/adapters/memory.js';
import type { AccessContext } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { verifyChain, verifyChainPrefix } from '../../src/records/verify.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const privacy: AccessContext = { actor: 'po', role: 'privacy-officer', purposeOfUse: 'HOPERAT', reason: 'court order' };

/** A store where record `e` has versions, an amendment and a correction, then is expunged, with entries of other records on either side. */
async function storeWithExpunge(): Promise<MemorySnapshot> {
  const adapter = memoryAdapter();
  const policy = { physician: ['read', 'write', 'amend', 'amend-decide', 'merge'], 'privacy-officer': ['expunge'] } as const;
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy });
  await store.create('a', patient('Ames'), doctor);
  await store.create('e', patient('Eads'), doctor);
  await store.update('e', patient('Eads', { gender: 'female' }), 1, doctor);
  await store.requestAmendment('e', { version: 1, description: 'wrong name' }, doctor);
  await store.correct('e', { errorVersion: 2, expectedVersion: 2, document: patient('Eads', { gender: 'male' }), reason: 'typo' }, doctor);
  await store.create('d', patient('Diaz'), doctor);
  await store.merge('d', 'e', doctor);
  expect((await store.expunge('e', privacy)).ok).toBe(true);
  await store.update('a', patient('Ames', { gender: 'other' }), 1, doctor);
  expect((await verifyChain(adapter)).ok).toBe(true);
  return adapter.snapshot();
}

/** Every text a single-byte change can make of `text`: each position replaced by two other printable characters. */
function byteChanges(text: string): string[] {
  const changed: string[] = [];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    for (const shift of [1, 47]) {
      const other = String.fromCharCode(((code - 32 + shift) % 95) + 32);
      changed.push(text.slice(0, at) + other + text.slice(at + 1));
    }
  }
  return changed;
}

describe('verify names the expunge entry itself when it is altered', () => {
  it('fails at exactly the expunge entry for every single-byte change to any of its fields', async () => {
    const snapshot = await storeWithExpunge();
    const index = snapshot.entries.findIndex((e) => e.kind === 'expunge');
    const expunge = snapshot.entries[index] as EntryRow;
    // Content the expunge allows to be missing lies before it.
    expect(snapshot.entries.some((e) => e.recordId === 'Patient/e' && e.data === null && e.sequence < expunge.sequence)).toBe(true);
    const variants: [string, Partial<EntryRow>][] = [];
    for (const field of ['kind', 'recordId', 'at', 'contentHash', 'data', 'prevHash', 'hash'] as const) {
      for (const text of byteChanges(String(expunge[field]))) variants.push([field, { [field]: text }]);
    }
    variants.push(['sequence', { sequence: expunge.sequence + 1 }], ['sequence', { sequence: expunge.sequence - 1 }]);
    variants.push(['version', { version: 0 }], ['version', { version: 1 }], ['data', { data: null }]);
    const misnamed: string[] = [];
    for (const [field, change] of variants) {
      const entries = snapshot.entries.map((e, i) => (i === index ? ({ ...e, ...change } as EntryRow) : e));
      const result = await verifyChain(memoryAdapter({ from: { entries, heads: snapshot.heads } }));
      const sequence = result.ok ? undefined : result.issues[0]?.sequence;
      if (sequence !== expunge.sequence) misnamed.push(`${field} ${JSON.stringify(change[field as keyof EntryRow])}: ${result.ok ? 'verified' : `named ${sequence} (${result.issues[0]?.message ?? ''})`}`);
    }
    expect(variants.length).toBeGreaterThan(500);
    expect(misnamed).toEqual([]);
  });

  it('still names content missing without any expunge at the entry that lost it', async () => {
    const snapshot = await storeWithExpunge();
    const index = snapshot.entries.findIndex((e) => e.recordId === 'Patient/a' && e.kind === 'version' && e.version === 2);
    const lost = snapshot.entries[index] as EntryRow;
    const entries = snapshot.entries.map((e, i) => (i === index ? { ...e, data: null } : e));
    expect(await verifyChain(memoryAdapter({ from: { entries, heads: snapshot.heads } }))).toMatchObject({
      ok: false,
      issues: [{ code: 'records.chain_broken', sequence: lost.sequence, message: 'the content is missing without an expunge' }],
    });
  });
});

describe('verify: content missing without an expunge is named where it is, unless the record\'s expunge was altered', () => {
  it('names the version that lost its content, not a later broken audit event of the same record, and a prefix stays within its range', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    await store.create('a', patient('Ames'), doctor);
    await store.update('a', patient('Ames', { gender: 'female' }), 1, doctor);
    await store.create('z', patient('Zu'), doctor);
    await store.update('a', patient('Ames', { gender: 'male' }), 2, doctor);
    const { entries, heads } = adapter.snapshot();
    const second = entries.find((e) => e.recordId === 'Patient/a' && e.kind === 'version' && e.version === 2) as EntryRow;
    const lastAudit = [...entries].reverse().find((e) => e.recordId === 'Patient/a' && e.kind === 'audit') as EntryRow;
    const damaged = entries.map((e) => (e === second ? { ...e, data: null } : e === lastAudit ? { ...e, data: (e.data ?? '').replace('"bench"', '"xx"').replace('"dr-lee"', '"dr-xxx"') } : e));
    expect(damaged.find((e) => e.sequence === lastAudit.sequence)?.data).not.toBe(lastAudit.data);
    const verified = await verifyChain(memoryAdapter({ from: { entries: damaged, heads } }));
    expect(verified.ok ? [] : verified.issues.map((i) => i.sequence)).toEqual([second.sequence]);
    const prefix = await verifyChainPrefix(memoryAdapter({ from: { entries: damaged, heads } }), second.sequence + 1);
    expect(prefix.ok ? [] : prefix.issues.map((i) => i.sequence)).toEqual([second.sequence]);
  });
});
