import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeNumberOption } from '../../src/cli/wholeNumberOption.js';

describe('wholeNumberOption', () => {
  it.each(['', ' 5', '5 ', '+5', '-5', '05', '5.0', '1e3', '0x10', '0b1', '5_000', 'Infinity', 'NaN'])('refuses %j', (text) => {
    expect(wholeNumberOption(text, 0, 10_000)).toBeUndefined();
  });

  it('takes the bounds and nothing beyond them', () => {
    expect(wholeNumberOption('0', 0, 256)).toBe(0);
    expect(wholeNumberOption('256', 0, 256)).toBe(256);
    expect(wholeNumberOption('257', 0, 256)).toBeUndefined();
    expect(wholeNumberOption('0', 1, 256)).toBeUndefined();
    expect(wholeNumberOption(String(Number.MAX_SAFE_INTEGER), 1, Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(wholeNumberOption('9007199254740993', 1, Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });

  it('reads back every whole number in range as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (n, min) => {
        expect(wholeNumberOption(String(n), min, 1_000_000)).toBe(n >= min ? n : undefined);
      }),
    );
  });
});
