import { compactToIsoDate } from '../calendarDay.js';
import type { ClaimParties } from './claimParties.js';
import type { SegmentCursor } from './segmentCursor.js';

/**
 * Reads a party segment above the claim into the parties it belongs to: NM1*85 (billing provider
 * NPI), PRV*BI (its taxonomy), REF*EI / REF*SY after NM1*85 (its tax id), NM1*PR (the payer id)
 * and the DMG after NM1*IL or NM1*QC (the patient's birth date and sex). Other segments are skipped.
 *
 * @param parties - the parties of the current level, filled in place (a new HL level starts new ones)
 * @param segment - the segment under the cursor
 * @param entity - the entity of the last NM1 read (`85`, `IL`, `QC`, `PR`, …)
 * @returns the entity in force after this segment
 * @example
 * ```ts
 * entity = readPartySegment(parties, segment, entity);
 * ```
 */
export function readPartySegment(parties: ClaimParties, segment: SegmentCursor, entity: string): string {
  const id = segment.id;
  if (id === 'NM1') {
    const next = segment.element(1);
    if (next === '85') billing(parties, segment, 'npi', 9);
    else if (next === 'PR') (parties.payerId = segment.element(9), (parties.subscriberSources.payer = segment.position));
    return next;
  }
  if (id === 'PRV' && segment.is(1, 'BI')) billing(parties, segment, 'taxonomy', 3);
  else if (id === 'REF' && entity === '85' && (segment.is(1, 'EI') || segment.is(1, 'SY'))) billing(parties, segment, 'taxId', 2);
  else if (id === 'DMG' && (entity === 'IL' || entity === 'QC')) demographics(parties, segment);
  return entity;
}

function billing(parties: ClaimParties, segment: SegmentCursor, field: 'npi' | 'taxonomy' | 'taxId', element: number): void {
  parties.billingProvider[field] = segment.element(element);
  const sources = parties.billingSources;
  if (field === 'npi') sources.nm1 = segment.position;
  else if (field === 'taxonomy') sources.prv = segment.position;
  else sources.ref = segment.position;
}

function demographics(parties: ClaimParties, segment: SegmentCursor): void {
  const birth = segment.element(2);
  const sex = segment.element(3);
  parties.patient['birthDate'] = compactToIsoDate(birth) ?? birth;
  if (sex !== '') parties.patient['sex'] = sex;
  parties.subscriberSources.dmg = segment.position;
}
