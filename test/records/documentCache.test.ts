import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/records/canonicalJson.js';
import { documentCache } from '../../src/records/documentCache.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

describe('documentCache', () => {
  it('answers only for the exact text it remembered, and forgets the least recently written beyond its capacity', () => {
    const cache = documentCache(2);
    const remembered = { a: 1 };
    cache.remember('Patient/p1', '{"a":1}', remembered);
    expect(cache.parsed('Patient/p1', '{"a":1}')).toBe(remembered);
    expect(cache.parsed('Patient/p1', '{"a":2}')).toEqual({ a: 2 });
    cache.remember('Patient/p2', '{"b":1}', { b: 1 });
    cache.remember('Patient/p3', '{"c":1}', { c: 1 });
    const reparsed = cache.parsed('Patient/p1', '{"a":2}');
    expect(reparsed).toEqual({ a: 2 });
    const kept = { d: 1 };
    cache.remember('Patient/p4', '{"d":1}', kept);
    cache.forget('Patient/p4');
    const fresh = cache.parsed('Patient/p4', '{"d":1}');
    expect(fresh).toEqual(kept);
    expect(fresh).not.toBe(kept);
  });

  it('keeps the store right when a caller changes a document it was given', async () => {
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock().clock });
    const created = await store.create('p1', patient('Rivera'), clerk);
    if (!created.ok) throw new Error('create failed');
    (created.value.document.name[0] as { family?: string }).family = 'Changed by the caller';
    const second = await store.update('p1', patient('Rivera', { gender: 'female' }), 1, clerk);
    if (!second.ok) throw new Error('update failed');
    second.value.document.name.push({ family: 'Also changed' });
    await store.update('p1', patient('Rivera', { gender: 'male' }), 2, clerk);
    const versions = await Promise.all([1, 2, 3].map((version) => store.readVersion('p1', version, clerk)));
    expect(versions.map((found) => found.ok && found.value.document)).toEqual([
      patient('Rivera'), patient('Rivera', { gender: 'female' }), patient('Rivera', { gender: 'male' }),
    ]);
    expect((await store.verify()).ok).toBe(true);
  });

  describe('properties', () => {
    it('whatever was remembered, a lookup gives a document whose canonical text is the text asked for', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom('k1', 'k2', 'k3'), fc.jsonValue())), fc.constantFrom('k1', 'k2', 'k3'), fc.jsonValue(), (writes, key, asked) => {
          const cache = documentCache(2);
          for (const [k, value] of writes) cache.remember(k, canonicalJson(value), JSON.parse(canonicalJson(value)) as never);
          const text = canonicalJson(asked);
          expect(canonicalJson(cache.parsed(key, text))).toBe(text);
        }),
        { numRuns: 200 },
      );
    });
  });
});
