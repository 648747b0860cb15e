import { generateKeyPairSync } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from '../../src/records/adapter.js';
import type { AccessPolicy } from '../../src/records/context.js';
import { signCheckpoint, verifyCheckpoint } from '../../src/records/checkpoint.js';
import { applyPatch } from '../../src/records/jsonPatch.js';
import type { JsonValue } from '../../src/records/json.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, doctor, patient, steppingClock } from './fixtures.js';

/** The behaviour every storage adapter must show; each adapter's test file runs it. */
export function storeContract(name: string, makeAdapter: () => Promise<StorageAdapter>): void {
  const open = async (options: { policy?: AccessPolicy } = {}) => {
    const adapter = await makeAdapter();
    const time = steppingClock();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: time.clock, ...(options.policy ? { policy: options.policy } : {}) });
    return { adapter, store, time };
  };

  describe(`record store contract: ${name}`, () => {
    it('creates, reads, updates with the expected version and keeps every version', async () => {
      const { adapter, store } = await open();
      const created = await store.create('p1', patient('Rivera'), clerk);
      expect(created.ok && created.value.meta).toMatchObject({ id: 'p1', version: 1, operation: 'create', author: 'ma-jones', at: '2026-11-02T12:30:00.000Z' });
      const updated = await store.update('p1', patient('Rivera', { gender: 'female' }), 1, doctor);
      expect(updated.ok && updated.value.meta).toMatchObject({ version: 2, reason: 'visit', author: 'dr-lee' });
      const first = await store.readVersion('p1', 1, clerk);
      expect(first.ok && first.value.document).toEqual(patient('Rivera'));
      const now = await store.read('p1', clerk);
      expect(now.ok && now.value.document).toEqual(patient('Rivera', { gender: 'female' }));
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('answers a stale expected version with records.version_conflict carrying the current version', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      await store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk);
      const stale = await store.update('p1', patient('Rivers'), 1, clerk);
      expect(stale).toMatchObject({ ok: false, issues: [{ code: 'records.version_conflict', path: ['expectedVersion'], currentVersion: 2 }] });
      const results = await Promise.all([0, 1, 2, 3, 4].map((i) => store.update('p1', patient(`Name${i}`), 2, clerk)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.issues[0]?.code === 'records.version_conflict')).toHaveLength(4);
      await adapter.close();
    });

    it('answers an expected version ahead of the current one with records.version_conflict, for update, patch and delete', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      const conflict = { ok: false, issues: [{ code: 'records.version_conflict', path: ['expectedVersion'], currentVersion: 1 }] };
      expect(await store.update('p1', patient('Rivers'), 7, clerk)).toMatchObject(conflict);
      expect(await store.patch('p1', [{ op: 'replace', path: '/birthDate', value: '1981-01-01' }], 7, clerk)).toMatchObject(conflict);
      expect(await store.delete('p1', 7, clerk)).toMatchObject(conflict);
      const now = await store.read('p1', clerk);
      expect(now.ok && now.value.meta.version).toBe(1);
      expect(now.ok && now.value.document).toEqual(patient('Rivera'));
      await adapter.close();
    });

    it('writes no version for a change that changes nothing', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      const same = await store.update('p1', patient('Rivera'), 1, clerk);
      expect(same.ok && same.value.meta.version).toBe(1);
      const noop = await store.patch('p1', [{ op: 'test', path: '/birthDate', value: '1980-04-02' }], 1, clerk);
      expect(noop.ok && noop.value.meta.version).toBe(1);
      await adapter.close();
    });

    it('patches atomically and validates the result', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      const failing = await store.patch('p1', [{ op: 'replace', path: '/birthDate', value: '1981-01-01' }, { op: 'remove', path: '/nothing' }], 1, clerk);
      expect(failing).toMatchObject({ ok: false, issues: [{ code: 'records.patch_path_missing', path: ['patch', 1, 'path'] }] });
      const invalid = await store.patch('p1', [{ op: 'replace', path: '/birthDate', value: '1981-02-30' }], 1, clerk);
      expect(invalid).toMatchObject({ ok: false, issues: [{ code: 'records.schema', path: ['document', 'birthDate'] }] });
      const unsafe = await store.patch('p1', [{ op: 'add', path: '/__proto__/polluted', value: 1 }], 1, clerk);
      expect(unsafe).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe' }] });
      const good = await store.patch('p1', [{ op: 'replace', path: '/birthDate', value: '1981-01-01' }], 1, clerk);
      expect(good.ok && good.value.meta.version).toBe(2);
      await adapter.close();
    });

    it('soft-deletes (gone, not not found), undeletes, and expunges only with the permission', async () => {
      const { adapter, store } = await open({ policy: { assistant: ['read', 'write', 'delete'], privacy: ['read', 'expunge'] } });
      await store.create('p1', patient('Rivera'), clerk);
      await store.delete('p1', 1, clerk);
      expect(await store.read('p1', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.gone', currentVersion: 2 }] });
      expect(await store.read('p9', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
      const back = await store.undelete('p1', clerk);
      expect(back.ok && back.value.meta).toMatchObject({ version: 3, operation: 'undelete' });
      expect(await store.expunge('p1', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
      const privacy = { actor: 'po-1', role: 'privacy', purposeOfUse: 'LEGAL' as const, reason: 'court order' };
      expect((await store.expunge('p1', privacy)).ok).toBe(true);
      expect(await store.read('p1', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
      expect(await store.readVersion('p1', 1, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('refuses to create an expunged id again without telling anything of its history', async () => {
      const { adapter, store } = await open({ policy: { assistant: ['read', 'write'], privacy: ['expunge'] } });
      await store.create('p1', patient('Rivera'), clerk);
      await store.update('p1', patient('Rivers'), 1, clerk);
      await store.update('p1', patient('Riviera'), 2, clerk);
      expect(await store.create('p1', patient('Again'), clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.already_exists', path: ['id'], currentVersion: 3 }] });
      expect((await store.expunge('p1', { actor: 'po-1', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
      const again = await store.create('p1', patient('Again'), clerk);
      expect(again).toMatchObject({ ok: false, issues: [{ code: 'records.already_exists', path: ['id'] }] });
      expect(again.ok ? [] : again.issues.map((issue) => Object.keys(issue).sort())).toEqual([['code', 'message', 'path', 'severity']]);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('lists history newest first, paged, since and at a time, and reads as of a time', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('V1'), clerk);
      for (let v = 2; v <= 40; v++) await store.update('p1', patient(`V${v}`), v - 1, clerk);
      const page1 = await store.history('p1', { pageSize: 15 }, clerk);
      expect(page1.ok && page1.value.versions.map((m) => m.version).slice(0, 3)).toEqual([40, 39, 38]);
      expect(page1.ok && page1.value.nextBefore).toBe(26);
      const page3 = await store.history('p1', { pageSize: 15, before: 11 }, clerk);
      expect(page3.ok && page3.value).toEqual({ versions: expect.any(Array) });
      expect(page3.ok && page3.value.versions.map((m) => m.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      const v5 = await store.readVersion('p1', 5, clerk);
      if (!v5.ok) throw new Error('version 5 missing');
      const since = await store.history('p1', { since: DateTime.fromISO(v5.value.meta.at) }, clerk);
      expect(since.ok && since.value.versions.at(-1)?.version).toBe(5);
      const asOf = await store.readAsOf('p1', DateTime.fromISO(v5.value.meta.at).plus({ milliseconds: 500 }), clerk);
      expect(asOf.ok && asOf.value.meta.version).toBe(5);
      expect(asOf.ok && asOf.value.document).toEqual(patient('V5'));
      const atPage = await store.history('p1', { at: DateTime.fromISO(v5.value.meta.at) }, clerk);
      expect(atPage.ok && atPage.value.versions[0]?.version).toBe(5);
      const before = await store.readAsOf('p1', DateTime.fromISO('2020-01-01T00:00:00Z'), clerk);
      expect(before).toMatchObject({ ok: false, issues: [{ code: 'records.not_found', path: ['at'] }] });
      await adapter.close();
    });

    it('diffs any two versions, and replaying diffs from version 1 reproduces every version', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('A'), clerk);
      await store.update('p1', patient('B', { telecom: [{ system: 'phone', value: '555-0100' }] }), 1, clerk);
      await store.update('p1', patient('B', { telecom: [{ system: 'phone', value: '555-0199' }], gender: 'female' }), 2, clerk);
      let document = (await store.readVersion('p1', 1, clerk)) as { ok: true; value: { document: JsonValue } };
      let current: JsonValue = document.value.document;
      for (let v = 2; v <= 3; v++) {
        const d = await store.diff('p1', v - 1, v, clerk);
        if (!d.ok) throw new Error('diff failed');
        const next = applyPatch(current, d.value);
        document = (await store.readVersion('p1', v, clerk)) as typeof document;
        expect(next.ok && next.value).toEqual(document.value.document);
        current = document.value.document;
      }
      await adapter.close();
    });

    it('keeps corrections and amendments beside the original versions', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera', { allergies: ['penicillin'] }), clerk);
      const fixed = await store.correct('p1', { errorVersion: 1, expectedVersion: 1, document: patient('Rivera', { allergies: ['penicillin'], birthDate: '1980-04-20' }), reason: 'digits swapped' }, doctor);
      expect(fixed.ok && fixed.value).toMatchObject({ errorVersion: 1, correctedVersion: 2 });
      const request = await store.requestAmendment('p1', { version: 2, description: 'not allergic to penicillin' }, { actor: 'patient-p1', role: 'patient', purposeOfUse: 'PATRQT' });
      if (!request.ok) throw new Error('request failed');
      const accepted = await store.decideAmendment('p1', request.value.id, { outcome: 'accepted', expectedVersion: 2, patch: [{ op: 'remove', path: '/allergies/0' }] }, doctor);
      expect(accepted.ok && accepted.value).toMatchObject({ status: 'accepted', appliedVersion: 3 });
      expect(await store.decideAmendment('p1', request.value.id, { outcome: 'denied', reason: 'x' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_state' }] });
      const second = await store.requestAmendment('p1', { version: 3, description: 'birth year is 1979' }, { actor: 'patient-p1', role: 'patient', purposeOfUse: 'PATRQT' });
      if (!second.ok) throw new Error('request failed');
      await store.decideAmendment('p1', second.value.id, { outcome: 'denied', reason: 'birth certificate on file' }, doctor);
      await store.fileAmendmentStatement('p1', second.value.id, 'disagreement', 'I was born in 1979.', { actor: 'patient-p1', role: 'patient', purposeOfUse: 'PATRQT' });
      await store.fileAmendmentStatement('p1', second.value.id, 'rebuttal', 'Certificate says 1980.', doctor);
      const list = await store.amendments('p1', clerk);
      expect(list.ok && list.value.map((a) => a.status)).toEqual(['accepted', 'denied']);
      expect(list.ok && list.value[1]?.rebuttal?.statement).toBe('Certificate says 1980.');
      const original = await store.readVersion('p1', 1, clerk);
      expect(original.ok && original.value.document).toMatchObject({ birthDate: '1980-04-02', allergies: ['penicillin'] });
      expect(original.ok && original.value.meta.correctedBy).toBe(2);
      const marked = await store.history('p1', {}, clerk);
      expect(marked.ok && marked.value.versions.map((m) => [m.version, m.correctedBy])).toEqual([[3, undefined], [2, undefined], [1, 2]]);
      const asOf = await store.readAsOf('p1', DateTime.fromISO(original.ok ? original.value.meta.at : '', { zone: 'UTC' }), clerk);
      expect(asOf.ok && asOf.value.meta).toMatchObject({ version: 1, correctedBy: 2 });
      expect(await store.corrections('p1', clerk)).toMatchObject({ ok: true, value: [{ errorVersion: 1, correctedVersion: 2, by: 'dr-lee', reason: 'digits swapped' }] });
      expect(list.ok && list.value.map((a) => [a.version, a.appliedVersion])).toEqual([[2, 3], [3, undefined]]);
      const corrected = await store.readVersion('p1', 2, clerk);
      expect(corrected.ok && corrected.value.meta).toMatchObject({ operation: 'correct', reason: 'digits swapped' });
      const amended = await store.readVersion('p1', 3, clerk);
      expect(amended.ok && amended.value.meta).toMatchObject({ operation: 'amend', author: 'dr-lee' });
      expect(await store.requestAmendment('p1', { version: 9, description: 'x' }, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.version_not_found', path: ['request', 'version'] }] });
      expect(await store.correct('p1', { errorVersion: 0, expectedVersion: 3, document: patient('Rivera'), reason: 'x' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.version_not_found', path: ['correction', 'errorVersion'] }] });
      const current = await store.read('p1', clerk);
      const selfCorrection = await store.correct('p1', { errorVersion: 3, expectedVersion: 3, document: current.ok ? current.value.document : null, reason: 'x' }, doctor);
      expect(selfCorrection).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['correction', 'document'] }] });
      const already = await store.correct('p1', { errorVersion: 1, expectedVersion: 3, document: current.ok ? current.value.document : null, reason: 'fixed by version 2' }, doctor);
      expect(already.ok && already.value).toMatchObject({ errorVersion: 1, correctedVersion: 3 });
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('separates requesting an amendment from deciding it, and accepting with a patch needs write too', async () => {
      const { adapter, store } = await open({ policy: { patient: ['amend'], physician: ['read', 'write', 'amend-decide'], reviewer: ['read', 'amend-decide'] } });
      const person = { actor: 'patient-p1', role: 'patient', purposeOfUse: 'PATRQT' as const };
      const reviewer = { actor: 'hm-ortiz', role: 'reviewer', purposeOfUse: 'HOPERAT' as const };
      await store.create('p1', patient('Rivera', { allergies: ['penicillin'] }), doctor);
      const request = await store.requestAmendment('p1', { version: 1, description: 'not allergic', proposedPatch: [{ op: 'remove', path: '/allergies/0' }] }, person);
      if (!request.ok) throw new Error('request failed');
      const forbidden = { ok: false, issues: [{ code: 'records.forbidden', path: ['context', 'role'] }] };
      expect(await store.decideAmendment('p1', request.value.id, { outcome: 'accepted', expectedVersion: 1, patch: [{ op: 'remove', path: '/allergies/0' }] }, person)).toMatchObject(forbidden);
      expect(await store.decideAmendment('p1', request.value.id, { outcome: 'accepted', expectedVersion: 1, patch: [{ op: 'remove', path: '/allergies/0' }] }, reviewer)).toMatchObject(forbidden);
      const accepted = await store.decideAmendment('p1', request.value.id, { outcome: 'accepted', expectedVersion: 1, patch: [{ op: 'remove', path: '/allergies/0' }] }, { ...doctor, reason: 'chart review' });
      expect(accepted.ok && accepted.value).toMatchObject({ status: 'accepted', appliedVersion: 2 });
      const amended = await store.readVersion('p1', 2, doctor);
      expect(amended.ok && amended.value.meta.reason).toBe(`amendment ${request.value.id} accepted: chart review`);
      const second = await store.requestAmendment('p1', { version: 2, description: 'born 1979' }, person);
      if (!second.ok) throw new Error('request failed');
      await store.decideAmendment('p1', second.value.id, { outcome: 'denied', reason: 'certificate on file' }, reviewer);
      expect(await store.fileAmendmentStatement('p1', second.value.id, 'rebuttal', 'x', person)).toMatchObject(forbidden);
      const before = (await adapter.scan(1, 10_000)).filter((e) => e.kind === 'amendment').length;
      expect(await store.fileAmendmentStatement('p1', second.value.id, 'withdrawal' as never, 'x', person)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['kind'] }] });
      expect(await store.fileAmendmentStatement('p1', second.value.id, { toString: null } as never, 'x', person)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['kind'] }] });
      expect((await adapter.scan(1, 10_000)).filter((e) => e.kind === 'amendment')).toHaveLength(before);
      expect((await store.fileAmendmentStatement('p1', second.value.id, 'disagreement', 'I was born in 1979.', person)).ok).toBe(true);
      expect((await store.fileAmendmentStatement('p1', second.value.id, 'rebuttal', 'Certificate says 1980.', reviewer)).ok).toBe(true);
      await adapter.close();
    });

    it('accounts for disclosures over six years, leaving out treatment, payment and operations', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      const disclose = (date: string, purpose: 'PUBHLTH' | 'TREAT' | 'LEGAL') => store.recordDisclosure('p1', { date, recipient: 'County', description: 'labs', purpose }, clerk);
      await disclose('2019-06-01', 'PUBHLTH');
      await disclose('2021-03-04', 'LEGAL');
      await disclose('2026-10-01', 'TREAT');
      await disclose('2026-10-02', 'PUBHLTH');
      const report = await store.accountingOfDisclosures('p1', DateTime.fromISO('2026-11-02', { zone: 'America/New_York' }), clerk);
      expect(report.ok && report.value.map((d) => d.date)).toEqual(['2026-10-02', '2021-03-04']);
      expect(await disclose('2026-13-01', 'LEGAL')).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['disclosure', 'date'] }] });
      expect((await disclose('2026-11-03', 'LEGAL')).ok).toBe(true);
      expect(await disclose('2026-11-04', 'LEGAL')).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['disclosure', 'date'] }] });
      const far = await store.accountingOfDisclosures('p1', DateTime.fromISO('+012026-01-01', { zone: 'UTC' }), clerk);
      expect(far.ok && far.value).toEqual([]);
      const near = await store.accountingOfDisclosures('p1', DateTime.fromISO('+010002-01-01', { zone: 'UTC' }), clerk);
      expect(near.ok && near.value).toEqual([]);
      expect(await store.accountingOfDisclosures('nobody', DateTime.fromISO('2026-11-02', { zone: 'UTC' }), clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
      await adapter.close();
    });

    it("gives a survivor's accounting the disclosures of the records merged into it, and sends new ones to the survivor", async () => {
      const { adapter, store } = await open();
      for (const id of ['a', 'b', 'c']) await store.create(id, patient('Rivera'), clerk);
      const disclose = (id: string, date: string) => store.recordDisclosure(id, { date, recipient: `County ${id}`, description: 'labs', purpose: 'PUBHLTH' }, clerk);
      await disclose('a', '2026-01-01');
      await disclose('b', '2026-02-01');
      await disclose('c', '2026-03-01');
      expect((await store.merge('a', 'b', clerk)).ok).toBe(true);
      expect((await store.merge('b', 'c', clerk)).ok).toBe(true);
      expect(await disclose('a', '2026-04-01')).toMatchObject({ ok: false, issues: [{ code: 'records.merged', survivorId: 'b' }] });
      expect((await store.delete('c', 2, clerk)).ok).toBe(true);
      expect((await disclose('c', '2026-05-01')).ok).toBe(true);
      const report = await store.accountingOfDisclosures('c', DateTime.fromISO('2026-11-02', { zone: 'UTC' }), clerk);
      expect(report.ok && report.value.map((d) => d.recipient)).toEqual(['County c', 'County c', 'County b', 'County a']);
      const duplicate = await store.accountingOfDisclosures('a', DateTime.fromISO('2026-11-02', { zone: 'UTC' }), clerk);
      expect(duplicate.ok && duplicate.value.map((d) => d.recipient)).toEqual(['County a']);
      await adapter.close();
    });

    it('keeps the disclosures of merged records in the accounting after the records they were merged into are expunged', async () => {
      const { adapter, store } = await open({ policy: { assistant: ['read', 'write', 'disclose', 'merge'], privacy: ['read', 'expunge'] } });
      const privacy = { actor: 'po-1', role: 'privacy', purposeOfUse: 'LEGAL' as const, reason: 'court order' };
      for (const id of ['a', 'b', 'c']) await store.create(id, patient('Rivera'), clerk);
      for (const id of ['a', 'b', 'c']) await store.recordDisclosure(id, { date: '2026-01-01', recipient: `County ${id}`, description: 'labs', purpose: 'PUBHLTH' }, clerk);
      await store.merge('a', 'b', clerk);
      await store.merge('b', 'c', clerk);
      const before = await store.accountingOfDisclosures('c', DateTime.fromISO('2026-11-02', { zone: 'UTC' }), clerk);
      expect((await store.expunge('b', privacy)).ok).toBe(true);
      expect((await store.expunge('c', privacy)).ok).toBe(true);
      const after = await store.accountingOfDisclosures('c', DateTime.fromISO('2026-11-02', { zone: 'UTC' }), privacy);
      expect(after.ok && after.value.map((d) => d.recipient).sort()).toEqual(['County a', 'County b', 'County c']);
      expect(after).toEqual(before);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('merges a duplicate: both histories kept, reads of the duplicate point to the survivor', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      await store.create('p2', patient('Rivera'), clerk);
      const merged = await store.merge('p2', 'p1', clerk);
      expect(merged.ok && merged.value.duplicate).toMatchObject({ replacedBy: 'p1', state: 'merged' });
      expect(merged.ok && merged.value.survivor).toMatchObject({ replaces: 'p2', version: 2 });
      expect(await store.read('p2', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.merged', survivorId: 'p1' }] });
      const history = await store.history('p2', {}, clerk);
      expect(history.ok && history.value.versions).toHaveLength(2);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('audits every read and write, failures included, and signs checkpoints', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      await store.read('p1', doctor);
      await store.read('nobody', doctor);
      await store.update('p1', { resourceType: 'Patient' }, 1, clerk);
      const entries = await adapter.scan(1, 100);
      const audits = entries.filter((e) => e.kind === 'audit').map((e) => JSON.parse(e.data ?? '{}') as Record<string, unknown>);
      expect(audits.map((a) => [a['action'], a['outcome'], a['actor'], a['purposeOfUse']])).toEqual([
        ['create', 'success', 'ma-jones', 'TREAT'],
        ['read', 'success', 'dr-lee', 'TREAT'],
        ['read', 'failure', 'dr-lee', 'TREAT'],
        ['update', 'failure', 'ma-jones', 'TREAT'],
      ]);
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const checkpoint = await signCheckpoint(adapter, privateKey);
      expect(checkpoint.sequence).toBe(5);
      expect((await verifyCheckpoint(adapter, checkpoint, publicKey)).ok).toBe(true);
      expect(await verifyCheckpoint(adapter, { ...checkpoint, sequence: 4 }, publicKey)).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken' }] });
      await adapter.close();
    });

    it('commits a transaction whole or not at all', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      const before = await adapter.scan(1, 100);
      await expect(adapter.transact(async (tx) => {
        const head = await tx.head('Patient/p1');
        if (head !== undefined) await tx.putHead({ ...head, version: 99 });
        await tx.clearData('Patient/p1', ['version']);
        throw new Error('power cut');
      })).rejects.toThrow('power cut');
      expect(await adapter.scan(1, 100)).toEqual(before);
      expect((await store.read('p1', clerk)).ok).toBe(true);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it("keeps version, head, chain link and audit event together when the store's append fails", async () => {
      const { adapter } = await open();
      let failAppend = false;
      let failPutHead = false;
      const flaky: StorageAdapter = {
        ...adapter,
        name: adapter.name,
        transact: (work) => adapter.transact((tx) => work({
          ...tx,
          append: async (rows) => {
            if (failAppend) throw new Error('disk full');
            await tx.append(rows);
          },
          putHead: async (row) => {
            if (failPutHead) throw new Error('lock timeout');
            await tx.putHead(row);
          },
        })),
        scan: (from, limit) => adapter.scan(from, limit),
        heads: () => adapter.heads(),
        close: () => adapter.close(),
      };
      const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: flaky, clock: steppingClock().clock });
      await store.create('p1', patient('Rivera'), clerk);
      const before = await adapter.scan(1, 100);
      const heads = await adapter.heads();
      failAppend = true;
      await expect(store.update('p1', patient('Rivers'), 1, clerk)).rejects.toThrow('disk full');
      failAppend = false;
      expect(await adapter.scan(1, 100)).toEqual(before);
      expect(await adapter.heads()).toEqual(heads);
      failPutHead = true;
      await expect(store.update('p1', patient('Rivers'), 1, clerk)).rejects.toThrow('lock timeout');
      failPutHead = false;
      const audited = (await adapter.scan(1, 100)).slice(before.length);
      expect(audited.map((e) => [e.kind, e.recordId, e.version])).toEqual([['audit', 'Patient/p1', null]]);
      expect(JSON.parse(audited[0]?.data ?? '{}')).toMatchObject({ action: 'update', outcome: 'failure', issues: ['records.storage_failed'] });
      expect(await adapter.heads()).toEqual(heads);
      const after = await store.update('p1', patient('Rivers'), 1, clerk);
      expect(after.ok && after.value.meta.version).toBe(2);
      const read = await store.read('p1', clerk);
      expect(read.ok && read.value.document).toEqual(patient('Rivers'));
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('pages through history without skipping or repeating, and reads as of exact version times', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('V1'), clerk);
      for (let v = 2; v <= 23; v++) await store.update('p1', patient(`V${v}`), v - 1, clerk);
      for (const pageSize of [1, 4, 7, 22, 23, 50]) {
        const seen: number[] = [];
        let before: number | undefined;
        for (let pages = 0; pages < 30; pages++) {
          const page = await store.history('p1', { pageSize, ...(before !== undefined ? { before } : {}) }, clerk);
          if (!page.ok) throw new Error('history failed');
          seen.push(...page.value.versions.map((m) => m.version));
          before = page.value.nextBefore;
          if (before === undefined) break;
        }
        expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
      }
      const v7 = await store.readVersion('p1', 7, clerk);
      const v8 = await store.readVersion('p1', 8, clerk);
      if (!v7.ok || !v8.ok) throw new Error('versions missing');
      const at7 = DateTime.fromISO(v7.value.meta.at, { zone: 'UTC' });
      const at8 = DateTime.fromISO(v8.value.meta.at, { zone: 'UTC' });
      const exact = await store.readAsOf('p1', at7, clerk);
      expect(exact.ok && exact.value.meta.version).toBe(7);
      const justBefore = await store.readAsOf('p1', at8.minus({ milliseconds: 1 }), clerk);
      expect(justBefore.ok && justBefore.value.meta.version).toBe(7);
      const exactNext = await store.readAsOf('p1', at8.setZone('America/New_York'), clerk);
      expect(exactNext.ok && exactNext.value.document).toEqual(patient('V8'));
      const beforeFirst = await store.readAsOf('p1', DateTime.fromISO('2026-11-02T12:30:00.000Z', { zone: 'UTC' }).minus({ milliseconds: 1 }), clerk);
      expect(beforeFirst).toMatchObject({ ok: false, issues: [{ code: 'records.not_found', path: ['at'] }] });
      const atPage = await store.history('p1', { at: at7, pageSize: 3 }, clerk);
      expect(atPage.ok && atPage.value).toEqual({ versions: [expect.objectContaining({ version: 7 }), expect.objectContaining({ version: 6 }), expect.objectContaining({ version: 5 })], nextBefore: 5 });
      await adapter.close();
    });

    it('keeps concurrent transactions apart: one failing undoes only itself', async () => {
      const { adapter, store } = await open();
      const results = await Promise.allSettled([
        store.create('p1', patient('One'), clerk),
        adapter.transact(async (tx) => {
          await tx.putHead({ recordId: 'Patient/zz', version: 1, state: 'active', document: '{}', replacedBy: null, at: '2026-01-01T00:00:00.000Z' });
          throw new Error('rolled back');
        }),
        store.create('p2', patient('Two'), clerk),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await adapter.heads()).map((h) => h.recordId).sort()).toEqual(['Patient/p1', 'Patient/p2']);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('serves minimum-necessary views by role and purpose', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera', { telecom: [{ system: 'phone', value: '555-0100' }] }), clerk);
      const policy = [{ role: 'biller', purposes: ['HPAYMT' as const], fields: ['/name/*/family', '/birthDate'] }];
      const biller = { actor: 'bo', role: 'biller', purposeOfUse: 'HPAYMT' as const };
      const view = await store.readView('p1', policy, biller);
      expect(view.ok && view.value.document).toEqual({ name: [{ family: 'Rivera' }], birthDate: '1980-04-02' });
      expect(await store.readView('p1', policy, { ...biller, purposeOfUse: 'TREAT' })).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
      expect(await store.readView('p1', [{ role: 'biller', purposes: 'HPAYMT', fields: ['/name'] }] as never, biller)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['policy', 0, 'purposes'] }] });
      const audits = (await adapter.scan(1, 1000)).filter((e) => e.kind === 'audit' && e.data !== null).map((e) => JSON.parse(e.data ?? '{}') as { action: string; outcome: string });
      expect(audits.slice(-3).map((e) => [e.action, e.outcome])).toEqual([['read-view', 'success'], ['read-view', 'denied'], ['read-view', 'failure']]);
      await adapter.close();
    });

    it('confines a role given only view to views, and shows no version reason through a view', async () => {
      const { adapter, store } = await open({ policy: { assistant: ['read', 'write'], biller: ['view'] } });
      await store.create('p1', patient('Rivera'), { ...clerk, reason: 'new HIV+ result; started ART' });
      const policy = [{ role: 'biller', purposes: ['HPAYMT' as const], fields: ['/name/*/family'] }];
      const biller = { actor: 'bo', role: 'biller', purposeOfUse: 'HPAYMT' as const };
      const view = await store.readView('p1', policy, biller);
      expect(view.ok && view.value.document).toEqual({ name: [{ family: 'Rivera' }] });
      expect(view.ok && 'reason' in view.value.meta).toBe(false);
      expect(await store.read('p1', biller)).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
      expect(await store.history('p1', {}, biller)).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
      expect((await store.readView('p1', [{ role: 'assistant', purposes: ['TREAT'], fields: ['/name'] }], clerk)).ok).toBe(true);
      await adapter.close();
    });

    it('rejects bad input with clear issues and leaves the records unchanged', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      expect(await store.create('p1', patient('X'), clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.already_exists' }] });
      expect(await store.create('bad id!', patient('X'), clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['id'] }] });
      expect(await store.create('p2', { resourceType: 'Patient', name: [] }, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.schema', path: ['document', 'name'] }] });
      const huge = patient('X', { allergies: Array.from({ length: 100 }, () => 'x'.repeat(200)) });
      const small = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, maxDocumentBytes: 4096 });
      expect(await small.create('p3', huge, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.too_large' }] });
      expect(await store.read('p1', { actor: '', role: 'x', purposeOfUse: 'TREAT' })).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['context', 'actor'] }] });
      expect(await store.readVersion('p1', 7, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.version_not_found' }] });
      const now = await store.read('p1', clerk);
      expect(now.ok && now.value.meta.version).toBe(1);
      expect(await store.read('p2', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });
  });
}
