import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedStarts, containsMinute } from '../../src/scheduling/alignedStarts.js';
import { intersectIntervals, normalizeIntervals, startsFitting, subtractIntervals, totalMinutes, type Interval } from '../../src/scheduling/intervals.js';
import { addLoad, EMPTY_LOAD, loadAtLeast, loadProfileOf, peakLoad } from '../../src/scheduling/loadProfile.js';
import { fitsWithin } from '../../src/scheduling/occupancy.js';
import { zoneTimeline } from '../../src/scheduling/time/zoneTimeline.js';
import type { IanaZone } from '../../src/core/time.js';

const intervalArb = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 })).map(([start, length]) => ({ start, end: start + length }));
const listArb = fc.array(intervalArb, { maxLength: 8 });

function minutes(list: readonly Interval[]): Set<number> {
  const out = new Set<number>();
  for (const piece of list) for (let m = piece.start; m < piece.end; m++) out.add(m);
  return out;
}

describe('interval arithmetic (properties against minute sets)', () => {
  it('normalize, subtract and intersect agree with set operations on minutes', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const na = normalizeIntervals(a);
        const nb = normalizeIntervals(b);
        expect(minutes(na)).toEqual(minutes(a));
        for (const [i, piece] of na.entries()) if (i > 0) expect(piece.start).toBeGreaterThan((na[i - 1] as Interval).end);
        const sa = minutes(a);
        const sb = minutes(b);
        expect(minutes(subtractIntervals(na, nb))).toEqual(new Set([...sa].filter((m) => !sb.has(m))));
        expect(minutes(intersectIntervals(na, nb))).toEqual(new Set([...sa].filter((m) => sb.has(m))));
        expect(totalMinutes(na)).toBe(sa.size);
      }),
    );
  });

  it('startsFitting is exactly the starts whose stay fits', () => {
    fc.assert(
      fc.property(listArb, fc.nat(10), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -20, max: 260 }), (a, before, after, s) => {
        const room = normalizeIntervals(a);
        const fits = room.some((r) => r.start <= s - before && s + after <= r.end);
        expect(containsMinute(startsFitting(room, before, after), s)).toBe(fits);
      }),
    );
  });

  it('the load profile counts overlapping intervals, added one by one or all at once', () => {
    fc.assert(
      fc.property(listArb, intervalArb, (spans, probe) => {
        const bulk = loadProfileOf(spans);
        const incremental = spans.reduce((profile, span) => addLoad(profile, span, 1), EMPTY_LOAD);
        expect(incremental).toEqual(bulk);
        const count = (m: number): number => spans.filter((s) => s.start <= m && m < s.end).length;
        let peak = 0;
        for (let m = probe.start; m < probe.end; m++) peak = Math.max(peak, count(m));
        if (probe.end > probe.start) expect(peakLoad(bulk, probe)).toBe(peak);
        expect(minutes(loadAtLeast(bulk, 2, 0, 300))).toEqual(new Set([...Array(300).keys()].filter((m) => count(m) >= 2)));
        const [first] = spans;
        if (first !== undefined) expect(addLoad(addLoad(bulk, first, 1), first, -1)).toEqual(bulk);
      }),
    );
  });
});

describe('zone timeline', () => {
  it('matches the tz database (via luxon) at random instants in many zones', async () => {
    const { IANAZone } = await import('luxon');
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'America/Santiago', 'Africa/Casablanca', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 28_000_000, max: 30_000_000 }), fc.integer({ min: 0, max: 100_000 }), (zone, from, offset) => {
        const timeline = zoneTimeline(zone as IanaZone, from, from + 100_000);
        const at = from + offset;
        expect(timeline.offsetAt(at)).toBe(IANAZone.create(zone).offset(at * 60_000));
      }),
      { numRuns: 300 },
    );
  });

  it('aligned starts follow the local grid across the New York fall-back change', () => {
    const timeline = zoneTimeline('America/New_York' as IanaZone, 29_500_000, 29_700_000);
    // 2026-11-01T04:00Z (00:00 EDT) to 08:00Z (03:00 EST), hourly grid
    const start = Date.UTC(2026, 10, 1, 4) / 60_000;
    const starts = alignedStarts([{ start, end: start + 240 }], 60, timeline);
    expect(starts.map((m) => new Date(m * 60_000).toISOString().slice(11, 16))).toEqual(['04:00', '05:00', '06:00', '07:00']);
  });
});

describe('fitsWithin', () => {
  it('holds for equal and inner footprints and fails by one minute either side', () => {
    const holder = { start: 595, end: 625 };
    expect(fitsWithin(holder, holder)).toBe(true);
    expect(fitsWithin({ start: 600, end: 615 }, holder)).toBe(true);
    expect(fitsWithin({ start: 594, end: 615 }, holder)).toBe(false);
    expect(fitsWithin({ start: 600, end: 626 }, holder)).toBe(false);
  });
});
