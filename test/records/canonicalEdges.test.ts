import { describe, expect, it } from 'vitest';
import { canonicalForm, canonicalJson } from '../../src/records/canonicalJson.js';

describe('canonicalJson leaves out undefined members (its docs: "Members whose value is undefined are left out")', () => {
  it('writes {"a":1} for { a: 1, b: undefined }, at the top level and nested', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ b: undefined, a: { c: undefined, d: [1] } })).toBe('{"a":{"d":[1]}}');
  });
});

describe('canonicalForm orders member names by UTF-16 code units (RFC 8785 §3.2.3), also names that look like integers', () => {
  it("puts '!' (0x21) before '9' (0x39), though JavaScript lists the integer-like key '9' first", () => {
    const form = canonicalForm({ '9': 1, '!': 2 });
    expect(form.text).toBe('{"!":2,"9":1}');
    expect(form.text).toBe(canonicalJson({ '9': 1, '!': 2 }));
  });

  it('orders every digit-led name the same way canonicalJson does, 0 through 9', () => {
    for (const digit of '0123456789') {
      const value = { [digit]: 1, '!': 2, [`${digit}x`]: 3 };
      expect(canonicalForm(value).text, digit).toBe(`{"!":2,"${digit}":1,"${digit}x":3}`);
    }
  });
});
