import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const policy: AccessPolicy = {
  physician: ['read', 'write', 'delete', 'merge', 'amend', 'amend-decide'],
  patient: ['amend'],
  'privacy-officer': ['expunge'],
  'blind-decider': ['amend-decide', 'write'],
};
const ana: AccessContext = { actor: 'ana', role: 'patient', purposeOfUse: 'PATRQT' };
const privacy: AccessContext = { actor: 'po', role: 'privacy-officer', purposeOfUse: 'HOPERAT', reason: 'court order' };
const blindDecider: AccessContext = { actor: 'bd', role: 'blind-decider', purposeOfUse: 'HOPERAT' };

/** A store with record `id` holding one pending amendment request (its id returned). */
async function withRequest(ids: readonly string[] = ['a']) {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy });
  const requests: string[] = [];
  for (const id of ids) {
    await store.create(id, patient('Rivera', { allergies: ['penicillin'] }), doctor);
    const requested = await store.requestAmendment(id, { version: 1, description: 'I am not allergic to penicillin' }, ana);
    if (!requested.ok) throw new Error('request failed');
    requests.push(requested.value.id);
  }
  return { adapter, store, requests };
}

function unchangedData(adapter: ReturnType<typeof memoryAdapter>) {
  const data = () => {
    const snapshot = adapter.snapshot();
    return { heads: snapshot.heads, entries: snapshot.entries.filter((e) => e.kind !== 'audit') };
  };
  const before = data();
  return () => expect(data()).toEqual(before);
}

