import { errorIssue, type IssuePath } from '../../core/issue.js';
import type { ClaimEntry, SegmentLocation } from '../batch/claimEntry.js';
import { compactToIsoDate } from '../calendarDay.js';
import type { ClaimIssue } from '../claimIssue.js';
import { amountAt, componentEnd, numberAt } from './elementValues.js';
import { partyLocation, snapshotParties, type ClaimParties } from './claimParties.js';
import { HiDiagnoses } from './hiDiagnoses.js';
import { ReferralProviders } from './referralProviders.js';
import type { SegmentCursor } from './segmentCursor.js';
import { diagnosisPointers, procedureModifiers } from './sv1Composites.js';

type Line = Record<string, unknown> & { diagnosisPointers: number[] };

/** Which SV1 element each line field comes from (DTP*472 element 3 gives the dates). */
const LINE_ELEMENTS: Readonly<Record<string, number>> = { procedure: 1, modifiers: 1, chargeCents: 2, units: 4, unitBasis: 3, placeOfService: 5, diagnosisPointers: 7 };
const CLAIM_ELEMENTS: Readonly<Record<string, number>> = { id: 1, totalChargeCents: 2, placeOfService: 5, frequency: 5 };

/**
 * Builds one claim of the claim model from the segments of an 837P loop 2300 and its 2400 lines,
 * reading each segment as it passes and keeping only segment positions, so that any issue path
 * can be traced back to its segment and element.
 *
 * @example
 * ```ts
 * const builder = new ClaimBuilder(clmCursor, parties, 'ST 0001');
 * builder.add(sv1Cursor);
 * const entry = builder.finish();
 * ```
 */
export class ClaimBuilder {
  private readonly id: string;
  private readonly total: string;
  private readonly place: string;
  /** CLM05-3, the claim frequency type code; undefined when CLM05 has no third component. */
  private readonly frequency: string | undefined;
  private readonly clmPosition: number;
  private readonly diagnoses = new HiDiagnoses();
  private readonly lines: Line[] = [];
  /** Per line: its SV1 position and its DTP*472 position (0 when none), interleaved. */
  private readonly lineSources: number[] = [];
  private readonly issues: ClaimIssue[] = [];
  private rendering: { provider: Record<string, string>; nm1: number; prv: number } | undefined;
  /** The referring provider of loop 2310A and the ordering and referring providers of loops 2420E/F. */
  private readonly referrals = new ReferralProviders();
  /** REF*F8 of loop 2300: the payer claim control number of the claim replaced or voided, and its segment. */
  private originalReference: { id: string; ref: number } | undefined;
  /** True once loop 2320 (other subscriber, SBR) has begun: its 2330 NM1 segments are other payers' parties. */
  private otherPayers = false;

  /**
   * @param clm - the cursor on the CLM segment that opens the claim
   * @param parties - billing provider, patient and payer from the enclosing loops
   * @param transaction - the transaction's place, for messages
   */
  private readonly parties: ClaimParties;

  constructor(clm: SegmentCursor, parties: ClaimParties, private readonly transaction: string) {
    // A copy as the claim starts: segments read later (even out of order) never change a claim already begun.
    this.parties = snapshotParties(parties);
    this.id = clm.element(1);
    this.total = clm.element(2);
    const from = clm.start(5);
    this.place = clm.count > 5 ? clm.text.slice(from, componentEnd(clm, 5, from)) : '';
    this.frequency = clm.count > 5 ? frequencyOf(clm, from) : undefined;
    this.clmPosition = clm.position;
  }

  /**
   * Adds a segment of the claim's loops (HI, NM1, PRV, REF*F8, SBR, SV1, DTP*472; others are ignored).
   * Only the NM1*82 and PRV*PE of loop 2310B, the NM1*DN of loop 2310A and the REF*F8 of loop 2300,
   * before any SBR (loop 2320) and any line, give the rendering and referring providers and the
   * original claim's reference: loop 2330B's REF*F8 is another payer's control number, and loop
   * 2330C's NM1*DN another payer's referring provider. After a line, NM1*DK (loop 2420E) and NM1*DN
   * (loop 2420F) give that line's ordering and referring providers.
   */
  add(segment: SegmentCursor): void {
    const id = segment.id;
    if (id === 'SV1') this.addLine(segment);
    else if (id === 'DTP') {
      if (segment.is(1, '472')) this.addServiceDate(segment);
    } else if (id === 'HI') this.diagnoses.add(segment, this.issues);
    else if (id === 'SBR') this.otherPayers = true;
    else if (id === 'REF') {
      if (segment.is(1, 'F8') && this.lines.length === 0 && !this.otherPayers) this.addOriginalReference(segment);
    }
    else if (id === 'NM1' || id === 'PRV') this.addProvider(segment);
  }

