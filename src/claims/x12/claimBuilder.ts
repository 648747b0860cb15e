import { errorIssue, type IssuePath } from '../../core/issue.js';
import { parseDollars } from '../../core/money.js';
import type { ClaimEntry, SegmentLocation } from '../batch/claimEntry.js';
import { compactToIsoDate } from '../calendarDay.js';
import type { ClaimIssue } from '../claimIssue.js';
import type { X12Segment } from './segments.js';

/** A field's segment and element, kept as references until an issue asks where it came from. */
export type FieldSource = readonly [segment: X12Segment, element: number];

/**
 * The parties a claim inherits from the HL loops above it, and the segments they came from. A new
 * HL level starts new objects, so claims may share them: nothing changes them once a claim starts.
 */
export interface ClaimParties {
  readonly billingProvider: Record<string, string>;
  readonly patient: Record<string, string>;
  payerId?: string;
  /** Billing provider sources by claim path (`billingProvider/npi`, …), from HL 20. */
  readonly billingSources: Record<string, FieldSource>;
  /** Subscriber and patient sources by claim path (`payer/id`, `patient/birthDate`, …), from HL 22 and 23. */
  readonly subscriberSources: Record<string, FieldSource>;
}

type Line = Record<string, unknown> & { diagnosisPointers: number[] };

/** Which SV1 element each line field comes from (DTP*472 element 3 gives the dates). */
const LINE_ELEMENTS: Readonly<Record<string, number>> = { procedure: 1, modifiers: 1, chargeCents: 2, units: 4, placeOfService: 5, diagnosisPointers: 7 };
const CLAIM_ELEMENTS: Readonly<Record<string, number>> = { id: 1, totalChargeCents: 2, placeOfService: 5 };

/**
 * Builds one claim of the claim model from the segments of an 837P loop 2300 and its 2400 lines,
 * keeping references to the segments so that any issue path can be traced back to its segment.
 *
 * @example
 * ```ts
 * const builder = new ClaimBuilder(clmSegment, parties, 'ST 0001');
 * builder.add(sv1Segment);
 * const entry = builder.finish();
 * ```
 */
export class ClaimBuilder {
  private readonly diagnoses: string[] = [];
  private readonly diagnosisSources: FieldSource[] = [];
  private readonly lines: Line[] = [];
  private readonly lineSegments: { sv1: X12Segment; dtp?: X12Segment }[] = [];
  private readonly issues: ClaimIssue[] = [];
  private rendering: { provider: Record<string, string>; nm1: X12Segment; prv?: X12Segment } | undefined;

  /**
   * @param clm - the CLM segment that opens the claim
   * @param parties - billing provider, patient and payer from the enclosing loops
   * @param transaction - the transaction's place, for messages
   */
  constructor(private readonly clm: X12Segment, private readonly parties: ClaimParties, private readonly transaction: string) {}

  /** Adds a segment of the claim's loops (HI, NM1, PRV, SV1, DTP*472; others are ignored). */
  add(segment: X12Segment): void {
    const id = segment.id;
    if (id === 'SV1') this.addLine(segment);
    else if (id === 'DTP') {
      if (segment.element(1) === '472') this.addServiceDate(segment);
    } else if (id === 'HI') this.addDiagnoses(segment);
    else if ((id === 'NM1' || id === 'PRV') && this.lines.length === 0) this.addRendering(segment);
  }

  private addRendering(segment: X12Segment): void {
    const qualifier = segment.element(1);
    if (segment.id === 'NM1' && qualifier === '82') this.rendering = { provider: { npi: segment.element(8) === 'XX' ? segment.element(9) : '' }, nm1: segment };
    else if (segment.id === 'PRV' && qualifier === 'PE' && this.rendering !== undefined) {
      this.rendering.provider['taxonomy'] = segment.element(3);
      this.rendering.prv = segment;
    }
  }

  /** The claim read, with its place and a locator from issue paths to segments. */
  finish(): ClaimEntry {
    const id = this.clm.element(1);
    const total = this.clm.element(2);
    const place = this.clm.element(5);
    const claim: Record<string, unknown> = {
      id,
      billingProvider: this.parties.billingProvider,
      patient: this.parties.patient,
      payer: { id: this.parties.payerId ?? '' },
      placeOfService: place.split(this.clm.delimiters.component)[0] ?? '',
      diagnoses: this.diagnoses,
      lines: this.lines,
      totalChargeCents: this.cents(total, this.clm, 2, ['totalChargeCents']),
    };
    if (this.rendering !== undefined) claim['renderingProvider'] = this.rendering.provider;
    return { claim, place: `${this.transaction}, CLM ${id} (segment ${this.clm.position})`, issues: this.issues, locate: (path) => this.locate(path) };
  }

