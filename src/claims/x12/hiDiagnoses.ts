import { errorIssue } from '../../core/issue.js';
import type { SegmentLocation } from '../batch/claimEntry.js';
import { MAX_DIAGNOSES } from '../checkLines.js';
import type { ClaimIssue } from '../claimIssue.js';
import { componentEnd } from './elementValues.js';
import type { SegmentCursor } from './segmentCursor.js';

/**
 * The ICD-10-CM diagnosis codes of a claim's HI segments (qualifiers ABK and ABF), at most
 * {@link MAX_DIAGNOSES} of them, with the HI segment and element each came from. ICD-9 codes (BK,
 * BF) are reported and keep their place, so that diagnosis pointers still name HI positions; they are
 * read with their qualifier (`BF:4019`), which no ICD-10-CM check takes for a code of that set. Other
 * qualifiers (condition codes BG, anesthesia procedures BP) are not diagnoses and are skipped. The
 * first code past the limit is reported once, at path `['diagnoses', 12]`, and no code after it is
 * read, so a claim of thousands of codes costs no more than one of twelve. The first diagnosis must be
 * principal (ABK) and no other may be, and an empty element before a diagnosis is reported, since
 * pointers name diagnoses by their HI position.
 *
 * @example
 * ```ts
 * const diagnoses = new HiDiagnoses();
 * diagnoses.add(hiCursor, issues); // HI*ABK:E119*ABF:I10
 * diagnoses.codes;                 // ['E119', 'I10']
 * diagnoses.locate(1);             // { segment: 'HI', position: 20, element: 2 }
 * ```
 */
export class HiDiagnoses {
  /** The codes read, as written (no dot); an ICD-9 code with its qualifier (`BK:25000`). */
  readonly codes: string[] = [];
  /** Per code: its HI segment's position and element, interleaved. */
  private readonly sources: number[] = [];
  /** Diagnosis codes seen, ICD-10 and ICD-9 alike, past the limit too. */
  private seen = 0;
  /** The HI segment and element of the first code past the limit (position 0 while none). */
  private overflow = { position: 0, element: 0 };

  /**
   * Reads the codes of one HI segment.
   *
   * @param segment - the cursor on the HI segment
   * @param issues - where problems go (`x12.segment`, with the HI segment and element as source)
   */
  add(segment: SegmentCursor, issues: ClaimIssue[]): void {
    const text = segment.text;
    let emptyElement = 0;
    for (let k = 1; k < segment.count && this.overflow.position === 0; k++) {
      const from = segment.start(k);
      const to = segment.end(k);
      if (from === to) {
        if (emptyElement === 0) emptyElement = k;
        continue;
      }
      const cut = componentEnd(segment, k, from);
      const abk = cut - from === 3 && text.charCodeAt(from) === 65 && text.charCodeAt(from + 1) === 66 && (text.charCodeAt(from + 2) === 75 || text.charCodeAt(from + 2) === 70);
      const qualifier = abk ? '' : text.slice(from, cut);
      if (!abk && qualifier !== 'BK' && qualifier !== 'BF') {
        if (emptyElement === 0) emptyElement = k;
        continue;
      }
      const element = `HI${String(k).padStart(2, '0')}`;
      if (emptyElement > 0) {
        // Pointers name diagnoses by HI element (HI01 is 1): a gap would move every later code.
        const gap = `HI${String(emptyElement).padStart(2, '0')}`;
        issues.push(hiIssue(segment, emptyElement, ['diagnoses'], `${gap} holds no diagnosis (empty, or another qualifier) but ${element} does: diagnosis pointers name HI elements by position, so the diagnoses must follow one another from HI01`));
        emptyElement = -1;
      }
      if (++this.seen > MAX_DIAGNOSES) {
        this.overflow = { position: segment.position, element: k };
        const message = `${element} is diagnosis ${MAX_DIAGNOSES + 1}: an 837P claim carries at most ${MAX_DIAGNOSES} diagnosis codes (HI01 to HI12), and the codes from here on are not read`;
        issues.push(hiIssue(segment, k, ['diagnoses', MAX_DIAGNOSES], message));
      } else {
        const path = ['diagnoses', this.codes.length];
        const principal = abk ? text.charCodeAt(from + 2) === 75 : qualifier === 'BK';
        if (principal !== (this.seen === 1)) {
          const message = principal ? `${element} is a second principal diagnosis; only the first diagnosis is principal (ABK), the others are ABF` : `${element} is the claim's first diagnosis but not marked principal: it must be ABK`;
          issues.push(hiIssue(segment, k, path, message));
        }
        const code = cut >= to ? '' : text.slice(cut + 1, componentEnd(segment, k, cut + 1));
        if (!abk) issues.push(hiIssue(segment, k, path, `${element} is an ICD-9-CM diagnosis (${qualifier}:${code}); 837P claims since 2015-10-01 use ICD-10-CM (ABK/ABF)`));
        this.sources.push(segment.position, k);
        // An ICD-9 code keeps its place, so that pointers still name HI positions, and its qualifier, so that no check takes it for an ICD-10-CM code.
        this.codes.push(abk ? code : `${qualifier}:${code}`);
      }
    }
  }

  /**
   * The HI segment and element of the diagnosis at `index` (past the limit: the first code not read).
   *
   * @returns undefined when there is no such diagnosis
   */
  locate(index: unknown): SegmentLocation | undefined {
    if (typeof index !== 'number') return undefined;
    if (index >= MAX_DIAGNOSES && this.overflow.position > 0) return { segment: 'HI', position: this.overflow.position, element: this.overflow.element };
    const position = this.sources[2 * index];
    const element = this.sources[2 * index + 1];
    return position === undefined || element === undefined ? undefined : { segment: 'HI', position, element };
  }
}

function hiIssue(segment: SegmentCursor, element: number, path: readonly (string | number)[], message: string): ClaimIssue {
  return { ...errorIssue('x12.segment', path, message), source: `X12 HI (segment ${segment.position}, element ${element})` };
}
