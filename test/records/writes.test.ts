import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const policy: AccessPolicy = {
  physician: ['read', 'write', 'delete', 'audit'],
  clerk: ['view', 'write'],
  remover: ['delete'],
  'remover-reader': ['delete', 'read'],
};
const clerk: AccessContext = { actor: 'c1', role: 'clerk', purposeOfUse: 'HOPERAT' };
const remover: AccessContext = { actor: 'r1', role: 'remover', purposeOfUse: 'HOPERAT' };
const removerReader: AccessContext = { actor: 'r2', role: 'remover-reader', purposeOfUse: 'HOPERAT' };

async function open() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy });
  const created = await store.create('a', patient('Rivera', { allergies: ['HIV-positive'] }), doctor);
  if (!created.ok) throw new Error('create failed');
  return { adapter, store };
}

function unchangedRecord(adapter: ReturnType<typeof memoryAdapter>) {
  const before = adapter.snapshot();
  const data = (snapshot: typeof before) => ({ heads: snapshot.heads, entries: snapshot.entries.filter((e) => e.kind !== 'audit') });
  return () => expect(data(adapter.snapshot())).toEqual(data(before));
}

async function lastAudit(store: Awaited<ReturnType<typeof open>>['store']) {
  // The trail's own read is audited after it is listed, so the newest event listed is the call before it.
  const trail = await store.auditTrail('a', { pageSize: 1 }, doctor);
  if (!trail.ok) throw new Error('audit trail failed');
  return trail.value.events[0];
}

describe('operations that answer with the stored record need read', () => {
  it('refuses a patch from a role without read: it never answers with the record, and its test operations are no oracle', async () => {
    const { adapter, store } = await open();
    const same = unchangedRecord(adapter);
    const patches = [
      [],
      [{ op: 'test', path: '/allergies/0', value: 'HIV-positive' }],
      [{ op: 'test', path: '/allergies/0', value: 'none' }],
      [{ op: 'replace', path: '/gender', value: 'female' }],
    ] as const;
    const answers = [];
    for (const patch of patches) {
      const result = await store.patch('a', patch, 1, clerk);
      expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden', path: ['context', 'role'] }] });
      if (!result.ok) expect(result.issues[0]?.message).toMatch(/^role 'clerk' may not read, and a patch answers with the record/);
      expect(await lastAudit(store)).toMatchObject({ action: 'patch', actor: 'c1', outcome: 'denied', issues: ['records.forbidden'] });
      answers.push(result);
    }
    // A true and a false test answer alike.
    expect(answers[1]).toEqual(answers[2]);
    same();
  });

  it('refuses delete and undelete from a role that may delete but not read, and allows them with read', async () => {
    const { adapter, store } = await open();
    const same = unchangedRecord(adapter);
    const refused = await store.delete('a', 1, remover);
    expect(refused).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden', path: ['context', 'role'] }] });
    if (!refused.ok) expect(refused.issues[0]?.message).toMatch(/may not read, and a delete answers with the record/);
    expect(await lastAudit(store)).toMatchObject({ action: 'delete', outcome: 'denied', issues: ['records.forbidden'] });
    same();

    expect(await store.delete('a', 1, removerReader)).toMatchObject({ ok: true, value: { meta: { version: 2, state: 'deleted' } } });
    const again = unchangedRecord(adapter);
    const undelete = await store.undelete('a', remover);
    expect(undelete).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden', path: ['context', 'role'] }] });
    if (!undelete.ok) expect(undelete.issues[0]?.message).toMatch(/may not read, and an undelete answers with the record/);
    expect(await lastAudit(store)).toMatchObject({ action: 'undelete', outcome: 'denied', issues: ['records.forbidden'] });
    again();
    expect(await store.undelete('a', removerReader)).toMatchObject({ ok: true, value: { meta: { version: 3, state: 'active' } } });
  });

  it('lets a role with write but not read update blindly, and an unchanged document answers without the version\'s reason', async () => {
    const { store } = await open();
    const unchanged = await store.update('a', patient('Rivera', { allergies: ['HIV-positive'] }), 1, clerk);
    expect(unchanged.ok && unchanged.value.meta.version).toBe(1);
    expect(unchanged.ok && 'reason' in unchanged.value.meta).toBe(false);
    const byReader = await store.update('a', patient('Rivera', { allergies: ['HIV-positive'] }), 1, doctor);
    expect(byReader.ok && byReader.value.meta.reason).toBe('visit');
    const changed = await store.update('a', patient('Rivera'), 1, clerk);
    expect(changed).toMatchObject({ ok: true, value: { meta: { version: 2, author: 'c1' }, document: patient('Rivera') } });
  });

  it('still lets a role with write and read patch', async () => {
    const { store } = await open();
    const patched = await store.patch('a', [{ op: 'test', path: '/allergies/0', value: 'HIV-positive' }, { op: 'add', path: '/gender', value: 'female' }], 1, doctor);
    expect(patched).toMatchObject({ ok: true, value: { meta: { version: 2 }, document: { gender: 'female' } } });
  });
});
