import type { Brand } from './brand.js';
import { errorIssue, type IssuePath } from './issue.js';
import { describeValue } from './describeValue.js';
import { fail, MedofficeUsageError, ok, type Checked } from './result.js';

/** An amount of money in integer cents (US dollars unless said otherwise). */
export type Cents = Brand<number, 'Cents'>;

/**
 * Brands an integer as cents; a non-integer is a programming error.
 *
 * @example
 * ```ts
 * const fee = cents(12_500); // $125.00
 * ```
 */
export function cents(amount: number): Cents {
  if (!Number.isSafeInteger(amount)) throw new MedofficeUsageError(`cents must be a safe integer, got ${amount}`);
  return amount as Cents;
}

/**
 * Checks untrusted input as an amount in cents (a safe integer, optionally at least zero).
 *
 * @example
 * ```ts
 * checkCents(12.5, ['lines', 0, 'chargeCents']); // issue money.not_integer_cents
 * ```
 */
export function checkCents(amount: unknown, path: IssuePath = [], options: { allowNegative?: boolean } = {}): Checked<Cents> {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    return fail([errorIssue('money.not_integer_cents', path, `${String(amount)} is not a whole number of cents`)]);
  }
  if (amount < 0 && options.allowNegative !== true) {
    return fail([errorIssue('money.negative', path, `${amount} cents is negative`)]);
  }
  return ok(amount as Cents);
}

/**
 * Parses a dollar amount written by a person (`12.50`, `$1,250`, `-3.1`, `-$3.10`, `$-3.10`) into
 * cents, exactly (no floating-point rounding). It reads back everything {@link formatCents} writes.
 *
 * @param text - the amount as written; a value that is not a string is a programming error
 * @param path - where the amount is in the input, for the issue
 * @throws MedofficeUsageError when `text` is not a string
 * @example
 * ```ts
 * parseDollars('$1,250.05'); // { ok: true, value: 125005, warnings: [] }
 * parseDollars('-$3.10');    // { ok: true, value: -310, warnings: [] }
 * parseDollars('12.345');    // issue money.invalid_amount (more than two decimals)
 * ```
 */
export function parseDollars(text: string, path: IssuePath = []): Checked<Cents> {
  if (typeof text !== 'string') throw new MedofficeUsageError(`parseDollars needs the amount as a string, got ${describeValue(text)}`);
  // Commas only as thousands separators ('1,250.05'): '1,2,3' or '0.,4' is no amount. The whole part
  // may be left out before a fraction ('.5', '-.5'), as X12 writes decimals. A dollar sign may come
  // first or after the minus sign ('$-3.10', '-$3.10'), never both before and after it.
  const m = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/^(-?)\$/, '$1'));
  if (m === null || (m[2] === undefined && m[3] === undefined)) return fail([errorIssue('money.invalid_amount', path, `'${text}' is not a dollar amount`)]);
  const whole = Number((m[2] ?? '').replace(/,/g, ''));
  const fraction = Number((m[3] ?? '').padEnd(2, '0'));
  const value = whole * 100 + fraction;
  if (!Number.isSafeInteger(value)) return fail([errorIssue('money.invalid_amount', path, `'${text}' is too large`)]);
  return ok((m[1] === '-' && value !== 0 ? -value : value) as Cents);
}

/**
 * The sum of amounts in cents.
 *
 * @example
 * ```ts
 * sumCents([cents(100), cents(250)]); // 350
 * ```
 */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

/**
 * Multiplies an amount by a factor, rounding half to even (banker's rounding) to whole cents.
 *
 * @example
 * ```ts
 * multiplyCents(cents(1999), 3);    // 5997
 * multiplyCents(cents(5), 0.5);     // 2 (2.5 rounds to even)
 * ```
 */
export function multiplyCents(amount: Cents, factor: number): Cents {
  return cents(roundHalfEven(amount * factor));
}

/**
 * Splits an amount across ratios without losing a cent (largest remainder; ties go to the
 * earlier share). Each share starts at the floor of amount × ratio / total, worked out exactly (the
 * ratios are read as the exact binary fractions they are, in integer arithmetic), so the parts add
 * up to the amount for every safe integer amount, and each part is within one cent of its exact share.
 *
 * @param amount - the whole amount, a safe integer (negative amounts are split the same way)
 * @param ratios - finite, non-negative weights with a positive sum
 * @throws MedofficeUsageError when the amount is not a safe integer or the ratios are not as above
 * @example
 * ```ts
 * allocateCents(cents(100), [1, 1, 1]); // [34, 33, 33]
 * ```
 */
export function allocateCents(amount: Cents, ratios: readonly number[]): Cents[] {
  if (!Number.isSafeInteger(amount)) throw new MedofficeUsageError(`allocateCents needs a safe integer amount of cents, got ${describeValue(amount)}`);
  if (ratios.length === 0 || !ratios.every((r) => Number.isFinite(r) && r >= 0) || !ratios.some((r) => r > 0)) {
    throw new MedofficeUsageError('allocateCents needs non-negative ratios with a positive sum');
  }
  const weights = exactWeights(ratios);
  const total = weights.reduce((s, w) => s + w, 0n);
  const whole = BigInt(amount);
  const shares = weights.map((w, i) => {
    const product = whole * w;
    let part = product / total; // truncates toward zero; step down to the floor for a negative share
    if (part * total > product) part -= 1n;
    return { i, part, rest: product - part * total };
  });
  let left = whole - shares.reduce((s, share) => s + share.part, 0n);
  const order = [...shares].sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const share of order) {
    if (left <= 0n) break;
    share.part += 1n;
    left -= 1n;
  }
  return shares.map((share) => cents(Number(share.part)));
}

/** Integers proportional to the ratios exactly: each finite double is m·2^e, all brought to the smallest e. */
function exactWeights(ratios: readonly number[]): bigint[] {
  const view = new DataView(new ArrayBuffer(8));
  const dyadic = ratios.map((r) => {
    view.setFloat64(0, r);
    const high = view.getUint32(0);
    const biased = (high >>> 20) & 0x7ff;
    const fraction = (BigInt(high & 0xf_ffff) << 32n) | BigInt(view.getUint32(4));
    return biased === 0 ? { m: fraction, e: -1074 } : { m: fraction | (1n << 52n), e: biased - 1075 };
  });
  const least = dyadic.reduce((low, d) => (d.m === 0n ? low : Math.min(low, d.e)), Infinity);
  return dyadic.map((d) => (d.m === 0n ? 0n : d.m << BigInt(d.e - least)));
}

/**
 * Formats cents as US dollars: `$1,250.05`, `-$3.10`. {@link parseDollars} reads the text back.
 *
 * @throws MedofficeUsageError when the amount is not a safe integer
 * @example
 * ```ts
 * formatCents(cents(125005)); // '$1,250.05'
 * ```
 */
export function formatCents(amount: Cents): string {
  if (!Number.isSafeInteger(amount)) throw new MedofficeUsageError(`formatCents needs a safe integer amount of cents, got ${describeValue(amount)}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}
