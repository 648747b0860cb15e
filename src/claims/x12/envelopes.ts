import type { ClaimEntry } from '../batch/claimEntry.js';
import { envelopeIssue, segmentProblem } from './readerIssues.js';
import type { SegmentCursor } from './segmentCursor.js';

/**
 * The implementation guide this reader follows.
 *
 * @example
 * ```ts
 * text.includes(X12_837P_VERSION); // the GS08 / ST03 of a professional claim file
 * ```
 */
export const X12_837P_VERSION = '005010X222A1';

interface OpenGroup {
  readonly control: string;
  readonly position: number;
  readonly version: string;
  transactions: number;
}

interface OpenInterchange {
  readonly control: string;
  groups: number;
}

/**
 * The interchange (ISA … IEA) and functional group (GS … GE) open around the reader. It checks
 * that each trailer closes what is open with the right count and control number, that every
 * transaction lies in a group and every group in an interchange, and that the group is for 837P
 * (GS08 `005010X222A1`); each problem goes to `report` as an envelope entry.
 *
 * @example
 * ```ts
 * const envelopes = new Envelopes((entry) => out.push(entry));
 * envelopes.take(isaCursor);
 * envelopes.transaction(stCursor); // '005010X222A1', the GS08 in force
 * envelopes.end();
 * ```
 */
export class Envelopes {
  private group: OpenGroup | undefined;
  private interchange: OpenInterchange | undefined;

  /** @param report - called with each envelope problem */
  constructor(private readonly report: (entry: ClaimEntry) => void) {}

  /** Takes an ISA, GS, GE or IEA segment. */
  take(segment: SegmentCursor): void {
    const id = segment.id;
    if (id === 'ISA') {
      this.unclosedGroup();
      this.unclosedInterchange();
      this.interchange = { control: segment.element(13), groups: 0 };
    } else if (id === 'GS') this.openGroup(segment);
    else if (id === 'GE') {
      this.close(segment, this.group, (g) => g.transactions, 'GS');
      this.group = undefined;
    } else {
      this.unclosedGroup();
      this.close(segment, this.interchange, (i) => i.groups, 'ISA');
      this.interchange = undefined;
    }
  }

  /**
   * Counts an ST in its group, or reports one that lies in no group.
   *
   * @returns the GS08 of the group around it (`''` when there is none)
   */
  transaction(segment: SegmentCursor): string {
    if (this.group !== undefined) {
      this.group.transactions++;
      return this.group.version;
    }
    this.problem(segment, `ST ${segment.element(2)} lies outside a functional group: no GS opened one`);
    return '';
  }

  /** Forgets what is open, when the rest of an interchange is skipped: the trailers missing after that are not separate faults. */
  abandon(): void {
    this.group = undefined;
    this.interchange = undefined;
  }

  /** Ends the input (or the interchange before an ISA that cannot be read), reporting a group or interchange left without its trailer. */
  end(): void {
    this.unclosedGroup();
    this.unclosedInterchange();
  }

  private openGroup(segment: SegmentCursor): void {
    this.unclosedGroup();
    const version = segment.element(8);
    this.group = { control: segment.element(6), position: segment.position, version, transactions: 0 };
    if (this.interchange === undefined) this.problem(segment, `GS ${segment.element(6)} lies outside an interchange: no ISA opened one`);
    else this.interchange.groups++;
    if (version !== X12_837P_VERSION) this.problem(segment, `GS08 ${version === '' ? 'is empty' : `is ${version}`}: an 837P group is ${X12_837P_VERSION}${guideName(version)}`);
  }

  private close<T extends { control: string }>(segment: SegmentCursor, open: T | undefined, counted: (o: T) => number, opener: string): void {
    if (open === undefined) return this.problem(segment, `${segment.id} without ${opener}`);
    const count = segment.element(1);
    const control = segment.element(2);
    if (Number(count) !== counted(open) || control.trim() !== open.control.trim()) {
      this.problem(segment, `${segment.id} says ${count} with control ${control}; ${opener} ${open.control} has ${counted(open)}`);
    }
  }

  private unclosedGroup(): void {
    const group = this.group;
    if (group === undefined) return;
    this.group = undefined;
    const issue = { ...envelopeIssue(`functional group ${group.control} has no GE trailer`), source: `X12 GS (segment ${group.position})` };
    this.report({ place: `GS ${group.control} (segment ${group.position})`, envelope: true, issues: [issue] });
  }

  private unclosedInterchange(): void {
    const interchange = this.interchange;
    if (interchange === undefined) return;
    this.interchange = undefined;
    const control = interchange.control.trim();
    this.report({ place: `ISA ${control}`, envelope: true, issues: [envelopeIssue(`interchange ${control} has no IEA trailer`)] });
  }

  private problem(segment: SegmentCursor, message: string): void {
    this.report({ ...segmentProblem(segment, message), envelope: true });
  }
}

/**
 * A clause naming the 837 an implementation guide version belongs to, for messages; empty when it
 * is not a known institutional or dental guide.
 *
 * @param version - a GS08 or ST03 value
 * @example
 * ```ts
 * guideName('005010X223A2'); // '; 005010X223A2 is an 837I, institutional'
 * ```
 */
export function guideName(version: string): string {
  const kind = version.includes('X223') ? '837I, institutional' : version.includes('X224') ? '837D, dental' : undefined;
  return kind === undefined ? '' : `; ${version} is an ${kind}`;
}

/** Whether a transaction is read, and why it is reported if it is. */
export interface TransactionCheck {
  /** True when its claims are read as 837P claims. */
  readonly read: boolean;
  /** The problem to report at its ST, if any. */
  readonly problem?: string;
}

/**
 * Checks that a transaction is an 837P: ST01 must be 837 and ST03 005010X222A1. A missing ST03 is
 * reported, and the transaction is then read when its group's GS08 is 005010X222A1.
 *
 * @param set - ST01, the transaction set id
 * @param st03 - ST03, the implementation convention reference
 * @param groupVersion - GS08 of the group around it (`''` when there is none)
 * @example
 * ```ts
 * checkTransaction('837', '005010X223A2', '005010X223A2').read; // false: an 837I
 * checkTransaction('837', '', '005010X222A1');                   // read, with the missing ST03 reported
 * ```
 */
export function checkTransaction(set: string, st03: string, groupVersion: string): TransactionCheck {
  if (set !== '837') return { read: false, problem: `transaction set ${set} is not an 837: its segments are not read` };
  if (st03 === '') {
    const read = groupVersion === X12_837P_VERSION;
    return { read, problem: `ST03 (the implementation guide, ${X12_837P_VERSION} for an 837P) is missing${read ? '' : ': the transaction is not read'}` };
  }
  if (st03 !== X12_837P_VERSION) return { read: false, problem: `ST03 is ${st03}, not an 837P (${X12_837P_VERSION})${guideName(st03)}: the transaction is not read` };
  return { read: true };
}
