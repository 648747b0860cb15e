import { errorIssue } from '../../core/issue.js';
import { MedofficeUsageError } from '../../core/result.js';
import { isTextSource, kindOf } from '../usageChecks.js';
import { textLines, type ClaimEntry, type TextSource } from './claimEntry.js';

/**
 * Reads newline-delimited JSON, one claim per line, in bounded memory. Blank lines are skipped; a
 * line that is not JSON becomes an entry with an `input.malformed` issue and its line number, and
 * reading goes on.
 *
 * @param source - the text, whole or in chunks
 * @throws MedofficeUsageError at once when `source` is neither a string nor an (async) iterable of strings
 * @example
 * ```ts
 * for await (const entry of readNdjson(io.readStream('batch.ndjson'))) console.log(entry.place);
 * ```
 */
export function readNdjson(source: TextSource): AsyncGenerator<ClaimEntry> {
  if (!isTextSource(source)) throw new MedofficeUsageError(`readNdjson: source must be text (a string, or chunks of it), not ${kindOf(source)}`);
  return ndjsonEntries(source);
}

async function* ndjsonEntries(source: TextSource): AsyncGenerator<ClaimEntry> {
  let lineNumber = 0;
  for await (const line of textLines(source)) {
    lineNumber++;
    if (line.trim() === '') continue;
    const place = `line ${lineNumber}`;
    let claim: unknown;
    try {
      claim = JSON.parse(line);
    } catch {
      yield { place, issues: [{ ...errorIssue('input.malformed', [], `line ${lineNumber} is not valid JSON`), source: place }] };
      continue;
    }
    yield { claim, place, issues: [] };
  }
}
