import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/records/canonicalJson.js';
import { MedofficeUsageError } from '../../src/core/result.js';

function fromHex(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785, JSON Canonicalization Scheme)', () => {
  it('serialises the example of RFC 8785 section 3.2.2', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts members by UTF-16 code units as in RFC 8785 section 3.2.3', () => {
    const input = JSON.parse('{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}');
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical serialisation.
  const appendixB: readonly [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(appendixB)('serialises the number with bits %s as %s (RFC 8785 Appendix B)', (hex, expected) => {
    expect(canonicalJson(fromHex(hex))).toBe(expected);
  });

  it('refuses NaN and Infinity (RFC 8785 Appendix B: 7fffffffffffffff, 7ff0000000000000) and lone surrogates', () => {
    expect(() => canonicalJson(fromHex('7fffffffffffffff'))).toThrow(MedofficeUsageError);
    expect(() => canonicalJson(fromHex('7ff0000000000000'))).toThrow(MedofficeUsageError);
    expect(() => canonicalJson({ a: '\ud800' })).toThrow(MedofficeUsageError);
  });

  describe('properties', () => {
    it('is the same for equal documents whatever their member order, and parses back to them', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const text = canonicalJson(value);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
          const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
            v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v);
          expect(canonicalJson(reversed)).toBe(text);
        }),
      );
    });
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 example for "abc"', async () => {
    const { sha256Hex } = await import('../../src/records/hashing.js');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('takes plain objects from another realm and refuses what is not JSON, naming it', () => {
    const foreign = runInNewContext('({ b: [1, { d: null }], a: "x" })') as object;
    expect(canonicalJson(foreign)).toBe('{"a":"x","b":[1,{"d":null}]}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1 }))).toBe('{"z":1}');
    class Visit {
      readonly day = '2026-11-02';
    }
    for (const [value, named] of [
      [new Date(0), 'a Date'],
      [new Map(), 'a Map'],
      [runInNewContext('new Set([1])'), 'a Set'],
      [new Visit(), 'an instance of a class'],
      [runInNewContext('new (class Visit { constructor() { this.day = 1; } })()'), 'an instance of a class'],
    ] as const) {
      expect(() => canonicalJson({ value })).toThrow(MedofficeUsageError);
      expect(() => canonicalJson({ value })).toThrow(`cannot hold ${named}`);
    }
  });
});
