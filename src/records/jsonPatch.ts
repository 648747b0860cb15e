import { match } from 'ts-pattern';
import { errorIssue, type Issue, type IssuePath } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './json.js';
import { arrayIndex } from './jsonPointer.js';
import { readOperation } from './patchOperation.js';

/**
 * One RFC 6902 JSON Patch operation.
 *
 * @example
 * ```ts
 * const op: PatchOperation = { op: 'replace', path: '/birthDate', value: '1980-04-02' };
 * ```
 */
export type PatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: JsonValue }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string };

/**
 * An RFC 6902 JSON Patch: operations applied in order, all or none.
 *
 * @example
 * ```ts
 * const patch: JsonPatch = [{ op: 'test', path: '/active', value: true }, { op: 'remove', path: '/telecom' }];
 * ```
 */
export type JsonPatch = readonly PatchOperation[];

type Step = Checked<JsonValue>;

function missing(path: IssuePath, what: string): Issue {
  return errorIssue('records.patch_path_missing', path, what);
}

function childOf(node: JsonValue, token: string): JsonValue | undefined {
  if (Array.isArray(node)) {
    const index = arrayIndex(token, node.length, false);
    return index === undefined ? undefined : node[index];
  }
  return isJsonObject(node) && Object.hasOwn(node, token) ? node[token] : undefined;
}

function withChild(node: JsonValue, token: string, child: JsonValue): JsonValue {
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(token)] = child;
    return copy;
  }
  return { ...(node as JsonObject), [token]: child };
}

type Edit = (parent: JsonValue, token: string) => Step;

function editAt(node: JsonValue, tokens: readonly string[], depth: number, edit: Edit, path: IssuePath): Step {
  const token = tokens[depth] as string;
  if (depth === tokens.length - 1) return edit(node, token);
  const child = childOf(node, token);
  if (child === undefined) return fail([missing(path, `nothing at '${token}' on the way to the target`)]);
  const edited = editAt(child, tokens, depth + 1, edit, path);
  return edited.ok ? ok(withChild(node, token, edited.value)) : edited;
}

function valueAt(doc: JsonValue, tokens: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = doc;
  for (const token of tokens) {
    if (node === undefined) return undefined;
    node = childOf(node, token);
  }
  return node;
}

function addEdit(value: JsonValue, path: IssuePath): Edit {
  return (parent, token) => {
    if (Array.isArray(parent)) {
      const index = arrayIndex(token, parent.length, true);
      if (index === undefined) return fail([missing(path, `'${token}' is not an index where an item can be added`)]);
      return ok([...parent.slice(0, index), value, ...parent.slice(index)]);
    }
    if (isJsonObject(parent)) return ok({ ...parent, [token]: value });
    return fail([missing(path, 'the parent is not an object or an array')]);
  };
}

function removeEdit(path: IssuePath): Edit {
  return (parent, token) => {
    if (Array.isArray(parent)) {
      const index = arrayIndex(token, parent.length, false);
      if (index === undefined) return fail([missing(path, `no item at '${token}'`)]);
      return ok([...parent.slice(0, index), ...parent.slice(index + 1)]);
    }
    if (isJsonObject(parent) && Object.hasOwn(parent, token)) {
      const { [token]: _removed, ...rest } = parent;
      return ok(rest);
    }
    return fail([missing(path, `no member '${token}'`)]);
  };
}

function replaceEdit(value: JsonValue, path: IssuePath): Edit {
  return (parent, token) =>
    childOf(parent, token) === undefined ? fail([missing(path, `nothing at '${token}' to replace`)]) : ok(withChild(parent, token, value));
}

function add(doc: JsonValue, tokens: readonly string[], value: JsonValue, path: IssuePath): Step {
  return tokens.length === 0 ? ok(value) : editAt(doc, tokens, 0, addEdit(value, path), path);
}

function remove(doc: JsonValue, tokens: readonly string[], path: IssuePath): Step {
  if (tokens.length === 0) return fail([missing(path, 'the whole document cannot be removed')]);
  return editAt(doc, tokens, 0, removeEdit(path), path);
}

