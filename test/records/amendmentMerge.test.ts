import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { StorageAdapter } from '../../src/records/adapter.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient, steppingClock } from './fixtures.js';

const policy: AccessPolicy = { physician: ['read', 'write', 'delete', 'merge', 'amend', 'amend-decide'], patient: ['amend'] };
const ana: AccessContext = { actor: 'ana', role: 'patient', purposeOfUse: 'PATRQT' };
const folder = mkdtempSync(join(tmpdir(), 'medoffice-amend-merge-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function open(adapter: StorageAdapter = memoryAdapter()) {
  return { adapter, store: createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock, policy }) };
}

/** p1 and p2, with a pending and a denied request on p2, then p2 merged into p1. */
async function mergedWithRequests(adapter?: StorageAdapter) {
  const { store } = open(adapter);
  await store.create('p1', patient('Rivera'), doctor);
  await store.create('p2', patient('Rivera', { birthDate: '1980-04-03' }), doctor);
  const pending = await store.requestAmendment('p2', { version: 1, description: 'my birth date is 1980-04-02', proposedPatch: [{ op: 'replace', path: '/birthDate', value: '1980-04-02' }] }, ana);
  const denied = await store.requestAmendment('p2', { version: 1, description: 'I am not allergic' }, ana);
  if (!pending.ok || !denied.ok) throw new Error('request failed');
  await store.decideAmendment('p2', denied.value.id, { outcome: 'denied', reason: 'accurate and complete' }, doctor);
  expect((await store.merge('p2', 'p1', doctor)).ok).toBe(true);
  return { store, pending: pending.value.id, denied: denied.value.id };
}

