import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../../src/records/adapters/memory.js';
import { PurposeOfUseSchema, type PurposeOfUse } from '../../src/records/context.js';
import { UNACCOUNTED_PURPOSES } from '../../src/records/disclosures.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore } from '../../src/records/store.js';
import { clerk, patient, steppingClock } from './fixtures.js';

const asOf = DateTime.fromISO('2026-11-02', { zone: 'UTC' });

/** A store holding p1 with one disclosure for each purpose given, the n-th dated 2026-10-(n+1). */
async function disclosedFor(purposes: readonly PurposeOfUse[]) {
  const store = createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter: memoryAdapter(), clock: steppingClock().clock });
  await store.create('p1', patient('Rivera'), clerk);
  for (const [index, purpose] of purposes.entries()) {
    const date = `2026-10-${String(index + 1).padStart(2, '0')}`;
    expect((await store.recordDisclosure('p1', { date, recipient: 'someone', description: purpose, purpose }, clerk)).ok).toBe(true);
  }
  return store;
}

async function accountedPurposes(purposes: readonly PurposeOfUse[]): Promise<string[]> {
  const report = await (await disclosedFor(purposes)).accountingOfDisclosures('p1', asOf, clerk);
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  return report.value.map((d) => d.purpose);
}

describe('accountingOfDisclosures leaves out what HIPAA 164.528(a)(1) leaves out', () => {
  it('leaves out coordination of care (treatment) and disclosures to the individual or at their request (PATRQT)', async () => {
    expect(await accountedPurposes(['COC', 'PATRQT', 'PUBHLTH'])).toEqual(['PUBHLTH']);
  });

  it('leaves out exactly treatment, payment and operations and PATRQT, and accounts for every other accepted purpose', async () => {
    const all = PurposeOfUseSchema.options;
    const accounted = await accountedPurposes(all);
    expect([...accounted].sort()).toEqual(['HMARKT', 'HRESCH', 'LEGAL', 'PUBHLTH']);
    expect([...UNACCOUNTED_PURPOSES].sort()).toEqual(['COC', 'ETREAT', 'HOPERAT', 'HPAYMT', 'PATRQT', 'TREAT']);
  });
});

describe('UNACCOUNTED_PURPOSES cannot be changed by an importer', () => {
  it('is frozen: pushing, assigning or emptying throws (modules are strict), and the accounting is unchanged', async () => {
    const before = await accountedPurposes(['LEGAL', 'TREAT']);
    expect(Object.isFrozen(UNACCOUNTED_PURPOSES)).toBe(true);
    const list = UNACCOUNTED_PURPOSES as string[];
    expect(() => list.push('LEGAL')).toThrow(TypeError);
    expect(() => { list[0] = 'LEGAL'; }).toThrow(TypeError);
    expect(() => { list.length = 0; }).toThrow(TypeError);
    expect(() => list.splice(0, 1)).toThrow(TypeError);
    expect(UNACCOUNTED_PURPOSES).toContain('TREAT');
    expect(UNACCOUNTED_PURPOSES).not.toContain('LEGAL');
    expect(await accountedPurposes(['LEGAL', 'TREAT'])).toEqual(before);
    expect(before).toEqual(['LEGAL']);
  });
});

describe('accountingOfDisclosures properties', () => {
  it('lists a disclosure exactly when its purpose is not one 164.528(a)(1) leaves out', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...PurposeOfUseSchema.options), { minLength: 1, maxLength: 8 }), async (purposes) => {
      const accounted = await accountedPurposes(purposes);
      // Newest first, so the purposes come back in reverse order of their dates.
      expect(accounted).toEqual(purposes.filter((p) => !UNACCOUNTED_PURPOSES.includes(p)).reverse());
    }), { numRuns: 40 });
  });
});
