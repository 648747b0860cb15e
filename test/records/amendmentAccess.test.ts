import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import type { ViewPolicy } from '../../src/records/views.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const policy: AccessPolicy = {
  physician: ['read', 'write', 'delete', 'merge', 'amend', 'amend-decide'],
  portal: ['amend'],
  biller: ['view'],
  clerk: ['read'],
};
const ana: AccessContext = { actor: 'ana', role: 'portal', purposeOfUse: 'PATRQT' };
const mallory: AccessContext = { actor: 'mallory', role: 'portal', purposeOfUse: 'PATRQT' };
const biller: AccessContext = { actor: 'bill', role: 'biller', purposeOfUse: 'HPAYMT' };
const clerk: AccessContext = { actor: 'cl', role: 'clerk', purposeOfUse: 'HOPERAT' };

function open() {
  const adapter = memoryAdapter();
  return { adapter, store: createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy }) };
}

/** p1 at version 3: v1 has an accepted amendment, v2 a denied one with a disagreement filed. */
async function disputed() {
  const { adapter, store } = open();
  await store.create('p1', patient('Rivera'), doctor);
  await store.patch('p1', [{ op: 'add', path: '/gender', value: 'female' }], 1, doctor);
  const onTwo = await store.requestAmendment('p1', { version: 2, description: 'my gender is recorded wrongly' }, ana);
  const onOne = await store.requestAmendment('p1', { version: 1, description: 'the first entry missed my middle name' }, ana);
  if (!onTwo.ok || !onOne.ok) throw new Error('request failed');
  await store.decideAmendment('p1', onTwo.value.id, { outcome: 'denied', reason: 'accurate and complete' }, doctor);
  await store.fileAmendmentStatement('p1', onTwo.value.id, 'disagreement', 'It is wrong.', ana);
  await store.decideAmendment('p1', onOne.value.id, { outcome: 'accepted' }, doctor);
  await store.patch('p1', [{ op: 'add', path: '/birthDate', value: '1980-04-20' }], 2, doctor);
  return { adapter, store, onTwo: onTwo.value.id, onOne: onOne.value.id };
}

describe('reads link the amendments that concern a version (164.526(c)(1), (d)(5))', () => {
  it('marks readVersion, readAsOf and history with each amendment id and status, and a filed disagreement', async () => {
    const { store, onTwo, onOne } = await disputed();
    const two = await store.readVersion('p1', 2, clerk);
    expect(two.ok && two.value.meta.amendments).toEqual([{ id: onTwo, status: 'denied', disagreement: true }]);
    const one = await store.readVersion('p1', 1, clerk);
    expect(one.ok && one.value.meta.amendments).toEqual([{ id: onOne, status: 'accepted' }]);
    const page = await store.history('p1', {}, clerk);
    expect(page.ok && page.value.versions.map((m) => [m.version, m.amendments?.map((a) => a.id) ?? null])).toEqual([[3, null], [2, [onTwo]], [1, [onOne]]]);
    const then = await store.readAsOf('p1', DateTime.fromISO(two.ok ? two.value.meta.at : '', { zone: 'utc' }), clerk);
    expect(then.ok && then.value.meta).toMatchObject({ version: 2, amendments: [{ id: onTwo, status: 'denied' }] });
  });

  it('marks the current version on read while an amendment concerns it', async () => {
    const { store } = open();
    await store.create('p1', patient('Rivera'), doctor);
    const request = await store.requestAmendment('p1', { version: 1, description: 'wrong' }, ana);
    const read = await store.read('p1', clerk);
    expect(read.ok && read.value.meta.amendments).toEqual([{ id: request.ok ? request.value.id : '', status: 'requested' }]);
  });

  it('puts no amendment link in a view: a view tells no more than it did', async () => {
    const { store } = open();
    await store.create('p1', patient('Rivera'), doctor);
    await store.requestAmendment('p1', { version: 1, description: 'wrong' }, ana);
    const views: ViewPolicy = [{ role: 'biller', purposes: ['HPAYMT'], fields: ['/name'] }];
    const view = await store.readView('p1', views, biller);
    expect(view.ok && Object.keys(view.value.meta).sort()).toEqual(['at', 'author', 'id', 'operation', 'state', 'version']);
  });
});