  /** The claim read, with its place and a locator from issue paths to segments. */
  finish(): ClaimEntry {
    const claim: Record<string, unknown> = {
      id: this.id,
      billingProvider: this.parties.billingProvider,
      patient: this.parties.patient,
      payer: { id: this.parties.payerId ?? '' },
      placeOfService: this.place,
      diagnoses: this.diagnoses.codes,
      lines: this.lines,
      totalChargeCents: this.cents(this.total, 0, this.total.length, 'CLM', this.clmPosition, 2, ['totalChargeCents']),
    };
    if (this.rendering !== undefined) claim['renderingProvider'] = this.rendering.provider;
    if (this.referrals.referring !== undefined) claim['referringProvider'] = this.referrals.referring;
    if (this.frequency !== undefined) claim['frequency'] = this.frequency;
    if (this.originalReference !== undefined) claim['originalClaimId'] = this.originalReference.id;
    return { claim, place: `${this.transaction}, CLM ${this.id} (segment ${this.clmPosition})`, issues: this.issues, locate: this.locate.bind(this) };
  }

  private addProvider(segment: SegmentCursor): void {
    const claimLevel = this.lines.length === 0 && !this.otherPayers;
    if (segment.id === 'NM1' && (claimLevel || this.lines.length > 0) && this.referrals.add(segment, this.lines, this.issues)) return;
    if (claimLevel) this.addRendering(segment);
  }

  private addRendering(segment: SegmentCursor): void {
    if (segment.id === 'NM1' && segment.is(1, '82')) {
      this.rendering = { provider: { npi: segment.is(8, 'XX') ? segment.element(9) : '' }, nm1: segment.position, prv: 0 };
    } else if (segment.id === 'PRV' && segment.is(1, 'PE') && this.rendering !== undefined) {
      this.rendering.provider['taxonomy'] = segment.element(3);
      this.rendering.prv = segment.position;
    }
  }

  private addOriginalReference(segment: SegmentCursor): void {
    if (this.originalReference !== undefined) {
      return this.segmentIssue(segment, ['originalClaimId'], `a second REF*F8 in loop 2300 (the first, at segment ${this.originalReference.ref}, is kept): a claim replaces or voids one claim`, 1);
    }
    this.originalReference = { id: segment.element(2), ref: segment.position };
  }

  private locate(path: IssuePath): SegmentLocation | undefined {
    const [head, index, field] = path;
    const referral = this.referrals.locate(path);
    if (referral !== undefined) return referral;
    if (head === 'lines' && typeof index === 'number') {
      const sv1 = this.lineSources[2 * index];
      if (sv1 === undefined) return at('CLM', this.clmPosition);
      const dtp = this.lineSources[2 * index + 1] ?? 0;
      if ((field === 'serviceDate' || field === 'serviceDateTo') && dtp > 0) return at('DTP', dtp, 3);
      return at('SV1', sv1, typeof field === 'string' ? LINE_ELEMENTS[field] : undefined);
    }
    if (head === 'diagnoses') return this.diagnoses.locate(index) ?? at('CLM', this.clmPosition);
    if (head === 'renderingProvider' && this.rendering !== undefined) {
      return index === 'taxonomy' && this.rendering.prv > 0 ? at('PRV', this.rendering.prv, 3) : at('NM1', this.rendering.nm1, 9);
    }
    if (head === 'originalClaimId') return this.originalReference !== undefined ? at('REF', this.originalReference.ref, 2) : at('CLM', this.clmPosition);
    const party = partyLocation(this.parties, head, index);
    if (party !== undefined) return party;
    return at('CLM', this.clmPosition, typeof head === 'string' ? CLAIM_ELEMENTS[head] : undefined);
  }

  private addLine(segment: SegmentCursor): void {
    const text = segment.text;
    const index = this.lines.length;
    const from = segment.start(1);
    const cut = componentEnd(segment, 1, from);
    if (!(cut - from === 2 && text.startsWith('HC', from))) this.segmentIssue(segment, ['lines', index, 'procedure'], `SV101 qualifier ${text.slice(from, cut)} is not HC (HCPCS/CPT)`, 1);
    const end = segment.end(1);
    const procedureEnd = cut < end ? componentEnd(segment, 1, cut + 1) : cut;
    const line: Line = {
      procedure: cut < end ? text.slice(cut + 1, procedureEnd) : '',
      modifiers: procedureModifiers(segment, procedureEnd),
      units: this.units(segment, index),
      chargeCents: this.cents(text, segment.start(2), segment.count > 2 ? segment.end(2) : segment.start(2), 'SV1', segment.position, 2, ['lines', index, 'chargeCents']),
      serviceDate: '',
      diagnosisPointers: this.pointers(segment, index),
    };
    if (segment.count > 3 && segment.start(3) < segment.end(3)) line['unitBasis'] = segment.element(3);
    if (segment.count > 5 && segment.start(5) < segment.end(5)) line['placeOfService'] = segment.element(5);
    this.lines.push(line);
    this.lineSources.push(segment.position, 0);
  }

