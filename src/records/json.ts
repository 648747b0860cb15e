/**
 * A JSON value as it is stored: what `JSON.parse` can return.
 *
 * @example
 * ```ts
 * const doc: JsonValue = { name: [{ family: 'Rivera' }], active: true };
 * ```
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/**
 * A JSON object: string keys, JSON values.
 *
 * @example
 * ```ts
 * const o: JsonObject = { a: 1 };
 * ```
 */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * True when a JSON value is an object (not an array, not null).
 *
 * @param value - any JSON value
 * @returns whether it is a plain JSON object
 * @example
 * ```ts
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]);      // false
 * ```
 */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Structural equality of two JSON values: arrays in order, objects by keys regardless of order,
 * numbers by value (so `1` equals `1.0`).
 *
 * @param a - one value
 * @param b - the other
 * @returns true when they denote the same JSON document
 * @example
 * ```ts
 * jsonEqual({ a: [1, 2] }, { a: [1, 2.0] }); // true
 * ```
 */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] as JsonValue, b[i] as JsonValue)) return false;
    return true;
  }
  const left = a as JsonObject;
  const right = b as JsonObject;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key)) continue;
    if (!Object.hasOwn(right, key) || !jsonEqual(left[key] as JsonValue, right[key] as JsonValue)) return false;
    count++;
  }
  for (const key in right) if (Object.hasOwn(right, key)) count--;
  return count === 0;
}