  private locate(path: IssuePath): SegmentLocation | undefined {
    const [head, index, field] = path;
    if (head === 'lines' && typeof index === 'number') {
      const segments = this.lineSegments[index];
      if (segments === undefined) return at(this.clm);
      if ((field === 'serviceDate' || field === 'serviceDateTo') && segments.dtp !== undefined) return at(segments.dtp, 3);
      return at(segments.sv1, typeof field === 'string' ? LINE_ELEMENTS[field] : undefined);
    }
    if (head === 'diagnoses') {
      const source = typeof index === 'number' ? this.diagnosisSources[index] : undefined;
      return source === undefined ? at(this.clm) : at(source[0], source[1]);
    }
    if (head === 'renderingProvider' && this.rendering !== undefined) {
      return index === 'taxonomy' && this.rendering.prv !== undefined ? at(this.rendering.prv, 3) : at(this.rendering.nm1, 9);
    }
    const sources = head === 'billingProvider' ? this.parties.billingSources : this.parties.subscriberSources;
    const party = typeof head === 'string' ? (sources[`${head}/${String(index)}`] ?? sources[head]) : undefined;
    if (party !== undefined) return at(party[0], party[1]);
    return at(this.clm, typeof head === 'string' ? CLAIM_ELEMENTS[head] : undefined);
  }

  private addDiagnoses(segment: X12Segment): void {
    const component = segment.delimiters.component;
    for (let k = 1; k < segment.elements.length; k++) {
      const composite = segment.elements[k] ?? '';
      if (composite === '') continue;
      const cut = composite.indexOf(component);
      const qualifier = cut < 0 ? composite : composite.slice(0, cut);
      if (qualifier !== 'ABK' && qualifier !== 'ABF') {
        // Other HI qualifiers carry anesthesia procedures (BP) or condition codes (BG), not diagnoses.
        if (qualifier === 'BK' || qualifier === 'BF') this.segmentIssue(segment, ['diagnoses'], `HI${String(k).padStart(2, '0')} is an ICD-9-CM diagnosis (${qualifier}); 837P claims since 2015-10-01 use ICD-10-CM (ABK/ABF)`);
        continue;
      }
      const end = composite.indexOf(component, cut + 1);
      this.diagnosisSources.push([segment, k]);
      this.diagnoses.push(composite.slice(cut + 1, end < 0 ? undefined : end));
    }
  }

  private addLine(segment: X12Segment): void {
    const e = segment.elements;
    const composite = e[1] ?? '';
    const charge = e[2] ?? '';
    const units = e[4] ?? '';
    const place = e[5] ?? '';
    const pointers = e[7] ?? '';
    const component = segment.delimiters.component;
    const parts = composite.split(component);
    const qualifier = parts[0] ?? '';
    const index = this.lines.length;
    if (qualifier !== 'HC') this.segmentIssue(segment, ['lines', index, 'procedure'], `SV101 qualifier ${qualifier} is not HC (HCPCS/CPT)`);
    const modifiers: string[] = [];
    for (let m = 2; m < parts.length; m++) if (parts[m] !== '') modifiers.push(parts[m] as string);
    const line: Line = {
      procedure: parts[1] ?? '',
      modifiers,
      units: units === '' ? Number.NaN : Number(units),
      chargeCents: this.cents(charge, segment, 2, ['lines', index, 'chargeCents']),
      serviceDate: '',
      diagnosisPointers: pointers === '' ? [] : pointers.split(component).map(Number),
    };
    if (place !== '') line['placeOfService'] = place;
    this.lines.push(line);
    this.lineSegments.push({ sv1: segment });
  }

  private addServiceDate(segment: X12Segment): void {
    const line = this.lines[this.lines.length - 1];
    const segments = this.lineSegments[this.lineSegments.length - 1];
    if (line === undefined || segments === undefined) return this.segmentIssue(segment, [], 'DTP*472 before any SV1 line');
    const format = segment.element(2);
    const value = segment.element(3);
    const dash = format === 'RD8' ? value.indexOf('-') : -1;
    const from = dash < 0 ? value : value.slice(0, dash);
    line.serviceDate = compactToIsoDate(from) ?? from;
    if (dash >= 0 && value.slice(dash + 1) !== from) line['serviceDateTo'] = compactToIsoDate(value.slice(dash + 1)) ?? value.slice(dash + 1);
    segments.dtp = segment;
  }

  private cents(text: string, segment: X12Segment, element: number, path: IssuePath): number {
    if (/^\d{1,13}$/.test(text)) return Number(text) * 100;
    const parsed = parseDollars(text);
    if (parsed.ok) return parsed.value;
    this.segmentIssue(segment, path, `${segment.id}${String(element).padStart(2, '0')} '${text}' is not an amount`);
    return Number.NaN;
  }

  private segmentIssue(segment: X12Segment, path: IssuePath, message: string): void {
    this.issues.push({ ...errorIssue('x12.segment', path, message), source: `X12 ${segment.id} (segment ${segment.position})` });
  }
}

function at(segment: X12Segment, element?: number): SegmentLocation {
  return element === undefined ? { segment: segment.id, position: segment.position } : { segment: segment.id, position: segment.position, element };
}
