import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDollars } from '../../../src/core/money.js';
import { amountAt, numberAt } from '../../../src/claims/x12/elementValues.js';

const amountText = fc.oneof(
  fc.stringMatching(/^\d{1,16}(\.\d{0,3})?$/),
  fc.stringMatching(/^[-$ ,.\d]{0,8}$/),
  fc.string({ maxLength: 8 }),
);

describe('element values read in place', () => {
  it('reads the common amounts exactly: 125, 125.5, 125.50, 0.07', () => {
    expect(['125', '125.5', '125.50', '0.07'].map((text) => amountAt(text, 0, text.length))).toEqual([12_500, 12_550, 12_550, 7]);
    expect(amountAt('SV1*125.50*UN', 4, 10)).toBe(12_550);
    expect(['', '12x5', '125.', '.', '1.234', '.505'].map((text) => amountAt(text, 0, text.length))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads decimals without the leading zero, as X12 writes them (005010 TR3, data type R: leading zeros suppressed)', () => {
    expect(['.5', '.50', '.07'].map((text) => amountAt(text, 0, text.length))).toEqual([50, 50, 7]);
  });

  describe('properties', () => {
    it('an amount in place is what parseDollars reads from the same text (with the leading zero X12 may omit)', () => {
      fc.assert(
        fc.property(amountText, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (text, before, after) => {
          const trimmed = text.trim();
          const parsed = parseDollars(trimmed.startsWith('.') ? `0${trimmed}` : trimmed);
          expect(amountAt(before + text + after, before.length, before.length + text.length)).toBe(parsed.ok ? parsed.value : undefined);
        }),
      );
    });

    it('a number in place is what Number reads from the same text', () => {
      fc.assert(
        fc.property(fc.oneof(fc.stringMatching(/^\d{0,18}$/), fc.string({ maxLength: 6 })), fc.string({ maxLength: 3 }), (text, before) => {
          expect(numberAt(before + text, before.length, before.length + text.length)).toBe(Number(text));
        }),
      );
    });
  });
});
