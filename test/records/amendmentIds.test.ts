import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const policy: AccessPolicy = { physician: ['read', 'write', 'amend', 'amend-decide'], patient: ['amend'] };
const ana: AccessContext = { actor: 'ana', role: 'patient', purposeOfUse: 'PATRQT' };

async function storeWithRecord() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy });
  await store.create('p1', patient('Rivera', { allergies: ['penicillin'] }), doctor);
  return { adapter, store };
}

describe('amendment ids count a record\'s requests from 1 (the docs\' example: p1-amendment-1)', () => {
  it('names the first request of p1 p1-amendment-1 and the second p1-amendment-2, each naming its record and version', async () => {
    const { store } = await storeWithRecord();
    const first = await store.requestAmendment('p1', { version: 1, description: 'I am not allergic to penicillin' }, ana);
    const second = await store.requestAmendment('p1', { version: 1, description: 'my birth date is wrong' }, ana);
    expect(first).toMatchObject({ ok: true, value: { id: 'p1-amendment-1', recordId: 'p1', version: 1, status: 'requested' } });
    expect(second).toMatchObject({ ok: true, value: { id: 'p1-amendment-2', recordId: 'p1', version: 1, status: 'requested' } });
    const listed = await store.amendments('p1', doctor);
    expect(listed.ok && listed.value.map((a) => a.id)).toEqual(['p1-amendment-1', 'p1-amendment-2']);
    // The id is the one a decision names, as in decideAmendment's example.
    expect(await store.decideAmendment('p1', 'p1-amendment-1', { outcome: 'denied', reason: 'accurate and complete' }, doctor)).toMatchObject({ ok: true, value: { id: 'p1-amendment-1', status: 'denied' } });
  });
});

describe('an acceptance whose patch changes nothing writes no version (docs: "A write that changes nothing writes no version")', () => {
  it('accepts with a test-only patch, links no appliedVersion, and leaves the head version and history as they were', async () => {
    const { adapter, store } = await storeWithRecord();
    const requested = await store.requestAmendment('p1', { version: 1, description: 'please check my allergies' }, ana);
    if (!requested.ok) throw new Error('request failed');
    const versionsBefore = adapter.snapshot().entries.filter((e) => e.kind === 'version').length;
    const decided = await store.decideAmendment('p1', requested.value.id, { outcome: 'accepted', expectedVersion: 1, patch: [{ op: 'test', path: '/allergies/0', value: 'penicillin' }] }, doctor);
    expect(decided).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(decided.ok && 'appliedVersion' in decided.value).toBe(false);
    const current = await store.read('p1', doctor);
    expect(current.ok && current.value.meta.version).toBe(1);
    expect(adapter.snapshot().entries.filter((e) => e.kind === 'version').length).toBe(versionsBefore);
    const history = await store.history('p1', {}, doctor);
    expect(history.ok && history.value.versions.map((v) => v.version)).toEqual([1]);
  });
});
