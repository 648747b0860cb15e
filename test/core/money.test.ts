import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateCents, cents, checkCents, formatCents, multiplyCents, parseDollars, sumCents } from '../../src/core/money.js';

describe('money in integer cents', () => {
  it('parses dollar amounts exactly', () => {
    expect(parseDollars('$1,250.05')).toEqual({ ok: true, value: 125005, warnings: [] });
    expect(parseDollars('12.5')).toMatchObject({ ok: true, value: 1250 });
    expect(parseDollars('1,234,567.89')).toMatchObject({ ok: true, value: 123456789 });
    for (const bad of ['1,2,3', '0.,4', ',5', '12,34', '1,2345', '', '-', '.', '-.', '5.', '$']) expect(parseDollars(bad).ok).toBe(false);
    expect(parseDollars('.5')).toMatchObject({ ok: true, value: 50 });
    expect(parseDollars('-.05')).toMatchObject({ ok: true, value: -5 });
    expect(parseDollars('-3.1')).toMatchObject({ ok: true, value: -310 });
    expect(parseDollars('0.07')).toMatchObject({ ok: true, value: 7 });
    const bad = parseDollars('12.345', ['budget']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'money.invalid_amount', path: ['budget'] });
  });

  it('formats and parses back to the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseDollars(formatCents(cents(n)).replace('-$', '-').replace('$', ''))).toMatchObject({ ok: true, value: n });
      }),
    );
    expect(formatCents(cents(125005))).toBe('$1,250.05');
    expect(formatCents(cents(-310))).toBe('-$3.10');
  });

  it('allocations always add up to the amount and follow the ratios', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (amount, ratios) => {
        fc.pre(ratios.some((r) => r > 0));
        const parts = allocateCents(cents(amount), ratios);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        const total = ratios.reduce((s, r) => s + r, 0);
        parts.forEach((p, i) => expect(Math.abs(p - (amount * (ratios[i] ?? 0)) / total)).toBeLessThan(1));
      }),
    );
    expect(allocateCents(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('sums and multiplies with banker rounding', () => {
    expect(sumCents([cents(100), cents(250)])).toBe(350);
    expect(multiplyCents(cents(5), 0.5)).toBe(2);
    expect(multiplyCents(cents(15), 0.5)).toBe(8);
    expect(multiplyCents(cents(1999), 3)).toBe(5997);
  });

  it('checks untrusted amounts', () => {
    expect(checkCents(12.5, ['x'])).toMatchObject({ ok: false, issues: [{ code: 'money.not_integer_cents', path: ['x'] }] });
    expect(checkCents(-1)).toMatchObject({ ok: false, issues: [{ code: 'money.negative' }] });
    expect(checkCents(-1, [], { allowNegative: true })).toMatchObject({ ok: true, value: -1 });
    expect(checkCents('100')).toMatchObject({ ok: false });
    expect(() => cents(0.5)).toThrow();
  });
});
