import type { JsonPatch } from './jsonPatch.js';

/**
 * A request to amend a record (HIPAA 164.526) and what became of it. The version it concerns is never
 * changed: an accepted amendment writes a new version and links to it.
 *
 * @example
 * ```ts
 * const a = (await store.amendments('p1', context));
 * if (a.ok) console.log(a.value.map((x) => x.status));
 * ```
 */
export interface Amendment {
  readonly id: string;
  /** The version the request concerns. */
  readonly version: number;
  readonly description: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** The change asked for, if the requester spelled it out. */
  readonly proposedPatch?: JsonPatch;
  readonly status: 'requested' | 'accepted' | 'denied';
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  /** For a denial: the basis given to the individual. */
  readonly denialReason?: string;
  /** For an acceptance that changed the record: the version written. */
  readonly appliedVersion?: number;
  /** The individual's statement of disagreement with a denial. */
  readonly disagreement?: AmendmentStatement;
  /** The covered entity's rebuttal to that statement. */
  readonly rebuttal?: AmendmentStatement;
}

/**
 * A statement filed in the amendment process.
 *
 * @example
 * ```ts
 * const s: AmendmentStatement = { by: 'patient-p1', at: '2026-11-02T15:00:00.000Z', statement: 'My allergy is real.' };
 * ```
 */
export interface AmendmentStatement {
  readonly by: string;
  readonly at: string;
  readonly statement: string;
}

/** One event of the amendment workflow, as stored in an `amendment` chain entry. */
export type AmendmentEvent =
  | { readonly event: 'requested'; readonly amendmentId: string; readonly version: number; readonly description: string; readonly proposedPatch?: JsonPatch }
  | { readonly event: 'accepted'; readonly amendmentId: string; readonly appliedVersion?: number }
  | { readonly event: 'denied'; readonly amendmentId: string; readonly reason: string }
  | { readonly event: 'disagreement' | 'rebuttal'; readonly amendmentId: string; readonly statement: string };

/** An amendment event with who recorded it and when. */
export type StampedAmendmentEvent = AmendmentEvent & { readonly by: string; readonly at: string };

/**
 * Folds a record's amendment events, oldest first, into the amendments they describe.
 *
 * @example
 * ```ts
 * foldAmendments([{ event: 'requested', amendmentId: 'p1-amendment-1', version: 2, description: 'x', by: 'p1', at: '…' }]);
 * ```
 */
export function foldAmendments(events: readonly StampedAmendmentEvent[]): Amendment[] {
  const byId = new Map<string, Amendment>();
  for (const e of events) {
    if (e.event === 'requested') {
      const { amendmentId, version, description, proposedPatch } = e;
      byId.set(amendmentId, { id: amendmentId, version, description, requestedBy: e.by, requestedAt: e.at, status: 'requested', ...(proposedPatch ? { proposedPatch } : {}) });
      continue;
    }
    const current = byId.get(e.amendmentId);
    if (current === undefined) continue;
    const decided = { decidedBy: e.by, decidedAt: e.at };
    const statement = { by: e.by, at: e.at, statement: 'statement' in e ? e.statement : '' };
    const next: Amendment =
      e.event === 'accepted' ? { ...current, ...decided, status: 'accepted', ...(e.appliedVersion !== undefined ? { appliedVersion: e.appliedVersion } : {}) }
      : e.event === 'denied' ? { ...current, ...decided, status: 'denied', denialReason: e.reason }
      : e.event === 'disagreement' ? { ...current, disagreement: statement }
      : e.event === 'rebuttal' ? { ...current, rebuttal: statement }
      : current;
    byId.set(e.amendmentId, next);
  }
  return [...byId.values()];
}

