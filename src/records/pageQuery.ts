import { DateTime } from 'luxon';
import { fail, ok, type Checked } from '../core/result.js';
import { readCallerInput } from './callerInput.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/**
 * A paged query of a record's entries (history, audit trail) as read from the caller: the page size,
 * the cursor, and each time bound as epoch milliseconds.
 *
 * @example
 * ```ts
 * const q: PageQuery = { pageSize: 20, times: { since: 1_793_622_600_000 } };
 * ```
 */
export interface PageQuery {
  readonly pageSize?: number;
  readonly before?: number;
  /** The time bounds that were given, by field name (`since`, `at`, `until`), in epoch milliseconds. */
  readonly times: Readonly<Record<string, number>>;
}

/**
 * Reads a paged query (history, audit trail): an object, a page size of 1 to 1000, a cursor that is
 * a whole number from 1, and valid luxon times in the named fields. Each member is read once, and
 * each time turned into milliseconds there and then, so nothing the caller controls is read later.
 * The first problem found is answered as `records.invalid_input` under `query`; a query that cannot
 * be read (a getter or proxy throws) is `records.invalid_input` at `['query']`.
 *
 * @param query - the caller's query
 * @param times - the fields holding times (`since`, `at`, `until`)
 * @param items - what a page holds, for the message (`versions`, `events`)
 * @param cursor - what `before` names, for the message (`a version number`)
 * @returns the query as read, or the issue
 * @example
 * ```ts
 * readPageQuery({ pageSize: 0 }, ['since'], 'events', 'a chain sequence'); // records.invalid_input at query.pageSize
 * ```
 */
export function readPageQuery(query: unknown, times: readonly string[], items: string, cursor: string): Checked<PageQuery, RecordIssue> {
  return readCallerInput(['query'], () => {
    if (typeof query !== 'object' || query === null) return fail([recordIssue('records.invalid_input', ['query'], 'the query must be an object')]);
    const fields = query as Readonly<Record<string, unknown>>;
    const pageSize = fields['pageSize'];
    if (pageSize !== undefined && (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)) {
      return fail([recordIssue('records.invalid_input', ['query', 'pageSize'], `a page holds 1 to 1000 ${items}`)]);
    }
    const bounds: Record<string, number> = {};
    for (const field of times) {
      const time = fields[field];
      if (time === undefined) continue;
      if (!DateTime.isDateTime(time) || !time.isValid) return fail([recordIssue('records.invalid_input', ['query', field], 'the time is not a valid DateTime')]);
      bounds[field] = time.toMillis();
    }
    const before = fields['before'];
    if (before !== undefined && (typeof before !== 'number' || !Number.isSafeInteger(before) || before < 1)) return fail([recordIssue('records.invalid_input', ['query', 'before'], `must be ${cursor}`)]);
    return ok({ ...(pageSize === undefined ? {} : { pageSize }), ...(before === undefined ? {} : { before }), times: bounds });
  });
}
