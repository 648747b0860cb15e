import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../../src/records/adapter.js';
import { newestEntries } from '../../src/records/adapters/newestEntries.js';

const time = (second: number): string => `2026-11-02T12:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}.000Z`;

function chain(steps: readonly number[]): EntryRow[] {
  let second = 0;
  return steps.map((step, i) => {
    second += step;
    return { sequence: i + 1, kind: 'audit', recordId: 'Patient/p1', version: null, at: time(second), contentHash: '', data: '{}', prevHash: '', hash: '' };
  });
}

describe('newestEntries', () => {
  it('gives the newest entries of the record first, at most limit', () => {
    const entries = chain([0, 1, 1, 1, 1]);
    expect(newestEntries(entries, [1, 3, 5], { limit: 2 }).map((e) => e.sequence)).toEqual([5, 3]);
    expect(newestEntries(entries, [1, 3, 5], { limit: 5, beforeSequence: 5 }).map((e) => e.sequence)).toEqual([3, 1]);
    expect(newestEntries(entries, [1, 3, 5], { limit: 5, since: time(2), until: time(3) }).map((e) => e.sequence)).toEqual([3]);
  });

  describe('properties', () => {
    it('agrees with filtering every entry and reversing', () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 60 }),
          fc.array(fc.boolean(), { maxLength: 60 }),
          fc.record({ limit: fc.integer({ min: 1, max: 70 }), beforeSequence: fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined }), since: fc.option(fc.nat({ max: 130 }), { nil: undefined }), until: fc.option(fc.nat({ max: 130 }), { nil: undefined }) }),
          (steps, mine, q) => {
            const entries = chain(steps);
            const sequences = entries.filter((_, i) => mine[i] === true).map((e) => e.sequence);
            const query = {
              limit: q.limit,
              ...(q.beforeSequence !== undefined ? { beforeSequence: q.beforeSequence } : {}),
              ...(q.since !== undefined ? { since: time(q.since) } : {}),
              ...(q.until !== undefined ? { until: time(q.until) } : {}),
            };
            const expected = sequences
              .map((sequence) => entries[sequence - 1] as EntryRow)
              .filter((e) => (query.beforeSequence === undefined || e.sequence < query.beforeSequence) && (query.since === undefined || e.at >= query.since) && (query.until === undefined || e.at <= query.until))
              .reverse()
              .slice(0, query.limit);
            expect(newestEntries(entries, sequences, query)).toEqual(expected);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