describe('amendment decisions and statements check the record as a request does', () => {
  it('answers a decision on a deleted record with records.gone and writes nothing', async () => {
    const { adapter, store, requests } = await withRequest();
    await store.delete('a', 1, doctor);
    const same = unchangedData(adapter);
    const gone = { ok: false, issues: [{ code: 'records.gone', path: ['id'], currentVersion: 2 }] };
    expect(await store.decideAmendment('a', requests[0] ?? '', { outcome: 'denied', reason: 'accurate and complete' }, doctor)).toMatchObject(gone);
    expect(await store.decideAmendment('a', requests[0] ?? '', { outcome: 'accepted' }, doctor)).toMatchObject(gone);
    same();
  });

  it('answers a decision or statement on a merged record with records.merged naming the survivor', async () => {
    const { adapter, store, requests } = await withRequest(['a', 'b']);
    const denied = requests[1] ?? '';
    await store.decideAmendment('b', denied, { outcome: 'denied', reason: 'accurate' }, doctor);
    const second = await store.requestAmendment('b', { version: 1, description: 'my birth date is wrong' }, ana);
    if (!second.ok) throw new Error('request failed');
    await store.merge('b', 'a', doctor);
    const same = unchangedData(adapter);
    const merged = { ok: false, issues: [{ code: 'records.merged', path: ['id'], survivorId: 'a' }] };
    expect(await store.requestAmendment('b', { version: 1, description: 'again' }, doctor)).toMatchObject(merged);
    // A role that may not read is not told of the merge by a request (it may be anyone's request).
    expect(await store.requestAmendment('b', { version: 1, description: 'again' }, ana)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found', path: ['id'] }] });
    expect(await store.decideAmendment('b', second.value.id, { outcome: 'accepted' }, doctor)).toMatchObject(merged);
    expect(await store.decideAmendment('b', second.value.id, { outcome: 'denied', reason: 'accurate' }, doctor)).toMatchObject(merged);
    expect(await store.fileAmendmentStatement('b', denied, 'disagreement', 'The entry is wrong.', ana)).toMatchObject(merged);
    same();
  });

  it('answers unknown and expunged ids with records.not_found, as every other method does', async () => {
    const { adapter, store, requests } = await withRequest();
    await store.expunge('a', privacy);
    const same = unchangedData(adapter);
    const notFound = { ok: false, issues: [{ code: 'records.not_found', path: ['id'] }] };
    for (const id of ['a', 'nobody']) {
      expect(await store.decideAmendment(id, requests[0] ?? '', { outcome: 'denied', reason: 'accurate' }, doctor)).toMatchObject(notFound);
      expect(await store.fileAmendmentStatement(id, requests[0] ?? '', 'disagreement', 'The entry is wrong.', ana)).toMatchObject(notFound);
      expect(await store.fileAmendmentStatement(id, requests[0] ?? '', 'rebuttal', 'It is right.', doctor)).toMatchObject(notFound);
      expect(await store.amendments(id, doctor)).toMatchObject(notFound);
    }
    same();
  });

  it('still takes a statement of disagreement and its rebuttal on a deleted record, and keeps them with it (164.526(d)(4))', async () => {
    const { store, requests } = await withRequest();
    const amendmentId = requests[0] ?? '';
    expect((await store.decideAmendment('a', amendmentId, { outcome: 'denied', reason: 'accurate and complete' }, doctor)).ok).toBe(true);
    await store.delete('a', 1, doctor);
    expect(await store.fileAmendmentStatement('a', amendmentId, 'disagreement', 'The entry is wrong.', ana)).toMatchObject({ ok: true, value: { disagreement: { by: 'ana' } } });
    expect(await store.fileAmendmentStatement('a', amendmentId, 'rebuttal', 'Our records show a reaction in 2019.', doctor)).toMatchObject({ ok: true, value: { rebuttal: { by: 'dr-lee' } } });
    await store.undelete('a', doctor);
    const listed = await store.amendments('a', doctor);
    expect(listed).toMatchObject({ ok: true, value: [{ id: amendmentId, status: 'denied', disagreement: { statement: 'The entry is wrong.' }, rebuttal: { by: 'dr-lee' } }] });
  });
});

describe('each statement is filed once', () => {
  it('refuses a second rebuttal with records.amendment_state and keeps the first one\'s text', async () => {
    const { adapter, store, requests } = await withRequest();
    const amendmentId = requests[0] ?? '';
    expect((await store.decideAmendment('a', amendmentId, { outcome: 'denied', reason: 'accurate and complete' }, doctor)).ok).toBe(true);
    expect((await store.fileAmendmentStatement('a', amendmentId, 'disagreement', 'The entry is wrong.', ana)).ok).toBe(true);
    expect(await store.fileAmendmentStatement('a', amendmentId, 'rebuttal', 'First rebuttal.', doctor)).toMatchObject({ ok: true, value: { rebuttal: { statement: 'First rebuttal.' } } });
    const same = unchangedData(adapter);
    expect(await store.fileAmendmentStatement('a', amendmentId, 'rebuttal', 'Second rebuttal, overwriting the first.', doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_state' }] });
    same();
    expect(await store.amendments('a', doctor)).toMatchObject({ ok: true, value: [{ id: amendmentId, disagreement: { statement: 'The entry is wrong.' }, rebuttal: { by: 'dr-lee', statement: 'First rebuttal.' } }] });
  });

  it('refuses a second statement of disagreement with records.amendment_state and keeps the first one\'s text', async () => {
    const { adapter, store, requests } = await withRequest();
    const amendmentId = requests[0] ?? '';
    expect((await store.decideAmendment('a', amendmentId, { outcome: 'denied', reason: 'accurate and complete' }, doctor)).ok).toBe(true);
    expect((await store.fileAmendmentStatement('a', amendmentId, 'disagreement', 'The entry is wrong.', ana)).ok).toBe(true);
    const same = unchangedData(adapter);
    expect(await store.fileAmendmentStatement('a', amendmentId, 'disagreement', 'A second statement.', ana)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_state' }] });
    same();
    expect((await store.fileAmendmentStatement('a', amendmentId, 'rebuttal', 'First rebuttal.', doctor)).ok).toBe(true);
    expect(await store.fileAmendmentStatement('a', amendmentId, 'disagreement', 'A third statement.', ana)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_state' }] });
    expect(await store.amendments('a', doctor)).toMatchObject({ ok: true, value: [{ id: amendmentId, disagreement: { by: 'ana', statement: 'The entry is wrong.' }, rebuttal: { statement: 'First rebuttal.' } }] });
  });
});

describe('accepting an amendment with a patch needs read', () => {
  it('refuses a role that may decide and write but not read: the patch would test the record', async () => {
    const { adapter, store, requests } = await withRequest();
    const same = unchangedData(adapter);
    const decision = { outcome: 'accepted', expectedVersion: 1, patch: [{ op: 'test', path: '/allergies/0', value: 'penicillin' }, { op: 'remove', path: '/allergies/0' }] } as const;
    const refused = await store.decideAmendment('a', requests[0] ?? '', decision, blindDecider);
    expect(refused).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden', path: ['context', 'role'] }] });
    if (!refused.ok) expect(refused.issues[0]?.message).toMatch(/may not read, and accepting with a patch tests the patch against the record/);
    same();
  });
});

describe('a role that may not read learns nothing of the record or of other people\'s amendments through the amendment calls', () => {
  const desk: AccessContext = { actor: 'desk-1', role: 'front-desk', purposeOfUse: 'HOPERAT' };
  const policyWithDesk: AccessPolicy = { ...policy, 'front-desk': ['amend'] };

  /** Record `a` with a request by the physician, denied, and a second one still pending. */
  async function deniedRequest() {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: policyWithDesk });
    await store.create('a', patient('Rivera'), doctor);
    const first = await store.requestAmendment('a', { version: 1, description: 'HIV status recorded wrongly', proposedPatch: [{ op: 'add', path: '/gender', value: 'female' }] }, doctor);
    const second = await store.requestAmendment('a', { version: 1, description: 'wrong birth date' }, doctor);
    if (!first.ok || !second.ok) throw new Error('request failed');
    await store.decideAmendment('a', first.value.id, { outcome: 'denied', reason: 'confirmed by a lab result' }, doctor);
    return { adapter, store, denied: first.value.id, requested: second.value.id };
  }

  it('answers a disagreement on someone else\'s amendment, whatever its state, exactly as on an unknown one, and writes nothing', async () => {
    const { adapter, store, denied, requested } = await deniedRequest();
    const same = unchangedData(adapter);
    const unknown = await store.fileAmendmentStatement('a', 'a-amendment-99', 'disagreement', 'The entry is wrong.', desk);
    expect(unknown).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_not_found', path: ['amendmentId'] }] });
    for (const amendmentId of [denied, requested]) {
      expect(await store.fileAmendmentStatement('a', amendmentId, 'disagreement', 'The entry is wrong.', desk)).toEqual(unknown);
    }
    same();
  });

  it('still takes the individual\'s disagreement with their own denied request, answering with their amendment', async () => {
    const { store, requests } = await withRequest();
    const mine = requests[0] ?? '';
    await store.decideAmendment('a', mine, { outcome: 'denied', reason: 'reaction on file' }, doctor);
    expect(await store.fileAmendmentStatement('a', mine, 'disagreement', 'I never reacted to it.', ana)).toMatchObject({
      ok: true, value: { id: mine, description: 'I am not allergic to penicillin', denialReason: 'reaction on file', disagreement: { by: 'ana', statement: 'I never reacted to it.' } },
    });
  });

  it('refuses a decision or a rebuttal without read before looking at the record or the amendment, and writes nothing', async () => {
    const { adapter, store, denied, requested } = await deniedRequest();
    await store.fileAmendmentStatement('a', denied, 'disagreement', 'It is wrong.', doctor);
    const same = unchangedData(adapter);
    const forbidden = { ok: false, issues: [{ code: 'records.forbidden', path: ['context', 'role'] }] };
    for (const [amendmentId, decision] of [[requested, { outcome: 'accepted' }], [requested, { outcome: 'denied', reason: 'accurate' }], ['a-amendment-99', { outcome: 'accepted' }]] as const) {
      const refused = await store.decideAmendment('a', amendmentId, decision, blindDecider);
      expect(refused).toMatchObject(forbidden);
      if (!refused.ok) expect(refused.issues[0]?.message).toMatch(/may not read, and a decision answers with the amendment request it decides/);
    }
    expect(await store.decideAmendment('nobody', requested, { outcome: 'accepted' }, blindDecider)).toMatchObject(forbidden);
    const rebuttal = await store.fileAmendmentStatement('a', denied, 'rebuttal', 'It is right.', blindDecider);
    expect(rebuttal).toMatchObject(forbidden);
    if (!rebuttal.ok) expect(rebuttal.issues[0]?.message).toMatch(/may not read, and a rebuttal answers with the amendment/);
    same();
  });
});
