import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { MAX_DOCUMENT_DEPTH } from '../../src/records/documentShape.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, doctor, patient, steppingClock } from './fixtures.js';

const looseSchema = z.record(z.string(), z.unknown());

function openLoose(maxDocumentBytes?: number) {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: looseSchema, resourceType: 'Doc', adapter, clock: steppingClock().clock, ...(maxDocumentBytes ? { maxDocumentBytes } : {}) });
  return { adapter, store };
}

function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

async function unchanged(adapter: ReturnType<typeof memoryAdapter>, act: () => Promise<unknown>): Promise<void> {
  const before = adapter.snapshot();
  const versions = before.entries.filter((e) => e.kind === 'version').length;
  await act();
  const after = adapter.snapshot();
  expect(after.heads).toEqual(before.heads);
  expect(after.entries.filter((e) => e.kind === 'version').length).toBe(versions);
}

describe('hostile documents', () => {
  it('refuses member names no JSON Patch may reach, with the path to the member, so every version stays readable', async () => {
    const { adapter, store } = openLoose();
    await store.create('d1', { a: 1 }, clerk);
    for (const name of ['constructor', 'prototype']) {
      await unchanged(adapter, async () => {
        expect(await store.update('d1', { a: 1, nested: [{ [name]: 2 }] }, 1, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: ['document', 'nested', 0, name] }] });
      });
    }
    expect(await store.create('d2', JSON.parse('{"x":{"__proto__":{"polluted":true}}}'), clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: ['document', 'x', '__proto__'] }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await store.verify()).ok).toBe(true);
  });

  it('refuses documents nested deeper than the limit, however deep, without throwing', async () => {
    const { adapter, store } = openLoose();
    await store.create('d1', { a: nested(MAX_DOCUMENT_DEPTH - 1) }, clerk);
    for (const depth of [MAX_DOCUMENT_DEPTH, 5_000, 200_000]) {
      await unchanged(adapter, async () => {
        expect(await store.update('d1', { a: nested(depth) }, 1, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.too_large', path: ['document'] }] });
      });
    }
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(await store.create('d3', cyclic, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.too_large' }] });
    const read = await store.readVersion('d1', 1, clerk);
    expect(read.ok && read.value.meta.version).toBe(1);
  });

  it('refuses huge strings, huge statements and non-JSON proposed patches with issues', async () => {
    const { adapter, store } = openLoose(10_000);
    await store.create('d1', { a: 1 }, clerk);
    await unchanged(adapter, async () => {
      expect(await store.update('d1', { a: 'x'.repeat(20_000) }, 1, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.too_large', path: ['document'] }] });
      expect(await store.update('d1', { a: 1n }, 1, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.schema', path: ['document'] }] });
    });
    const request = (body: unknown) => store.requestAmendment('d1', body as never, clerk);
    expect(await request({ version: 1, description: 'x'.repeat(20_000) })).toMatchObject({ ok: false, issues: [{ code: 'records.too_large', path: ['request', 'description'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [{ op: 'add', path: '/b', value: () => 1 }] })).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: ['request', 'proposedPatch', 0, 'value'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [{ op: 'replace', path: '/birthDate', value: undefined }] })).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: ['request', 'proposedPatch', 0, 'value'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [{ op: 'add', path: '/__proto__/polluted', value: 1 }] })).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: ['request', 'proposedPatch', 0, 'path'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [{ op: 'remove', path: '/a' }, { op: 'rename', path: '/b' }] })).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: ['request', 'proposedPatch', 1, 'op'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [{ op: 'move', path: '/b' }] })).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: ['request', 'proposedPatch', 0, 'from'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: 'remove everything' })).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: ['request', 'proposedPatch'] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [null] })).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: ['request', 'proposedPatch', 0] }] });
    expect(await request({ version: 1, description: 'fix', proposedPatch: [{ op: 'add', path: '/b', value: nested(5_000) }] })).toMatchObject({ ok: false, issues: [{ code: 'records.too_large', path: ['request', 'proposedPatch'] }] });
    expect(await request(null)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['request'] }] });
    const amendments = await store.amendments('d1', clerk);
    expect(amendments.ok && amendments.value).toEqual([]);
  });
});

