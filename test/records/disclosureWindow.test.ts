import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import type { PurposeOfUse } from '../../src/records/context.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

/** p1 with one public-health disclosure on each date, recorded while the store clock is on 2026-11-02. */
async function disclosedOn(dates: readonly string[], purpose: PurposeOfUse = 'PUBHLTH') {
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock('2026-11-02T12:30:00.000Z').clock });
  await store.create('p1', patient('Rivera'), clerk);
  for (const date of dates) {
    expect((await store.recordDisclosure('p1', { date, recipient: 'County Health Dept', description: `report of ${date}`, purpose }, clerk)).ok, date).toBe(true);
  }
  return store;
}

describe('the accounting of disclosures covers the six years up to asOf (HIPAA 164.528(a)): dates in (asOf − 6 years, asOf]', () => {
  it('on 2026-11-02 lists 2026-11-02 and 2020-11-03, newest first, and leaves out 2020-11-02 (six years before) and 2019-12-01', async () => {
    const store = await disclosedOn(['2019-12-01', '2020-11-02', '2020-11-03', '2026-11-02']);
    const report = await store.accountingOfDisclosures('p1', DateTime.fromISO('2026-11-02', { zone: 'UTC' }), clerk);
    expect(report.ok && report.value.map((d) => d.date)).toEqual(['2026-11-02', '2020-11-03']);
  });

  it('moves with asOf: a day later, 2020-11-03 is six years back and drops out; a day earlier, 2026-11-02 is not yet in', async () => {
    const store = await disclosedOn(['2020-11-02', '2020-11-03', '2020-11-04', '2026-11-02']);
    const on = async (day: string) => {
      const report = await store.accountingOfDisclosures('p1', DateTime.fromISO(day, { zone: 'UTC' }), clerk);
      return report.ok ? report.value.map((d) => d.date) : report.issues;
    };
    expect(await on('2026-11-03')).toEqual(['2026-11-02', '2020-11-04']);
    expect(await on('2026-11-01')).toEqual(['2020-11-04', '2020-11-03', '2020-11-02']);
  });
});
