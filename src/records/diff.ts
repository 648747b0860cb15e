import { isJsonObject, jsonEqual, type JsonValue } from './json.js';
import type { PatchOperation } from './jsonPatch.js';

// Pointers are built as text while descending (`/a/0`), escaping each token once (RFC 6901).
const pointerToken = (token: string | number): string =>
  typeof token === 'number' ? `/${token}` : `/${token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token}`;

function diffObjects(a: Readonly<Record<string, JsonValue>>, b: Readonly<Record<string, JsonValue>>, pointer: string, out: PatchOperation[]): void {
  for (const key in a) {
    if (Object.hasOwn(a, key) && !Object.hasOwn(b, key)) out.push({ op: 'remove', path: pointer + pointerToken(key) });
  }
  for (const key in b) {
    if (!Object.hasOwn(b, key)) continue;
    const after = b[key] as JsonValue;
    if (!Object.hasOwn(a, key)) out.push({ op: 'add', path: pointer + pointerToken(key), value: after });
    else if (a[key] !== after) diffValues(a[key] as JsonValue, after, pointer + pointerToken(key), out);
  }
}

function diffArrays(a: readonly JsonValue[], b: readonly JsonValue[], pointer: string, out: PatchOperation[]): void {
  // Of equal length every item pairs with its counterpart, so equal heads and tails need no search.
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffValues(a[i] as JsonValue, b[i] as JsonValue, `${pointer}/${i}`, out);
    return;
  }
  let start = 0;
  while (start < a.length && start < b.length && jsonEqual(a[start] as JsonValue, b[start] as JsonValue)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && jsonEqual(a[endA - 1] as JsonValue, b[endB - 1] as JsonValue)) {
    endA--;
    endB--;
  }
  const paired = Math.min(endA, endB);
  for (let i = start; i < paired; i++) diffValues(a[i] as JsonValue, b[i] as JsonValue, `${pointer}/${i}`, out);
  for (let i = endA - 1; i >= paired; i--) out.push({ op: 'remove', path: `${pointer}/${i}` });
  for (let i = paired; i < endB; i++) out.push({ op: 'add', path: `${pointer}/${i}`, value: b[i] as JsonValue });
}

function diffValues(a: JsonValue, b: JsonValue, pointer: string, out: PatchOperation[]): void {
  if (a === b) return;
  if (isJsonObject(a) && isJsonObject(b)) return diffObjects(a, b, pointer, out);
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, pointer, out);
  if (!jsonEqual(a, b)) out.push({ op: 'replace', path: pointer, value: b });
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
  diffValues(before, after, '', out);
  return out;
}
