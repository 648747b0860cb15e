import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { memoryAdapter, type MemorySnapshot } from '../../src/records/adapters/memory.js';
import type { EntryRow, HeadRow, StorageAdapter } from '../../src/records/adapter.js';
import { canonicalJson } from '../../src/records/canonicalJson.js';
import { applyPatch } from '../../src/records/jsonPatch.js';
import type { JsonValue } from '../../src/records/json.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { verifyChain } from '../../src/records/verify.js';
import { clerk, patient } from './fixtures.js';

function clockFrom(steps: readonly number[]): () => DateTime {
  let now = DateTime.fromISO('2026-11-02T12:30:00.000Z', { zone: 'UTC' });
  let i = 0;
  return () => {
    const current = now;
    now = now.plus({ milliseconds: steps[i++ % steps.length] ?? 0 });
    return current;
  };
}

async function buildHistory(names: readonly string[], steps: readonly number[]) {
  const adapter = memoryAdapter();
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom(steps) });
  await store.create('p1', patient(names[0] ?? 'A'), clerk);
  let version = 1;
  for (const name of names.slice(1)) {
    const r = await store.update('p1', patient(name), version, clerk);
    if (r.ok) version = r.value.meta.version;
  }
  return { adapter, store, version };
}

const names = fc.array(fc.constantFrom('Ames', 'Baker', 'Cruz', 'Diaz', 'Ekwueme'), { minLength: 1, maxLength: 80 });
const steps = fc.array(fc.nat({ max: 3000 }), { minLength: 1, maxLength: 10 });

