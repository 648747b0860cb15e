import { MedofficeUsageError } from '../core/result.js';

/**
 * Names a value for a usage-error message without reading any of its properties, so a hostile
 * getter or a revoked proxy cannot throw from the message itself.
 *
 * @param value - anything
 * @returns `'x'` for a short string (its start for a long one), the number, or its kind (`null`, `an object`, ...)
 * @example
 * ```ts
 * kindOf(null); // 'null'
 * kindOf({ x12: 1 }); // 'an object'
 * ```
 */
export function kindOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `'${value.slice(0, 40)}...'` : `'${value}'`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : 'an object';
  }
}

/**
 * Throws `MedofficeUsageError` unless a value is a string: for the functions that turn a string into
 * another string or read a file's text, where no answer fits a value of another type.
 *
 * @param value - what the caller passed
 * @param what - how the message names it, e.g. `normalizeIcd10: code`
 * @throws MedofficeUsageError when `value` is not a string
 * @example
 * ```ts
 * requireText(text, 'loadNcciPtp: text'); // returns when text is a string
 * ```
 */
export function requireText(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw new MedofficeUsageError(`${what} must be a string, not ${kindOf(value)}`);
}

/**
 * True when a value is an object that can be iterated, synchronously or not (a proxy whose traps
 * throw counts as not iterable).
 *
 * @param value - anything
 * @example
 * ```ts
 * isIterableObject(new Set([1])); // true
 * isIterableObject('text'); // false: a string is not an object
 * ```
 */
export function isIterableObject(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return Symbol.iterator in value || Symbol.asyncIterator in value;
  } catch {
    return false;
  }
}

/**
 * True when a value can be read as text: a string, or chunks of it in any (async) iterable.
 *
 * @param value - anything
 * @example
 * ```ts
 * isTextSource(['ISA*00', '~']); // true
 * isTextSource(1); // false
 * ```
 */
export function isTextSource(value: unknown): boolean {
  return typeof value === 'string' || isIterableObject(value);
}
