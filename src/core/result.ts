import { hasErrors, type Issue } from './issue.js';

/**
 * The outcome of a check or an operation whose failures are expected: either a value
 * (with any warnings met on the way) or the issues that stopped it.
 *
 * @example
 * ```ts
 * function half(n: number): Checked<number> {
 *   return n % 2 === 0 ? ok(n / 2) : fail([errorIssue('odd', [], `${n} is odd`)]);
 * }
 * ```
 */
export type Checked<T, I extends Issue = Issue> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly I[] }
  | { readonly ok: false; readonly issues: readonly I[] };

/**
 * A successful outcome.
 *
 * @param value - the result
 * @param warnings - findings that did not stop it
 * @example
 * ```ts
 * const r = ok(42);
 * if (r.ok) console.log(r.value);
 * ```
 */
export function ok<T, I extends Issue = Issue>(value: T, warnings: readonly I[] = []): Checked<T, I> {
  return { ok: true, value, warnings };
}

/**
 * A failed outcome.
 *
 * @param issues - at least one issue saying why
 * @example
 * ```ts
 * const r = fail([errorIssue('time.unknown_zone', ['zone'], 'Mars/Olympus is not an IANA time zone')]);
 * ```
 */
export function fail<T = never, I extends Issue = Issue>(issues: readonly I[]): Checked<T, I> {
  if (issues.length === 0) throw new MedofficeUsageError('fail() needs at least one issue');
  return { ok: false, issues };
}

/**
 * Turns a value and the issues found while making it into a `Checked`: failed when any issue is
 * an error, otherwise ok with the warnings.
 *
 * @example
 * ```ts
 * const r = fromIssues('draft', [warningIssue('w', [], 'only a warning')]); // ok
 * ```
 */
export function fromIssues<T, I extends Issue = Issue>(value: T, issues: readonly I[]): Checked<T, I> {
  return hasErrors(issues) ? { ok: false, issues } : { ok: true, value, warnings: issues };
}

/**
 * The issues of an outcome, whichever way it went.
 *
 * @example
 * ```ts
 * issuesOf(ok(1, [warningIssue('w', [], 'careful')])).length; // 1
 * ```
 */
export function issuesOf<T, I extends Issue>(checked: Checked<T, I>): readonly I[] {
  return checked.ok ? checked.warnings : checked.issues;
}

/**
 * Thrown only when a caller misuses the API (a programming error), never for bad input,
 * which is reported as issues. Carries the issues that describe the misuse.
 *
 * @example
 * ```ts
 * try { fail([]); } catch (e) { if (e instanceof MedofficeUsageError) console.error(e.message); }
 * ```
 */
export class MedofficeUsageError extends Error {
  /** The issues that describe the misuse. */
  readonly issues: readonly Issue[];

  /**
   * @param message - what was misused
   * @param issues - structured detail, if any
   */
  constructor(message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'MedofficeUsageError';
    this.issues = issues;
  }
}