describe('store properties', () => {
  it('history only grows, and replaying the diffs from version 1 reproduces every version', async () => {
    await fc.assert(
      fc.asyncProperty(names, steps, async (list, stepList) => {
        const { store, version } = await buildHistory(list, stepList);
        let previousChain = 0;
        const first = await store.readVersion('p1', 1, clerk);
        if (!first.ok) throw new Error('no version 1');
        let replayed: JsonValue = first.value.document as JsonValue;
        for (let v = 2; v <= version; v++) {
          const d = await store.diff('p1', v - 1, v, clerk);
          const actual = await store.readVersion('p1', v, clerk);
          if (!d.ok || !actual.ok) throw new Error('diff or read failed');
          const next = applyPatch(replayed, d.value);
          expect(next.ok && next.value).toEqual(actual.value.document);
          replayed = actual.value.document as JsonValue;
          const chain = (await store.verify()) as { ok: true; value: { entries: number } };
          expect(chain.value.entries).toBeGreaterThan(previousChain);
          previousChain = chain.value.entries;
        }
        const page = await store.history('p1', { pageSize: 1000 }, clerk);
        expect(page.ok && page.value.versions.map((m) => m.version)).toEqual(Array.from({ length: version }, (_, i) => version - i));
      }),
      { numRuns: 25 },
    );
  });

  it('read-as-of(t) is the newest version written at or before t', async () => {
    await fc.assert(
      fc.asyncProperty(names, steps, fc.integer({ min: -2000, max: 300_000 }), async (list, stepList, offset) => {
        const { store, version } = await buildHistory(list, stepList);
        const page = await store.history('p1', { pageSize: 1000 }, clerk);
        if (!page.ok) throw new Error('history failed');
        const t = DateTime.fromISO('2026-11-02T12:30:00.000Z', { zone: 'UTC' }).plus({ milliseconds: offset });
        const expected = page.value.versions.find((m) => DateTime.fromISO(m.at) <= t);
        const read = await store.readAsOf('p1', t, clerk);
        if (expected === undefined) expect(read).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
        else expect(read.ok && read.value.meta.version).toBe(expected.version);
        expect(version).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });

  it('any single-byte change to stored data makes verify fail at that entry', async () => {
    const { adapter, store } = await buildHistory(['Ames', 'Baker', 'Cruz', 'Diaz'], [1000]);
    await store.recordDisclosure('p1', { date: '2026-11-01', recipient: 'County', description: 'labs', purpose: 'PUBHLTH' }, clerk);
    const snapshot = adapter.snapshot();
    const fields = ['data', 'hash', 'prevHash', 'contentHash', 'at', 'recordId', 'kind'] as const;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(...fields), fc.nat(), fc.integer({ min: 1, max: 94 }), async (entryPick, field, position, shift) => {
        const index = entryPick % snapshot.entries.length;
        const entry = snapshot.entries[index] as EntryRow;
        const text = String(entry[field]);
        const at = position % text.length;
        const changed = String.fromCharCode(((text.charCodeAt(at) - 32 + shift) % 95) + 32);
        const tampered = { ...entry, [field]: text.slice(0, at) + changed + text.slice(at + 1) } as EntryRow;
        const entries = snapshot.entries.map((e, i) => (i === index ? tampered : e));
        const result = await verifyChain(memoryAdapter({ from: { entries, heads: snapshot.heads } }));
        expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: entry.sequence }] });
      }),
      { numRuns: 200 },
    );
  });

  it('a change to a head is caught too', async () => {
    const { adapter } = await buildHistory(['Ames', 'Baker'], [1000]);
    const snapshot: MemorySnapshot = adapter.snapshot();
    const head = snapshot.heads[0] as HeadRow;
    const heads = [{ ...head, document: head.document.replace('Baker', 'Bakes') }];
    expect(await verifyChain(memoryAdapter({ from: { entries: snapshot.entries, heads } }))).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken' }] });
  });

  it('a head rolled back to an earlier version, or removed, is caught', async () => {
    const { adapter } = await buildHistory(['Ames', 'Baker', 'Cruz'], [1000]);
    const snapshot: MemorySnapshot = adapter.snapshot();
    const head = snapshot.heads[0] as HeadRow;
    const second = snapshot.entries.find((e) => e.kind === 'version' && e.version === 2) as EntryRow;
    const rolledBack = { ...head, version: 2, document: JSON.stringify(patient('Baker')), at: second.at };
    expect(await verifyChain(memoryAdapter({ from: { entries: snapshot.entries, heads: [rolledBack] } }))).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken' }] });
    const third = snapshot.entries.find((e) => e.kind === 'version' && e.version === 3) as EntryRow;
    expect(await verifyChain(memoryAdapter({ from: { entries: snapshot.entries, heads: [] } }))).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: third.sequence }] });
  });

  it('an expunge excuses only the record data written before it: wiped audit events, disclosures or the expunge itself are caught', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([1000]), policy: { assistant: ['read', 'write', 'disclose', 'merge'], privacy: ['expunge'] } });
    await store.create('p1', patient('Ames'), clerk);
    await store.create('p2', patient('Ames'), clerk);
    await store.recordDisclosure('p2', { date: '2026-11-01', recipient: 'County', description: 'labs', purpose: 'PUBHLTH' }, clerk);
    await store.merge('p2', 'p1', clerk);
    expect((await store.expunge('p2', { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL', reason: 'court order' })).ok).toBe(true);
    await store.read('p2', clerk);
    const snapshot: MemorySnapshot = adapter.snapshot();
    expect(await verifyChain(memoryAdapter({ from: snapshot }))).toMatchObject({ ok: true });
    const kept = snapshot.entries.filter((e) => e.recordId === 'Patient/p2' && e.data !== null);
    expect(kept.map((e) => e.kind).sort()).toEqual(['audit', 'audit', 'audit', 'audit', 'audit', 'disclosure', 'expunge']);
    for (const entry of kept) {
      const entries = snapshot.entries.map((e) => (e === entry ? { ...e, data: null } : e));
      expect(await verifyChain(memoryAdapter({ from: { entries, heads: snapshot.heads } })), entry.kind).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: entry.sequence }] });
    }
    const head = snapshot.heads.find((h) => h.recordId === 'Patient/p2') as HeadRow;
    const expunge = snapshot.entries.find((e) => e.kind === 'expunge') as EntryRow;
    expect(head).toMatchObject({ state: 'expunged', document: 'null', replacedBy: 'Patient/p1', at: expunge.at });
    const forged: HeadRow[] = [
      { ...head, document: JSON.stringify(patient('Ames')) },
      { ...head, version: head.version + 1 },
      { ...head, at: '2026-11-02T12:31:00.000Z' },
      { ...head, replacedBy: null },
    ];
    for (const bad of forged) {
      const heads = snapshot.heads.map((h) => (h === head ? bad : h));
      expect(await verifyChain(memoryAdapter({ from: { entries: snapshot.entries, heads } }))).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: expunge.sequence }] });
    }
  });

  it('a live head moved to a later time is caught, and a cut chain names its first missing entry', async () => {
    const { adapter } = await buildHistory(['Ames', 'Baker'], [1000]);
    const snapshot: MemorySnapshot = adapter.snapshot();
    const head = snapshot.heads[0] as HeadRow;
    const later = [{ ...head, at: head.at.replace('.000Z', '.001Z') }];
    expect(await verifyChain(memoryAdapter({ from: { entries: snapshot.entries, heads: later } }))).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken' }] });
    const cut = snapshot.entries.slice(0, 1);
    expect(await verifyChain(memoryAdapter({ from: { entries: cut, heads: snapshot.heads } }))).toMatchObject({ ok: false, issues: [{ code: 'records.chain_broken', sequence: 2 }] });
  });

  it('does not mistake writes that land between the chain walk and the reading of heads for tampering', async () => {
    const { adapter, store } = await buildHistory(['Ames', 'Baker'], [1000]);
    const privacy = { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL' as const };
    const strict = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([1000]), policy: { privacy: ['expunge'] } });
    await store.create('p2', patient('Cruz'), clerk);
    const races = [
      () => store.update('p1', patient('Cruz'), 2, clerk),
      () => store.create('p3', patient('Diaz'), clerk),
      () => strict.expunge('p2', privacy),
    ];
    for (const race of races) {
      const racing: StorageAdapter = {
        ...adapter,
        heads: async () => {
          expect((await race()).ok).toBe(true);
          return adapter.heads();
        },
      };
      expect(await verifyChain(racing, 2)).toMatchObject({ ok: true });
    }
    expect(await verifyChain(adapter)).toMatchObject({ ok: true });
  });

  it('verifies a store that writers keep changing while it runs, without false alarms', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([7]) });
    for (let p = 1; p <= 5; p++) await store.create(`p${p}`, patient(`N${p}`), clerk);
    const writers = Array.from({ length: 4 }, async (_, p) => {
      for (let v = 1; v <= 20; v++) expect((await store.update(`p${p + 1}`, patient(`N${p + 1}v${v}`), v, clerk)).ok).toBe(true);
      if (p === 0) expect((await store.delete('p1', 21, clerk)).ok).toBe(true);
    });
    const expunger = (async () => {
      const privacy = { actor: 'po', role: 'privacy', purposeOfUse: 'LEGAL' as const };
      const strict = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([7]), policy: { privacy: ['expunge'] } });
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect((await strict.expunge('p5', privacy)).ok).toBe(true);
    })();
    const checks = Array.from({ length: 12 }, async (_, i) => {
      for (let wait = 0; wait < i; wait++) await new Promise((resolve) => setImmediate(resolve));
      return verifyChain(adapter, 3);
    });
    const reports = await Promise.all([...checks, ...writers, expunger]);
    const midway = reports.slice(0, checks.length) as Awaited<ReturnType<typeof verifyChain>>[];
    for (const report of midway) expect(report).toEqual(expect.objectContaining({ ok: true }));
    const final = await verifyChain(adapter);
    if (!final.ok) throw new Error('final verification failed');
    // The checks really ran while the chain grew.
    expect(midway.filter((report) => report.ok && report.value.entries < final.value.entries).length).toBeGreaterThan(3);
  });
});

