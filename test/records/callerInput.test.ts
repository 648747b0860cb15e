import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AuditEvent } from '../../src/records/auditEvent.js';
import { readCallerInput } from '../../src/records/callerInput.js';
import { ok } from '../../src/core/result.js';
import { applyPatch } from '../../src/records/jsonPatch.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient, steppingClock } from './fixtures.js';

/** A copy of `base` whose `key` getter throws on every read. */
function throwing(base: object, key: string): object {
  return Object.defineProperty({ ...base }, key, { get: () => { throw new Error(`boom ${key}`); }, enumerable: true });
}

/** A copy of `base` whose `key` getter answers `value` once and throws on any later read. */
function once(base: object, key: string, value: unknown): object {
  let reads = 0;
  return Object.defineProperty({ ...base }, key, {
    get: () => {
      reads += 1;
      if (reads > 1) throw new Error(`${key} read twice`);
      return value;
    },
    enumerable: true,
  });
}

/** A proxy that throws on anything done with it (an object, or an array when `array`). */
function revoked(array = false): never {
  const { proxy, revoke } = Proxy.revocable(array ? [] : {}, {});
  revoke();
  return proxy as never;
}

/** A DateTime whose every member read throws once checked (isDateTime passes, toMillis throws). */
function hostileTime(): never {
  const real = DateTime.fromISO('2026-11-02T12:30:00.000Z', { zone: 'UTC' });
  return new Proxy(real, { get: (target, key) => (key === 'isLuxonDateTime' || key === 'isValid' ? Reflect.get(target, key) : (() => { throw new Error('boom time'); })()) }) as never;
}

async function openStore() {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), doctor);
  const requested = await store.requestAmendment('p1', { version: 1, description: 'spelling' }, doctor);
  if (!requested.ok) throw new Error('request failed');
  return { adapter, store, amendmentId: requested.value.id };
}

type Store = Awaited<ReturnType<typeof openStore>>['store'];
type Call = (store: Store, amendmentId: string) => Promise<{ ok: boolean }>;

const hostile: [string, Call, string, (string | number)[]][] = [
  ['a patch list that is a revoked proxy', (s) => s.patch('p1', revoked(true), 1, doctor), 'records.patch_invalid', ['patch']],
  ['a patch operation whose value getter throws', (s) => s.patch('p1', [throwing({ op: 'add', path: '/gender' }, 'value')] as never, 1, doctor), 'records.patch_invalid', ['patch', 0]],
  ['a patch operation that is a revoked proxy', (s) => s.patch('p1', [revoked()], 1, doctor), 'records.patch_invalid', ['patch', 0]],
  ['a patch value with a throwing getter inside', (s) => s.patch('p1', [{ op: 'add', path: '/address', value: [throwing({}, 'city')] }] as never, 1, doctor), 'records.patch_invalid', ['patch', 0]],
  ['a decision whose outcome getter throws', (s, id) => s.decideAmendment('p1', id, throwing({ reason: 'x' }, 'outcome') as never, doctor), 'records.invalid_input', ['decision']],
  ['a decision that is a revoked proxy', (s, id) => s.decideAmendment('p1', id, revoked(), doctor), 'records.invalid_input', ['decision']],
  ['a decision whose patch is a revoked proxy', (s, id) => s.decideAmendment('p1', id, { outcome: 'accepted', expectedVersion: 1, patch: revoked(true) }, doctor), 'records.patch_invalid', ['decision', 'patch']],
  ['a request whose description getter throws', (s) => s.requestAmendment('p1', throwing({ version: 1 }, 'description') as never, doctor), 'records.invalid_input', ['request']],
  ['a request whose proposed patch is a revoked proxy', (s) => s.requestAmendment('p1', { version: 1, description: 'x', proposedPatch: revoked(true) }, doctor), 'records.patch_invalid', ['request', 'proposedPatch']],
  ['a history query whose pageSize getter throws', (s) => s.history('p1', throwing({}, 'pageSize') as never, doctor), 'records.invalid_input', ['query']],
  ['a history query that is a revoked proxy', (s) => s.history('p1', revoked(), doctor), 'records.invalid_input', ['query']],
  ['a history query whose time throws', (s) => s.history('p1', { since: hostileTime() }, doctor), 'records.invalid_input', ['query']],
  ['an audit query whose before getter throws', (s) => s.auditTrail('p1', throwing({}, 'before') as never, doctor), 'records.invalid_input', ['query']],
  ['a disclosure whose purpose getter throws', (s) => s.recordDisclosure('p1', throwing({ date: '2026-11-01', recipient: 'r', description: 'd' }, 'purpose') as never, doctor), 'records.invalid_input', ['disclosure']],
  ['a disclosure that is a revoked proxy', (s) => s.recordDisclosure('p1', revoked(), doctor), 'records.invalid_input', ['disclosure']],
  ['a correction whose document getter throws', (s) => s.correct('p1', throwing({ errorVersion: 1, expectedVersion: 1, reason: 'r' }, 'document') as never, doctor), 'records.invalid_input', ['correction']],
  ['a correction that is a revoked proxy', (s) => s.correct('p1', revoked(), doctor), 'records.invalid_input', ['correction']],
  ['a view policy rule whose fields getter throws', (s) => s.readView('p1', [throwing({ role: 'physician', purposes: ['TREAT'] }, 'fields')] as never, doctor), 'records.invalid_input', ['policy']],
  ['a view policy that is a revoked proxy', (s) => s.readView('p1', revoked(true), doctor), 'records.invalid_input', ['policy']],
  ['a read-as-of time that is a revoked proxy', (s) => s.readAsOf('p1', revoked(), doctor), 'records.invalid_input', ['at']],
  ['an accounting date whose members throw', (s) => s.accountingOfDisclosures('p1', hostileTime(), doctor), 'records.invalid_input', ['asOf']],
];

