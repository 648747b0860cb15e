import type { IssuePath } from '../core/issue.js';
import { fail, type Checked } from '../core/result.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';

/**
 * Reads a caller's argument at the boundary of an operation. A getter that throws or a revoked proxy
 * would otherwise reject the operation's promise, and its audit event would blame the storage; here
 * the throw becomes an issue at the argument's path. `read` should take from the argument, once,
 * everything the operation will use (into values of its own), so that nothing the caller controls is
 * read again later.
 *
 * @param path - where the argument sits in the caller's input (`['decision']`)
 * @param read - takes what is needed from the argument, answering with it or with issues
 * @returns what `read` answered, or `records.invalid_input` at `path`
 * @example
 * ```ts
 * const size = readCallerInput(['query'], () => ok((query as { pageSize?: unknown }).pageSize));
 * // a query whose pageSize getter throws: records.invalid_input at ['query']
 * ```
 */
export function readCallerInput<T>(path: IssuePath, read: () => Checked<T, RecordIssue>): Checked<T, RecordIssue> {
  try {
    return read();
  } catch {
    return fail([recordIssue('records.invalid_input', path, `the argument '${path.join('.')}' could not be read (a getter or proxy threw)`)]);
  }
}
