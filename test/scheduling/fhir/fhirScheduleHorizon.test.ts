import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import type { Provider } from '../../../src/scheduling/clinic.js';
import { fromFhirSchedule, toFhirSchedule } from '../../../src/scheduling/fhir/fhirSchedule.js';

const provider = { id: 'dr-lee', name: 'Dr. Ana Lee' } as Provider;
const base = { resourceType: 'Schedule', actor: [{ reference: 'Practitioner/dr-lee', display: 'Dr. Ana Lee' }] };
const codes = (r: ReturnType<typeof fromFhirSchedule>): unknown => (r.ok ? 'ok' : r.issues.map((i) => [i.code, i.path]));
const CAP = 'https://medoffice.dev/fhir/StructureDefinition/daily-cap';

describe('FHIR Schedule', () => {
  it('reads a planning horizon of dates (Period bounds are FHIR dateTimes) and writes it back as it was', () => {
    const resource = { ...base, planningHorizon: { start: '2026-11-02', end: '2026-12-31' } };
    const back = fromFhirSchedule(resource);
    expect(back).toEqual({ ok: true, value: { provider, horizon: { start: '2026-11-02', end: '2026-12-31' } }, warnings: [] });
    if (!back.ok) return;
    expect(toFhirSchedule(back.value.provider, back.value.horizon).planningHorizon).toEqual({ start: '2026-11-02', end: '2026-12-31' });
    expect(codes(fromFhirSchedule({ ...base, planningHorizon: { start: '2026-11', end: '2027' } }))).toBe('ok');
  });

  it('refuses a horizon that is not two dateTimes in order, at planningHorizon', () => {
    expect(codes(fromFhirSchedule({ ...base, planningHorizon: { start: '2026-11-02T09:00:00', end: '2026-13' } }))).toEqual([
      ['fhir.schema', ['planningHorizon', 'start']],
      ['fhir.schema', ['planningHorizon', 'end']],
    ]);
    expect(codes(fromFhirSchedule({ ...base, planningHorizon: { start: '2026-12-31T00:00:00-05:00', end: '2026-11-02T00:00:00-05:00' } }))).toEqual([['fhir.schema', ['planningHorizon', 'end']]]);
  });

  it('refuses a horizon whose bounds of different precisions do not overlap in order (per-1 compares earliest start with latest end)', () => {
    for (const [start, end] of [
      ['2027', '2026-11-02'],
      ['2026-12', '2026-11-02'],
      ['2026-12-31', '2026-11-02T00:00:00-05:00'],
      ['2026-11-03T00:30:00+01:00', '2026-10'],
      ['2027-01-01T00:00:00-05:00', '2026'],
    ] as const) {
      expect(codes(fromFhirSchedule({ ...base, planningHorizon: { start, end } })), `${start}..${end}`).toEqual([['fhir.schema', ['planningHorizon', 'end']]]);
    }
    for (const [start, end] of [
      ['2026', '2026-01-01'],
      ['2026-11', '2026-11-02'],
      ['2026-11-02', '2026-11-02T00:00:00-05:00'],
      ['2026-11-02T23:59:59-05:00', '2026-11-02'],
      ['2026-11-02T23:00:00-05:00', '2026-11'],
      ['2026-12-31', '2027'],
    ] as const) {
      expect(codes(fromFhirSchedule({ ...base, planningHorizon: { start, end } })), `${start}..${end}`).toBe('ok');
    }
    expect(() => toFhirSchedule(provider, { start: '2027-06-01', end: '2026-11' })).toThrow(MedofficeUsageError);
    expect(() => toFhirSchedule(provider, { start: '2027', end: '2026-12-31T00:00:00-05:00' })).toThrow(MedofficeUsageError);
    expect(toFhirSchedule(provider, { start: '2026-11', end: '2026-11-30' }).planningHorizon).toEqual({ start: '2026-11', end: '2026-11-30' });
  });

  it('writes the horizon\'s instants to the second, and refuses to write one that is not a FHIR dateTime or ends before it starts', () => {
    expect(toFhirSchedule(provider, { start: '2026-11-02T00:00-05:00', end: '2026-12-31' }).planningHorizon).toEqual({ start: '2026-11-02T00:00:00-05:00', end: '2026-12-31' });
    expect(toFhirSchedule(provider, { end: '2026-12-31' }).planningHorizon).toEqual({ end: '2026-12-31' });
    expect('planningHorizon' in toFhirSchedule(provider, {})).toBe(false);
    const thrown = (horizon: { start?: string; end?: string }): unknown => {
      try {
        toFhirSchedule(provider, horizon);
        return 'written';
      } catch (e) {
        return e instanceof MedofficeUsageError ? e.issues.map((i) => [i.code, i.path]) : e;
      }
    };
    expect(thrown({ start: '2026-11-02T00:00-05:00', end: 'garbage' })).toEqual([['fhir.schema', ['end']]]);
    expect(thrown({ start: '2026-12-31', end: '2026-11-02' })).toEqual([['fhir.schema', ['end']]]);
  });

  it('names the elements that hold a bad provider name or daily cap: the actor\'s display, the extension', () => {
    const resource = { ...base, extension: [{ url: 'https://example.org/other', valueString: 'x' }, { url: CAP, valueInteger: 0 }], actor: [{ reference: 'Location/x' }, { reference: 'Practitioner/dr-lee', display: '' }] };
    expect(codes(fromFhirSchedule(resource))).toEqual([['fhir.schema', ['actor', 1, 'display']], ['fhir.schema', ['extension', 1]]]);
    expect(codes(fromFhirSchedule({ ...base, actor: [{ reference: `Practitioner/${'d'.repeat(200)}` }] }))).toEqual([['fhir.schema', ['actor', 0, 'reference']]]);
  });
});
