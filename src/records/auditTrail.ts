import type { DateTime } from 'luxon';
import type { z } from 'zod';
import { ok, type Checked } from '../core/result.js';
import type { EntryRow } from './adapter.js';
import type { AuditEvent } from './auditEvent.js';
import type { AccessContext } from './context.js';
import { queryInstant } from './queryInstant.js';
import { runOperation } from './operation.js';
import type { RecordIssue } from './recordIssue.js';
import { readPageQuery } from './pageQuery.js';
import type { StoreSettings } from './settings.js';
import { step } from './steps.js';

/**
 * One audit event as the audit trail lists it: where it sits in the chain, when, who did what for
 * which purpose, and how it ended.
 *
 * @example
 * ```ts
 * const seen: AuditRecord = { sequence: 14, at: '2026-11-02T12:31:00.000Z', action: 'read', id: 'p1', version: 2,
 *   actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT', outcome: 'success' };
 * ```
 */
export interface AuditRecord {
  /** The event's place in the hash chain. */
  readonly sequence: number;
  /** When, ISO 8601 UTC. */
  readonly at: string;
  /** The operation: `read`, `update`, `history`, `audit-trail`, ... */
  readonly action: string;
  /** The record's id. */
  readonly id: string;
  /** The version written or read, when there was one. */
  readonly version?: number;
  readonly actor: string;
  readonly role: string;
  readonly purposeOfUse: string;
  readonly onBehalfOf?: string;
  /** `success`, `denied` (the policy refused) or `failure`. */
  readonly outcome: 'success' | 'denied' | 'failure';
  /** The issue codes of a failure or denial. */
  readonly issues?: readonly string[];
}

/**
 * A page of a record's audit trail, newest first.
 *
 * @example
 * ```ts
 * const page: AuditPage = { events: [], nextBefore: 120 };
 * ```
 */
export interface AuditPage {
  readonly events: readonly AuditRecord[];
  /** Pass as `before` to get the next (older) page; absent on the last page. */
  readonly nextBefore?: number;
}

/**
 * Which audit events to list.
 *
 * @example
 * ```ts
 * const q: AuditQuery = { since: DateTime.fromISO('2026-01-01', { zone: 'UTC' }), pageSize: 100 };
 * ```
 */
export interface AuditQuery {
  /** Only events at or after this time. */
  readonly since?: DateTime;
  /** Only events at or before this time. */
  readonly until?: DateTime;
  /** Events per page, 1 to 1000 (default 100). */
  readonly pageSize?: number;
  /** Continue with events older than this chain sequence (the previous page's `nextBefore`). */
  readonly before?: number;
}

/**
 * Reads an audit entry as the audit trail lists it (an empty list if its content is gone).
 *
 * @param row - an entry of kind `audit`
 * @returns the event, or nothing
 * @example
 * ```ts
 * const events = rows.flatMap(auditRecordOf);
 * ```
 */
export function auditRecordOf(row: EntryRow): AuditRecord[] {
  if (row.data === null) return [];
  const { recordId, ...event } = JSON.parse(row.data) as AuditEvent;
  return [{ sequence: row.sequence, at: row.at, ...event, id: recordId.slice(recordId.indexOf('/') + 1) }];
}

/**
 * Lists who read or changed a record, newest first and paged: every operation on its id, failed and
 * refused ones included, whether or not the record exists now (attempts on unknown or expunged ids
 * are kept too). Needs the `audit` permission, and is itself audited.
 *
 * @example
 * ```ts
 * const page = await readAuditTrail(settings, 'p1', { pageSize: 50 }, privacyOfficer);
 * ```
 */
export function readAuditTrail<S extends z.ZodType>(settings: StoreSettings<S>, id: string, query: AuditQuery, context: AccessContext): Promise<Checked<AuditPage, RecordIssue>> {
  return runOperation(settings, { action: 'audit-trail', permission: 'audit' }, id, context, function* (scope) {
    const read = readPageQuery(query, ['since', 'until'], 'events', 'a chain sequence');
    if (!read.ok) return read;
    const { pageSize, before, times } = read.value;
    const limit = pageSize ?? 100;
    const rows = yield* step(scope.tx.recentEntries(scope.key, 'audit', {
      limit: limit + 1,
      ...(before !== undefined ? { beforeSequence: before } : {}),
      ...(times['since'] !== undefined ? { since: queryInstant(times['since']) } : {}),
      ...(times['until'] !== undefined ? { until: queryInstant(times['until']) } : {}),
    }));
    const page = rows.slice(0, limit);
    const events = page.flatMap(auditRecordOf);
    const last = page[page.length - 1];
    return ok(rows.length > limit && last !== undefined ? { events, nextBefore: last.sequence } : { events });
  });
}
