import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { MedofficeUsageError } from '../../src/core/result.js';
import { addDays, checkZone, daysBetween, isIsoDate, isIsoDateTime, localDate, parseIsoDate, parseIsoDateTime, wallClock, type IanaZone } from '../../src/core/time.js';

const NY = 'America/New_York' as IanaZone;

describe('zones', () => {
  it('accepts IANA names and refuses the rest with a path', () => {
    expect(checkZone('Europe/Berlin').ok).toBe(true);
    expect(checkZone('UTC').ok).toBe(true);
    expect(checkZone('Mars/Olympus', ['clinic', 'zone'])).toMatchObject({ ok: false, issues: [{ code: 'time.unknown_zone', path: ['clinic', 'zone'] }] });
    expect(checkZone('EST').ok).toBe(false);
    expect(checkZone('+02:00').ok).toBe(false);
  });

  it('accepts exactly UTC and known names with a slash (any letter case), as documented', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'US/Eastern', 'Etc/GMT+5', 'america/new_york']) expect(checkZone(zone), zone).toEqual({ ok: true, value: zone, warnings: [] });
    for (const zone of ['utc', 'GMT', 'Japan', 'EST', 'EST5EDT', 'Zulu', 'Europe/Nowhere', '']) expect(checkZone(zone), zone).toMatchObject({ ok: false, issues: [{ code: 'time.unknown_zone' }] });
  });

  it('a zone that is not a string is a usage error naming checkZone', () => {
    expect(() => checkZone(undefined as unknown as string)).toThrow(MedofficeUsageError);
    expect(() => checkZone(5 as unknown as string)).toThrow(/checkZone.*number 5/);
  });
});

describe('wall-clock times across daylight-saving changes', () => {
  it('09:00 stays 09:00 local on both sides of the US changes', () => {
    expect(wallClock('2026-03-07', 540, NY).toISO()).toBe('2026-03-07T09:00:00.000-05:00');
    expect(wallClock('2026-03-08', 540, NY).toISO()).toBe('2026-03-08T09:00:00.000-04:00');
    expect(wallClock('2026-11-01', 540, NY).toISO()).toBe('2026-11-01T09:00:00.000-05:00');
  });

  it('a time in the spring-forward gap moves forward by the gap', () => {
    expect(wallClock('2026-03-08', 150, NY).toISO()).toBe('2026-03-08T03:30:00.000-04:00');
  });

  it('a repeated fall-back time is its first occurrence', () => {
    expect(wallClock('2026-11-01', 90, NY).toISO()).toBe('2026-11-01T01:30:00.000-04:00');
    expect(wallClock('2026-10-25', 90, 'Europe/London' as IanaZone).toISO()).toBe('2026-10-25T01:30:00.000+01:00');
  });

  it('handles the 30-minute change of Lord Howe Island', () => {
    const zone = 'Australia/Lord_Howe' as IanaZone;
    expect(wallClock('2026-04-05', 105, zone).toISO()).toBe('2026-04-05T01:45:00.000+11:00');
    expect(wallClock('2026-10-04', 135, zone).toISO()).toBe('2026-10-04T02:45:00.000+11:00');
  });

  it('does not depend on the host zone', () => {
    const instant = wallClock('2026-06-01', 600, 'Australia/Lord_Howe' as IanaZone).toMillis();
    expect(instant).toBe(DateTime.fromISO('2026-06-01T10:00', { zone: 'Australia/Lord_Howe' }).toMillis());
  });
});

describe('calendar dates', () => {
  it('parses real dates only', () => {
    expect(parseIsoDate('2024-02-29', NY).ok).toBe(true);
    expect(parseIsoDate('2023-02-29', NY, ['d'])).toMatchObject({ ok: false, issues: [{ code: 'time.invalid_date', path: ['d'] }] });
    expect(parseIsoDate('2023-2-01', NY).ok).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
  });

  it('reads date-times as wall clock in the zone unless they carry an offset', () => {
    const local = parseIsoDateTime('2026-11-02T09:00', NY);
    expect(local.ok && local.value.toISO()).toBe('2026-11-02T09:00:00.000-05:00');
    const instant = parseIsoDateTime('2026-11-02T14:00:00Z', NY);
    expect(instant.ok && instant.value.toISO()).toBe('2026-11-02T09:00:00.000-05:00');
    expect(parseIsoDateTime('tomorrow', NY, ['start'])).toMatchObject({ ok: false, issues: [{ code: 'time.invalid_datetime', path: ['start'] }] });
  });

  it('takes hours 00 to 23 only, as its JSDoc example says: T24:00 is not a date-time', () => {
    expect(isIsoDateTime('2026-11-02T24:00', 'optional')).toBe(false);
    expect(isIsoDateTime('2026-11-02T23:59', 'optional')).toBe(true);
  });

  it('takes offsets up to ±14:00 and no further', () => {
    expect(isIsoDateTime('2026-11-02T09:00+14:00', 'required')).toBe(true);
    expect(isIsoDateTime('2026-11-02T09:00-13:45', 'required')).toBe(true);
    expect(isIsoDateTime('2026-11-02T09:00+1400', 'required')).toBe(true);
    expect(isIsoDateTime('2026-11-02T09:00+14', 'required')).toBe(true);
    expect(isIsoDateTime('2026-11-02T09:00+14:30', 'required')).toBe(false);
    expect(isIsoDateTime('2026-11-02T09:00-14:59', 'required')).toBe(false);
    expect(isIsoDateTime('2026-11-02T09:00+15:00', 'required')).toBe(false);
    expect(isIsoDateTime('2026-11-02T09:00', 'required')).toBe(false);
    expect(isIsoDateTime('2026-11-02T09:00', 'optional')).toBe(true);
  });

  it('reads a wall-clock time that occurs twice at fall-back as its first occurrence, as wallClock does', () => {
    const cases = [
      ['2026-11-01T01:30', 'America/New_York', '2026-11-01T01:30:00.000-04:00'],
      ['2026-11-01T01:30:15', 'America/New_York', '2026-11-01T01:30:15.000-04:00'],
      ['2026-10-25T01:30', 'Europe/London', '2026-10-25T01:30:00.000+01:00'],
      ['2026-11-01T01:30-05:00', 'America/New_York', '2026-11-01T01:30:00.000-05:00'],
      ['2026-03-08T02:30', 'America/New_York', '2026-03-08T03:30:00.000-04:00'],
    ] as const;
    for (const [text, zone, expected] of cases) {
      const parsed = parseIsoDateTime(text, zone as IanaZone);
      expect(parsed.ok && parsed.value.toISO()).toBe(expected);
    }
    expect(wallClock('2026-11-01', 90, NY).toISO()).toBe('2026-11-01T01:30:00.000-04:00');
  });

  it('local dates follow the zone', () => {
    expect(localDate(DateTime.fromISO('2026-11-02T03:00Z'), 'America/Los_Angeles' as IanaZone)).toBe('2026-11-01');
  });

  it('adding days and counting them agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -5000, max: 5000 }), (offset, days) => {
        const start = addDays('1990-01-01', offset);
        expect(daysBetween(start, addDays(start, days))).toBe(days);
      }),
    );
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('a day count that is not a safe integer is a usage error (it once gave 2026-12-30.5)', () => {
    for (const days of [0.5, Number.NaN, Infinity, 2 ** 53]) expect(() => addDays('2026-12-30', days), String(days)).toThrow(MedofficeUsageError);
    expect(() => addDays(undefined as unknown as string, 1)).toThrow(MedofficeUsageError);
    expect(addDays('2026-12-30', -0)).toBe('2026-12-30');
  });
});
