import { errorIssue, type IssuePath } from '../core/issue.js';
import type { ClaimIssue } from './claimIssue.js';
import { isCalendarDate } from './calendarDay.js';

/** Marks a value whose reading threw (a hostile getter or a revoked proxy). */
const UNREADABLE: unique symbol = Symbol('unreadable');

/**
 * Collects `claim.schema` issues while the structural reader walks untrusted input. Each read
 * touches a property once, inside a guard, so getters that throw and proxies are reported, not
 * thrown. A field is named by its parent's path and its key; the full path is built only for an issue.
 *
 * @example
 * ```ts
 * const fields = new FieldReader();
 * const id = fields.text({ id: 'C-1' }, [], 'id', true, 1);
 * ```
 */
export class FieldReader {
  /** The schema issues found so far. */
  readonly issues: ClaimIssue[] = [];

  /** Reads `key` of `owner` without letting a getter throw. */
  get(owner: object, key: string | number): unknown {
    try {
      return (owner as Record<string | number, unknown>)[key];
    } catch {
      return UNREADABLE;
    }
  }

  /** Reports a schema problem at `parent` + `key` (or at `parent` itself when `key` is undefined). */
  fail(parent: IssuePath, key: string | number | undefined, message: string): undefined {
    this.issues.push(errorIssue('claim.schema', key === undefined ? parent : [...parent, key], message));
    return undefined;
  }

  /** A plain object, or undefined (reported unless optional and absent). */
  object(value: unknown, parent: IssuePath, key: string | number | undefined, required: boolean): object | undefined {
    if (value === undefined && !required) return undefined;
    if (value === UNREADABLE) return this.fail(parent, key, 'could not be read');
    if (typeof value !== 'object' || value === null || this.isArray(value) !== false) return this.fail(parent, key, 'must be an object');
    return value;
  }

  /** The elements of an array, read once each, or undefined. */
  array(value: unknown, parent: IssuePath, key: string, required: boolean, minLength = 0): unknown[] | undefined {
    if (value === undefined && !required) return undefined;
    if (value === UNREADABLE || this.isArray(value) !== true) return this.fail(parent, key, value === UNREADABLE ? 'could not be read' : 'must be an array');
    const length = this.get(value as object, 'length');
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || length > 0xffffff) return this.fail(parent, key, 'could not be read');
    if (length < minLength) return this.fail(parent, key, `must have at least ${minLength} item${minLength === 1 ? '' : 's'}`);
    const items: unknown[] = [];
    for (let i = 0; i < length; i++) items.push(this.get(value as object, i));
    return items;
  }

  /** A string field; `minLength` 1 refuses the empty string. */
  text(owner: object, parent: IssuePath, key: string, required: boolean, minLength = 0): string | undefined {
    return this.textValue(this.get(owner, key), parent, key, required, minLength);
  }

  /** A string value; `minLength` 1 refuses the empty string. */
  textValue(value: unknown, parent: IssuePath, key: string | number, required: boolean, minLength = 0): string | undefined {
    if (typeof value === 'string') return value.length < minLength ? this.fail(parent, key, 'must not be empty') : value;
    if (value === undefined && !required) return undefined;
    return this.fail(parent, key, value === UNREADABLE ? 'could not be read' : 'must be a string');
  }

  /** A finite number field; `integer` asks for a safe integer. */
  number(owner: object, parent: IssuePath, key: string, integer: boolean): number | undefined {
    return this.numberValue(this.get(owner, key), parent, key, integer);
  }

  /** A finite number value; `integer` asks for a safe integer. */
  numberValue(value: unknown, parent: IssuePath, key: string | number, integer: boolean): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(parent, key, 'must be a finite number');
    if (integer && !Number.isSafeInteger(value)) return this.fail(parent, key, 'must be a whole number');
    return value;
  }

  /** A `YYYY-MM-DD` calendar date field. */
  date(owner: object, parent: IssuePath, key: string, required: boolean): string | undefined {
    const value = this.get(owner, key);
    if (value === undefined && !required) return undefined;
    return isCalendarDate(value) ? value : this.fail(parent, key, 'must be a calendar date YYYY-MM-DD');
  }

  private isArray(value: unknown): boolean | undefined {
    try {
      return Array.isArray(value);
    } catch {
      return undefined;
    }
  }
}
