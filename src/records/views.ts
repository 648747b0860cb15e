import { z } from 'zod';
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { PurposeOfUseSchema, type PurposeOfUse } from './context.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { arrayIndex, parsePointer } from './jsonPointer.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import { readCallerInput } from './callerInput.js';

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

function setMember(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function copyJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return Array.from(value as readonly JsonValue[], copyJson);
  if (!isJsonObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) setMember(out, key, copyJson(value[key] as JsonValue));
  return out;
}

function emptyLike(value: JsonValue | undefined): JsonValue {
  if (Array.isArray(value)) return [];
  return isJsonObject(value) ? {} : null;
}

function withMember(base: JsonObject, key: string, value: JsonValue): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const name of Object.keys(base)) setMember(out, name, base[name] as JsonValue);
  setMember(out, key, value);
  return out;
}

function copyItems(source: readonly JsonValue[], token: string, rest: readonly string[], target: JsonValue | undefined): JsonValue[] | undefined {
  const index = token === '*' ? undefined : arrayIndex(token, source.length, false);
  if (token !== '*' && index === undefined) return undefined;
  const addressed = index === undefined ? source.map((_, i) => i) : [index];
  const previous: readonly JsonValue[] = Array.isArray(target) ? target : [];
  const selected = new Map<number, JsonValue>();
  for (const i of addressed) {
    const child = copyPath(source[i] as JsonValue, rest, previous[i]);
    if (child !== undefined) selected.set(i, child);
  }
  if (selected.size === 0) return undefined;
  const length = Math.max(previous.length, (addressed[addressed.length - 1] ?? 0) + 1);
  return Array.from({ length }, (_, i) => selected.get(i) ?? previous[i] ?? emptyLike(source[i]));
}

/** The selection `tokens` makes in `source`, merged into `target`; `undefined` when it selects nothing. */
function copyPath(source: JsonValue, tokens: readonly string[], target: JsonValue | undefined): JsonValue | undefined {
  if (tokens.length === 0) return copyJson(source);
  const [token, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(source)) return copyItems(source as readonly JsonValue[], token, rest, target);
  if (!isJsonObject(source) || !Object.hasOwn(source, token)) return undefined;
  const base: JsonObject = isJsonObject(target) ? target : {};
  const child = copyPath(source[token] as JsonValue, rest, Object.hasOwn(base, token) ? base[token] : undefined);
  return child === undefined ? undefined : withMember(base, token, child);
}

/**
 * Returns the redacted copy of a document that a role may see for a purpose: only the fields its rule
 * lists, as a deep copy that shares nothing with the document. When a pointer goes through an array
 * (with `*` or an index) and at least one item holds the field, items keep their positions up to the
 * last one the pointer names, and an item without the field is an empty container of its own type
 * (`{}` or `[]`, `null` for a scalar item). An array none of whose items holds the field is left out,
 * as is a field the document lacks. When nothing is selected the result is an empty container of the
 * document's type.
 *
 * Issues: `records.invalid_input` at `['policy', ...]` for a policy that is not an array of
 * {@link ViewRuleSchema} rules (at `['policy']` for one that cannot be read: a getter or proxy
 * throws); `records.forbidden` when no rule matches role and purpose (the first matching rule
 * wins); `records.pointer_invalid` or `records.pointer_unsafe` at `['policy', rule, 'fields', field]`
 * for a malformed pointer in the matching rule.
 *
 * @param document - the full document (not changed)
 * @param policy - the view rules, validated here
 * @param role - the reader's role
 * @param purpose - the stated purpose of use
 * @returns the redacted copy
 * @example
 * ```ts
 * redactForView({ name: [{ given: ['Ana'] }, { family: 'Lopez' }], birthDate: '1980-04-02' }, [{ role: 'biller', purposes: ['HPAYMT'], fields: ['/name/*\/family'] }], 'biller', 'HPAYMT');
 * // ok({ name: [{}, { family: 'Lopez' }] })
 * ```
 */
export function redactForView(document: JsonValue, policy: ViewPolicy, role: string, purpose: PurposeOfUse): Checked<JsonValue, RecordIssue> {
  // zod's answer is a copy: the caller's policy is read once, here, and a getter that throws is an issue.
  const parsed = readCallerInput(['policy'], () => {
    const result = ViewRuleSchema.array().safeParse(policy);
    return result.success ? ok(result.data) : fail(issuesFromZod(result.error, 'records.invalid_input', ['policy']));
  });
  if (!parsed.ok) return parsed;
  const rules = parsed.value;
  const index = rules.findIndex((rule) => rule.role === role && rule.purposes.includes(purpose));
  const rule = rules[index];
  if (rule === undefined) return fail([recordIssue('records.forbidden', ['context'], `no view for role '${role}' and purpose ${purpose}`)]);
  let out: JsonValue | undefined;
  for (const [i, field] of rule.fields.entries()) {
    const tokens = parsePointer(field, ['policy', index, 'fields', i]);
    if (!tokens.ok) return fail(tokens.issues);
    out = copyPath(document, tokens.value, out) ?? out;
  }
  return ok(out ?? emptyLike(document));
}
