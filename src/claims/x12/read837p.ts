import type { ClaimEntry, TextSource } from '../batch/claimEntry.js';
import { ClaimBuilder } from './claimBuilder.js';
import { emptyParties, patientParties, subscriberParties, type ClaimParties } from './claimParties.js';
import { checkTransaction, Envelopes } from './envelopes.js';
import { placeLevel, type OpenLevels } from './hierarchy.js';
import { readPartySegment } from './partySegments.js';
import { envelopeIssue, segmentProblem, type X12IssueCode } from './readerIssues.js';
import type { SegmentCursor } from './segmentCursor.js';
import { SegmentScanner } from './segmentScanner.js';
import { textChunks } from './segments.js';
import { unreadableInterchange } from './unreadableInterchange.js';

export { X12_837P_VERSION } from './envelopes.js';

interface Transaction {
  readonly control: string;
  readonly place: string;
  segments: number;
  /** False for a transaction that is not an 837P: its segments are counted but not read. */
  readonly read: boolean;
}

/**
 * Reads X12 837P (005010X222A1) professional claims from text, in bounded memory: envelopes
 * (ISA/GS/ST … SE/GE/IEA, delimiters from ISA), hierarchical levels (billing provider 20,
 * subscriber 22, patient 23) and each claim's CLM (with the frequency CLM05-3), REF*F8, HI (at most
 * 12 codes), the NM1*82 / PRV*PE of loop 2310B, the NM1*DN of loop 2310A, SV1, DTP*472 and the line's NM1*DK /
 * NM1*DN of loops 2420E / 2420F segments, mapped into the claim model; the other payers' loops
 * (2320/2330, from the claim's SBR on) never change the claim's parties. Each claim comes out as
 * soon as it ends, with a locator from claim paths to segments. Problems are reported with their
 * place and reading goes on: `x12.envelope` for envelopes (a missing or mismatched trailer, an ST
 * outside a group, a group or transaction that is not 005010X222A1, whose claims are not read) and
 * `x12.segment` for a malformed or misplaced segment (an HL whose parent is not open above it, a
 * CLM, SV1 or DTP outside its level or claim, a number not in X12 form, a 13th diagnosis). An
 * interchange that cannot be read (an ISA whose fixed-width elements or separators are wrong, segments
 * that do not end with the terminator ISA declares) is reported as `x12.envelope` and skipped up to
 * the next ISA, and input that holds no interchange at all is reported too.
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
  ...['SV1', 'DTP', 'HI', 'NM1', 'PRV', 'REF', 'DMG', 'SBR'].map((id) => [id, 'claim-detail'] as [string, SegmentRole]),
]);

/** The reader's place in the interchange; completed entries go to `out` until the caller drains them. */
class ReaderState {
  private transaction: Transaction | undefined;
  private builder: ClaimBuilder | undefined;
  /** True while the segments of a claim that could not be placed go by (until the next HL, CLM or trailer). */
  private discarding = false;
  /** True while a run of segments outside any transaction goes by, once the first is reported. */
  private strayRun = false;
  private parties: ClaimParties = emptyParties();
  private levels: OpenLevels = {};
  private entity = '';
  private out: ClaimEntry[] = [];
  /** Interchanges begun so far (an unreadable ISA counts). */
  private interchanges = 0;
  /** What begins the places of this interchange: nothing in the first, `interchange 2 (ISA 000000002), ` after. */
  private placePrefix = '';
  private readonly envelopes = new Envelopes((entry) => this.emit(entry));

  end(): void {
    this.closeTransaction();
    this.envelopes.end();
  }

  drain(): ClaimEntry[] {
    const done = this.out;
    this.out = [];
    return done;
  }

  take(segment: SegmentCursor): void {
    const role = SEGMENT_ROLES.get(segment.id);
    if (this.transaction !== undefined) {
      this.transaction.segments++;
      if (!this.transaction.read && role !== 'transaction-start' && role !== 'transaction-end' && role !== 'envelope') return;
    } else if (role === undefined ? isSegmentId(segment.id) && segment.id !== 'TA1' : role !== 'transaction-start' && role !== 'transaction-end' && role !== 'envelope') {
      // One report per run of stray segments (a missing ST would otherwise give one per segment).
      if (this.strayRun) return;
      this.strayRun = true;
      return this.problem(segment, `${segment.id} outside a transaction, with any segments after it up to the next ST or envelope segment: only the envelope (ISA, TA1, GS, GE, IEA) may stand outside ST … SE`);
    }
    if (role === 'transaction-start' || role === 'envelope') this.strayRun = false;
    if (role === 'claim-detail' && this.builder !== undefined) return this.builder.add(segment);
    if (role === undefined) return this.other(segment);
    // A switch rather than ts-pattern here: this runs for every segment, and the `never` check keeps it exhaustive.
    switch (role) {
      case 'transaction-start': return this.startTransaction(segment);
      case 'transaction-end': return this.endTransaction(segment);
      case 'hierarchy': return this.hierarchy(segment);
      case 'claim': return this.startClaim(segment);
      case 'envelope': return this.envelope(segment);
      case 'claim-detail': return this.outsideClaim(segment);
      default: return unreachable(role);
    }
  }

