import type { SegmentLocation } from '../batch/claimEntry.js';

/** The segments the billing provider was read from, by position in the interchange (0: none). */
export interface BillingSources {
  /** NM1*85: the provider (element 9, the NPI). */
  nm1: number;
  /** PRV*BI: the taxonomy (element 3). */
  prv: number;
  /** REF*EI or REF*SY: the tax id (element 2). */
  ref: number;
}

/** The segments the payer and patient were read from, by position in the interchange (0: none). */
export interface SubscriberSources {
  /** NM1*PR: the payer (element 9, its id). */
  payer: number;
  /** DMG of the subscriber or patient: birth date (element 2) and sex (element 3). */
  dmg: number;
}

/**
 * The parties a claim inherits from the HL loops above it, and where they came from. The reader keeps
 * filling one as segments pass; each claim takes a {@link snapshotParties} copy when it starts.
 */
export interface ClaimParties {
  readonly billingProvider: Record<string, string>;
  readonly patient: Record<string, string>;
  payerId?: string;
  /** From HL 20. */
  readonly billingSources: BillingSources;
  /** From HL 22 and 23. */
  readonly subscriberSources: SubscriberSources;
}

/**
 * A copy of the parties as they stand, sharing nothing that the reader changes later.
 *
 * @example
 * ```ts
 * const own = snapshotParties(parties); // parties.patient['sex'] = 'M' later leaves own.patient alone
 * ```
 */
export function snapshotParties(parties: ClaimParties): ClaimParties {
  const copy: ClaimParties = {
    billingProvider: { ...parties.billingProvider },
    patient: { ...parties.patient },
    billingSources: { ...parties.billingSources },
    subscriberSources: { ...parties.subscriberSources },
  };
  if (parties.payerId !== undefined) copy.payerId = parties.payerId;
  return copy;
}

/**
 * The parties at the start of a transaction or billing provider level (HL 20): nothing read yet.
 *
 * @example
 * ```ts
 * emptyParties().billingSources.nm1; // 0
 * ```
 */
export function emptyParties(): ClaimParties {
  return { billingProvider: {}, patient: {}, billingSources: { nm1: 0, prv: 0, ref: 0 }, subscriberSources: { payer: 0, dmg: 0 } };
}

/**
 * The parties at a new subscriber level (HL 22): the billing provider kept, payer and patient anew.
 *
 * @example
 * ```ts
 * subscriberParties(parties).patient; // {}
 * ```
 */
export function subscriberParties(parties: ClaimParties): ClaimParties {
  return { billingProvider: parties.billingProvider, patient: {}, billingSources: parties.billingSources, subscriberSources: { payer: 0, dmg: 0 } };
}

/**
 * The parties at a patient level (HL 23): the subscriber's payer kept, the patient anew.
 *
 * @example
 * ```ts
 * patientParties(parties).subscriberSources.dmg; // 0
 * ```
 */
export function patientParties(parties: ClaimParties): ClaimParties {
  return { ...parties, patient: {}, subscriberSources: { payer: parties.subscriberSources.payer, dmg: 0 } };
}

/**
 * The segment and element a billing provider, payer or patient field came from, if it was read.
 *
 * @param parties - the claim's parties
 * @param head - the first step of an issue path (`billingProvider`, `payer`, `patient`)
 * @param field - the second step (`npi`, `taxonomy`, `birthDate`, …)
 * @example
 * ```ts
 * partyLocation(parties, 'patient', 'sex'); // { segment: 'DMG', position: 9, element: 3 }
 * ```
 */
export function partyLocation(parties: ClaimParties, head: unknown, field: unknown): SegmentLocation | undefined {
  if (head === 'billingProvider') {
    const { nm1, prv, ref } = parties.billingSources;
    if (field === 'taxonomy' && prv > 0) return { segment: 'PRV', position: prv, element: 3 };
    if (field === 'taxId' && ref > 0) return { segment: 'REF', position: ref, element: 2 };
    return nm1 > 0 ? { segment: 'NM1', position: nm1, element: field === 'npi' ? 9 : 1 } : undefined;
  }
  const { payer, dmg } = parties.subscriberSources;
  if (head === 'payer' && payer > 0) return { segment: 'NM1', position: payer, element: field === 'id' ? 9 : 1 };
  if (head === 'patient' && dmg > 0) return { segment: 'DMG', position: dmg, element: field === 'sex' ? 3 : 2 };
  return undefined;
}
