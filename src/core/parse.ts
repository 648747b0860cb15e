import type { z } from 'zod';
import { errorIssue, type Issue, type IssuePath } from './issue.js';
import { fail, ok, type Checked } from './result.js';

/**
 * Converts a zod error into medoffice issues: one per zod issue, each with its path and the given
 * stable code.
 *
 * @param error - what `safeParse` returned
 * @param code - the stable code to report, e.g. `claim.schema`
 * @param prefix - prepended to every path, for nested inputs
 * @example
 * ```ts
 * const r = z.object({ n: z.number() }).safeParse({ n: 'x' });
 * if (!r.success) issuesFromZod(r.error, 'input.schema'); // path ['n']
 * ```
 */
export function issuesFromZod<C extends string>(error: z.ZodError, code: C, prefix: IssuePath = []): Issue<C>[] {
  return error.issues.map((zodIssue) =>
    errorIssue(code, [...prefix, ...zodIssue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], zodIssue.message),
  );
}

/**
 * Parses untrusted input with a zod schema, returning issues instead of throwing.
 *
 * @param schema - the boundary schema
 * @param input - anything
 * @param code - the stable code for schema failures
 * @example
 * ```ts
 * const r = parseWith(z.object({ zone: z.string() }), JSON.parse(text), 'clinic.schema');
 * if (!r.ok) console.log(r.issues);
 * ```
 */
export function parseWith<S extends z.ZodType, C extends string>(
  schema: S,
  input: unknown,
  code: C,
  prefix: IssuePath = [],
): Checked<z.infer<S>, Issue<C>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data as z.infer<S>) : fail(issuesFromZod(parsed.error, code, prefix));
}
