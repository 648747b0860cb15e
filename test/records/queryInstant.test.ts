import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { queryInstant } from '../../src/records/queryInstant.js';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

describe('queryInstant', () => {
  it('holds query times within years 0001 to 9999, so reads far in the future or past still order right', async () => {
    expect(queryInstant(DateTime.fromISO('+012026-01-01T00:00:00Z').toMillis())).toBe('9999-12-31T23:59:59.999Z');
    expect(queryInstant(DateTime.fromISO('-000500-01-01T00:00:00Z').toMillis())).toBe('0001-01-01T00:00:00.000Z');
    const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock().clock });
    await store.create('p1', patient('A'), clerk);
    await store.update('p1', patient('B'), 1, clerk);
    const far = DateTime.fromISO('+012026-01-01T00:00:00Z', { zone: 'UTC' });
    const asOf = await store.readAsOf('p1', far, clerk);
    expect(asOf.ok && asOf.value.meta.version).toBe(2);
    const since = await store.history('p1', { since: far }, clerk);
    expect(since.ok && since.value.versions).toEqual([]);
    const until = await store.history('p1', { at: far }, clerk);
    expect(until.ok && until.value.versions.map((m) => m.version)).toEqual([2, 1]);
  });
});
