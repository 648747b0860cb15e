import type { z } from 'zod';
import type { IssuePath } from '../core/issue.js';
import { fail, ok, type Checked } from '../core/result.js';
import { canonicalForm, hasLoneSurrogate, type CanonicalForm } from './canonicalJson.js';
import { documentShapeIssue } from './documentShape.js';
import { readPatchList, type PatchOperation } from './jsonPatch.js';
import { readOperation } from './patchOperation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';

/**
 * Reads a JSON Patch that the store keeps as data (an amendment's proposed patch) before it enters
 * the chain: an array of well-formed operations (known `op`, valid and safe pointers, a plain JSON
 * `value` where one is needed), within the store's size and depth limits. Every member is read once
 * into a copy, which is what the store keeps, so a getter that throws (or a revoked proxy) is
 * `records.patch_invalid` and nothing the caller controls is read again. Whether its operations apply
 * to the document is checked when it is applied.
 *
 * @param settings - the store's settings (for `maxDocumentBytes`)
 * @param patch - the caller's patch
 * @param path - where the patch sits in the caller's input
 * @returns the copy, or `records.patch_invalid`, `records.pointer_invalid`, `records.pointer_unsafe`
 *   or `records.too_large`
 * @example
 * ```ts
 * readPatchInput(settings, [{ op: 'add', path: '/x', value: () => 1 }], ['request', 'proposedPatch']); // records.patch_invalid
 * ```
 */
export function readPatchInput<S extends z.ZodType>(settings: StoreSettings<S>, patch: unknown, path: IssuePath): Checked<PatchOperation[], RecordIssue> {
  const list = readPatchList(patch);
  if (!list.ok) return fail(list.issues.map((found) => recordIssue('records.patch_invalid', [...path, ...found.path], found.message)));
  const operations: PatchOperation[] = [];
  for (let index = 0; index < list.value.length; index++) {
    const read = readOperation(list.value[index], [...path, index]);
    if (!read.ok) return fail([read.issues[0] as RecordIssue]);
    operations.push(read.value.operation);
  }
  let form: CanonicalForm;
  try {
    form = canonicalForm(operations);
  } catch (error) {
    if (error instanceof RangeError) return fail([recordIssue('records.too_large', path, 'the patch nests too deeply')]);
    return fail([recordIssue('records.patch_invalid', path, 'the patch is not plain JSON')]);
  }
  if (Buffer.byteLength(form.text, 'utf8') > settings.maxDocumentBytes) return fail([recordIssue('records.too_large', path, `the patch is over ${settings.maxDocumentBytes} bytes`)]);
  const shape = documentShapeIssue(form, path);
  return shape === undefined ? ok(operations) : fail([shape]);
}

/**
 * Checks a free-text statement (an amendment's description, a denial's basis, a statement of
 * disagreement or rebuttal, a correction's reason): a non-blank string of well-formed Unicode no
 * longer than the store's document limit.
 *
 * @param settings - the store's settings (for `maxDocumentBytes`)
 * @param text - the caller's text
 * @param path - where it sits in the caller's input
 * @returns `records.invalid_input` or `records.too_large`, or undefined
 * @example
 * ```ts
 * statementIssue(settings, '  ', ['statement']); // records.invalid_input
 * ```
 */
export function statementIssue<S extends z.ZodType>(settings: StoreSettings<S>, text: unknown, path: IssuePath): RecordIssue | undefined {
  if (typeof text !== 'string' || text.trim() === '') return recordIssue('records.invalid_input', path, 'the text is empty');
  if (text.length > settings.maxDocumentBytes) return recordIssue('records.too_large', path, `the text is over ${settings.maxDocumentBytes} characters`);
  if (hasLoneSurrogate(text)) return recordIssue('records.invalid_input', path, 'the text is not well-formed Unicode (a lone surrogate)');
  return undefined;
}