function applyOne(doc: JsonValue, raw: unknown, at: IssuePath): Step {
  const read = readOperation(raw, at);
  if (!read.ok) return read;
  const { op, path: tokens, from, value } = read.value;
  const pathAt = [...at, 'path'];
  return match(op)
    .with('add', () => add(doc, tokens, value ?? null, pathAt))
    .with('remove', () => remove(doc, tokens, pathAt))
    .with('replace', () => (tokens.length === 0 ? ok(value ?? null) : editAt(doc, tokens, 0, replaceEdit(value ?? null, pathAt), pathAt)))
    .with('test', () => testAt(doc, tokens, value ?? null, pathAt))
    .with('copy', 'move', (kind) => {
      const source = from ?? [];
      const moved = valueAt(doc, source);
      if (moved === undefined) return fail([missing([...at, 'from'], 'nothing at the source')]);
      return kind === 'copy' ? add(doc, tokens, moved, pathAt) : move(doc, source, tokens, moved, at);
    })
    .exhaustive();
}

function testAt(doc: JsonValue, tokens: readonly string[], value: JsonValue, path: IssuePath): Step {
  const found = valueAt(doc, tokens);
  if (found === undefined) return fail([missing(path, 'nothing to test')]);
  return jsonEqual(found, value) ? ok(doc) : fail([errorIssue('records.patch_test_failed', path, 'the value differs')]);
}

function move(doc: JsonValue, from: readonly string[], to: readonly string[], value: JsonValue, at: IssuePath): Step {
  const same = from.length === to.length && from.every((token, i) => token === to[i]);
  if (same) return ok(doc);
  const intoItself = from.length < to.length && from.every((token, i) => token === to[i]);
  if (intoItself) return fail([errorIssue('records.patch_invalid', [...at, 'path'], 'a value cannot be moved into itself')]);
  const removed = remove(doc, from, [...at, 'from']);
  return removed.ok ? add(removed.value, to, value, [...at, 'path']) : removed;
}

/** The most operations one patch may hold (a patch longer than this cannot fit a document's size limit). */
const MAX_PATCH_OPERATIONS = 1_000_000;

/**
 * Reads the list of a caller's patch once, so a proxy cannot change it while it is applied: an array,
 * or `records.patch_invalid` at the patch itself (also when a getter or a revoked proxy throws).
 * Each operation is read later, by {@link readOperation}.
 *
 * @param patch - the caller's patch
 * @returns its operations, not yet read
 * @example
 * ```ts
 * readPatchList('remove everything'); // records.patch_invalid at []
 * ```
 */
export function readPatchList(patch: unknown): Checked<readonly unknown[]> {
  try {
    if (!Array.isArray(patch)) return fail([errorIssue('records.patch_invalid', [], 'a patch must be an array of operations')]);
    if (patch.length > MAX_PATCH_OPERATIONS) return fail([errorIssue('records.patch_invalid', [], `a patch holds at most ${MAX_PATCH_OPERATIONS} operations, not ${patch.length}`)]);
    const items: unknown[] = [];
    for (let i = 0, length = patch.length; i < length; i++) {
      const item: unknown = (patch as readonly unknown[])[i];
      items.push(item);
      // Operations are applied in order and the first bad one ends the patch: nothing after it is read.
      if (typeof item !== 'object' || item === null) break;
    }
    return ok(items);
  } catch {
    return fail([errorIssue('records.patch_invalid', [], 'the patch could not be read (a getter or proxy threw)')]);
  }
}

/**
 * Applies an RFC 6902 JSON Patch atomically: every operation in order, or none. The input is never
 * mutated; the result shares unchanged parts with it. Pointers reaching `__proto__`, `constructor` or
 * `prototype` are refused.
 *
 * @param document - the JSON document to patch
 * @param patch - the operations (untrusted input is checked here, operation by operation, each read
 *   once and its value copied, so a getter that throws is `records.patch_invalid`, never an exception)
 * @returns the patched document, or the first issue with its path `[index, field]` in the patch:
 *   `records.patch_invalid`, `records.patch_path_missing`, `records.patch_test_failed`,
 *   `records.pointer_invalid`, `records.pointer_unsafe`
 * @example
 * ```ts
 * applyPatch({ a: 1 }, [{ op: 'add', path: '/b', value: 2 }]); // ok({ a: 1, b: 2 })
 * applyPatch({ a: 1 }, [{ op: 'remove', path: '/zz' }]);       // issue at [0, 'path']
 * ```
 */
export function applyPatch(document: JsonValue, patch: unknown): Checked<JsonValue> {
  const operations = readPatchList(patch);
  if (!operations.ok) return operations;
  let current = document;
  for (let i = 0; i < operations.value.length; i++) {
    const step = applyOne(current, operations.value[i], [i]);
    if (!step.ok) return step;
    current = step.value;
  }
  return ok(current);
}
