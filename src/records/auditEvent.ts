import type { Checked } from '../core/result.js';
import { canonicalJson } from './canonicalJson.js';
import type { RecordIssue } from './recordIssue.js';

/**
 * Who an audit event names: an operation's access context, or as much of a refused one as is
 * well formed (`?` for the rest).
 *
 * @example
 * ```ts
 * const party: AuditedParty = { actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT' };
 * ```
 */
export interface AuditedParty {
  readonly actor: string;
  readonly role: string;
  readonly purposeOfUse: string;
  readonly onBehalfOf?: string | undefined;
}

/** What an audit entry's content holds. */
export interface AuditEvent {
  readonly action: string;
  readonly recordId: string;
  readonly version?: number;
  readonly actor: string;
  readonly role: string;
  readonly purposeOfUse: string;
  readonly onBehalfOf?: string;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly issues?: readonly string[];
}

/**
 * The audit event of one operation: who did what to which record, for which purpose, and how it ended
 * (`denied` when the policy refused it, `failure` with the issue codes otherwise).
 *
 * @param action - the operation's name
 * @param key - the store key
 * @param context - who asked (an access context, or the audited part of a refused one)
 * @param result - how the operation ended
 * @param version - the version it wrote or read, if any
 * @returns the event
 * @example
 * ```ts
 * const event = auditEvent('read', 'Patient/p1', context, ok(1), 3);
 * ```
 */
export function auditEvent(action: string, key: string, context: AuditedParty, result: Checked<unknown, RecordIssue>, version: number | undefined): AuditEvent {
  const denied = !result.ok && result.issues.some((found) => found.code === 'records.forbidden');
  const event: { -readonly [K in keyof AuditEvent]: AuditEvent[K] } = {
    action,
    recordId: key,
    actor: context.actor,
    role: context.role,
    purposeOfUse: context.purposeOfUse,
    outcome: result.ok ? 'success' : denied ? 'denied' : 'failure',
  };
  if (version !== undefined) event.version = version;
  if (context.onBehalfOf !== undefined) event.onBehalfOf = context.onBehalfOf;
  if (!result.ok) event.issues = result.issues.map((found) => found.code);
  return event;
}

/**
 * The canonical JSON (RFC 8785) of an audit event, written out member by member in JCS order: the
 * same text as `canonicalJson(event)`, made once per operation without sorting keys.
 *
 * @param event - the event
 * @returns the canonical text
 * @example
 * ```ts
 * auditEventText(event) === canonicalJson(event); // true
 * ```
 */
export function auditEventText(event: AuditEvent): string {
  let out = `{"action":${canonicalJson(event.action)},"actor":${canonicalJson(event.actor)}`;
  if (event.issues !== undefined) out += `,"issues":${canonicalJson(event.issues)}`;
  if (event.onBehalfOf !== undefined) out += `,"onBehalfOf":${canonicalJson(event.onBehalfOf)}`;
  out += `,"outcome":${canonicalJson(event.outcome)},"purposeOfUse":${canonicalJson(event.purposeOfUse)}`;
  out += `,"recordId":${canonicalJson(event.recordId)},"role":${canonicalJson(event.role)}`;
  return event.version !== undefined ? `${out},"version":${canonicalJson(event.version)}}` : `${out}}`;
}
