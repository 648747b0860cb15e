import { MedofficeUsageError } from '../core/result.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function serializeString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) throw new MedofficeUsageError('canonical JSON cannot hold a lone surrogate');
  return JSON.stringify(text);
}

function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new MedofficeUsageError(`canonical JSON cannot hold ${value}`);
  return String(value);
}

function serializeObject(value: object): string {
  const keys = Object.keys(value);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${serializeString(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

function serializeArray(value: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${canonicalJson(value[i] ?? null)}`;
  return `${out}]`;
}

/**
 * Serialises a JSON value the RFC 8785 way (JSON Canonicalization Scheme): object members sorted by
 * the UTF-16 code units of their names, no whitespace, strings escaped as ECMAScript `JSON.stringify`
 * does, numbers in ECMAScript shortest round-trip form (`1e+30`, `0.002`, `-0` as `0`).
 * Members whose value is `undefined` are left out, as JSON would.
 *
 * @param value - a JSON value (objects, arrays, strings, finite numbers, booleans, null)
 * @returns the canonical text, the same for every equal document
 * @throws MedofficeUsageError for NaN, Infinity, lone surrogates or non-JSON values
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [1e30, 4.50] }); // '{"a":[1e+30,4.5],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return serializeString(value);
    case 'number':
      return serializeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value);
    default:
      throw new MedofficeUsageError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
