/** How serious a finding is: `error` makes the input unusable, `warning` only deserves a look. */
export type Severity = 'error' | 'warning';

/** A location inside the input: object keys and array indices, outermost first. */
export type IssuePath = readonly (string | number)[];

/**
 * One finding about an input, the shape every medoffice module reports.
 * Callers branch on the stable `code`; `message` is for people and may improve over time.
 *
 * @example
 * ```ts
 * const found: Issue = {
 *   code: 'icd10.not_billable',
 *   severity: 'error',
 *   path: ['diagnoses', 0],
 *   message: 'E11 is a category header; bill one of its children such as E11.9',
 * };
 * ```
 */
export interface Issue<C extends string = string> {
  readonly code: C;
  readonly severity: Severity;
  readonly path: IssuePath;
  readonly message: string;
}

/**
 * Builds an error-severity issue.
 *
 * @param code - stable, documented code such as `date.range`
 * @param path - where in the input the problem is
 * @param message - a sentence for a person
 * @example
 * ```ts
 * const e = errorIssue('date.range', ['lines', 0, 'serviceDateTo'], 'ends before it starts');
 * ```
 */
export function errorIssue<C extends string>(code: C, path: IssuePath, message: string): Issue<C> {
  return { code, severity: 'error', path, message };
}

/**
 * Builds a warning-severity issue.
 *
 * @example
 * ```ts
 * const w = warningIssue('pointer.unused', ['diagnoses', 3], 'diagnosis 4 is not pointed to by any line');
 * ```
 */
export function warningIssue<C extends string>(code: C, path: IssuePath, message: string): Issue<C> {
  return { code, severity: 'warning', path, message };
}

/**
 * True when at least one issue is an error.
 *
 * @example
 * ```ts
 * hasErrors([warningIssue('x', [], 'only a warning')]); // false
 * ```
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((found) => found.severity === 'error');
}

/**
 * Prefixes every issue's path, for when a nested check reports relative to its own input.
 *
 * @example
 * ```ts
 * prefixIssues([errorIssue('line.units', ['units'], 'must be positive')], ['lines', 2]);
 * // path becomes ['lines', 2, 'units']
 * ```
 */
export function prefixIssues<I extends Issue>(issues: readonly I[], prefix: IssuePath): I[] {
  return issues.map((found) => ({ ...found, path: [...prefix, ...found.path] }));
}

/**
 * Renders a path the way people read it: `lines[2].modifiers[0]`; the empty path is `(root)`.
 * An empty key (a JSON member named `""`) shows as `[""]`, so it never vanishes from the path.
 *
 * @example
 * ```ts
 * formatPath(['lines', 2, 'modifiers', 0]); // 'lines[2].modifiers[0]'
 * formatPath(['', 'a']);                    // '[""].a'
 * ```
 */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (part === '') out += '[""]';
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}
