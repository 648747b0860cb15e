import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from '../../src/records/adapter.js';
import type { AccessContext } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, doctor, patient, steppingClock } from './fixtures.js';

const officer: AccessContext = { actor: 'privacy-1', role: 'privacy-officer', purposeOfUse: 'HOPERAT' };

/** The audit trail every storage adapter must give; each adapter's test file runs it. */
export function auditTrailContract(name: string, makeAdapter: () => Promise<StorageAdapter>): void {
  const open = async (policy?: Record<string, ('read' | 'write' | 'audit')[]>) => {
    const adapter = await makeAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, ...(policy ? { policy } : {}) });
    return { adapter, store };
  };

  describe(`audit trail: ${name}`, () => {
    it('lists every operation on a record newest first, failures included, in pages that join up', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      await store.read('p1', doctor);
      await store.update('p1', patient('Rivera', { gender: 'female' }), 1, doctor);
      await store.update('p1', patient('Rivers'), 1, clerk);
      await store.create('p2', patient('Other'), clerk);
      const all = await store.auditTrail('p1', {}, officer);
      expect(all.ok && all.value.events.map((e) => [e.action, e.actor, e.outcome, e.version ?? null, e.issues ?? null])).toEqual([
        ['update', 'ma-jones', 'failure', null, ['records.version_conflict']],
        ['update', 'dr-lee', 'success', 2, null],
        ['read', 'dr-lee', 'success', 1, null],
        ['create', 'ma-jones', 'success', 1, null],
      ]);
      expect(all.ok && all.value.events.every((e) => e.id === 'p1' && e.purposeOfUse === 'TREAT')).toBe(true);
      expect(all.ok && all.value.nextBefore).toBeUndefined();
      const first = await store.auditTrail('p1', { pageSize: 3 }, officer);
      expect(first.ok && first.value.events.map((e) => e.action)).toEqual(['audit-trail', 'update', 'update']);
      const before = first.ok ? first.value.nextBefore : undefined;
      expect(before).toBe(first.ok ? first.value.events[2]?.sequence : -1);
      const second = await store.auditTrail('p1', { pageSize: 3, ...(before !== undefined ? { before } : {}) }, officer);
      expect(second.ok && second.value.events.map((e) => e.action)).toEqual(['read', 'create']);
      expect(second.ok && second.value.nextBefore).toBeUndefined();
      await adapter.close();
    });

    it('shows a merge in the trails of both the duplicate and the survivor', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      await store.create('p2', patient('Rivera'), clerk);
      await store.merge('p2', 'p1', doctor);
      await store.merge('p2', 'p1', doctor);
      for (const [id, version] of [['p1', 2], ['p2', 2]] as const) {
        const trail = await store.auditTrail(id, {}, officer);
        expect(trail.ok && trail.value.events.filter((e) => e.action === 'merge').map((e) => [e.id, e.outcome, e.version ?? null, e.issues ?? null])).toEqual([
          [id, 'failure', null, ['records.merged']],
          [id, 'success', version, null],
        ]);
      }
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('shows a merge that failed in the storage in the trails of both records', async () => {
      const adapter = await makeAdapter();
      let failPutHead = false;
      const flaky: StorageAdapter = {
        ...adapter,
        name: adapter.name,
        transact: (work) => adapter.transact((tx) => work({
          ...tx,
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
      await store.create('p2', patient('Rivera'), clerk);
      failPutHead = true;
      await expect(store.merge('p2', 'p1', doctor)).rejects.toThrow('lock timeout');
      failPutHead = false;
      for (const id of ['p1', 'p2']) {
        const trail = await store.auditTrail(id, {}, officer);
        expect(trail.ok && trail.value.events.filter((e) => e.action === 'merge').map((e) => [e.id, e.actor, e.outcome, e.version ?? null, e.issues ?? null])).toEqual([
          [id, 'dr-lee', 'failure', null, ['records.storage_failed']],
        ]);
      }
      expect((await store.read('p2', clerk)).ok).toBe(true);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('bounds the trail by time and keeps probes of ids that do not exist', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk); // 12:30:00
      await store.read('p1', doctor); // 12:30:01
      await store.read('p1', clerk); // 12:30:02
      await store.read('ghost', clerk); // 12:30:03, not found
      const window = await store.auditTrail('p1', { since: DateTime.fromISO('2026-11-02T12:30:01Z'), until: DateTime.fromISO('2026-11-02T12:30:01.999Z') }, officer);
      expect(window.ok && window.value.events.map((e) => [e.action, e.actor, e.at])).toEqual([['read', 'dr-lee', '2026-11-02T12:30:01.000Z']]);
      const ghost = await store.auditTrail('ghost', {}, officer);
      expect(ghost.ok && ghost.value.events.map((e) => [e.action, e.outcome, e.issues])).toEqual([['read', 'failure', ['records.not_found']]]);
      await adapter.close();
    });

    it('audits an attempt whose context is refused, naming what of it is well formed', async () => {
      const { adapter, store } = await open();
      await store.create('p1', patient('Rivera'), clerk);
      const curious = await store.read('p1', { actor: 'mallory', role: 'assistant', purposeOfUse: 'CURIOSITY' } as never);
      expect(curious).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['context', 'purposeOfUse'] }] });
      const surrogate = await store.update('p1', patient('Rivers'), 1, { ...clerk, actor: 'ma-\ud800' });
      expect(surrogate).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['context', 'actor'] }] });
      expect(await store.read('p1', null as never)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input' }] });
      const trail = await store.auditTrail('p1', {}, officer);
      expect(trail.ok && trail.value.events.slice(0, 3).map((e) => [e.action, e.actor, e.role, e.purposeOfUse, e.outcome])).toEqual([
        ['read', '?', '?', '?', 'failure'],
        ['update', '?', 'assistant', 'TREAT', 'failure'],
        ['read', 'mallory', 'assistant', '?', 'failure'],
      ]);
      expect((await store.read('p1', clerk)).ok).toBe(true);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });

    it('needs the audit permission, audits the refusal, and answers bad queries with issues', async () => {
      const { adapter, store } = await open({ assistant: ['read', 'write'], 'privacy-officer': ['audit'] });
      await store.create('p1', patient('Rivera'), clerk);
      const refused = await store.auditTrail('p1', {}, clerk);
      expect(refused).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
      for (const [query, path] of [[{ pageSize: 0 }, 'pageSize'], [{ before: 1.5 }, 'before'], [{ before: 2 ** 63 }, 'before'], [{ before: 1e300 }, 'before'], [{ since: DateTime.invalid('no') }, 'since']] as const) {
        const bad = await store.auditTrail('p1', query, officer);
        expect(bad).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['query', path] }] });
      }
      expect(await store.history('p1', { before: 2 ** 63 }, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['query', 'before'] }] });
      const trail = await store.auditTrail('p1', { pageSize: 1000 }, officer);
      expect(trail.ok && trail.value.events.filter((e) => e.action === 'audit-trail').map((e) => e.outcome)).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'denied']);
      expect((await store.verify()).ok).toBe(true);
      await adapter.close();
    });
  });
}
