import { errorIssue } from '../../core/issue.js';
import type { ClaimEntry, TextSource } from '../batch/claimEntry.js';
import { ClaimBuilder } from './claimBuilder.js';
import { emptyParties, patientParties, subscriberParties, type ClaimParties } from './claimParties.js';
import { readPartySegment } from './partySegments.js';
import type { SegmentCursor } from './segmentCursor.js';
import { SegmentScanner } from './segmentScanner.js';
import { textChunks } from './segments.js';

/**
 * The implementation guide this reader follows.
 *
 * @example
 * ```ts
 * text.includes(X12_837P_VERSION); // the GS08 / ST03 of a professional claim file
 * ```
 */
export const X12_837P_VERSION = '005010X222A1';

interface Transaction {
  readonly control: string;
  readonly place: string;
  segments: number;
}

/**
 * Reads X12 837P (005010X222A1) professional claims from text, in bounded memory: envelopes
 * (ISA/GS/ST … SE/GE/IEA, delimiters from ISA), hierarchical levels (billing provider 20,
 * subscriber 22, patient 23) and each claim's CLM, HI, NM1, PRV, SV1 and DTP*472 segments, mapped
 * into the claim model. Each claim comes out as soon as it ends, with a locator from claim paths
 * to segments. A malformed segment or transaction is reported (`x12.segment`, `x12.envelope`)
 * with its place and reading goes on.
 *
 * @param source - the interchange text, whole or in chunks
 * @example
 * ```ts
 * for await (const entry of read837p(io.readStream('batch.837'))) console.log(entry.place);
 * ```
 */
export async function* read837p(source: TextSource): AsyncGenerator<ClaimEntry> {
  const state = new ReaderState();
  const scanner = new SegmentScanner((segment) => state.take(segment));
  for await (const chunk of textChunks(source)) {
    scanner.push(chunk);
    yield* state.drain();
  }
  scanner.end();
  state.end();
  yield* state.drain();
}

/** What a segment does to the reader's state; segments not listed are skipped. */
type SegmentRole = 'transaction-start' | 'transaction-end' | 'hierarchy' | 'claim' | 'envelope' | 'claim-detail';

const SEGMENT_ROLES: ReadonlyMap<string, SegmentRole> = new Map<string, SegmentRole>([
  ['ST', 'transaction-start'],
  ['SE', 'transaction-end'],
  ['HL', 'hierarchy'],
  ['CLM', 'claim'],
  ['ISA', 'envelope'],
  ['GS', 'envelope'],
  ['GE', 'envelope'],
  ['IEA', 'envelope'],
  ...['SV1', 'DTP', 'HI', 'NM1', 'PRV', 'REF', 'DMG'].map((id) => [id, 'claim-detail'] as [string, SegmentRole]),
]);

/** The reader's place in the interchange; completed entries go to `out` until the caller drains them. */
class ReaderState {
  private transaction: Transaction | undefined;
  private builder: ClaimBuilder | undefined;
  private parties: ClaimParties = emptyParties();
  private level = '';
  private entity = '';
  private out: ClaimEntry[] = [];
  private group: { control: string; transactions: number } | undefined;
  private interchange: { control: string; groups: number } | undefined;

  end(): void {
    this.closeTransaction();
    this.unclosedInterchange();
  }

  private unclosedInterchange(): void {
    if (this.interchange === undefined) return;
    this.out.push({ place: `ISA ${this.interchange.control.trim()}`, envelope: true, issues: [envelopeIssue(`interchange ${this.interchange.control.trim()} has no IEA trailer`)] });
    this.interchange = undefined;
  }

  drain(): ClaimEntry[] {
    const done = this.out;
    this.out = [];
    return done;
  }

  take(segment: SegmentCursor): void {
    if (this.transaction !== undefined) this.transaction.segments++;
    const role = SEGMENT_ROLES.get(segment.id);
    if (role === 'claim-detail' && this.builder !== undefined) return this.builder.add(segment);
    if (role === undefined) return this.other(segment);
    // A switch rather than ts-pattern here: this runs for every segment, and the `never` check keeps it exhaustive.
    switch (role) {
      case 'transaction-start': return this.startTransaction(segment);
      case 'transaction-end': return this.endTransaction(segment);
      case 'hierarchy': return this.hierarchy(segment);
      case 'claim': return this.startClaim(segment);
      case 'envelope': return this.envelope(segment);
      case 'claim-detail': return this.party(segment);
      default: return unreachable(role);
    }
  }

  private other(segment: SegmentCursor): void {
    const id = segment.id;
    if (id === 'ISA?') return this.problem(segment, 'the input does not start with an ISA interchange header');
    if (id === 'SEG?') {
      // Reading stops here: the missing trailers that follow from it are not separate faults.
      this.interchange = undefined;
      return this.problem(segment, `no segment terminator within ${SegmentScanner.MAX_SEGMENT_LENGTH} characters: the terminator ISA declares is not the one used`);
    }
    if (!isSegmentId(id)) return this.problem(segment, `'${id.slice(0, 10)}' is not a segment id`, 'x12.segment');
  }

