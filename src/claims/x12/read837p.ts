import { errorIssue } from '../../core/issue.js';
import type { ClaimEntry, TextSource } from '../batch/claimEntry.js';
import { compactToIsoDate } from '../calendarDay.js';
import { ClaimBuilder, type ClaimParties, type FieldSource } from './claimBuilder.js';
import { SegmentSplitter, textChunks, type X12Segment } from './segments.js';

/** The implementation guide this reader follows. */
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
  const splitter = new SegmentSplitter();
  for await (const chunk of textChunks(source)) {
    for (const entry of state.takeAll(splitter.push(chunk))) yield entry;
  }
  for (const entry of [...state.takeAll(splitter.end()), ...state.end()]) yield entry;
}

/** The reader's place in the interchange; completed entries go to `out` until the caller takes them. */
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

class ReaderState {
  private transaction: Transaction | undefined;
  private builder: ClaimBuilder | undefined;
  private parties: ClaimParties = emptyParties();
  private level = '';
  private entity = '';
  private out: ClaimEntry[] = [];
  private group: { control: string; transactions: number } | undefined;
  private interchange: { control: string; groups: number } | undefined;

  takeAll(segments: readonly X12Segment[]): ClaimEntry[] {
    for (const segment of segments) this.take(segment);
    return this.drain();
  }

  end(): ClaimEntry[] {
    this.closeTransaction();
    return this.drain();
  }

  private drain(): ClaimEntry[] {
    const done = this.out;
    this.out = [];
    return done;
  }

  private take(segment: X12Segment): void {
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

  private other(segment: X12Segment): void {
    const id = segment.id;
    if (id === 'ISA?') return this.problem(segment, 'the input does not start with an ISA interchange header');
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) return this.problem(segment, `'${id.slice(0, 10)}' is not a segment id`, 'x12.segment');
    if (this.builder !== undefined) this.builder.add(segment);
  }

  private problem(segment: X12Segment, message: string, code: 'x12.envelope' | 'x12.segment' = 'x12.envelope'): void {
    this.out.push(envelopeProblem(segment, message, code));
  }

  private startClaim(segment: X12Segment): void {
    this.flush();
    if (this.transaction === undefined || (this.level !== '22' && this.level !== '23')) return this.problem(segment, 'CLM outside a subscriber or patient level', 'x12.segment');
    this.builder = new ClaimBuilder(segment, this.parties, this.transaction.place);
  }

  private envelope(segment: X12Segment): void {
    this.closeTransaction();
    const [id, first = '', , , , , control = ''] = segment.elements;
    if (id === 'ISA') this.interchange = { control: segment.elements[13] ?? '', groups: 0 };
    else if (id === 'GS') {
      this.group = { control, transactions: 0 };
      if (this.interchange !== undefined) this.interchange.groups++;
    } else if (id === 'GE') this.closeEnvelope(segment, this.group, first, segment.elements[2] ?? '', (g) => g.transactions, 'GS');
    else this.closeEnvelope(segment, this.interchange, first, segment.elements[2] ?? '', (i) => i.groups, 'ISA');
    if (id === 'GE') this.group = undefined;
    if (id === 'IEA') this.interchange = undefined;
  }

  private closeEnvelope<T extends { control: string }>(segment: X12Segment, open: T | undefined, count: string, control: string, counted: (o: T) => number, opener: string): void {
    if (open === undefined) return this.problem(segment, `${segment.id} without ${opener}`);
    if (Number(count) !== counted(open) || control.trim() !== open.control.trim()) {
      this.problem(segment, `${segment.id} says ${count} with control ${control}; ${opener} ${open.control} has ${counted(open)}`);
    }
  }

  private closeTransaction(): void {
    this.flush();
    if (this.transaction !== undefined) this.out.push({ place: this.transaction.place, issues: [envelopeIssue(`transaction ${this.transaction.control} has no SE trailer`)] });
    this.transaction = undefined;
  }

  private startTransaction(segment: X12Segment): void {
    this.closeTransaction();
    const control = segment.element(2);
    this.transaction = { control, place: `ST ${control} (segment ${segment.position})`, segments: 1 };
    if (this.group !== undefined) this.group.transactions++;
    this.parties = emptyParties();
    this.level = '';
    if (segment.element(1) !== '837') this.problem(segment, `transaction set ${segment.element(1)} is not an 837`);
  }

