import { DateTime } from 'luxon';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/** What a paged query of a record's entries may carry: a page size, a cursor and time bounds. */
interface PagedQuery {
  readonly pageSize?: number;
  readonly before?: number;
}

/**
 * Checks a paged query (history, audit trail): an object, a page size of 1 to 1000, a cursor that is
 * a whole number from 1, and valid luxon times in the named fields. The first problem found is
 * answered as `records.invalid_input` under `query`.
 *
 * @param query - the caller's query
 * @param times - the fields holding times (`since`, `at`, `until`)
 * @param items - what a page holds, for the message (`versions`, `events`)
 * @param cursor - what `before` names, for the message (`a version number`)
 * @returns the issue, or undefined when the query is sound
 * @example
 * ```ts
 * pageQueryIssue({ pageSize: 0 }, ['since'], 'events', 'a chain sequence'); // records.invalid_input at query.pageSize
 * ```
 */
export function pageQueryIssue(query: unknown, times: readonly string[], items: string, cursor: string): RecordIssue | undefined {
  if (typeof query !== 'object' || query === null) return recordIssue('records.invalid_input', ['query'], 'the query must be an object');
  const { pageSize, before } = query as PagedQuery;
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)) return recordIssue('records.invalid_input', ['query', 'pageSize'], `a page holds 1 to 1000 ${items}`);
  for (const field of times) {
    const time: unknown = (query as Record<string, unknown>)[field];
    if (time !== undefined && (!DateTime.isDateTime(time) || !time.isValid)) return recordIssue('records.invalid_input', ['query', field], 'the time is not a valid DateTime');
  }
  if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) return recordIssue('records.invalid_input', ['query', 'before'], `must be ${cursor}`);
  return undefined;
}
