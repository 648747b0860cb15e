import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IanaZone } from '../../../src/core/time.js';
import { MedofficeUsageError } from '../../../src/core/result.js';
import { fromFhirSlot, toFhirSlot } from '../../../src/scheduling/fhir/fhirSlot.js';
import { findSlots } from '../../../src/scheduling/findSlots.js';
import type { Slot } from '../../../src/scheduling/slotQuery.js';
import { smallClinic } from '../fixtures.js';

const schedule = smallClinic();
const free = { resourceType: 'Slot', schedule: { reference: 'Schedule/dr-lee' }, status: 'free', appointmentType: { coding: [{ code: 'follow-up' }] } };
const codes = (r: ReturnType<typeof fromFhirSlot>): unknown => (r.ok ? 'ok' : r.issues.map((i) => [i.code, i.path]));
const utc = (instant: string): string => new Date(instant).toISOString().replace('.000Z', 'Z');

describe('FHIR Slot times', () => {
  it('dates a slot by the clinic zone and writes its times with the clinic offset, whatever offset the resource used', () => {
    const back = fromFhirSlot({ ...free, start: '2026-11-02T03:00:00Z', end: '2026-11-02T03:20:00Z' }, schedule.zone);
    expect(back).toMatchObject({ ok: true, value: { date: '2026-11-01', start: '2026-11-01T22:00:00-05:00', end: '2026-11-01T22:20:00-05:00' } });
    const london = fromFhirSlot({ ...free, start: '2026-11-02T09:00:30.250-05:00', end: '2026-11-02T09:20:00-05:00' }, 'Europe/London' as IanaZone);
    expect(london).toMatchObject({ ok: true, value: { date: '2026-11-02', start: '2026-11-02T14:00:30.250+00:00', end: '2026-11-02T14:20:00+00:00' } });
    expect(() => fromFhirSlot({ ...free, start: '2026-11-02T03:00:00Z', end: '2026-11-02T03:20:00Z' }, 'Mars/Olympus' as IanaZone)).toThrow(MedofficeUsageError);
  });

  it('throws MedofficeUsageError, not a TypeError, when called without the clinic zone (the one-argument form)', () => {
    const oneArgument = fromFhirSlot as (resource: unknown, zone?: unknown) => ReturnType<typeof fromFhirSlot>;
    for (const zone of [undefined, null, 42]) {
      let thrown: unknown;
      try {
        oneArgument({ ...free, start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00' }, zone);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(MedofficeUsageError);
      expect((thrown as MedofficeUsageError).issues.map((i) => [i.code, i.path])).toEqual([['time.unknown_zone', ['zone']]]);
      expect((thrown as Error).message).toContain('fromFhirSlot(resource, zone)');
    }
  });

  it('refuses a slot that does not end after it starts, as fhir.schema at end', () => {
    expect(codes(fromFhirSlot({ ...free, start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T09:00:00-05:00' }, schedule.zone))).toEqual([['fhir.schema', ['end']]]);
    expect(codes(fromFhirSlot({ ...free, start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T15:00:00Z' }, schedule.zone))).toEqual([['fhir.schema', ['end']]]);
  });

  it('writes start and end to the second, as a FHIR instant must be', () => {
    const slot = { providerId: 'dr-lee', typeId: 'follow-up', date: '2026-11-02', start: '2026-11-02T09:00-05:00', end: '2026-11-02T09:20Z', resourceIds: [] } as unknown as Slot;
    const resource = toFhirSlot(slot);
    expect([resource.start, resource.end]).toEqual(['2026-11-02T09:00:00-05:00', '2026-11-02T09:20:00Z']);
  });

  it('carries the patient\'s times, so a slot found with a patient zone round-trips', () => {
    const found = findSlots(schedule, { typeId: 'follow-up', from: '2026-11-02', to: '2026-11-02', providerIds: ['dr-cho'], now: '2026-11-01T00:00:00Z', patientZone: 'Europe/London', limit: 1 });
    const slot = found.ok ? found.value[0] : undefined;
    if (slot === undefined) throw new Error('no slot');
    expect(slot.patientStart).toBe('2026-11-02T13:00:00+00:00');
    expect(fromFhirSlot(JSON.parse(JSON.stringify(toFhirSlot(slot))), schedule.zone)).toEqual({ ok: true, value: slot, warnings: [] });
  });

  it('refuses patient times that are not the slot\'s own instants, or one without the other, at the extension', () => {
    const url = (name: string): string => `https://medoffice.dev/fhir/StructureDefinition/${name}`;
    const times = { start: '2026-11-02T09:00:00-05:00', end: '2026-11-02T09:20:00-05:00' };
    const wrong = [{ url: url('patient-start'), valueInstant: '2026-11-02T15:30:00+01:00' }, { url: url('patient-end'), valueInstant: 'later' }];
    expect(codes(fromFhirSlot({ ...free, ...times, extension: wrong }, schedule.zone))).toEqual([['fhir.schema', ['extension', 0]], ['fhir.schema', ['extension', 1]]]);
    const lone = [{ url: url('resource'), valueString: 'room-1' }, { url: url('patient-end'), valueInstant: '2026-11-02T14:20:00Z' }];
    expect(codes(fromFhirSlot({ ...free, ...times, extension: lone }, schedule.zone))).toEqual([['fhir.schema', ['extension', 1]]]);
  });

  it('round-trips every slot, with or without a patient zone, and reads its UTC form the same (property)', () => {
    const days = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 5) + n * 86_400_000).toISOString().slice(0, 10));
    const zones = fc.option(fc.constantFrom('Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Los_Angeles'), { nil: undefined });
    fc.assert(fc.property(days, zones, fc.constantFrom('follow-up', 'new', 'scan'), (date, patientZone, typeId) => {
      const found = findSlots(schedule, { typeId, from: date, to: date, now: '2026-01-01T00:00:00Z', limit: 5, ...(patientZone !== undefined ? { patientZone } : {}) });
      if (!found.ok) throw new Error('query failed');
      for (const slot of found.value) {
        const resource = JSON.parse(JSON.stringify(toFhirSlot(slot))) as Record<string, unknown>;
        expect(fromFhirSlot(resource, schedule.zone)).toEqual({ ok: true, value: slot, warnings: [] });
        expect(fromFhirSlot({ ...resource, start: utc(slot.start), end: utc(slot.end) }, schedule.zone)).toEqual({ ok: true, value: slot, warnings: [] });
      }
    }), { numRuns: 40 });
  });
});