  private problem(segment: SegmentCursor, message: string, code: 'x12.envelope' | 'x12.segment' = 'x12.envelope'): void {
    this.out.push({ ...segmentProblem(segment, message, code), envelope: true });
  }

  private startClaim(segment: SegmentCursor): void {
    this.flush();
    if (this.transaction === undefined || (this.level !== '22' && this.level !== '23')) return void this.out.push(segmentProblem(segment, 'CLM outside a subscriber or patient level', 'x12.segment'));
    this.builder = new ClaimBuilder(segment, this.parties, this.transaction.place);
  }

  private envelope(segment: SegmentCursor): void {
    this.closeTransaction();
    const id = segment.id;
    if (id === 'ISA') {
      this.unclosedInterchange();
      this.interchange = { control: segment.element(13), groups: 0 };
    }
    else if (id === 'GS') {
      this.group = { control: segment.element(6), transactions: 0 };
      if (this.interchange !== undefined) this.interchange.groups++;
    } else if (id === 'GE') this.closeEnvelope(segment, this.group, (g) => g.transactions, 'GS');
    else this.closeEnvelope(segment, this.interchange, (i) => i.groups, 'ISA');
    if (id === 'GE') this.group = undefined;
    if (id === 'IEA') this.interchange = undefined;
  }

  private closeEnvelope<T extends { control: string }>(segment: SegmentCursor, open: T | undefined, counted: (o: T) => number, opener: string): void {
    if (open === undefined) return this.problem(segment, `${segment.id} without ${opener}`);
    const count = segment.element(1);
    const control = segment.element(2);
    if (Number(count) !== counted(open) || control.trim() !== open.control.trim()) {
      this.problem(segment, `${segment.id} says ${count} with control ${control}; ${opener} ${open.control} has ${counted(open)}`);
    }
  }

  private closeTransaction(): void {
    this.flush();
    if (this.transaction !== undefined) this.out.push({ place: this.transaction.place, envelope: true, issues: [envelopeIssue(`transaction ${this.transaction.control} has no SE trailer`)] });
    this.transaction = undefined;
  }

  private startTransaction(segment: SegmentCursor): void {
    this.closeTransaction();
    const control = segment.element(2);
    this.transaction = { control, place: `ST ${control} (segment ${segment.position})`, segments: 1 };
    if (this.group !== undefined) this.group.transactions++;
    this.parties = emptyParties();
    this.level = '';
    if (segment.element(1) !== '837') this.problem(segment, `transaction set ${segment.element(1)} is not an 837`);
  }

  private endTransaction(segment: SegmentCursor): void {
    this.flush();
    const open = this.transaction;
    this.transaction = undefined;
    if (open === undefined) return this.problem(segment, 'SE without ST');
    const count = segment.element(1);
    const control = segment.element(2);
    if (Number(count) !== open.segments || control !== open.control) {
      this.out.push({ place: open.place, envelope: true, issues: [{ ...envelopeIssue(`SE says ${count} segments, control ${control}; ST ${open.control} has ${open.segments}`), source: `X12 SE (segment ${segment.position})` }] });
    }
  }

  private hierarchy(segment: SegmentCursor): void {
    this.flush();
    const code = segment.element(3);
    if (code === '20') this.parties = emptyParties();
    else if (code === '22') this.parties = subscriberParties(this.parties);
    else if (code === '23') this.parties = patientParties(this.parties);
    else return this.problem(segment, `HL level ${code} is not 20, 22 or 23`, 'x12.segment');
    this.level = code;
  }

  private party(segment: SegmentCursor): void {
    this.entity = readPartySegment(this.parties, segment, this.entity);
  }

  private flush(): void {
    if (this.builder === undefined) return;
    this.out.push(this.builder.finish());
    this.builder = undefined;
  }
}

/** True for an X12 segment id: a capital letter and one or two capitals or digits. */
function isSegmentId(id: string): boolean {
  if (id.length < 2 || id.length > 3) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    const letter = c >= 65 && c <= 90;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

function unreachable(role: never): never {
  throw new Error(`unhandled segment role ${String(role)}`);
}

function envelopeIssue(message: string, code: 'x12.envelope' | 'x12.segment' = 'x12.envelope'): ReturnType<typeof errorIssue> {
  return errorIssue(code, [], message);
}

function segmentProblem(segment: SegmentCursor, message: string, code: 'x12.envelope' | 'x12.segment' = 'x12.envelope'): ClaimEntry {
  return { place: `segment ${segment.position}`, issues: [{ ...envelopeIssue(message, code), source: `X12 ${segment.id.slice(0, 3)} (segment ${segment.position})` }] };
}