  private endTransaction(segment: X12Segment): void {
    this.flush();
    const open = this.transaction;
    this.transaction = undefined;
    if (open === undefined) return this.problem(segment, 'SE without ST');
    const count = segment.element(1);
    const control = segment.element(2);
    if (Number(count) !== open.segments || control !== open.control) {
      this.out.push({ place: open.place, issues: [{ ...envelopeIssue(`SE says ${count} segments, control ${control}; ST ${open.control} has ${open.segments}`), source: `X12 SE (segment ${segment.position})` }] });
    }
  }

  private hierarchy(segment: X12Segment): void {
    this.flush();
    const code = segment.element(3);
    if (code === '20') this.parties = emptyParties();
    else if (code === '22') this.parties = subscriberParties(this.parties);
    else if (code === '23') this.parties = { ...this.parties, patient: {}, subscriberSources: withoutPatient(this.parties.subscriberSources) };
    else return this.problem(segment, `HL level ${code} is not 20, 22 or 23`, 'x12.segment');
    this.level = code;
  }

  private party(segment: X12Segment): void {
    const id = segment.id;
    if (id !== 'NM1' && id !== 'PRV' && id !== 'REF' && id !== 'DMG') return;
    const qualifier = segment.element(1);
    const at = (key: string, element: number): void => {
      (key.startsWith('billingProvider') ? this.parties.billingSources : this.parties.subscriberSources)[key] = [segment, element];
    };
    if (id === 'NM1') {
      this.entity = qualifier;
      if (qualifier === '85') (this.parties.billingProvider['npi'] = segment.element(9), at('billingProvider/npi', 9), at('billingProvider', 1));
      if (qualifier === 'PR') (this.parties.payerId = segment.element(9), at('payer/id', 9), at('payer', 1));
    } else if (id === 'PRV' && qualifier === 'BI') (this.parties.billingProvider['taxonomy'] = segment.element(3), at('billingProvider/taxonomy', 3));
    else if (id === 'REF' && this.entity === '85' && (qualifier === 'EI' || qualifier === 'SY')) (this.parties.billingProvider['taxId'] = segment.element(2), at('billingProvider/taxId', 2));
    else if (id === 'DMG' && (this.entity === 'IL' || this.entity === 'QC')) this.demographics(segment, at);
  }

  private demographics(segment: X12Segment, at: (key: string, element: number) => void): void {
    const birth = segment.element(2);
    const sex = segment.element(3);
    const patient = this.parties.patient;
    patient['birthDate'] = compactToIsoDate(birth) ?? birth;
    if (sex !== '') patient['sex'] = sex;
    at('patient', 2);
    at('patient/birthDate', 2);
    at('patient/sex', 3);
  }

  private flush(): void {
    if (this.builder === undefined) return;
    this.out.push(this.builder.finish());
    this.builder = undefined;
  }
}

function unreachable(role: never): never {
  throw new Error(`unhandled segment role ${String(role)}`);
}

function emptyParties(): ClaimParties {
  return { billingProvider: {}, patient: {}, billingSources: {}, subscriberSources: {} };
}

function subscriberParties(parties: ClaimParties): ClaimParties {
  return { billingProvider: parties.billingProvider, patient: {}, billingSources: parties.billingSources, subscriberSources: {} };
}

function withoutPatient(sources: Readonly<Record<string, FieldSource>>): Record<string, FieldSource> {
  const kept: Record<string, FieldSource> = {};
  for (const [key, source] of Object.entries(sources)) if (!key.startsWith('patient')) kept[key] = source;
  return kept;
}

function envelopeIssue(message: string, code: 'x12.envelope' | 'x12.segment' = 'x12.envelope'): ReturnType<typeof errorIssue> {
  return errorIssue(code, [], message);
}

function envelopeProblem(segment: X12Segment, message: string, code: 'x12.envelope' | 'x12.segment' = 'x12.envelope'): ClaimEntry {
  return { place: `segment ${segment.position}`, issues: [{ ...envelopeIssue(message, code), source: `X12 ${segment.id.slice(0, 3)} (segment ${segment.position})` }] };
}