describe("a merged duplicate's amendments follow the merge", () => {
  it('lists them under the survivor, each naming the record and version it concerns', async () => {
    const { store, pending, denied } = await mergedWithRequests();
    const listed = await store.amendments('p1', doctor);
    expect(listed).toMatchObject({ ok: true, value: [{ id: pending, recordId: 'p2', version: 1, status: 'requested' }, { id: denied, recordId: 'p2', version: 1, status: 'denied' }] });
  });

  it('decides a pending request through the survivor, applying the patch to the survivor, while the merged id still answers records.merged', async () => {
    const { store, pending } = await mergedWithRequests();
    const decision = { outcome: 'accepted', expectedVersion: 2, patch: [{ op: 'replace', path: '/name/0/family', value: 'Rivera-Ortiz' }] } as const;
    expect(await store.decideAmendment('p2', pending, decision, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.merged', survivorId: 'p1' }] });
    const accepted = await store.decideAmendment('p1', pending, decision, doctor);
    expect(accepted).toMatchObject({ ok: true, value: { id: pending, recordId: 'p2', status: 'accepted', appliedVersion: 3, appliedRecordId: 'p1' } });
    const survivor = await store.read('p1', doctor);
    expect(survivor.ok && survivor.value).toMatchObject({ meta: { version: 3, operation: 'amend' }, document: { name: [{ family: 'Rivera-Ortiz' }] } });
    // The decision is the duplicate's history too: listed the same under either id.
    const fromDuplicate = await store.amendments('p2', doctor);
    expect(fromDuplicate.ok && fromDuplicate.value.find((a) => a.id === pending)).toMatchObject({ status: 'accepted', appliedVersion: 3, appliedRecordId: 'p1' });
    expect((await store.verify()).ok).toBe(true);
  });

  it("takes the individual's disagreement and the rebuttal on a denial made before the merge, through the survivor", async () => {
    const { store, denied } = await mergedWithRequests();
    expect(await store.fileAmendmentStatement('p2', denied, 'disagreement', 'I disagree', ana)).toMatchObject({ ok: false, issues: [{ code: 'records.merged', survivorId: 'p1' }] });
    expect(await store.fileAmendmentStatement('p1', denied, 'disagreement', 'I disagree', ana)).toMatchObject({ ok: true, value: { disagreement: { by: 'ana' } } });
    expect(await store.fileAmendmentStatement('p1', denied, 'rebuttal', 'We stand by it', doctor)).toMatchObject({ ok: true, value: { rebuttal: { by: 'dr-lee' } } });
    expect(await store.amendments('p1', doctor)).toMatchObject({ ok: true, value: [{}, { id: denied, disagreement: { statement: 'I disagree' }, rebuttal: { statement: 'We stand by it' } }] });
  });

  it('follows merges of merges, and refuses an amendment of a record not merged into the one asked', async () => {
    const { store, pending } = await mergedWithRequests();
    await store.create('p0', patient('Rivera'), doctor);
    await store.create('q', patient('Quinn'), doctor);
    expect((await store.merge('p1', 'p0', doctor)).ok).toBe(true);
    expect(await store.amendments('p0', doctor)).toMatchObject({ ok: true, value: [{ id: pending, recordId: 'p2' }, {}] });
    expect(await store.decideAmendment('q', pending, { outcome: 'denied', reason: 'no' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_not_found' }] });
    expect(await store.decideAmendment('p0', pending, { outcome: 'denied', reason: 'accurate' }, doctor)).toMatchObject({ ok: true, value: { status: 'denied' } });
  });

  it('agrees on memory and SQLite, answers and chain alike, and both verify', async () => {
    const memory = memoryAdapter();
    const sqlite = await sqliteAdapter({ path: join(folder, 'merge.db') });
    try {
      const answers = [];
      for (const adapter of [memory, sqlite]) {
        const { store, pending, denied } = await mergedWithRequests(adapter);
        const decided = await store.decideAmendment('p1', pending, { outcome: 'accepted-in-part', expectedVersion: 2, patch: [{ op: 'replace', path: '/birthDate', value: '1980-04-02' }], reason: 'the rest is accurate' }, doctor);
        const disagreed = await store.fileAmendmentStatement('p1', denied, 'disagreement', 'I disagree', ana);
        expect([decided.ok, disagreed.ok], adapter.name).toEqual([true, true]);
        answers.push(JSON.stringify([
          decided,
          disagreed,
          await store.amendments('p1', doctor),
          await store.readVersion('p2', 1, doctor),
          await store.verify(),
        ]));
      }
      expect(answers[1]).toBe(answers[0]);
      expect(JSON.stringify(await sqlite.scan(1, 10_000))).toBe(JSON.stringify(await memory.scan(1, 10_000)));
    } finally {
      await sqlite.close();
    }
  });

  it('property: every amendment of every record merged into a survivor, at any depth, is listed under it and can be decided through it', async () => {
    // A forest of merges: record i (1..n) is merged into a record of lower number, 0 the final survivor.
    const plans = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(
      fc.constant(n),
      fc.array(fc.nat(), { minLength: n, maxLength: n }),
      fc.array(fc.nat({ max: 2 }), { minLength: n + 1, maxLength: n + 1 }),
    ));
    await fc.assert(fc.asyncProperty(plans, async ([n, parents, requestsPer]) => {
      const { store } = open();
      const ids = Array.from({ length: n + 1 }, (_, i) => `r${i}`);
      for (const id of ids) await store.create(id, patient('Rivera'), doctor);
      const requested: string[] = [];
      for (const [i, id] of ids.entries()) {
        for (let k = 0; k < (requestsPer[i] ?? 0); k++) {
          const r = await store.requestAmendment(id, { version: 1, description: `request ${k}` }, ana);
          if (r.ok) requested.push(r.value.id);
        }
      }
      // Merge the highest numbers first so that each target is still active when merged into.
      for (let i = n; i >= 1; i--) expect((await store.merge(`r${i}`, `r${(parents[i - 1] ?? 0) % i}`, doctor)).ok).toBe(true);
      const listed = await store.amendments('r0', doctor);
      expect(listed.ok && listed.value.map((a) => a.id).sort()).toEqual([...requested].sort());
      for (const amendmentId of requested) {
        expect(await store.decideAmendment('r0', amendmentId, { outcome: 'denied', reason: 'accurate' }, doctor)).toMatchObject({ ok: true, value: { status: 'denied' } });
      }
      expect((await store.verify()).ok).toBe(true);
    }), { numRuns: 25 });
  });
});
