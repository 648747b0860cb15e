/**
 * A value as a usage-error message shows it: `undefined`, `null`, `'text'`, `number 12.5`,
 * `boolean true`, `an array`, `an object`, `a function`. Never throws, never prints a whole object.
 *
 * @param value - anything a caller passed
 * @example
 * ```ts
 * describeValue(12.5);      // 'number 12.5'
 * describeValue(undefined); // 'undefined'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}