describe('bad input', () => {
  it('gets a clear issue and leaves the records unchanged', async () => {
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([1000]), maxDocumentBytes: 2048 });
    await store.create('p1', patient('Rivera'), clerk);
    let rejected = 0;
    const garbage = fc.oneof(fc.anything(), fc.record({ resourceType: fc.constant('Patient'), name: fc.anything() }), fc.string({ minLength: 3000, maxLength: 4000 }));
    await fc.assert(
      fc.asyncProperty(garbage, fc.constantFrom('update', 'patch', 'create', 'correct'), fc.oneof(fc.constant('p1'), fc.string()), async (input, kind, id) => {
        const heads = JSON.stringify((await adapter.heads()).map((h) => [h.recordId, h.version, h.document]));
        const versions = (await adapter.scan(1, 100_000)).filter((e) => e.kind === 'version').length;
        const result = kind === 'update' ? await store.update(id, input, 1, clerk)
          : kind === 'patch' ? await store.patch(id, input as never, 1, clerk)
          : kind === 'create' ? await store.create(id, input, clerk)
          : await store.correct(id, { errorVersion: 1, expectedVersion: 1, document: input, reason: 'x' }, clerk);
        if (!result.ok) {
          rejected++;
          expect(result.issues.length).toBeGreaterThan(0);
          expect(result.issues.every((found) => found.code.startsWith('records.'))).toBe(true);
          expect(JSON.stringify((await adapter.heads()).map((h) => [h.recordId, h.version, h.document]))).toBe(heads);
          expect((await adapter.scan(1, 100_000)).filter((e) => e.kind === 'version').length).toBe(versions);
        }
      }),
      { numRuns: 300 },
    );
    // Garbage almost never parses as a patient: most runs must have been refused, or the property checked little.
    expect(rejected).toBeGreaterThan(250);
    expect((await store.verify()).ok).toBe(true);
  });
});

