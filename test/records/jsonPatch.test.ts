import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../src/records/diff.js';
import { jsonEqual, type JsonValue } from '../../src/records/json.js';
import { parsePointer, UNSAFE_POINTER_TOKENS } from '../../src/records/jsonPointer.js';
import { applyPatch } from '../../src/records/jsonPatch.js';

interface SuiteCase {
  readonly comment?: string;
  readonly doc?: JsonValue;
  readonly patch?: unknown;
  readonly expected?: JsonValue;
  readonly error?: string;
  readonly disabled?: boolean;
}

function hasUnsafeKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => UNSAFE_POINTER_TOKENS.includes(key) || hasUnsafeKey(item));
}

const suiteFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/json-patch-tests');
const load = (file: string): SuiteCase[] => JSON.parse(readFileSync(join(suiteFolder, file), 'utf8')) as SuiteCase[];

// The official json-patch-tests suite (github.com/json-patch/json-patch-tests, commit 2a928f9):
// every case not marked disabled by the suite itself.
for (const file of ['tests.json', 'spec_tests.json']) {
  const cases = load(file).map((c, i) => ({ ...c, name: `${file} #${i}: ${c.comment ?? JSON.stringify(c.patch)}` }));
  const enabled = cases.filter((c) => c.disabled !== true && c.doc !== undefined && c.patch !== undefined);
  describe(`json-patch-tests ${file}`, () => {
    it('has the case counts its SOURCE.md records', () => {
      expect(cases.length).toBe(file === 'tests.json' ? 95 : 17);
      expect(cases.filter((c) => c.disabled === true).length).toBe(file === 'tests.json' ? 3 : 1);
    });
    it.each(enabled)('$name', (c) => {
      const before = JSON.stringify(c.doc);
      const result = applyPatch(c.doc as JsonValue, c.patch);
      if (c.error !== undefined) expect(result.ok).toBe(false);
      else {
        expect(result.ok).toBe(true);
        if (result.ok && c.expected !== undefined) expect(result.value).toEqual(c.expected);
      }
      expect(JSON.stringify(c.doc)).toBe(before);
    });
  });
}

describe('applyPatch', () => {
  it.each(['/__proto__/polluted', '/a/constructor', '/prototype', '/a/__proto__'])('refuses a pointer into %s', (path) => {
    const result = applyPatch({ a: {} }, [{ op: 'add', path, value: 1 }]);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: [0, 'path'] }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an unsafe from pointer in move and copy', () => {
    expect(applyPatch({ a: 1 }, [{ op: 'copy', from: '/constructor', path: '/b' }])).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: [0, 'from'] }] });
  });

  it('refuses values that are not plain JSON, so no value is silently dropped', () => {
    const document = { birthDate: '1980-04-02' };
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, () => 1, new Date(0), 10n, [1, undefined], { when: new Map() }]) {
      expect(applyPatch(document, [{ op: 'replace', path: '/birthDate', value }]), String(value)).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'value'] }] });
    }
    expect(applyPatch(document, [{ op: 'add', path: '/x', value: Object.assign(Object.create(null) as object, { a: [1, 'b', null, true, { c: -0.5 }] }) }])).toMatchObject({ ok: true });
  });

  it('refuses to move a value into itself (from a proper prefix of path) with records.patch_invalid, changing nothing', () => {
    const doc = { arr: [{ k: 1 }, { m: 2 }] };
    const before = JSON.stringify(doc);
    expect(applyPatch(doc, [{ op: 'move', from: '/arr/0', path: '/arr/0/x' }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'path'] }] });
    expect(applyPatch(doc, [{ op: 'move', from: '/arr', path: '/arr/1/m' }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'path'] }] });
    expect(applyPatch({ a: { b: { c: 1 } } }, [{ op: 'test', path: '/a/b/c', value: 1 }, { op: 'move', from: '/a', path: '/a/b/d' }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [1, 'path'] }] });
    expect(JSON.stringify(doc)).toBe(before);
    // A sibling whose name merely begins with the same characters is not inside the value.
    expect(applyPatch({ a: 1, ab: {} }, [{ op: 'move', from: '/a', path: '/ab/x' }])).toMatchObject({ ok: true, value: { ab: { x: 1 } } });
  });

  it('refuses a move whose from is any proper prefix of its path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '0'), { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom('a', 'b', 'x'), { minLength: 1, maxLength: 3 }), (from, deeper) => {
        let doc: JsonValue = { leaf: true };
        for (const token of [...from].reverse()) doc = { [token]: doc };
        const result = applyPatch(doc, [{ op: 'move', from: `/${from.join('/')}`, path: `/${[...from, ...deeper].join('/')}` }]);
        expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'path'] }] });
      }),
    );
  });

  it('reports where a patch fails', () => {
    expect(applyPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 1 }, { op: 'test', path: '/a', value: 2 }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_test_failed', path: [1, 'path'] }] });
    expect(applyPatch({ a: 1 }, [{ op: 'add', path: '/b' }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'value'] }] });
    expect(applyPatch({ a: 1 }, 'nonsense')).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [] }] });
  });

  describe('properties', () => {
    it('applying diffJson(a, b) to a gives b, without touching a', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
          fc.pre(!hasUnsafeKey(a) && !hasUnsafeKey(b));
          const before = JSON.stringify(a);
          const patched = applyPatch(a as JsonValue, diffJson(a as JsonValue, b as JsonValue));
          expect(patched.ok).toBe(true);
          if (patched.ok) expect(jsonEqual(patched.value, b as JsonValue)).toBe(true);
          expect(JSON.stringify(a)).toBe(before);
        }),
        { numRuns: 300 },
      );
    });

    it('is atomic: a patch whose last operation fails changes nothing', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.integer()), (doc) => {
          fc.pre(!Object.hasOwn(doc, 'missing') && !hasUnsafeKey(doc));
          const before = JSON.stringify(doc);
          expect(applyPatch(doc, [{ op: 'add', path: '/added', value: 1 }])).toMatchObject({ ok: true, value: { added: 1 } });
          const result = applyPatch(doc, [{ op: 'add', path: '/added', value: 1 }, { op: 'remove', path: '/missing/deeper' }]);
          expect(result).toMatchObject({ ok: false, issues: [{ code: 'records.patch_path_missing', path: [1, 'path'] }] });
          expect(JSON.stringify(doc)).toBe(before);
        }),
      );
    });
  });
});

