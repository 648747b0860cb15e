import { isJsonObject, jsonEqual, type JsonValue } from './json.js';
import type { PatchOperation } from './jsonPatch.js';
import { formatPointer } from './jsonPointer.js';

type Path = readonly (string | number)[];

function diffObjects(a: Readonly<Record<string, JsonValue>>, b: Readonly<Record<string, JsonValue>>, path: Path, out: PatchOperation[]): void {
  for (const key of Object.keys(a)) {
    if (!Object.hasOwn(b, key)) out.push({ op: 'remove', path: formatPointer([...path, key]) });
  }
  for (const key of Object.keys(b)) {
    const after = b[key] as JsonValue;
    if (!Object.hasOwn(a, key)) out.push({ op: 'add', path: formatPointer([...path, key]), value: after });
    else diffValues(a[key] as JsonValue, after, [...path, key], out);
  }
}

function diffArrays(a: readonly JsonValue[], b: readonly JsonValue[], path: Path, out: PatchOperation[]): void {
  let start = 0;
  while (start < a.length && start < b.length && jsonEqual(a[start] as JsonValue, b[start] as JsonValue)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && jsonEqual(a[endA - 1] as JsonValue, b[endB - 1] as JsonValue)) {
    endA--;
    endB--;
  }
  const paired = Math.min(endA, endB);
  for (let i = start; i < paired; i++) diffValues(a[i] as JsonValue, b[i] as JsonValue, [...path, i], out);
  for (let i = endA - 1; i >= paired; i--) out.push({ op: 'remove', path: formatPointer([...path, i]) });
  for (let i = paired; i < endB; i++) out.push({ op: 'add', path: formatPointer([...path, i]), value: b[i] as JsonValue });
}

function diffValues(a: JsonValue, b: JsonValue, path: Path, out: PatchOperation[]): void {
  if (a === b) return;
  if (isJsonObject(a) && isJsonObject(b)) return diffObjects(a, b, path, out);
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, path, out);
  if (!jsonEqual(a, b)) out.push({ op: 'replace', path: formatPointer(path), value: b });
}

/**
 * The JSON Patch that turns one document into another: members removed, added or replaced,
 * recursing into objects and arrays (arrays keep their common head and tail untouched).
 * Applying the result to `before` with {@link applyPatch} gives a document equal to `after`.
 *
 * @param before - the earlier document
 * @param after - the later document
 * @returns the operations, empty when the documents are equal
 * @example
 * ```ts
 * diffJson({ a: 1, b: [1, 2] }, { a: 2, b: [1, 2, 3] });
 * // [{ op: 'replace', path: '/a', value: 2 }, { op: 'add', path: '/b/2', value: 3 }]
 * ```
 */
export function diffJson(before: JsonValue, after: JsonValue): PatchOperation[] {
  const out: PatchOperation[] = [];
  diffValues(before, after, [], out);
  return out;
}