function lastAuditEvent(adapter: ReturnType<typeof memoryAdapter>): AuditEvent {
  const audits = adapter.snapshot().entries.filter((e) => e.kind === 'audit');
  return JSON.parse(audits[audits.length - 1]?.data ?? 'null') as AuditEvent;
}

describe('arguments that throw when read', () => {
  it.each(hostile)('answers %s with an issue at its path, changes nothing, and audits it as bad input, not a storage failure', async (_, call, code, path) => {
    const { adapter, store, amendmentId } = await openStore();
    const before = adapter.snapshot();
    const result = await call(store, amendmentId);
    expect(result).toMatchObject({ ok: false, issues: [{ code, path }] });
    const after = adapter.snapshot();
    expect(after.heads).toEqual(before.heads);
    expect(after.entries.filter((e) => e.kind !== 'audit')).toEqual(before.entries.filter((e) => e.kind !== 'audit'));
    expect(after.entries.length).toBe(before.entries.length + 1);
    expect(lastAuditEvent(adapter)).toMatchObject({ outcome: 'failure', issues: [code] });
    expect((await store.verify()).ok).toBe(true);
  });

  it('reads each member of a decision, a correction, a query and a patch value once, so a getter that answers once is enough', async () => {
    const { adapter, store, amendmentId } = await openStore();
    expect(await store.decideAmendment('p1', amendmentId, once({ reason: 'accurate' }, 'outcome', 'denied') as never, doctor)).toMatchObject({ ok: true, value: { status: 'denied' } });
    expect(await store.correct('p1', once({ errorVersion: 1, expectedVersion: 1, reason: 'typo' }, 'document', patient('Rivera', { gender: 'female' })) as never, doctor)).toMatchObject({ ok: true, value: { correctedVersion: 2 } });
    expect(await store.history('p1', once({}, 'pageSize', 1) as never, doctor)).toMatchObject({ ok: true, value: { versions: [{ version: 2 }], nextBefore: 2 } });
    expect(await store.requestAmendment('p1', once({ version: 2, description: 'x' }, 'proposedPatch', [{ op: 'remove', path: '/gender' }]) as never, doctor)).toMatchObject({ ok: true, value: { proposedPatch: [{ op: 'remove', path: '/gender' }] } });
    const patched = await store.patch('p1', [{ op: 'add', path: '/address', value: [once({}, 'city', 'Albany')] }] as never, 2, doctor);
    expect(patched).toMatchObject({ ok: true, value: { document: { address: [{ city: 'Albany' }] } } });
    expect(adapter.snapshot().entries.some((e) => e.kind === 'audit' && e.data?.includes('records.storage_failed'))).toBe(false);
  });
});

describe('readCallerInput', () => {
  it('passes what the read answers through, and turns a throw into an issue at the path', () => {
    expect(readCallerInput(['query'], () => ok(1))).toEqual(ok(1));
    expect(readCallerInput(['query'], () => { throw new Error('boom'); })).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['query'] }] });
    expect(readCallerInput(['policy', 'fields'], () => { throw new Error('boom'); })).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['policy', 'fields'] }] });
  });
});

describe('applyPatch copies the values it inserts', () => {
  it('keeps a __proto__ member of a value as a member, and shares nothing with the caller', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"k":[1]}') as Record<string, unknown>;
    const patched = applyPatch({}, [{ op: 'add', path: '/v', value: value as never }]);
    expect(patched.ok).toBe(true);
    if (!patched.ok) return;
    const inserted = (patched.value as Record<string, Record<string, unknown>>)['v'] as Record<string, unknown>;
    expect(Object.hasOwn(inserted, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(inserted['k']).toEqual([1]);
    expect(inserted['k']).not.toBe(value['k']);
  });

  it('refuses a cyclic value, and a value nested past 10,000 levels, without overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(applyPatch({}, [{ op: 'add', path: '/c', value: cyclic as never }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'value'] }] });
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(applyPatch({}, [{ op: 'add', path: '/d', value: deep as never }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'value'] }] });
    let fine: unknown = 1;
    for (let i = 0; i < 5_000; i++) fine = [fine];
    expect(applyPatch({}, [{ op: 'add', path: '/d', value: fine as never }]).ok).toBe(true);
  });
});