describe('applyPatch: hostile sizes are refused without reading them whole', () => {
  it('a sparse patch of 2^32 − 1 operations is refused at once, and one of half a million stops at its first hole', () => {
    expect(applyPatch({ a: 1 }, new Array(4_294_967_295))).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [] }] });
    expect(applyPatch({ a: 1 }, new Array(500_000))).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0] }] });
  });

  it('a cyclic value with many members is refused where the cycle is reached, not copied down to the depth limit', () => {
    const wide: Record<string, unknown> = {};
    let reads = 0;
    for (let i = 0; i < 1000; i++) Object.defineProperty(wide, `k${i}`, { enumerable: true, get: () => ((reads += 1), wide) });
    expect(applyPatch({ a: 1 }, [{ op: 'add', path: '/x', value: wide }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'value'] }] });
    expect(reads).toBe(1000);
  });

  it('a container used twice side by side is plain JSON, copied twice; one with exponentially many parts is refused', () => {
    const address = { city: 'Albany' };
    const done = applyPatch({}, [{ op: 'add', path: '/x', value: { home: address, work: address, all: [address, [address]] } }]);
    expect(done).toEqual({ ok: true, value: { x: { home: { city: 'Albany' }, work: { city: 'Albany' }, all: [{ city: 'Albany' }, [{ city: 'Albany' }]] } }, warnings: [] });
    let doubled: unknown = 1;
    for (let i = 0; i < 25; i++) doubled = [doubled, doubled];
    expect(applyPatch({}, [{ op: 'add', path: '/x', value: doubled as never }])).toMatchObject({ ok: false, issues: [{ code: 'records.patch_invalid', path: [0, 'value'] }] });
  });
});

describe('UNSAFE_POINTER_TOKENS cannot be changed by an importer', () => {
  it('is frozen: emptying, assigning or pushing throws (modules are strict), and __proto__ is still refused', () => {
    expect(Object.isFrozen(UNSAFE_POINTER_TOKENS)).toBe(true);
    const tokens = UNSAFE_POINTER_TOKENS as string[];
    expect(() => { tokens.length = 0; }).toThrow(TypeError);
    expect(() => { tokens[0] = 'harmless'; }).toThrow(TypeError);
    expect(() => tokens.pop()).toThrow(TypeError);
    expect(() => tokens.push('x')).toThrow(TypeError);
    expect([...UNSAFE_POINTER_TOKENS]).toEqual(['__proto__', 'constructor', 'prototype']);
    for (const token of UNSAFE_POINTER_TOKENS) {
      expect(parsePointer(`/a/${token}`, ['path'])).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: ['path'] }] });
    }
    const polluted = applyPatch({}, [{ op: 'add', path: '/__proto__/polluted', value: true }]);
    expect(polluted).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe' }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
