import { errorIssue } from '../../core/issue.js';
import type { ClaimEntry } from '../batch/claimEntry.js';
import type { ClaimIssue } from '../claimIssue.js';
import type { SegmentCursor } from './segmentCursor.js';

/** The codes the X12 reader reports under, apart from a claim's own findings. */
export type X12IssueCode = 'x12.envelope' | 'x12.segment';

/**
 * An issue about the interchange rather than a claim field (empty path).
 *
 * @param message - a sentence for a person
 * @param code - `x12.envelope` for the envelopes, `x12.segment` for a malformed or misplaced segment
 * @example
 * ```ts
 * envelopeIssue('interchange 000000001 has no IEA trailer');
 * ```
 */
export function envelopeIssue(message: string, code: X12IssueCode = 'x12.envelope'): ClaimIssue {
  return errorIssue(code, [], message);
}

/**
 * An entry reporting one segment, placed at that segment and naming it as the source.
 *
 * @param segment - the cursor on the segment at fault
 * @param message - a sentence for a person
 * @param code - `x12.envelope` or `x12.segment`
 * @example
 * ```ts
 * out.push({ ...segmentProblem(segment, 'SE without ST'), envelope: true });
 * ```
 */
export function segmentProblem(segment: SegmentCursor, message: string, code: X12IssueCode = 'x12.envelope'): ClaimEntry {
  return { place: `segment ${segment.position}`, issues: [{ ...envelopeIssue(message, code), source: `X12 ${segment.id.slice(0, 3)} (segment ${segment.position})` }] };
}
