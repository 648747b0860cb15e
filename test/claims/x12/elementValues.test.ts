import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDollars } from '../../../src/core/money.js';
import { amountAt, integerAt, numberAt } from '../../../src/claims/x12/elementValues.js';

const numericText = fc.oneof(
  fc.stringMatching(/^-?\d{0,16}(\.\d{0,3})?$/),
  fc.tuple(fc.constantFrom('', '$', ' ', '-', '+', '0x'), fc.stringMatching(/^\d{1,7}$/), fc.constantFrom('', ',000', ' ', '.5', '.', '.000', 'e2')).map((parts) => parts.join('')),
  fc.stringMatching(/^[-$ ,.\dxe+]{0,8}$/),
  fc.string({ maxLength: 8 }),
);

/** The X12 R form, written out as the standard states it: `-?\d*(\.\d+)?` with at least one digit. */
const isX12Decimal = (text: string): boolean => /^-?\d*(\.\d+)?$/.test(text) && /\d/.test(text);

describe('element values read in place', () => {
  it('reads the common amounts exactly: 125, 125.5, 125.50, 0.07', () => {
    expect(['125', '125.5', '125.50', '0.07'].map((text) => amountAt(text, 0, text.length))).toEqual([12_500, 12_550, 12_550, 7]);
    expect(amountAt('SV1*125.50*UN', 4, 10)).toBe(12_550);
    expect(['', '12x5', '125.', '.', '1.234', '.505'].map((text) => amountAt(text, 0, text.length))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads decimals without the leading zero, as X12 writes them (005010 TR3, data type R: leading zeros suppressed)', () => {
    expect(['.5', '.50', '.07', '-.5', '-10', '125.000'].map((text) => amountAt(text, 0, text.length))).toEqual([50, 50, 7, -50, -1000, 12_500]);
  });

  it('reads only the X12 numeric forms: no currency sign, thousands separator, padding, hexadecimal or exponent', () => {
    const notAmounts = ['$1,250', '1,250', '$125', ' 125', '125 ', '+125', '1e3', '0x10', '-', '--1', '1-'];
    expect(notAmounts.map((text) => amountAt(text, 0, text.length))).toEqual(notAmounts.map(() => undefined));
    const notNumbers = ['0x10', ' ', '', ' 2', '1e3', 'Infinity', '1,5', '+1', '1.', '.'];
    expect(notNumbers.map((text) => numberAt(text, 0, text.length))).toEqual(notNumbers.map(() => undefined));
    expect(['2', '1.5', '.5', '007', '-1'].map((text) => numberAt(text, 0, text.length))).toEqual([2, 1.5, 0.5, 7, -1]);
    expect(['1', '12', '1.0', '0x1', ''].map((text) => integerAt(text, 0, text.length))).toEqual([1, 12, undefined, undefined, undefined]);
  });

  describe('properties', () => {
    it('an amount in place is the X12 decimal form in whole cents (zeros past the cents allowed), valued as parseDollars values it', () => {
      fc.assert(
        fc.property(numericText, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (text, before, after) => {
          const parsed = isX12Decimal(text) ? parseDollars(text.replace(/(\.\d\d)0+$/, '$1')) : undefined;
          const expected = parsed?.ok === true ? parsed.value + 0 : undefined;
          expect(amountAt(before + text + after, before.length, before.length + text.length)).toBe(expected);
        }),
      );
    });

    it('a number in place is what Number reads from the same text when it is of the X12 decimal form, and nothing otherwise', () => {
      fc.assert(
        fc.property(numericText, fc.string({ maxLength: 3 }), (text, before) => {
          expect(numberAt(before + text, before.length, before.length + text.length)).toBe(isX12Decimal(text) ? Number(text) : undefined);
          expect(integerAt(before + text, before.length, before.length + text.length)).toBe(/^-?\d+$/.test(text) ? Number(text) : undefined);
        }),
      );
    });
  });
});