  /** Hands an entry out, its place naming the interchange after the first (segment positions count from each ISA). */
  private emit(entry: ClaimEntry): void {
    this.out.push(this.placePrefix === '' ? entry : { ...entry, place: `${this.placePrefix}${entry.place}` });
  }

  /** Ends what the interchange before left open, reported in its places, and begins the next. */
  private beginInterchange(control: string): void {
    this.closeTransaction();
    this.envelopes.end();
    this.interchanges++;
    if (this.interchanges > 1) this.placePrefix = `interchange ${this.interchanges}${control === '' ? '' : ` (ISA ${control})`}, `;
  }

  private other(segment: SegmentCursor): void {
    const id = segment.id;
    if (id === 'ISA?') {
      // A new interchange begins here: what the one before left open is reported as such.
      this.beginInterchange('');
      this.emit(unreadableInterchange(segment));
      return;
    }
    if (id === 'SEG?') {
      // The interchange is skipped from here: the missing trailers that follow from it are not separate faults.
      this.flush();
      this.transaction = undefined;
      this.envelopes.abandon();
      this.emit(unreadableInterchange(segment));
      return;
    }
    if (!isSegmentId(id)) return this.problem(segment, `'${id.slice(0, 10)}' is not a segment id`, 'x12.segment');
  }

  private problem(segment: SegmentCursor, message: string, code: X12IssueCode = 'x12.envelope'): void {
    this.emit({ ...segmentProblem(segment, message, code), envelope: true });
  }

  private startClaim(segment: SegmentCursor): void {
    this.flush();
    const level = this.levels.current;
    if (this.transaction !== undefined && level !== undefined && (level.code === '22' || level.code === '23') && level.rejected === 0) {
      this.builder = new ClaimBuilder(segment, this.parties, this.transaction.place);
      return;
    }
    const why = level !== undefined && level.rejected > 0 ? `: the HL at segment ${level.rejected} was rejected` : '';
    this.emit(segmentProblem(segment, `CLM outside a subscriber or patient level${why}`, 'x12.segment'));
    this.discarding = true;
  }

  private envelope(segment: SegmentCursor): void {
    if (segment.id === 'ISA') this.beginInterchange(segment.element(13).trim());
    else this.closeTransaction();
    this.envelopes.take(segment);
  }

  private closeTransaction(): void {
    this.flush();
    if (this.transaction !== undefined) this.emit({ place: this.transaction.place, envelope: true, issues: [envelopeIssue(`transaction ${this.transaction.control} has no SE trailer`)] });
    this.transaction = undefined;
  }

  private startTransaction(segment: SegmentCursor): void {
    this.closeTransaction();
    const control = segment.element(2);
    const version = this.envelopes.transaction(segment);
    const checked = checkTransaction(segment.element(1), segment.element(3), version);
    if (checked.problem !== undefined) this.problem(segment, checked.problem);
    this.transaction = { control, place: `ST ${control} (segment ${segment.position})`, segments: 1, read: checked.read };
    this.parties = emptyParties();
    this.levels = {};
  }

  private endTransaction(segment: SegmentCursor): void {
    this.flush();
    const open = this.transaction;
    this.transaction = undefined;
    if (open === undefined) return this.problem(segment, 'SE without ST');
    const count = segment.element(1);
    const control = segment.element(2);
    if (Number(count) !== open.segments || control !== open.control) {
      this.emit({ place: open.place, envelope: true, issues: [{ ...envelopeIssue(`SE says ${count} segments, control ${control}; ST ${open.control} has ${open.segments}`), source: `X12 SE (segment ${segment.position})` }] });
    }
  }

  private hierarchy(segment: SegmentCursor): void {
    this.flush();
    const placed = placeLevel(this.levels, { id: segment.element(1), parent: segment.element(2), code: segment.element(3), position: segment.position });
    this.levels = placed.open;
    if (placed.problem !== undefined) this.problem(segment, placed.problem, 'x12.segment');
    const code = placed.open.current?.code;
    if (code === '20') this.parties = emptyParties();
    else if (code === '22') this.parties = subscriberParties(this.parties);
    else if (code === '23') this.parties = patientParties(this.parties);
  }

  /** A claim segment with no claim open: a party segment of the HL loops, or a stray line or date. */
  private outsideClaim(segment: SegmentCursor): void {
    if (this.discarding) return;
    if (segment.id === 'SV1' || segment.id === 'DTP') return this.problem(segment, `${segment.id} outside a claim: no CLM opened one in this HL level`, 'x12.segment');
    this.entity = readPartySegment(this.parties, segment, this.entity);
  }

  private flush(): void {
    this.discarding = false;
    if (this.builder === undefined) return;
    this.emit(this.builder.finish());
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
