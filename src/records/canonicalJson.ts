import { MedofficeUsageError } from '../core/result.js';
import type { JsonValue } from './json.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Whether a text holds a lone (unpaired) UTF-16 surrogate: not well-formed Unicode, and not
 * something canonical JSON can hold.
 *
 * @example
 * ```ts
 * hasLoneSurrogate('\uD83D'); // true
 * hasLoneSurrogate('😀');      // false
 * ```
 */
export function hasLoneSurrogate(text: string): boolean {
  return SURROGATE.test(text) && LONE_SURROGATE.test(text);
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function serializeString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  if (hasLoneSurrogate(text)) throw new MedofficeUsageError('canonical JSON cannot hold a lone surrogate');
  return JSON.stringify(text);
}

function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new MedofficeUsageError(`canonical JSON cannot hold ${value}`);
  return String(value);
}

// Sorts member names by UTF-16 code units, in place. Short lists (the usual object) are sorted by
// insertion, which allocates nothing; Array.prototype.sort allocates a work array on every call.
function sortNames(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
}

// A Date, Map, Set or class instance is not JSON: its own members (none, for a Date or a Set) would
// be written as if they were all it holds. A plain object from another realm (a vm context) has that
// realm's Object.prototype, itself without a prototype.
function requirePlainObject(value: object): void {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag === 'Object' && Object.getPrototypeOf(prototype) === null) return;
  throw new MedofficeUsageError(`canonical JSON cannot hold ${tag === 'Object' ? 'an instance of a class' : `a ${tag}`}: only plain objects, arrays, strings, finite numbers, booleans and null`);
}

function serializeObject(value: object): string {
  requirePlainObject(value);
  const keys = Object.keys(value);
  sortNames(keys);
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
 * @throws MedofficeUsageError for NaN, Infinity, lone surrogates or non-JSON values (a Date, Map,
 *   Set or class instance included)
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

/** A JSON value's canonical text together with a deep copy of it that nobody else holds. */
export interface CanonicalForm {
  readonly text: string;
  readonly copy: JsonValue;
  /** How deeply arrays and objects nest (0 for a scalar). */
  readonly depth: number;
  /** Whether some member is named `__proto__`, `constructor` or `prototype`. */
  readonly unsafeMember: boolean;
  /** Whether `JSON.stringify` of the copy, or of any part of it, already gives the RFC 8785 text. */
  readonly plain: boolean;
}

interface CopyFlags {
  irregular: boolean;
  unsafe: boolean;
  depth: number;
}

const isUnsafeName = (key: string): boolean => key === '__proto__' || key === 'constructor' || key === 'prototype';

/** Copies a JSON value with object members in canonical order; reports whether JSON.stringify of the copy could differ from RFC 8785. */
function copyOf(value: unknown, flags: CopyFlags, depth: number): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new MedofficeUsageError(`canonical JSON cannot hold ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (depth >= flags.depth) flags.depth = depth + 1;
      if (Array.isArray(value)) {
        const copy = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) copy[i] = copyOf(value[i] ?? null, flags, depth + 1);
        return copy;
      }
      requirePlainObject(value);
      const keys = Object.keys(value);
      sortNames(keys);
      const copy: Record<string, JsonValue> = {};
      for (const key of keys) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        // JavaScript lists integer-like member names first whatever the insertion order.
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57) flags.irregular = true;
        if (isUnsafeName(key)) flags.unsafe = true;
        if (key === '__proto__') Object.defineProperty(copy, key, { value: copyOf(item, flags, depth + 1), enumerable: true, writable: true, configurable: true });
        else copy[key] = copyOf(item, flags, depth + 1);
      }
      return copy;
    }
    default:
      throw new MedofficeUsageError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/**
 * The RFC 8785 text of a JSON value (exactly {@link canonicalJson}) and, from the same walk, a deep copy
 * with members in canonical order: what the store keeps privately as the current document, so the next
 * write can diff against it without parsing the stored text again.
 *
 * @param value - a JSON value
 * @returns the canonical text, the copy, how deeply it nests, whether a member name is one a JSON
 *   Pointer may not reach (`__proto__`, `constructor`, `prototype`) and whether `JSON.stringify` of
 *   the copy's parts is canonical too
 * @throws MedofficeUsageError as {@link canonicalJson} does
 * @example
 * ```ts
 * const { text, copy } = canonicalForm({ b: [1], a: 'x' }); // text '{"a":"x","b":[1]}'
 * ```
 */
export function canonicalForm(value: unknown): CanonicalForm {
  const flags: CopyFlags = { irregular: false, unsafe: false, depth: 0 };
  const copy = copyOf(value, flags, 0);
  // With members inserted in canonical order, JSON.stringify writes the RFC 8785 text, except for
  // integer-like member names and lone surrogates (escaped as \udXXX); those take the slow path,
  // which orders them right or refuses them.
  const text = JSON.stringify(copy);
  const plain = !flags.irregular && !text.includes('\\ud');
  return { text: plain ? text : canonicalJson(copy), copy, depth: flags.depth, unsafeMember: flags.unsafe, plain };
}
