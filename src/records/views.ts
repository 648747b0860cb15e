import { z } from 'zod';
import { fail, ok, type Checked } from '../core/result.js';
import { PurposeOfUseSchema, type PurposeOfUse } from './context.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { parsePointer } from './jsonPointer.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/**
 * Minimum-necessary rules (HIPAA 164.502(b)): for a role and the purposes it may state, the fields it
 * sees, as JSON Pointers where `*` stands for every item of an array (`/name/*\/family`).
 *
 * @example
 * ```ts
 * const billing = ViewRuleSchema.parse({ role: 'biller', purposes: ['HPAYMT'], fields: ['/name', '/birthDate', '/identifier'] });
 * ```
 */
export const ViewRuleSchema = z.object({
  role: z.string().min(1),
  purposes: z.array(PurposeOfUseSchema).min(1),
  fields: z.array(z.string()),
});

/**
 * One minimum-necessary rule (see {@link ViewRuleSchema}).
 *
 * @example
 * ```ts
 * const rule: ViewRule = { role: 'front-desk', purposes: ['HOPERAT'], fields: ['/name', '/telecom'] };
 * ```
 */
export type ViewRule = z.infer<typeof ViewRuleSchema>;

/**
 * A view policy: the rules, the first one matching role and purpose wins.
 *
 * @example
 * ```ts
 * const policy: ViewPolicy = [{ role: 'physician', purposes: ['TREAT', 'ETREAT'], fields: [''] }];
 * ```
 */
export type ViewPolicy = readonly ViewRule[];

function copyPath(source: JsonValue, tokens: readonly string[], target: JsonValue | undefined): JsonValue | undefined {
  if (tokens.length === 0) return source;
  const [token, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(source)) {
    const indices = token === '*' ? source.map((_, i) => i) : /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < source.length ? [Number(token)] : [];
    const out: (JsonValue | undefined)[] = Array.isArray(target) ? [...(target as JsonValue[])] : [];
    for (const i of indices) out[i] = copyPath(source[i] as JsonValue, rest, out[i]);
    return out.some((item) => item !== undefined) ? out.map((item) => item ?? null) : target;
  }
  if (!isJsonObject(source) || !Object.hasOwn(source, token)) return target;
  const base: JsonObject = isJsonObject(target) ? target : {};
  const child = copyPath(source[token] as JsonValue, rest, base[token]);
  return child === undefined ? target : { ...base, [token]: child };
}

/**
 * Returns the redacted copy of a document that a role may see for a purpose: only the fields its rule
 * lists. No matching rule means `records.forbidden`; a malformed pointer in the policy,
 * `records.pointer_invalid` or `records.pointer_unsafe` with its place in the policy.
 *
 * @param document - the full document (not changed)
 * @param policy - the view rules
 * @param role - the reader's role
 * @param purpose - the stated purpose of use
 * @returns the redacted copy
 * @example
 * ```ts
 * redactForView({ name: [{ family: 'Rivera' }], birthDate: '1980-04-02' }, [{ role: 'biller', purposes: ['HPAYMT'], fields: ['/name'] }], 'biller', 'HPAYMT');
 * // ok({ name: [{ family: 'Rivera' }] })
 * ```
 */
export function redactForView(document: JsonValue, policy: ViewPolicy, role: string, purpose: PurposeOfUse): Checked<JsonValue, RecordIssue> {
  const index = policy.findIndex((rule) => rule.role === role && rule.purposes.includes(purpose));
  const rule = policy[index];
  if (rule === undefined) return fail([recordIssue('records.forbidden', ['context'], `no view for role '${role}' and purpose ${purpose}`)]);
  let out: JsonValue | undefined;
  for (const [i, field] of rule.fields.entries()) {
    const tokens = parsePointer(field, ['policy', index, 'fields', i]);
    if (!tokens.ok) return fail(tokens.issues);
    out = copyPath(document, tokens.value, out);
  }
  return ok(out ?? (isJsonObject(document) ? {} : null));
}
