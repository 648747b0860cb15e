import { errorIssue, type IssuePath } from '../../core/issue.js';
import type { SegmentLocation } from '../batch/claimEntry.js';
import type { ClaimIssue } from '../claimIssue.js';
import type { SegmentCursor } from './segmentCursor.js';

/** The claim field an NM1 entity code names: DN the referring provider, DK the ordering one. */
type ReferralField = 'referringProvider' | 'orderingProvider';

/** Where a provider was read: its line (-1 for the claim), its field and its NM1 segment. */
interface ReferralSource {
  readonly line: number;
  readonly field: ReferralField;
  readonly position: number;
}

/**
 * The referring and ordering providers of one 837P claim: NM1*DN of loop 2310A (the claim's
 * referring provider), and after a line's SV1, NM1*DK of loop 2420E (its ordering provider) and
 * NM1*DN of loop 2420F (its referring provider). The NPI is NM109 when NM108 is `XX`; otherwise it
 * is read as empty, for `npi.invalid` to report. A second one for the same place is `x12.segment`
 * and the first is kept. Loop 2310A's primary care provider (P3) is not read.
 *
 * @example
 * ```ts
 * const referrals = new ReferralProviders();
 * referrals.add(nm1Cursor, lines, issues); // NM1*DN*1*WONG*AL****XX*1234567893 before any line
 * referrals.referring;                     // { npi: '1234567893' }
 * referrals.locate(['referringProvider', 'npi']); // { segment: 'NM1', position: 18, element: 9 }
 * ```
 */
export class ReferralProviders {
  /** The claim's referring provider (loop 2310A), once read. */
  referring: { npi: string } | undefined;
  private readonly sources: ReferralSource[] = [];

  /**
   * Reads an NM1 segment of the claim: before any line (and before loop 2320) as loop 2310A, after
   * one as loop 2420E or 2420F of the last line.
   *
   * @param segment - the cursor on an NM1 segment
   * @param lines - the claim's lines so far; a line provider is written into the last
   * @param issues - where a second provider for the same place is reported
   * @returns true when the segment named one of these providers
   */
  add(segment: SegmentCursor, lines: readonly Record<string, unknown>[], issues: ClaimIssue[]): boolean {
    const referring = segment.is(1, 'DN');
    if (!referring && !segment.is(1, 'DK')) return false;
    const line = lines.length - 1;
    if (line < 0 && !referring) return false;
    const field: ReferralField = referring ? 'referringProvider' : 'orderingProvider';
    const earlier = this.sources.find((source) => source.line === line && source.field === field);
    if (earlier !== undefined) {
      const path: IssuePath = line < 0 ? [field] : ['lines', line, field];
      const loop = line < 0 ? '2310A' : referring ? '2420F' : '2420E';
      const message = `a second NM1*${segment.element(1)} in loop ${loop} (the first, at segment ${earlier.position}, is kept): ${line < 0 ? 'a claim names' : 'a line names'} one ${referring ? 'referring' : 'ordering'} provider`;
      issues.push({ ...errorIssue('x12.segment', path, message), source: `X12 NM1 (segment ${segment.position}, element 1)` });
      return true;
    }
    const provider = { npi: segment.is(8, 'XX') ? segment.element(9) : '' };
    if (line < 0) this.referring = provider;
    else (lines[line] as Record<string, unknown>)[field] = provider;
    this.sources.push({ line, field, position: segment.position });
    return true;
  }

  /**
   * The NM1 segment a path into these providers came from (NM109 for the NPI), if one was read.
   *
   * @param path - an issue path: `['referringProvider', 'npi']` or `['lines', i, 'orderingProvider', 'npi']`
   */
  locate(path: IssuePath): SegmentLocation | undefined {
    const claimLevel = path[0] === 'referringProvider';
    if (!claimLevel && (path[0] !== 'lines' || (path[2] !== 'orderingProvider' && path[2] !== 'referringProvider'))) return undefined;
    const line = claimLevel ? -1 : path[1];
    const field = claimLevel ? path[0] : path[2];
    const source = this.sources.find((s) => s.line === line && s.field === field);
    if (source === undefined) return undefined;
    return path[claimLevel ? 1 : 3] === 'npi' ? { segment: 'NM1', position: source.position, element: 9 } : { segment: 'NM1', position: source.position };
  }
}
