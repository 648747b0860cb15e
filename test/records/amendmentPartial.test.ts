import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const policy: AccessPolicy = { physician: ['read', 'write', 'amend', 'amend-decide', 'audit'], patient: ['amend'] };
const ana: AccessContext = { actor: 'ana', role: 'patient', purposeOfUse: 'PATRQT' };

async function twoChanges() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy });
  await store.create('p1', patient('Rivera', { allergies: ['penicillin'] }), doctor);
  const request = await store.requestAmendment('p1', {
    version: 1, description: 'wrong birth date, and I am not allergic to penicillin',
    proposedPatch: [{ op: 'replace', path: '/birthDate', value: '1980-04-20' }, { op: 'remove', path: '/allergies/0' }],
  }, ana);
  if (!request.ok) throw new Error('request failed');
  return { adapter, store, id: request.value.id };
}

describe('an amendment accepted in part (164.526(c), (d))', () => {
  it('applies the accepted part, keeps the basis for refusing the rest, and lets the individual disagree and the entity rebut', async () => {
    const { store, id } = await twoChanges();
    const decided = await store.decideAmendment('p1', id, { outcome: 'accepted-in-part', expectedVersion: 1, patch: [{ op: 'replace', path: '/birthDate', value: '1980-04-20' }], reason: 'the penicillin reaction of 2019 is documented' }, doctor);
    expect(decided).toMatchObject({ ok: true, value: { status: 'accepted-in-part', denialReason: 'the penicillin reaction of 2019 is documented', appliedVersion: 2 } });
    const current = await store.read('p1', doctor);
    expect(current.ok && current.value.document).toMatchObject({ birthDate: '1980-04-20', allergies: ['penicillin'] });
    expect(current.ok && current.value.meta.reason).toBe(`amendment ${id} accepted in part: visit`);
    expect(await store.fileAmendmentStatement('p1', id, 'disagreement', 'I was never allergic.', ana)).toMatchObject({ ok: true, value: { status: 'accepted-in-part', disagreement: { by: 'ana' } } });
    expect(await store.fileAmendmentStatement('p1', id, 'rebuttal', 'The reaction is on file.', doctor)).toMatchObject({ ok: true, value: { rebuttal: { by: 'dr-lee' } } });
    expect((await store.verify()).ok).toBe(true);
  });

  it('may be made without a patch, and needs a reason', async () => {
    const { store, id } = await twoChanges();
    expect(await store.decideAmendment('p1', id, { outcome: 'accepted-in-part', reason: ' ' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['decision', 'reason'] }] });
    const missing = await store.decideAmendment('p1', id, { outcome: 'accepted-in-part' } as never, doctor);
    expect(missing).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['decision', 'reason'] }] });
    expect(!missing.ok && missing.issues[0]?.message).toBe('an acceptance in part needs the basis for refusing the rest as its reason (HIPAA 164.526(d)(1)(i))');
    const denial = await store.decideAmendment('p1', id, { outcome: 'denied', reason: '' }, doctor);
    expect(!denial.ok && denial.issues[0]?.message).toBe('a denial needs its basis as its reason (HIPAA 164.526(d)(1)(i))');
    const decided = await store.decideAmendment('p1', id, { outcome: 'accepted-in-part', reason: 'only the birth date was wrong, and it is fixed elsewhere' }, doctor);
    expect(decided.ok && decided.value.appliedVersion).toBeUndefined();
    expect(decided).toMatchObject({ ok: true, value: { status: 'accepted-in-part' } });
  });

  it('refuses a reason on a whole acceptance rather than dropping it', async () => {
    const { adapter, store, id } = await twoChanges();
    const before = adapter.snapshot().entries.filter((e) => e.kind !== 'audit').length;
    expect(await store.decideAmendment('p1', id, { outcome: 'accepted', reason: 'the rest is accurate' } as never, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['decision', 'reason'] }] });
    expect(adapter.snapshot().entries.filter((e) => e.kind !== 'audit').length).toBe(before);
  });

  it("reports a patch that breaks the schema under ['decision', 'patch'], the argument that made the document", async () => {
    const { store, id } = await twoChanges();
    for (const outcome of ['accepted', 'accepted-in-part'] as const) {
      const decision = outcome === 'accepted'
        ? { outcome, expectedVersion: 1, patch: [{ op: 'replace', path: '/birthDate', value: '1980-04-31' }] } as const
        : { outcome, expectedVersion: 1, patch: [{ op: 'replace', path: '/birthDate', value: '1980-04-31' }], reason: 'the rest is accurate' } as const;
      expect(await store.decideAmendment('p1', id, decision, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.schema', path: ['decision', 'patch', 'birthDate'] }] });
    }
  });
});

describe('audit events name the version an operation wrote', () => {
  it('names the version written by correct, by a decision that applied a patch, and the last version an expunge removed', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy: { ...policy, privacy: ['expunge', 'audit'] } });
    await store.create('p1', patient('Rivera'), doctor);
    expect((await store.correct('p1', { errorVersion: 1, expectedVersion: 1, document: patient('Rivera', { birthDate: '1980-04-20' }), reason: 'digits swapped' }, doctor)).ok).toBe(true);
    const request = await store.requestAmendment('p1', { version: 2, description: 'wrong name' }, ana);
    if (!request.ok) throw new Error('request failed');
    expect((await store.decideAmendment('p1', request.value.id, { outcome: 'accepted', expectedVersion: 2, patch: [{ op: 'replace', path: '/name/0/family', value: 'Rivera-Ortiz' }] }, doctor)).ok).toBe(true);
    const privacy: AccessContext = { actor: 'po', role: 'privacy', purposeOfUse: 'HOPERAT', reason: 'court order' };
    expect((await store.expunge('p1', privacy)).ok).toBe(true);
    const trail = await store.auditTrail('p1', {}, privacy);
    const versions = trail.ok ? Object.fromEntries(trail.value.events.map((e) => [e.action, e.version ?? null])) : {};
    expect(versions).toMatchObject({ create: 1, correct: 2, 'amendment-request': null, 'amendment-decide': 3, expunge: 3 });
  });
});
