import { errorIssue, type Issue, type IssuePath } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';

/**
 * Object member names a pointer may never reach: writing them could reshape prototypes. Frozen, so no
 * importer can turn the guard off.
 *
 * @example
 * ```ts
 * UNSAFE_POINTER_TOKENS.includes('__proto__'); // true
 * ```
 */
export const UNSAFE_POINTER_TOKENS: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

/**
 * Parses an RFC 6901 JSON Pointer into its reference tokens (`~1` is `/`, `~0` is `~`), refusing
 * tokens that would reach `__proto__`, `constructor` or `prototype`.
 *
 * @param pointer - the pointer text, `''` for the whole document
 * @param path - where the pointer sits in the caller's input, for issues
 * @returns the tokens, or `records.pointer_invalid` / `records.pointer_unsafe`
 * @example
 * ```ts
 * parsePointer('/name/0/given~1family'); // ok(['name', '0', 'given/family'])
 * parsePointer('/__proto__/x');          // issue records.pointer_unsafe
 * ```
 */
export function parsePointer(pointer: string, path: IssuePath = []): Checked<readonly string[]> {
  if (pointer === '') return ok([]);
  if (!pointer.startsWith('/')) return fail([errorIssue('records.pointer_invalid', path, `'${pointer}' does not start with '/'`)]);
  const tokens: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    if (/~[^01]|~$/.test(raw)) return fail([errorIssue('records.pointer_invalid', path, `'${raw}' has a '~' not followed by 0 or 1`)]);
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (UNSAFE_POINTER_TOKENS.includes(token)) return fail([unsafe(token, path)]);
    tokens.push(token);
  }
  return ok(tokens);
}

function unsafe(token: string, path: IssuePath): Issue {
  return errorIssue('records.pointer_unsafe', path, `the pointer reaches '${token}', which is refused`);
}

/**
 * Formats reference tokens back into a JSON Pointer, escaping `~` and `/`.
 *
 * @param tokens - reference tokens, outermost first
 * @returns the pointer text
 * @example
 * ```ts
 * formatPointer(['a/b', 'c~d']); // '/a~1b/c~0d'
 * ```
 */
export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Reads an RFC 6901 array index token: digits without leading zeros, or `-` (one past the end)
 * when `allowEnd` is set.
 *
 * @param token - the reference token
 * @param length - the array's length
 * @param allowEnd - whether `-` and `length` itself are acceptable (for `add`)
 * @returns the index, or `undefined` when the token is not a valid index for this array
 * @example
 * ```ts
 * arrayIndex('01', 3, false); // undefined: leading zero
 * arrayIndex('-', 3, true);   // 3
 * ```
 */
export function arrayIndex(token: string, length: number, allowEnd: boolean): number | undefined {
  if (token === '-') return allowEnd ? length : undefined;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return index < length || (allowEnd && index === length) ? index : undefined;
}
