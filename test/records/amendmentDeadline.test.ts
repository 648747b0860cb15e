import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { doctor, patient } from './fixtures.js';

const policy: AccessPolicy = { physician: ['read', 'write', 'amend', 'amend-decide', 'audit'], patient: ['amend'], reviewer: ['amend-decide'] };
const ana: AccessContext = { actor: 'ana', role: 'patient', purposeOfUse: 'PATRQT' };
const START = '2026-11-02T12:00:00.000Z';

/** A store whose clock the test sets, with record p1 and one request made at START. */
async function requested() {
  const clock = { now: DateTime.fromISO(START, { zone: 'utc' }) };
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: () => clock.now, policy });
  await store.create('p1', patient('Rivera'), doctor);
  const request = await store.requestAmendment('p1', { version: 1, description: 'my birth date is wrong' }, ana);
  if (!request.ok) throw new Error('request failed');
  const at = (days: number): void => {
    clock.now = DateTime.fromISO(START, { zone: 'utc' }).plus({ days });
  };
  return { store, adapter, id: request.value.id, request: request.value, at };
}

const amendmentEntries = (adapter: ReturnType<typeof memoryAdapter>): number => adapter.snapshot().entries.filter((e) => e.kind === 'amendment').length;

describe('the 164.526(b)(2) deadline', () => {
  it('makes every request due 60 days after it was made', async () => {
    const { store, request } = await requested();
    expect(request.dueBy).toBe('2027-01-01T12:00:00.000Z');
    expect(await store.amendments('p1', doctor)).toMatchObject({ ok: true, value: [{ dueBy: '2027-01-01T12:00:00.000Z' }] });
  });

  it('records one extension of at most 30 days with its written reason, and shows the new due date', async () => {
    const { store, id, at } = await requested();
    at(45);
    const extended = await store.extendAmendment('p1', id, { reason: 'the chart is held off site' }, doctor);
    expect(extended).toMatchObject({ ok: true, value: { dueBy: '2027-01-31T12:00:00.000Z', extension: { by: 'dr-lee', at: '2026-12-17T12:00:00.000Z', statement: 'the chart is held off site' } } });
    expect(await store.amendments('p1', doctor)).toMatchObject({ ok: true, value: [{ dueBy: '2027-01-31T12:00:00.000Z', extension: { statement: 'the chart is held off site' } }] });
  });

  it('takes a completion date within the 30 days, and refuses one beyond them', async () => {
    const { store, adapter, id } = await requested();
    const before = amendmentEntries(adapter);
    const tooLate = await store.extendAmendment('p1', id, { reason: 'backlog', completeBy: DateTime.fromISO('2027-02-01T12:00:00.001Z') }, doctor);
    expect(tooLate).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_deadline', path: ['extension', 'completeBy'] }] });
    const notLater = await store.extendAmendment('p1', id, { reason: 'backlog', completeBy: DateTime.fromISO('2027-01-01T12:00:00.000Z') }, doctor);
    expect(notLater).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_deadline', path: ['extension', 'completeBy'] }] });
    expect(amendmentEntries(adapter)).toBe(before);
    const within = await store.extendAmendment('p1', id, { reason: 'backlog', completeBy: DateTime.fromISO('2027-01-15', { zone: 'America/New_York' }) }, doctor);
    expect(within).toMatchObject({ ok: true, value: { dueBy: '2027-01-15T05:00:00.000Z' } });
  });

  it('allows only one extension, only before the 60 days run out, only while undecided, and with a reason', async () => {
    const late = await requested();
    late.at(61);
    expect(await late.store.extendAmendment('p1', late.id, { reason: 'backlog' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_deadline', path: ['amendmentId'] }] });
    const twice = await requested();
    expect((await twice.store.extendAmendment('p1', twice.id, { reason: 'backlog' }, doctor)).ok).toBe(true);
    expect(await twice.store.extendAmendment('p1', twice.id, { reason: 'still backlog' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_deadline', path: ['amendmentId'] }] });
    const decided = await requested();
    await decided.store.decideAmendment('p1', decided.id, { outcome: 'denied', reason: 'accurate' }, doctor);
    expect(await decided.store.extendAmendment('p1', decided.id, { reason: 'backlog' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.amendment_state' }] });
    const blank = await requested();
    expect(await blank.store.extendAmendment('p1', blank.id, { reason: ' ' }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['extension', 'reason'] }] });
    expect(await blank.store.extendAmendment('p1', blank.id, { reason: 'x', completeBy: '2027-01-02' as never }, doctor)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path: ['extension', 'completeBy'] }] });
  });

  it('needs amend-decide and read, and is audited as amendment-extend', async () => {
    const { store, id } = await requested();
    const reviewer: AccessContext = { actor: 'rv', role: 'reviewer', purposeOfUse: 'HOPERAT' };
    expect(await store.extendAmendment('p1', id, { reason: 'backlog' }, reviewer)).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
    expect(await store.extendAmendment('p1', id, { reason: 'backlog' }, ana)).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
    expect((await store.extendAmendment('p1', id, { reason: 'backlog' }, doctor)).ok).toBe(true);
    const trail = await store.auditTrail('p1', {}, doctor);
    expect(trail.ok && trail.value.events.filter((e) => e.action === 'amendment-extend').map((e) => e.outcome)).toEqual(['success', 'denied', 'denied']);
  });

  it('still takes a decision after the due date, and marks it late; one in time is not marked', async () => {
    const late = await requested();
    late.at(400);
    expect(await late.store.decideAmendment('p1', late.id, { outcome: 'denied', reason: 'accurate' }, doctor)).toMatchObject({ ok: true, value: { status: 'denied', decidedLate: true } });
    expect(await late.store.amendments('p1', doctor)).toMatchObject({ ok: true, value: [{ decidedLate: true }] });
    const extended = await requested();
    await extended.store.extendAmendment('p1', extended.id, { reason: 'backlog' }, doctor);
    extended.at(75);
    const inTime = await extended.store.decideAmendment('p1', extended.id, { outcome: 'accepted' }, doctor);
    expect(inTime.ok && inTime.value.decidedLate).toBeUndefined();
  });
});
