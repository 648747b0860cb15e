import { errorIssue, type IssuePath } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import type { JsonValue } from './json.js';
import { parsePointer } from './jsonPointer.js';

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;

/**
 * One patch operation read from untrusted input, with its pointers parsed into reference tokens.
 *
 * @example
 * ```ts
 * const read: ReadOperation = { op: 'move', path: ['name', '0'], from: ['alias', '0'] };
 * ```
 */
export interface ReadOperation {
  readonly op: (typeof OPS)[number];
  readonly path: readonly string[];
  /** For `move` and `copy`. */
  readonly from?: readonly string[];
  /** For `add`, `replace` and `test`. */
  readonly value?: JsonValue;
}

// Plain JSON: null, booleans, finite numbers, strings, arrays and plain objects of them.
function isPlainJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > 10_000) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * Reads one RFC 6902 operation without looking at the document: an object whose `op` is known, whose
 * `path` (and `from` for `move` and `copy`) is a valid JSON Pointer that does not reach `__proto__`,
 * `constructor` or `prototype`, and whose `value` (for `add`, `replace` and `test`) is present and
 * plain JSON (not `undefined`, `NaN`, a function, a date or a big integer).
 *
 * @param raw - the caller's operation
 * @param at - its place in the caller's input
 * @returns the operation, or `records.patch_invalid`, `records.pointer_invalid` or `records.pointer_unsafe`
 * @example
 * ```ts
 * readOperation({ op: 'replace', path: '/birthDate', value: undefined }, [0]); // records.patch_invalid at [0, 'value']
 * ```
 */
export function readOperation(raw: unknown, at: IssuePath): Checked<ReadOperation> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail([errorIssue('records.patch_invalid', at, 'an operation must be an object')]);
  const operation = raw as Record<string, unknown>;
  const op = operation['op'];
  if (!OPS.includes(op as (typeof OPS)[number])) return fail([errorIssue('records.patch_invalid', [...at, 'op'], `'${typeof op === 'string' ? op : typeof op}' is not an operation`)]);
  const kind = op as (typeof OPS)[number];
  const path = pointerOf(operation, 'path', at);
  if (!path.ok) return path;
  if (kind === 'move' || kind === 'copy') {
    const from = pointerOf(operation, 'from', at);
    return from.ok ? ok({ op: kind, path: path.value, from: from.value }) : from;
  }
  if (kind === 'remove') return ok({ op: kind, path: path.value });
  if (!Object.hasOwn(operation, 'value')) return fail([errorIssue('records.patch_invalid', [...at, 'value'], `'${kind}' needs a value`)]);
  const value = operation['value'];
  if (!isPlainJson(value, 0)) return fail([errorIssue('records.patch_invalid', [...at, 'value'], 'the value is not plain JSON')]);
  return ok({ op: kind, path: path.value, value: value as JsonValue });
}

function pointerOf(operation: Record<string, unknown>, key: 'path' | 'from', at: IssuePath): Checked<readonly string[]> {
  const text = operation[key];
  if (typeof text !== 'string') return fail([errorIssue('records.patch_invalid', [...at, key], `'${key}' must be a string`)]);
  return parsePointer(text, [...at, key]);
}