  private addServiceDate(segment: SegmentCursor): void {
    const line = this.lines[this.lines.length - 1];
    if (line === undefined) return this.segmentIssue(segment, [], 'DTP*472 before any SV1 line');
    const value = segment.element(3);
    const range = segment.is(2, 'RD8');
    const dash = range ? value.indexOf('-') : -1;
    const path = ['lines', this.lines.length - 1, 'serviceDate'];
    if (!range && !segment.is(2, 'D8')) this.segmentIssue(segment, path, `DTP02 '${segment.element(2)}' is neither D8 (a date) nor RD8 (a range of dates)`, 2);
    else if (range && dash < 0) this.segmentIssue(segment, path, `DTP03 '${value}' is one date, but DTP02 RD8 says a range CCYYMMDD-CCYYMMDD (a single date is D8)`, 3);
    else if (!range && value.includes('-')) this.segmentIssue(segment, path, `DTP03 '${value}' is a range, but DTP02 D8 says one date CCYYMMDD (a range is RD8)`, 3);
    const from = dash < 0 ? value : value.slice(0, dash);
    line.serviceDate = compactToIsoDate(from) ?? from;
    if (dash >= 0 && value.slice(dash + 1) !== from) line['serviceDateTo'] = compactToIsoDate(value.slice(dash + 1)) ?? value.slice(dash + 1);
    this.lineSources[this.lineSources.length - 1] = segment.position;
  }

  private units(segment: SegmentCursor, index: number): number {
    const units = numberAt(segment.text, segment.start(4), segment.end(4));
    if (units !== undefined) return units;
    const written = segment.element(4);
    this.segmentIssue(segment, ['lines', index, 'units'], written === '' ? 'SV104 (service units) is missing' : `SV104 '${written}' is not a number of units: ${X12_NUMBER}`, 4);
    return Number.NaN;
  }

  private pointers(segment: SegmentCursor, index: number): number[] {
    const pointers = diagnosisPointers(segment);
    if (pointers !== undefined) return pointers;
    this.segmentIssue(segment, ['lines', index, 'diagnosisPointers'], `SV107 '${segment.element(7)}' is not a list of diagnosis pointers: whole numbers 1 to 12 separated by '${segment.delimiters.component}'`, 7);
    return [];
  }

  private cents(text: string, from: number, to: number, id: string, position: number, element: number, path: IssuePath): number {
    const amount = amountAt(text, from, to);
    if (amount !== undefined) return amount;
    const message = `${id}${String(element).padStart(2, '0')} '${text.slice(from, to)}' is not an amount: ${X12_NUMBER}, in whole cents`;
    this.issues.push({ ...errorIssue('x12.segment', path, message), source: `X12 ${id} (segment ${position}, element ${element})` });
    return Number.NaN;
  }

  private segmentIssue(segment: SegmentCursor, path: IssuePath, message: string, element?: number): void {
    const where = element === undefined ? '' : `, element ${element}`;
    this.issues.push({ ...errorIssue('x12.segment', path, message), source: `X12 ${segment.id} (segment ${segment.position}${where})` });
  }
}

/** How X12 writes a number (data type R), for messages. */
const X12_NUMBER = 'X12 numbers are digits with an optional leading minus and decimal point (1250.5), without spaces, $ or commas';

/** CLM05-3 (facility code : B : frequency), or undefined when the composite has no third component or it is empty. */
function frequencyOf(clm: SegmentCursor, from: number): string | undefined {
  const end = clm.end(5);
  const first = componentEnd(clm, 5, from);
  if (first >= end) return undefined;
  const second = componentEnd(clm, 5, first + 1);
  if (second >= end) return undefined;
  const third = componentEnd(clm, 5, second + 1);
  return third > second + 1 ? clm.text.slice(second + 1, third) : undefined;
}

function at(segment: string, position: number, element?: number): SegmentLocation {
  return element === undefined ? { segment, position } : { segment, position, element };
}
