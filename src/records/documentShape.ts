import type { IssuePath } from '../core/issue.js';
import type { CanonicalForm } from './canonicalJson.js';
import { isJsonObject, type JsonValue } from './json.js';
import { UNSAFE_POINTER_TOKENS } from './jsonPointer.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/**
 * How deeply a stored document may nest arrays and objects. Real records nest a few levels (a FHIR
 * Questionnaire's items perhaps a few dozen); the limit keeps diffs, patches and reconstruction far
 * from the stack's depth.
 *
 * @example
 * ```ts
 * MAX_DOCUMENT_DEPTH; // 100
 * ```
 */
export const MAX_DOCUMENT_DEPTH = 100;

function unsafeMemberPath(value: JsonValue, path: readonly (string | number)[]): (string | number)[] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeMemberPath(value[i] as JsonValue, [...path, i]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  for (const key of Object.keys(value)) {
    if (UNSAFE_POINTER_TOKENS.includes(key)) return [...path, key];
    const found = unsafeMemberPath(value[key] as JsonValue, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The issue with a document's shape, if any: nesting deeper than {@link MAX_DOCUMENT_DEPTH}
 * (`records.too_large`) or a member named `__proto__`, `constructor` or `prototype`
 * (`records.pointer_unsafe`, with the path to it), which no JSON Patch could later reach, so the
 * record's history could not be rebuilt from its diffs.
 *
 * @param form - the document's canonical form
 * @param path - where the document sits in the caller's input
 * @returns the issue, or undefined for a document the store can keep
 * @example
 * ```ts
 * documentShapeIssue(canonicalForm({ constructor: 1 }), ['document']); // records.pointer_unsafe at ['document', 'constructor']
 * ```
 */
export function documentShapeIssue(form: CanonicalForm, path: IssuePath): RecordIssue | undefined {
  if (form.depth > MAX_DOCUMENT_DEPTH) return recordIssue('records.too_large', path, `the document nests deeper than ${MAX_DOCUMENT_DEPTH} levels`);
  if (!form.unsafeMember) return undefined;
  const where = unsafeMemberPath(form.copy, path) ?? [...path];
  return recordIssue('records.pointer_unsafe', where, `the member name '${String(where[where.length - 1])}' is refused`);
}