describe('hostile arguments', () => {
  it('answers wrong shapes for every argument with an issue, never a throw', async () => {
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), clerk);
    const requested = await store.requestAmendment('p1', { version: 1, description: 'spelling' }, clerk);
    if (!requested.ok) throw new Error('request failed');
    const wrong = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.integer(), fc.constant([]), fc.constant({}));
    await fc.assert(
      fc.asyncProperty(wrong, async (bad) => {
        const outcomes = [
          await store.history('p1', bad as never, clerk),
          await store.readAsOf('p1', bad as never, clerk),
          await store.accountingOfDisclosures('p1', bad as never, clerk),
          await store.correct('p1', bad as never, doctor),
          await store.decideAmendment('p1', requested.value.id, bad as never, doctor),
          await store.readView('p1', bad as never, clerk),
          await store.recordDisclosure('p1', bad as never, clerk),
        ];
        for (const outcome of outcomes) {
          if (outcome.ok) {
            // An empty object or array is a well-formed history query; every other wrong shape is refused.
            expect(typeof bad === 'object' && bad !== null).toBe(true);
          } else expect(outcome.issues[0]?.code).toMatch(/^records\./);
        }
      }),
      { numRuns: 60 },
    );
    const asOf = await store.readAsOf('p1', DateTime.invalid('broken clock'), clerk);
    expect(asOf).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['at'] }] });
    expect(await store.readView('p1', [{ role: 'assistant', purposes: ['TREAT'], fields: [7] }] as never, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['policy', 0, 'fields', 0] }] });
  });
});

describe('free text and documents that are not well-formed JSON', () => {
  it('answers a lone surrogate in any free-text field with records.invalid_input at its path, never a throw, and changes nothing', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), doctor);
    const lone = 'bad \uD800';
    const attempts: [() => Promise<{ ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }>, (string | number)[]][] = [
      [() => store.requestAmendment('p1', { version: 1, description: lone }, doctor), ['request', 'description']],
      [() => store.recordDisclosure('p1', { date: '2026-11-01', recipient: lone, description: 'labs', purpose: 'LEGAL' }, doctor), ['disclosure', 'recipient']],
      [() => store.correct('p1', { errorVersion: 1, expectedVersion: 1, document: patient('Lopez'), reason: lone }, doctor), ['correction', 'reason']],
    ];
    for (const [attempt, path] of attempts) {
      await unchanged(adapter, async () => {
        const result = await attempt();
        expect(result.ok ? [] : (result.issues ?? []).map((issue) => [issue.code, issue.path])).toEqual([['records.invalid_input', path]]);
      });
    }
    expect((await store.verify()).ok).toBe(true);
  });

  it('refuses a schema output holding a Date or a Set (not JSON) with records.schema instead of storing {}', async () => {
    const store = createRecordStore({ schema: z.object({ when: z.coerce.date(), tags: z.set(z.string()) }), resourceType: 'Doc', adapter: memoryAdapter(), clock: steppingClock().clock });
    const created = await store.create('d1', { when: '2026-11-02', tags: new Set(['a']) }, clerk);
    expect(created.ok ? [] : created.issues.map((issue) => issue.code)).toEqual(['records.schema']);
  });

  it('writes a correction under the context as it was checked: a session object whose fields are getters works as it does for update', async () => {
    class Session {
      get actor(): string { return 'dr-lee'; }
      get role(): string { return 'physician'; }
      get purposeOfUse(): 'TREAT' { return 'TREAT'; }
    }
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), doctor);
    const corrected = await store.correct('p1', { errorVersion: 1, expectedVersion: 1, document: patient('Lopez'), reason: 'wrong chart' }, new Session() as never);
    expect(corrected.ok && corrected.value.by).toBe('dr-lee');
    const history = await store.history('p1', {}, doctor);
    expect(history.ok && history.value.versions[0]?.author).toBe('dr-lee');
  });
});

describe('memoryAdapter().snapshot()', () => {
  it('is a copy: changing its rows changes nothing stored', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), doctor);
    const copy = adapter.snapshot();
    (copy.entries[0] as { data: string | null }).data = 'tampered';
    (copy.heads[0] as { document: string }).document = '{}';
    expect((await store.verify()).ok).toBe(true);
    expect((await store.read('p1', doctor)).ok).toBe(true);
  });
});

describe('a context that cannot be read', () => {
  it('is refused with records.invalid_input at context, and the refused attempt is audited under what could be read', async () => {
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock().clock });
    await store.create('p1', patient('Rivera'), doctor);
    const hostile = { actor: 'mallory', role: 'physician', get purposeOfUse(): string { throw new Error('no'); } };
    const read = await store.read('p1', hostile as never);
    expect(read.ok ? [] : read.issues.map((issue) => [issue.code, issue.path])).toEqual([['records.invalid_input', ['context']]]);
    const trail = await store.auditTrail('p1', {}, { actor: 'privacy', role: 'physician', purposeOfUse: 'HOPERAT' });
    expect(trail.ok && trail.value.events.map((event) => [event.action, event.actor, event.outcome])).toContainEqual(['read', 'mallory', 'failure']);
  });
});
