import { hasLoneSurrogate } from './canonicalJson.js';
import { z } from 'zod';
import type { AuditedParty } from './auditEvent.js';

/**
 * HL7 v3 PurposeOfUse codes a request can state (the reason the data is wanted).
 *
 * @example
 * ```ts
 * PurposeOfUseSchema.parse('TREAT');
 * ```
 */
export const PurposeOfUseSchema = z.enum(['TREAT', 'ETREAT', 'HPAYMT', 'HOPERAT', 'PATRQT', 'PUBHLTH', 'HRESCH', 'LEGAL', 'COC', 'HMARKT']);

/**
 * A PurposeOfUse code, e.g. `TREAT` (treatment) or `HPAYMT` (payment).
 *
 * @example
 * ```ts
 * const why: PurposeOfUse = 'HPAYMT';
 * ```
 */
export type PurposeOfUse = z.infer<typeof PurposeOfUseSchema>;

// Every string of a context goes into the audit chain's canonical JSON, which cannot hold a lone surrogate.
const text = (max: number) => z.string().min(1).max(max).refine((value) => !hasLoneSurrogate(value), { message: 'not well-formed Unicode (a lone surrogate)' });

/**
 * Who is asking and why: every store operation takes one, and every audit event records it.
 *
 * @example
 * ```ts
 * const context = AccessContextSchema.parse({ actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT' });
 * ```
 */
export const AccessContextSchema = z.object({
  /** The user or system acting. */
  actor: text(200),
  /** The actor's role, matched against the access and view policies. */
  role: text(100),
  /** Why the data is used. */
  purposeOfUse: PurposeOfUseSchema,
  /** The person the actor acts for (a scribe for a physician). */
  onBehalfOf: text(200).optional(),
  /** The reason for a change, recorded in its version. */
  reason: text(2000).optional(),
});

/**
 * Who is asking and why (see {@link AccessContextSchema}).
 *
 * @example
 * ```ts
 * const context: AccessContext = { actor: 'ma-jones', role: 'assistant', purposeOfUse: 'TREAT', reason: 'new phone' };
 * ```
 */
export type AccessContext = z.infer<typeof AccessContextSchema>;

/**
 * The permissions an access policy grants. `amend` lets a role file an amendment request and the
 * individual's statement of disagreement, and list amendments (a role without `read` only the
 * requests its own actor made, with their outcome and any rebuttal, and files a disagreement only on
 * those); `amend-decide` lets it accept, deny or accept in part a request, extend its deadline and
 * file the rebuttal, each also needing `read`
 * (the answer is the whole amendment, and deciding means judging the record; accepting with a patch
 * also needs `write`, since it writes a version). `view` lets a role read through a minimum-necessary view
 * only (`readView`), so a role given `view` and not `read` cannot read the whole record; `read`
 * includes `view`. Every operation that answers with the stored record or tests input against it
 * needs `read` besides its own permission: `patch` (`write` and `read`), `delete` and `undelete`
 * (`delete` and `read`); without it the answer is `records.forbidden`. `create` and `update` answer
 * with the caller's own document and need `write` alone.
 *
 * @example
 * ```ts
 * const p: Permission = 'expunge';
 * ```
 */
export type Permission = 'read' | 'view' | 'write' | 'delete' | 'expunge' | 'amend' | 'amend-decide' | 'disclose' | 'merge' | 'audit';

/**
 * Permissions by role. A role not listed may do nothing. Without a policy every role may do
 * everything except `expunge`, which must always be granted explicitly.
 *
 * @example
 * ```ts
 * const policy: AccessPolicy = { physician: ['read', 'write', 'amend-decide'], patient: ['amend'], 'privacy-officer': ['read', 'expunge'] };
 * ```
 */
export type AccessPolicy = Readonly<Record<string, readonly Permission[]>>;

/**
 * Whether a role may do something under a policy.
 *
 * @param policy - the policy, or undefined for the default (everything but expunge)
 * @param role - the actor's role
 * @param permission - what it wants to do
 * @returns true when allowed
 * @example
 * ```ts
 * permits(undefined, 'clerk', 'expunge'); // false
 * permits({ biller: ['view'] }, 'biller', 'read'); // false: views only
 * ```
 */
export function permits(policy: AccessPolicy | undefined, role: string, permission: Permission): boolean {
  if (policy === undefined) return permission !== 'expunge';
  const granted = Object.hasOwn(policy, role) ? (policy[role] ?? []) : [];
  return granted.includes(permission) || (permission === 'view' && granted.includes('read'));
}

/**
 * The parts of a context that an audit event can record even when the context as a whole was refused:
 * each of actor, role, purpose of use and on-behalf-of that passes its own check, `?` for the others,
 * so an identified actor's refused attempt still leaves a trace.
 *
 * @param raw - whatever was passed as the context
 * @returns who to name in the audit event
 * @example
 * ```ts
 * auditedPartyOf({ actor: 'mallory', role: 'assistant', purposeOfUse: 'CURIOSITY' });
 * // { actor: 'mallory', role: 'assistant', purposeOfUse: '?' }
 * ```
 */
export function auditedPartyOf(raw: unknown): AuditedParty {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const shape = AccessContextSchema.shape;
  const field = (name: 'actor' | 'role' | 'purposeOfUse' | 'onBehalfOf'): string | undefined => {
    const parsed = shape[name].safeParse(safeGet(fields, name));
    return parsed.success && typeof parsed.data === 'string' ? parsed.data : undefined;
  };
  const onBehalfOf = field('onBehalfOf');
  return { actor: field('actor') ?? '?', role: field('role') ?? '?', purposeOfUse: field('purposeOfUse') ?? '?', ...(onBehalfOf === undefined ? {} : { onBehalfOf }) };
}

// A getter that throws (a hostile proxy) reads as missing.
function safeGet(fields: Record<string, unknown>, name: string): unknown {
  try {
    return fields[name];
  } catch {
    return undefined;
  }
}
