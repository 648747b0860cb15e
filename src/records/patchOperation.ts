import { errorIssue, type IssuePath } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import type { JsonValue } from './json.js';
import type { PatchOperation } from './jsonPatch.js';
import { parsePointer } from './jsonPointer.js';

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;

/**
 * One patch operation read from untrusted input, with its pointers parsed into reference tokens, and
 * the operation as read: a plain copy that shares nothing with the caller's object.
 *
 * @example
 * ```ts
 * const read: ReadOperation = { op: 'move', path: ['name', '0'], from: ['alias', '0'], operation: { op: 'move', path: '/name/0', from: '/alias/0' } };
 * ```
 */
export interface ReadOperation {
  readonly op: (typeof OPS)[number];
  readonly path: readonly string[];
  /** For `move` and `copy`. */
  readonly from?: readonly string[];
  /** For `add`, `replace` and `test`: a copy of the caller's value. */
  readonly value?: JsonValue;
  /** The whole operation as read, for keeping as data. */
  readonly operation: PatchOperation;
}

const MAX_VALUE_DEPTH = 10_000;
// A value with more parts than this is refused before it is copied further: a value that uses one
// container many times over (no cycle, but exponentially many parts) would otherwise be copied out in full.
const MAX_VALUE_PARTS = 1_000_000;

function setMember(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  // defineProperty, so a member named __proto__ stays a member.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const NOT_JSON = Symbol('not plain JSON');

type Container = JsonValue[] | Record<string, JsonValue>;

// A scalar as it is, a fresh empty container for an array or a plain object (filled by plainCopy), or NOT_JSON.
function shallowCopy(value: unknown): string | number | boolean | null | Container | typeof NOT_JSON {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_JSON;
  if (typeof value !== 'object') return NOT_JSON;
  if (Array.isArray(value)) return [];
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null ? {} : NOT_JSON;
}

// A copy of plain JSON (null, booleans, finite numbers, strings, arrays and plain objects of them),
// reading each member of the caller's value once, or undefined for anything else. It walks depth first
// with a stack of its own rather than by recursion, so a deep value cannot overflow the call stack, and
// keeps the containers on the path from the root: one that contains itself (a cycle) is refused when
// it is reached. A container used twice side by side (not inside itself) is plain JSON and copied twice.
function plainCopy(value: unknown): JsonValue | undefined {
  const root = shallowCopy(value);
  if (root === NOT_JSON) return undefined;
  // A container to copy, or (with no target) the mark that its members are done and it leaves the path.
  const work: [source: object, target: Container | undefined, depth: number][] = [];
  if (typeof root === 'object' && root !== null) work.push([value as object, root, 0]);
  const onPath = new Set<object>();
  let parts = 0;
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const [source, target, depth] = next;
    if (target === undefined) {
      onPath.delete(source);
      continue;
    }
    if (depth >= MAX_VALUE_DEPTH || onPath.has(source)) return undefined;
    onPath.add(source);
    work.push([source, undefined, depth]);
    const keys = Array.isArray(target) ? undefined : Object.keys(source);
    const count = keys === undefined ? (source as readonly unknown[]).length : keys.length;
    parts += count;
    if (parts > MAX_VALUE_PARTS) return undefined;
    for (let i = 0; i < count; i++) {
      const key = keys === undefined ? i : (keys[i] as string);
      const item: unknown = (source as Record<string | number, unknown>)[key];
      const copy = shallowCopy(item);
      if (copy === NOT_JSON) return undefined;
      if (Array.isArray(target)) target.push(copy);
      else setMember(target, key as string, copy);
      if (typeof copy === 'object' && copy !== null) work.push([item as object, copy, depth + 1]);
    }
  }
  return root;
}

/**
 * Reads one RFC 6902 operation without looking at the document: an object whose `op` is known, whose
 * `path` (and `from` for `move` and `copy`) is a valid JSON Pointer that does not reach `__proto__`,
 * `constructor` or `prototype`, and whose `value` (for `add`, `replace` and `test`) is present and
 * plain JSON (not `undefined`, `NaN`, a function, a date or a big integer). Each member is read once
 * and the value is copied, so the caller's object is never read again; an operation whose getter
 * throws (or a revoked proxy) is `records.patch_invalid` at its place.
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
  try {
    return readMembers(raw, at);
  } catch {
    return fail([errorIssue('records.patch_invalid', at, 'the operation could not be read (a getter or proxy threw)')]);
  }
}

function readMembers(raw: unknown, at: IssuePath): Checked<ReadOperation> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail([errorIssue('records.patch_invalid', at, 'an operation must be an object')]);
  const operation = raw as Record<string, unknown>;
  const op = operation['op'];
  if (!OPS.includes(op as (typeof OPS)[number])) return fail([errorIssue('records.patch_invalid', [...at, 'op'], `'${typeof op === 'string' ? op : typeof op}' is not an operation`)]);
  const kind = op as (typeof OPS)[number];
  const path = pointerOf(operation, 'path', at);
  if (!path.ok) return path;
  if (kind === 'move' || kind === 'copy') {
    const from = pointerOf(operation, 'from', at);
    return from.ok ? ok({ op: kind, path: path.value.tokens, from: from.value.tokens, operation: { op: kind, from: from.value.text, path: path.value.text } }) : from;
  }
  if (kind === 'remove') return ok({ op: kind, path: path.value.tokens, operation: { op: kind, path: path.value.text } });
  if (!Object.hasOwn(operation, 'value')) return fail([errorIssue('records.patch_invalid', [...at, 'value'], `'${kind}' needs a value`)]);
  const value = plainCopy(operation['value']);
  if (value === undefined) return fail([errorIssue('records.patch_invalid', [...at, 'value'], 'the value is not plain JSON')]);
  return ok({ op: kind, path: path.value.tokens, value, operation: { op: kind, path: path.value.text, value } });
}

function pointerOf(operation: Record<string, unknown>, key: 'path' | 'from', at: IssuePath): Checked<{ text: string; tokens: readonly string[] }> {
  const text = operation[key];
  if (typeof text !== 'string') return fail([errorIssue('records.patch_invalid', [...at, key], `'${key}' must be a string`)]);
  const tokens = parsePointer(text, [...at, key]);
  return tokens.ok ? ok({ text, tokens: tokens.value }) : tokens;
}
