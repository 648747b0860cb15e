import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { AccessContextSchema, type AccessContext } from './context.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/**
 * Checks access contexts against {@link AccessContextSchema}, remembering each context object's parsed
 * form. A remembered form answers only while every field of the object still holds the value it was
 * parsed from, so a context changed after its first use is simply parsed again: the check is never
 * skipped, only its repetition for the same values.
 *
 * @example
 * ```ts
 * const contexts = contextCache();
 * contexts.check({ actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT' }).ok; // true
 * ```
 */
export interface ContextCache {
  /** The parsed context, or `records.invalid_input` issues under `context`. */
  check(raw: unknown): Checked<AccessContext, RecordIssue>;
}

// The schema strips unknown members, so its answer depends on these fields alone.
const sameFields = (raw: Readonly<Record<string, unknown>>, parsed: AccessContext): boolean =>
  raw['actor'] === parsed.actor &&
  raw['role'] === parsed.role &&
  raw['purposeOfUse'] === parsed.purposeOfUse &&
  raw['onBehalfOf'] === parsed.onBehalfOf &&
  raw['reason'] === parsed.reason;

/**
 * Creates a context cache; its memory goes with the context objects (a WeakMap).
 *
 * @returns the cache
 * @example
 * ```ts
 * const contexts = contextCache();
 * ```
 */
export function contextCache(): ContextCache {
  const known = new WeakMap<object, Checked<AccessContext, RecordIssue>>();
  return {
    check(raw) {
      const isObject = typeof raw === 'object' && raw !== null;
      let parsed: ReturnType<typeof AccessContextSchema.safeParse>;
      try {
        if (isObject) {
          const found = known.get(raw);
          if (found !== undefined && found.ok && sameFields(raw as Record<string, unknown>, found.value)) return found;
        }
        parsed = AccessContextSchema.safeParse(raw);
      } catch {
        // A getter or proxy that throws: the context cannot be read, and the refusal is still audited.
        return fail([recordIssue('records.invalid_input', ['context'], 'the context could not be read (a getter or proxy threw)')]);
      }
      if (!parsed.success) return fail(issuesFromZod(parsed.error, 'records.invalid_input', ['context']));
      const checked = ok(parsed.data);
      if (isObject) known.set(raw, checked);
      return checked;
    },
  };
}
