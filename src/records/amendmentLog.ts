import { match } from 'ts-pattern';
import { isoInstant } from '../core/isoInstant.js';
import type { JsonPatch } from './jsonPatch.js';

/**
 * A request to amend a record (HIPAA 164.526) and what became of it. The version it concerns is never
 * changed: an accepted amendment writes a new version and links to it.
 *
 * @example
 * ```ts
 * const a = (await store.amendments('p1', context));
 * if (a.ok) console.log(a.value.map((x) => [x.recordId, x.version, x.status, x.dueBy]));
 * ```
 */
export interface Amendment {
  readonly id: string;
  /**
   * The id of the record the request concerns: the record listed, or (listed under the survivor of a
   * merge) the duplicate merged into it.
   */
  readonly recordId: string;
  /** The version of that record the request concerns. */
  readonly version: number;
  readonly description: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /**
   * When the covered entity must act on the request, ISO 8601 UTC: 60 days after the request
   * (164.526(b)(2)), or the date its one extension names.
   */
  readonly dueBy: string;
  /** The change asked for, if the requester spelled it out. */
  readonly proposedPatch?: JsonPatch;
  /**
   * Where the request stands. It only moves forward: `requested`, then once `accepted`,
   * `accepted-in-part` (accepted with the rest refused, 164.526(c) and (d)) or `denied`.
   */
  readonly status: 'requested' | 'accepted' | 'accepted-in-part' | 'denied';
  /** The one extension of the deadline (164.526(b)(2)(ii)): who gave it, when, and its written reason. */
  readonly extension?: AmendmentStatement;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  /** Set when the decision was made after `dueBy`. */
  readonly decidedLate?: true;
  /** For a denial, or the part refused by an acceptance in part: the basis given to the individual. */
  readonly denialReason?: string;
  /** For an acceptance that changed the record: the version written. */
  readonly appliedVersion?: number;
  /**
   * With `appliedVersion`: the id of the record it was written to (the survivor, for the amendment
   * of a duplicate decided after the merge).
   */
  readonly appliedRecordId?: string;
  /** The individual's statement of disagreement with a denial (or with the refused part of an acceptance in part). */
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

/**
 * The kinds of event of the amendment workflow, as stored in `amendment` chain entries.
 *
 * @example
 * ```ts
 * AMENDMENT_EVENT_KINDS.includes('denied'); // true
 * ```
 */
export const AMENDMENT_EVENT_KINDS: readonly AmendmentEvent['event'][] = Object.freeze(['requested', 'extended', 'accepted', 'accepted-in-part', 'denied', 'disagreement', 'rebuttal']);

/**
 * One event of the amendment workflow, as stored in an `amendment` chain entry.
 *
 * @example
 * ```ts
 * const event: AmendmentEvent = { event: 'denied', amendmentId: 'p1-amendment-1', reason: 'accurate and complete' };
 * ```
 */
export type AmendmentEvent =
  | { readonly event: 'requested'; readonly amendmentId: string; readonly version: number; readonly description: string; readonly proposedPatch?: JsonPatch }
  | { readonly event: 'extended'; readonly amendmentId: string; readonly reason: string; readonly dueBy: string }
  | { readonly event: 'accepted'; readonly amendmentId: string; readonly appliedVersion?: number; readonly appliedTo?: string }
  | { readonly event: 'accepted-in-part'; readonly amendmentId: string; readonly reason: string; readonly appliedVersion?: number; readonly appliedTo?: string }
  | { readonly event: 'denied'; readonly amendmentId: string; readonly reason: string }
  | { readonly event: 'disagreement' | 'rebuttal'; readonly amendmentId: string; readonly statement: string };

/**
 * An amendment event with who recorded it and when, and the store key of the record whose entries hold
 * it (`Patient/p2`; every event of an amendment is stored under the record it concerns).
 *
 * @example
 * ```ts
 * const stamped: StampedAmendmentEvent = { event: 'denied', amendmentId: 'p1-amendment-1', reason: 'accurate', by: 'dr-lee', at: '2026-11-02T12:30:00.000Z', recordId: 'Patient/p1' };
 * ```
 */
export type StampedAmendmentEvent = AmendmentEvent & { readonly by: string; readonly at: string; readonly recordId?: string };

/**
 * The 60 days 164.526(b)(2) gives to act on a request, and the most its one extension adds.
 *
 * @example
 * ```ts
 * daysAfter(requestedAt, AMENDMENT_DAYS.decide); // the first due date
 * ```
 */
export const AMENDMENT_DAYS = { decide: 60, extension: 30 } as const;

/**
 * An instant `days` days after another, both ISO 8601 UTC.
 *
 * @example
 * ```ts
 * daysAfter('2026-11-02T12:00:00.000Z', 60); // '2027-01-01T12:00:00.000Z'
 * ```
 */
export function daysAfter(at: string, days: number): string {
  // In UTC a day is always 86,400,000 ms: plain arithmetic, since every read of a record folds its amendments.
  return isoInstant(Date.parse(at) + days * MS_PER_DAY);
}

const MS_PER_DAY = 86_400_000;

const idOf = (key: string): string => key.slice(key.indexOf('/') + 1);

/**
 * Whether the individual may file a statement of disagreement with an amendment's outcome: it was
 * refused, in whole (`denied`) or in part (`accepted-in-part`).
 *
 * @example
 * ```ts
 * refused({ ...amendment, status: 'accepted-in-part' }); // true
 * ```
 */
export const refused = (a: Amendment): boolean => a.status === 'denied' || a.status === 'accepted-in-part';

/**
 * Applies one event to an amendment (undefined before its request). An event that does not fit the
 * amendment's state (a second decision, a statement before a denial, ...) changes nothing, so the
 * status only moves forward whatever the events.
 *
 * @param current - the amendment so far, or undefined
 * @param e - the event
 * @returns the amendment after it
 * @example
 * ```ts
 * const next = applyAmendmentEvent(current, { event: 'denied', amendmentId: 'p1-amendment-1', reason: 'accurate', by: 'dr-lee', at: '…' });
 * ```
 */
export function applyAmendmentEvent(current: Amendment | undefined, e: StampedAmendmentEvent): Amendment | undefined {
  if (e.event === 'requested') {
    if (current !== undefined) return current;
    const { amendmentId, version, description, proposedPatch } = e;
    const recordId = idOf(e.recordId ?? '');
    return { id: amendmentId, recordId, version, description, requestedBy: e.by, requestedAt: e.at, dueBy: daysAfter(e.at, AMENDMENT_DAYS.decide), status: 'requested', ...(proposedPatch ? { proposedPatch } : {}) };
  }
  if (current === undefined) return undefined;
  const undecided = current.status === 'requested';
  const decided = { decidedBy: e.by, decidedAt: e.at, ...(e.at > current.dueBy ? { decidedLate: true as const } : {}) };
  const applied = (version: number | undefined, to: string | undefined) =>
    version === undefined ? {} : { appliedVersion: version, appliedRecordId: to === undefined ? current.recordId : idOf(to) };
  const statement = (text: string): AmendmentStatement => ({ by: e.by, at: e.at, statement: text });
  return match(e)
    .with({ event: 'extended' }, (x) => (undecided && current.extension === undefined ? { ...current, extension: statement(x.reason), dueBy: x.dueBy } : current))
    .with({ event: 'accepted' }, (x) => (undecided ? { ...current, ...decided, status: 'accepted' as const, ...applied(x.appliedVersion, x.appliedTo) } : current))
    .with({ event: 'accepted-in-part' }, (x) => (undecided ? { ...current, ...decided, status: 'accepted-in-part' as const, denialReason: x.reason, ...applied(x.appliedVersion, x.appliedTo) } : current))
    .with({ event: 'denied' }, (x) => (undecided ? { ...current, ...decided, status: 'denied' as const, denialReason: x.reason } : current))
    .with({ event: 'disagreement' }, (x) => (refused(current) && current.disagreement === undefined ? { ...current, disagreement: statement(x.statement) } : current))
    .with({ event: 'rebuttal' }, (x) => (current.disagreement !== undefined && current.rebuttal === undefined ? { ...current, rebuttal: statement(x.statement) } : current))
    .exhaustive();
}

/**
 * Folds a record's amendment events, oldest first, into the amendments they describe.
 *
 * @example
 * ```ts
 * foldAmendments([{ event: 'requested', amendmentId: 'p1-amendment-1', version: 2, description: 'x', by: 'p1', at: '…', recordId: 'Patient/p1' }]);
 * ```
 */
export function foldAmendments(events: readonly StampedAmendmentEvent[]): Amendment[] {
  const byId = new Map<string, Amendment>();
  for (const e of events) {
    const next = applyAmendmentEvent(byId.get(e.amendmentId), e);
    if (next !== undefined) byId.set(e.amendmentId, next);
  }
  return [...byId.values()];
}