describe('time', () => {
  it('never goes backwards along the chain even when the clock does', async () => {
    const times = ['2026-11-02T12:00:00.000Z', '2026-11-02T11:00:00.000Z', '2026-11-02T12:30:00.000Z'];
    let i = 0;
    const adapter = memoryAdapter();
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: () => DateTime.fromISO(times[Math.min(i++, 2)] ?? '', { zone: 'UTC' }) });
    await store.create('p1', patient('A'), clerk);
    const second = await store.update('p1', patient('B'), 1, clerk);
    expect(second.ok && second.value.meta.at).toBe('2026-11-02T12:00:00.000Z');
    const ats = (await adapter.scan(1, 100)).map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
  });
});

describe('concurrency', () => {
  it('of N concurrent updates with the same expected version exactly one succeeds, the rest get the current version', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 4 }), async (writers, rounds) => {
        const adapter = memoryAdapter();
        const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([5]) });
        await store.create('p1', patient('Start'), clerk);
        for (let round = 1; round <= rounds; round++) {
          const results = await Promise.all(Array.from({ length: writers }, (_, i) => store.update('p1', patient(`R${round}W${i}`), round, clerk)));
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          for (const r of results) if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'records.version_conflict', currentVersion: round + 1 });
        }
        const page = await store.history('p1', {}, clerk);
        expect(page.ok && page.value.versions).toHaveLength(rounds + 1);
      }),
      { numRuns: 30 },
    );
  });

  it('verify passes on an intact store while a version and then an expunge land during the check', async () => {
    const inner = memoryAdapter();
    let beforeHeads: (() => Promise<unknown>) | undefined;
    let afterHeads: (() => Promise<unknown>) | undefined;
    const once = async (hook: (() => Promise<unknown>) | undefined): Promise<void> => {
      if (hook !== undefined) await hook();
    };
    const adapter: StorageAdapter = {
      ...inner,
      heads: async () => {
        const before = beforeHeads;
        beforeHeads = undefined;
        await once(before);
        const heads = await inner.heads();
        const after = afterHeads;
        afterHeads = undefined;
        await once(after);
        return heads;
      },
    };
    const privacy = { actor: 'privacy-1', role: 'privacy', purposeOfUse: 'HOPERAT' as const };
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: clockFrom([5]), policy: { assistant: ['read', 'write'], privacy: ['read', 'expunge'] } });
    await store.create('p1', patient('A'), clerk);
    await store.update('p1', patient('B'), 1, clerk);
    beforeHeads = () => store.update('p1', patient('C'), 2, clerk);
    afterHeads = () => store.expunge('p1', privacy);
    expect((await verifyChain(adapter)).ok).toBe(true);
    expect((await inner.heads())[0]?.state).toBe('expunged');
    expect((await verifyChain(adapter)).ok).toBe(true);
  });
});

describe('document size', () => {
  // Characters of 1, 2, 3 and 4 UTF-8 bytes (the last two UTF-16 units), mostly 中, and enough of them that a
  // document has more than two bytes per UTF-16 unit: the limit is on bytes, not characters.
  const character = fc.oneof({ weight: 4, arbitrary: fc.constant('中') }, { weight: 1, arbitrary: fc.constantFrom('a', 'é', '😀') });
  const allergy = fc.array(character, { minLength: 50, maxLength: 60 }).map((chars) => chars.join(''));
  const allergies = fc.array(allergy, { minLength: 5, maxLength: 30 });

  it('refuses a document with records.too_large exactly when its canonical JSON is over maxDocumentBytes in UTF-8 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(allergies, fc.integer({ min: -40, max: 40 }), async (list, offset) => {
        const document = patient('X', { allergies: list });
        const bytes = Buffer.byteLength(canonicalJson(document), 'utf8');
        const maxDocumentBytes = Math.max(1, bytes + offset);
        const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: clockFrom([1000]), maxDocumentBytes });
        const created = await store.create('p1', document, clerk);
        if (bytes > maxDocumentBytes) expect(created).toMatchObject({ ok: false, issues: [{ code: 'records.too_large' }] });
        else expect(created.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses ten allergies of 140 × 中 under a limit of 4096 bytes: about 1,500 characters, but over 4,300 bytes', async () => {
    const document = patient('X', { allergies: Array.from({ length: 10 }, () => '中'.repeat(140)) });
    const text = canonicalJson(document);
    expect(text.length * 2).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(4096);
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: clockFrom([1000]), maxDocumentBytes: 4096 });
    expect(await store.create('p1', document, clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.too_large' }] });
    expect(await store.read('p1', clerk)).toMatchObject({ ok: false, issues: [{ code: 'records.not_found' }] });
  });
});
