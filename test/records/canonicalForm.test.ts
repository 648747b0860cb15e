import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalForm, canonicalJson } from '../../src/records/canonicalJson.js';
import { diffJson } from '../../src/records/diff.js';

const outcome = (make: () => string): string => {
  try {
    return make();
  } catch {
    return 'refused';
  }
};

describe('canonicalForm', () => {
  it('orders integer-like member names as RFC 8785 does, not as JavaScript lists them', () => {
    expect(canonicalForm({ 9: 'b', 10: 'a', x: [{ 2: 1, 11: 2 }] }).text).toBe('{"10":"a","9":"b","x":[{"11":2,"2":1}]}');
  });

  it('keeps an own __proto__ member as data', () => {
    const form = canonicalForm(JSON.parse('{"__proto__":{"a":1},"b":2}'));
    expect(form.text).toBe('{"__proto__":{"a":1},"b":2}');
    expect(Object.getPrototypeOf(form.copy)).toBe(Object.prototype);
  });

  it('refuses what canonicalJson refuses: NaN, Infinity, lone surrogates, functions', () => {
    for (const bad of [{ a: Number.NaN }, [Number.POSITIVE_INFINITY], { s: '\uD800' }, { f: () => 1 }]) {
      expect(outcome(() => canonicalForm(bad).text)).toBe('refused');
    }
  });

  describe('properties', () => {
    it('gives exactly the canonicalJson text, and a copy with the same text that shares nothing with the input', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const form = canonicalForm(value);
          expect(form.text).toBe(canonicalJson(value));
          expect(canonicalJson(form.copy)).toBe(form.text);
          if (typeof value === 'object' && value !== null) expect(form.copy).not.toBe(value);
        }),
        { numRuns: 500 },
      );
    });

    it('when plain, JSON.stringify of a patch between two copies is its canonical text', () => {
      const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('7', '10', 'a', 'b'));
      const doc = fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
      let plainSeen = 0;
      let otherSeen = 0;
      fc.assert(
        fc.property(doc, doc, (before, after) => {
          const form = canonicalForm(after);
          const patch = diffJson(canonicalForm(before).copy, form.copy);
          if (form.plain) {
            plainSeen++;
            expect(JSON.stringify(patch)).toBe(canonicalJson(patch));
            expect(JSON.stringify(form.copy)).toBe(form.text);
          } else otherSeen++;
        }),
        { numRuns: 500 },
      );
      expect(plainSeen).toBeGreaterThan(0);
      expect(otherSeen).toBeGreaterThan(0);
    });

    it('is not plain for integer-like member names, whose order JavaScript changes', () => {
      expect(canonicalForm({ 10: 1, 9: 2 }).plain).toBe(false);
      expect(canonicalForm({ a: [{ b: 1 }] }).plain).toBe(true);
    });

    it('refuses exactly when canonicalJson refuses, for any strings and numbers', () => {
      const member = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer());
      fc.assert(
        fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(member, fc.array(member))), (value) => {
          expect(outcome(() => canonicalForm(value).text)).toBe(outcome(() => canonicalJson(value)));
        }),
        { numRuns: 500 },
      );
    });
  });
});
