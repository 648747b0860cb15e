import { describe, expect, it } from 'vitest';
import { diffJson } from '../../src/records/diff.js';
import { applyPatch } from '../../src/records/jsonPatch.js';
import { parsePointer } from '../../src/records/jsonPointer.js';

describe('applyPatch edge cases the RFC 6902 suite leaves open', () => {
  it("answers a test of a missing member with records.patch_path_missing, not patch_test_failed: a missing target is an error of its own (RFC 6902 §4.6, §5)", () => {
    expect(applyPatch({ a: 1 }, [{ op: 'test', path: '/b', value: null }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_path_missing', path: [0, 'path'] }] });
  });

  it('stops reading the patch at the first operation that is not an object (nothing after it is read), so that operation is the one reported', () => {
    const patch: unknown[] = [42];
    Object.defineProperty(patch, 1, {
      get() {
        throw new Error('read past the first bad operation');
      },
      enumerable: true,
    });
    expect(applyPatch({}, patch)).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0] }] });
  });

  it('accepts a patch of exactly MAX_PATCH_OPERATIONS (1,000,000) operations: the limit is "at most", and one more is refused', () => {
    const op = { op: 'test', path: '', value: {} } as const;
    const atLimit = new Array<typeof op>(1_000_000).fill(op);
    expect(applyPatch({}, atLimit)).toEqual({ ok: true, value: {}, warnings: [] });
    atLimit.push(op);
    expect(applyPatch({}, atLimit)).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [] }] });
  }, 60_000);

  it("does not treat an inherited member (Object.prototype.toString) as present: replace needs the target to exist (RFC 6902 §4.3)", () => {
    expect(applyPatch({}, [{ op: 'replace', path: '/toString', value: 1 }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_path_missing', path: [0, 'path'] }] });
    expect(applyPatch({}, [{ op: 'test', path: '/hasOwnProperty', value: null }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_path_missing', path: [0, 'path'] }] });
  });

  it("treats a move of the whole document onto itself as a valid no-op: '' is not a proper prefix of itself (RFC 6902 §4.4)", () => {
    expect(applyPatch({ a: 1 }, [{ op: 'move', from: '', path: '' }])).toEqual({ ok: true, value: { a: 1 }, warnings: [] });
  });
});

describe('JSON Pointer escapes (RFC 6901 §3)', () => {
  it("refuses a pointer whose token ends in a bare '~': '~' may appear only as '~0' or '~1'", () => {
    expect(parsePointer('/a~')).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_invalid' }] });
    expect(applyPatch({ 'a~': 1 }, [{ op: 'remove', path: '/a~' }])).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_invalid', path: [0, 'path'] }] });
    expect(applyPatch({ 'a~': 1 }, [{ op: 'remove', path: '/a~0' }])).toEqual({ ok: true, value: {}, warnings: [] });
  });
});

describe('diffJson keeps the common head and tail of arrays untouched (its docs)', () => {
  it('diffs an item put in front of an array as one add at /0, not a replace of every item', () => {
    expect(diffJson([1, 2, 3], [0, 1, 2, 3])).toEqual([{ op: 'add', path: '/0', value: 0 }]);
    expect(diffJson({ list: ['b', 'c'] }, { list: ['a', 'b', 'c'] })).toEqual([{ op: 'add', path: '/list/0', value: 'a' }]);
    expect(diffJson([0, 1, 2, 3], [1, 2, 3])).toEqual([{ op: 'remove', path: '/0' }]);
  });
});
