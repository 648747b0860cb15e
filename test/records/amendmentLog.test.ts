import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markAmended } from '../../src/records/amendmentLinks.js';
import { applyAmendmentEvent, foldAmendments, type Amendment, type StampedAmendmentEvent } from '../../src/records/amendmentLog.js';
import type { VersionMeta } from '../../src/records/versionMeta.js';

const id = 'p1-amendment-1';
const base = { amendmentId: id, by: 'x', recordId: 'Patient/p1' };
const event: fc.Arbitrary<StampedAmendmentEvent> = fc.tuple(
  fc.constantFrom('requested', 'extended', 'accepted', 'accepted-in-part', 'denied', 'disagreement', 'rebuttal'),
  fc.integer({ min: 0, max: 200 }),
).map(([kind, day]): StampedAmendmentEvent => {
  const at = new Date(Date.UTC(2026, 10, 2) + day * 86_400_000).toISOString();
  switch (kind) {
    case 'requested': return { ...base, at, event: 'requested', version: 1, description: 'wrong' };
    case 'extended': return { ...base, at, event: 'extended', reason: 'backlog', dueBy: '2027-01-31T00:00:00.000Z' };
    case 'accepted': return { ...base, at, event: 'accepted', appliedVersion: 2 };
    case 'accepted-in-part': return { ...base, at, event: 'accepted-in-part', reason: 'part' };
    case 'denied': return { ...base, at, event: 'denied', reason: 'accurate' };
    default: return { ...base, at, event: kind as 'disagreement' | 'rebuttal', statement: 'text' };
  }
});

const rank: Record<Amendment['status'], number> = { requested: 0, accepted: 1, 'accepted-in-part': 1, denied: 1 };

describe('the amendment log', () => {
  it('property: whatever the events, an amendment\'s status only moves forward, is decided once, and its statements and extension are set once and never change', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 20 }), (events) => {
      let current: Amendment | undefined;
      for (const e of events) {
        const next = applyAmendmentEvent(current, e);
        if (current !== undefined && next !== undefined) {
          expect(rank[next.status]).toBeGreaterThanOrEqual(rank[current.status]);
          if (current.status !== 'requested') expect(next.status).toBe(current.status);
          for (const kept of ['decidedAt', 'denialReason', 'disagreement', 'rebuttal', 'extension', 'requestedAt', 'version'] as const) {
            if (current[kept] !== undefined) expect(next[kept]).toEqual(current[kept]);
          }
          if (next.rebuttal !== undefined) expect(next.disagreement).toBeDefined();
          if (next.disagreement !== undefined) expect(['denied', 'accepted-in-part']).toContain(next.status);
          if (next.decidedAt !== undefined) expect(next.decidedLate === true).toBe(next.decidedAt > next.dueBy);
        }
        if (current !== undefined) expect(next).toBeDefined();
        current = next;
      }
      expect(foldAmendments(events)).toEqual(current === undefined ? [] : [current]);
    }));
  });

  it('is due 60 days after the request, and names the record it concerns', () => {
    const [a] = foldAmendments([{ ...base, at: '2026-11-02T12:00:00.000Z', event: 'requested', version: 3, description: 'x', recordId: 'Patient/p2' }]);
    expect(a).toMatchObject({ recordId: 'p2', version: 3, dueBy: '2027-01-01T12:00:00.000Z', status: 'requested' });
  });

  it('marks only the versions an amendment concerns, and leaves metadata alone without amendments', () => {
    const meta = (version: number): VersionMeta => ({ id: 'p1', version, at: '2026-11-02T12:00:00.000Z', operation: 'update', state: 'active', author: 'a' });
    const amendments = foldAmendments([{ ...base, at: '2026-11-02T12:00:00.000Z', event: 'requested', version: 2, description: 'x' }]);
    expect(markAmended([meta(1), meta(2)], amendments)).toEqual([meta(1), { ...meta(2), amendments: [{ id, status: 'requested' }] }]);
    expect(markAmended([meta(2)], [])).toEqual([meta(2)]);
  });
});
