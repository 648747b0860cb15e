import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateCents, cents, checkCents, formatCents, multiplyCents, parseDollars, sumCents } from '../../src/core/money.js';
import { MedofficeUsageError } from '../../src/core/result.js';

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

  it('rounds negative halves to the even neighbour too: −2.5 → −2 and −7.5 → −8', () => {
    // Round half to even by hand: −2 and −8 are the even integers next to −2.5 and −7.5.
    expect(multiplyCents(cents(-5), 0.5)).toBe(-2);
    expect(multiplyCents(cents(-15), 0.5)).toBe(-8);
  });

  it('treats a product that is a half only up to floating-point error as the half: 45 × 0.7 → 32, 75 × 0.14 → 10', () => {
    // Exactly 31.5 and 10.5 by hand, round half to even gives 32 and 10; in doubles they are 31.499999999999996 and 10.500000000000002.
    expect(multiplyCents(cents(45), 0.7)).toBe(32);
    expect(multiplyCents(cents(75), 0.14)).toBe(10);
  });

  it('checks untrusted amounts', () => {
    expect(checkCents(12.5, ['x'])).toMatchObject({ ok: false, issues: [{ code: 'money.not_integer_cents', path: ['x'] }] });
    expect(checkCents(-1)).toMatchObject({ ok: false, issues: [{ code: 'money.negative' }] });
    expect(checkCents(-1, [], { allowNegative: true })).toMatchObject({ ok: true, value: -1 });
    expect(checkCents('100')).toMatchObject({ ok: false });
    expect(checkCents(0)).toMatchObject({ ok: true, value: 0 }); // $0.00 is allowed: the docs say "at least zero"
    expect(() => cents(0.5)).toThrow();
  });

  it('reads back every amount formatCents writes, negatives included (-$3.10)', () => {
    expect(parseDollars('-$3.10')).toEqual({ ok: true, value: -310, warnings: [] });
    expect(parseDollars('$-3.10')).toMatchObject({ ok: true, value: -310 });
    for (const bad of ['-$-3', '$$3', '-$', '$-', '--3', '-$,100']) expect(parseDollars(bad).ok).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseDollars(formatCents(cents(n)))).toEqual({ ok: true, value: n, warnings: [] });
      }),
      { numRuns: 2000 },
    );
    expect(Object.is((parseDollars('-$0.00') as { value: number }).value, 0)).toBe(true);
  });

  it('refuses a value that is not text, or not a whole number of cents, as a usage error', () => {
    expect(() => parseDollars(12.5 as unknown as string)).toThrow(MedofficeUsageError);
    expect(() => parseDollars(undefined as unknown as string)).toThrow(/parseDollars/);
    expect(() => formatCents(12.5 as Parameters<typeof formatCents>[0])).toThrow(MedofficeUsageError);
    expect(() => allocateCents(0.5 as Parameters<typeof allocateCents>[0], [1])).toThrow(MedofficeUsageError);
  });

  it('allocations add up exactly for every safe amount, however large, and stay within a cent of each share', () => {
    // Found by review: the floating-point shares summed to 7156462108458869.
    expect(allocateCents(cents(7156462108458868), [95.36987220557509, 974.2280035248065]).reduce((s, p) => s + p, 0)).toBe(7156462108458868);
    const amount = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    // Ratios in 1/1024ths, so the exact share amount·r/total can be checked in integers.
    const weights = fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(amount, weights, (whole, units) => {
        fc.pre(units.some((u) => u > 0));
        const parts = allocateCents(cents(whole), units.map((u) => u / 1024));
        expect(parts.reduce((s, p) => s + p, 0)).toBe(whole);
        const total = BigInt(units.reduce((s, u) => s + u, 0));
        parts.forEach((p, i) => {
          const gap = BigInt(p) * total - BigInt(whole) * BigInt(units[i] ?? 0); // (part − exact share)·total
          expect(gap > -total && gap < total).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
    const anyRatio = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e-300, noNaN: true }), fc.double({ min: 0, max: 1e300, noNaN: true }));
    fc.assert(
      fc.property(amount, fc.array(anyRatio, { minLength: 1, maxLength: 8 }), (whole, ratios) => {
        fc.pre(ratios.some((r) => r > 0) && Number.isFinite(ratios.reduce((s, r) => s + r, 0)));
        expect(allocateCents(cents(whole), ratios).reduce((s, p) => s + p, 0)).toBe(whole);
      }),
      { numRuns: 2000 },
    );
    expect(allocateCents(cents(-100), [1, 1, 1])).toEqual([-33, -33, -34]);
    expect(allocateCents(cents(10), [0.1, 0.2, 0.7])).toEqual([1, 2, 7]);
  });

  it('weighs a subnormal ratio at its true value: the largest subnormal and the least normal double split 10 cents 5 and 5', () => {
    // 2.225073858507201e-308 = (2^52 − 1)·2^−1074 and 2.2250738585072014e-308 = 2^52·2^−1074 differ by 1 part in 4.5e15,
    // so each exact share is 5 cents to within 1e-14 of a cent.
    expect(allocateCents(cents(10), [2.225073858507201e-308, 2.2250738585072014e-308])).toEqual([5, 5]);
  });
});