describe('an individual without read sees its own requests and their outcome, and nothing else (164.526(c)(2), (d)(1), (d)(3))', () => {
  it("lists only its own actor's requests, with the decision, statements and rebuttal", async () => {
    const { store, onTwo, onOne } = await disputed();
    await store.requestAmendment('p1', { version: 1, description: 'someone else' }, doctor);
    await store.fileAmendmentStatement('p1', onTwo, 'rebuttal', 'We stand by it.', doctor);
    const mine = await store.amendments('p1', ana);
    expect(mine).toMatchObject({ ok: true, value: [
      { id: onTwo, status: 'denied', denialReason: 'accurate and complete', disagreement: { statement: 'It is wrong.' }, rebuttal: { statement: 'We stand by it.' } },
      { id: onOne, status: 'accepted' },
    ] });
    expect(mine.ok && mine.value).toHaveLength(2);
    expect(await store.amendments('p1', mallory)).toMatchObject({ ok: true, value: [] });
    expect(await store.amendments('p1', biller)).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
  });

  it('is not told where an acceptance was written; lists its own requests of records merged into it under the survivor', async () => {
    const { store } = open();
    await store.create('p1', patient('Rivera'), doctor);
    await store.create('p2', patient('Rivera'), doctor);
    const onP2 = await store.requestAmendment('p2', { version: 1, description: 'wrong' }, ana);
    const onP1 = await store.requestAmendment('p1', { version: 1, description: 'wrong family name' }, ana);
    if (!onP1.ok || !onP2.ok) throw new Error('request failed');
    await store.decideAmendment('p1', onP1.value.id, { outcome: 'accepted', expectedVersion: 1, patch: [{ op: 'replace', path: '/name/0/family', value: 'Rivera-Ortiz' }] }, doctor);
    await store.merge('p2', 'p1', doctor);
    const listed = await store.amendments('p1', ana);
    expect(listed).toMatchObject({ ok: true, value: [{ id: onP2.value.id, status: 'requested' }, { id: onP1.value.id, status: 'accepted' }] });
    expect(listed.ok && listed.value).toHaveLength(2);
    expect(listed.ok && listed.value[1]?.appliedVersion).toBeUndefined();
    expect(listed.ok && listed.value[1]?.appliedRecordId).toBeUndefined();
    // Its request on the duplicate is decided through the survivor, and listed under either id.
    await store.decideAmendment('p1', onP2.value.id, { outcome: 'denied', reason: 'accurate' }, doctor);
    expect(await store.amendments('p2', ana)).toMatchObject({ ok: true, value: [{ id: onP2.value.id, status: 'denied' }] });
    expect(await store.amendments('p1', ana)).toMatchObject({ ok: true, value: [{ id: onP2.value.id, status: 'denied' }, { id: onP1.value.id }] });
    // Someone who made no request there is told nothing of the merged record, as an unknown id.
    expect(await store.amendments('p2', mallory)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
    expect(await store.amendments('p1', mallory)).toMatchObject({ ok: true, value: [] });
  });

  it('tells a role without read nothing of a deleted record where it made no request', async () => {
    const { store } = open();
    await store.create('d1', patient('Rivera'), doctor);
    expect((await store.delete('d1', 1, doctor)).ok).toBe(true);
    const unknown = await store.amendments('nobody', ana);
    const deleted = await store.amendments('d1', ana);
    expect(unknown).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
    expect(deleted).toMatchObject({ ok: false, issues: [{ code: 'records.not_found', path: ['id'] }] });
  });
});

describe('requestAmendment tells a role without read nothing of the record (its versions, merge or survivor)', () => {
  it('answers generically where a reader gets the detail', async () => {
    const { store } = open();
    await store.create('bob', patient('Baker'), doctor);
    await store.patch('bob', [{ op: 'add', path: '/gender', value: 'male' }], 1, doctor);
    await store.create('bob-dup', patient('Baker'), doctor);
    await store.merge('bob-dup', 'bob', doctor);
    await store.create('gone', patient('Baker'), doctor);
    await store.delete('gone', 1, doctor);
    const badVersion = await store.requestAmendment('bob', { version: 99, description: 'x' }, mallory);
    expect(badVersion).toMatchObject({ ok: false, issues: [{ code: 'records.version_not_found', path: ['request', 'version'] }] });
    if (!badVersion.ok) {
      expect(badVersion.issues[0]?.message).not.toMatch(/\d/);
      expect(badVersion.issues[0]?.currentVersion).toBeUndefined();
    }
    const unknown = await store.requestAmendment('nobody', { version: 1, description: 'x' }, mallory);
    for (const id of ['bob-dup', 'gone']) {
      const answer = await store.requestAmendment(id, { version: 1, description: 'x' }, mallory);
      expect(answer).toMatchObject({ ok: false, issues: [{ code: 'records.not_found', path: ['id'] }] });
      if (!answer.ok) expect(Object.keys(answer.issues[0] ?? {}).sort()).toEqual(Object.keys(unknown.ok ? {} : unknown.issues[0] ?? {}).sort());
      expect(JSON.stringify(answer)).not.toMatch(/bob'|"bob"|survivor|currentVersion/);
    }
    // A reader keeps the detailed answers.
    expect(await store.requestAmendment('bob', { version: 99, description: 'x' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.version_not_found', message: 'versions run from 1 to 3' }] });
    expect(await store.requestAmendment('bob-dup', { version: 1, description: 'x' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.merged', survivorId: 'bob' }] });
    expect(await store.requestAmendment('gone', { version: 1, description: 'x' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.gone' }] });
  });

  it("does not tell a role without read of a merge through someone else's amendment either", async () => {
    const { store } = open();
    await store.create('bob', patient('Baker'), doctor);
    await store.create('bob-dup', patient('Baker'), doctor);
    const theirs = await store.requestAmendment('bob-dup', { version: 1, description: 'x' }, doctor);
    await store.merge('bob-dup', 'bob', doctor);
    const answer = await store.fileAmendmentStatement('bob-dup', theirs.ok ? theirs.value.id : '', 'disagreement', 'x', mallory);
    expect(answer).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_not_found' }] });
    expect(JSON.stringify(answer)).not.toMatch(/survivor|merged/);
  });
});
