import type { Brand } from './brand.js';
import { errorIssue, type IssuePath } from './issue.js';
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
 * Parses a dollar amount written by a person (`12.50`, `$1,250`, `-3.1`) into cents, exactly
 * (no floating-point rounding).
 *
 * @example
 * ```ts
 * parseDollars('$1,250.05'); // ok(125005)
 * parseDollars('12.345');    // issue money.invalid_amount (more than two decimals)
 * ```
 */
export function parseDollars(text: string, path: IssuePath = []): Checked<Cents> {
  // Commas only as thousands separators ('1,250.05'): '1,2,3' or '0.,4' is no amount. The whole part
  // may be left out before a fraction ('.5', '-.5'), as X12 writes decimals.
  const m = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/^\$/, ''));
  if (m === null || (m[2] === undefined && m[3] === undefined)) return fail([errorIssue('money.invalid_amount', path, `'${text}' is not a dollar amount`)]);
  const whole = Number((m[2] ?? '').replace(/,/g, ''));
  const fraction = Number((m[3] ?? '').padEnd(2, '0'));
  const value = whole * 100 + fraction;
  if (!Number.isSafeInteger(value)) return fail([errorIssue('money.invalid_amount', path, `'${text}' is too large`)]);
  return ok((m[1] === '-' ? -value : value) as Cents);
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
 * earlier share). The parts always add up to the amount.
 *
 * @example
 * ```ts
 * allocateCents(cents(100), [1, 1, 1]); // [34, 33, 33]
 * ```
 */
export function allocateCents(amount: Cents, ratios: readonly number[]): Cents[] {
  const total = ratios.reduce((s, r) => s + r, 0);
  if (ratios.length === 0 || total <= 0 || ratios.some((r) => r < 0 || !Number.isFinite(r))) {
    throw new MedofficeUsageError('allocateCents needs non-negative ratios with a positive sum');
  }
  const exact = ratios.map((r) => (amount * r) / total);
  const parts = exact.map((x) => Math.floor(x));
  let left = amount - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts.map((p) => cents(p));
}

/**
 * Formats cents as US dollars: `$1,250.05`, `-$3.10`.
 *
 * @example
 * ```ts
 * formatCents(cents(125005)); // '$1,250.05'
 * ```
 */
export function formatCents(amount: Cents): string {
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
