/** A claim in the shape of the claim model, for writing test interchanges. */
export interface SampleClaim {
  readonly id: string;
  readonly billingProvider: { readonly npi: string; readonly taxId?: string; readonly taxonomy?: string };
  readonly renderingProvider?: { readonly npi: string; readonly taxonomy?: string };
  readonly referringProvider?: { readonly npi: string };
  readonly patient: { readonly birthDate?: string; readonly sex?: string };
  readonly payer: { readonly id: string };
  readonly placeOfService: string;
  readonly frequency?: string;
  readonly originalClaimId?: string;
  readonly diagnoses: readonly string[];
  readonly lines: readonly {
    readonly procedure: string;
    readonly modifiers?: readonly string[];
    readonly units: number;
    readonly unitBasis?: string;
    readonly chargeCents: number;
    readonly serviceDate: string;
    readonly serviceDateTo?: string;
    readonly diagnosisPointers: readonly number[];
    readonly placeOfService?: string;
    readonly orderingProvider?: { readonly npi: string };
    readonly referringProvider?: { readonly npi: string };
  }[];
  readonly totalChargeCents: number;
}

const compact = (date: string): string => date.replaceAll('-', '');
const dollars = (cents: number): string => (cents / 100).toFixed(2).replace(/\.00$/, '');

/** An ISA header of the fixed 106-character layout with the given separators. */
export function isaHeader(element = '*', component = ':', terminator = '~', control = '000000001'): string {
  const e = element;
  return `ISA${e}00${e}          ${e}00${e}          ${e}ZZ${e}${'SUBMITTER'.padEnd(15)}${e}ZZ${e}${'RECEIVER'.padEnd(15)}${e}261102${e}0930${e}^${e}00501${e}${control}${e}0${e}P${e}${component}${terminator}`;
}

/** The segments of one claim (loop 2300 and its lines), without terminators. */
export function claimSegments(claim: SampleClaim): string[] {
  // CLM05-3 only when the claim has a frequency, so a claim without one reads back without one.
  const facility = claim.frequency === undefined ? `${claim.placeOfService}:B` : `${claim.placeOfService}:B:${claim.frequency}`;
  const segments = [`CLM*${claim.id}*${dollars(claim.totalChargeCents)}***${facility}*Y*A*Y*Y`];
  if (claim.originalClaimId !== undefined) segments.push(`REF*F8*${claim.originalClaimId}`);
  const codes = claim.diagnoses.map((code, i) => `${i === 0 ? 'ABK' : 'ABF'}:${code.replace('.', '')}`);
  segments.push(`HI*${codes.join('*')}`);
  if (claim.referringProvider !== undefined) segments.push(`NM1*DN*1*WONG*AL****XX*${claim.referringProvider.npi}`);
  if (claim.renderingProvider !== undefined) {
    segments.push(`NM1*82*1*LEE*ANNA****XX*${claim.renderingProvider.npi}`);
    if (claim.renderingProvider.taxonomy !== undefined) segments.push(`PRV*PE*PXC*${claim.renderingProvider.taxonomy}`);
  }
  claim.lines.forEach((line, i) => {
    const procedure = ['HC', line.procedure, ...(line.modifiers ?? [])].join(':');
    segments.push(`LX*${i + 1}`);
    segments.push(`SV1*${procedure}*${dollars(line.chargeCents)}*${line.unitBasis ?? 'UN'}*${line.units}*${line.placeOfService ?? ''}**${line.diagnosisPointers.join(':')}`);
    const to = line.serviceDateTo;
    segments.push(to !== undefined && to !== line.serviceDate ? `DTP*472*RD8*${compact(line.serviceDate)}-${compact(to)}` : `DTP*472*D8*${compact(line.serviceDate)}`);
    if (line.orderingProvider !== undefined) segments.push(`NM1*DK*1*PATEL*RAJ****XX*${line.orderingProvider.npi}`);
    if (line.referringProvider !== undefined) segments.push(`NM1*DN*1*WONG*AL****XX*${line.referringProvider.npi}`);
  });
  return segments;
}

/** One 837P transaction (ST…SE) holding the claims, each under its own subscriber level. */
export function transactionSegments(claims: readonly SampleClaim[], control: string): string[] {
  const first = claims[0];
  const body: string[] = [`ST*837*${control}*005010X222A1`, 'BHT*0019*00*0123*20261102*0930*CH', 'NM1*41*2*RIVERSIDE CLINIC*****46*12345', 'NM1*40*2*CLEARINGHOUSE*****46*99999'];
  if (first !== undefined) {
    body.push('HL*1**20*1');
    if (first.billingProvider.taxonomy !== undefined) body.push(`PRV*BI*PXC*${first.billingProvider.taxonomy}`);
    body.push(`NM1*85*2*RIVERSIDE FAMILY MEDICINE*****XX*${first.billingProvider.npi}`, 'N3*1 MAIN ST', 'N4*SPRINGFIELD*IL*627010000');
    if (first.billingProvider.taxId !== undefined) body.push(`REF*EI*${first.billingProvider.taxId}`);
  }
  claims.forEach((claim, i) => {
    body.push(`HL*${i + 2}*1*22*0`, 'SBR*P*18*******MB', `NM1*IL*1*DOE*JANE****MI*1EG4TE5MK7${i % 10}`);
    body.push(`DMG*D8*${compact(claim.patient.birthDate ?? '')}*${claim.patient.sex ?? ''}`, `NM1*PR*2*PAYER*****PI*${claim.payer.id}`);
    body.push(...claimSegments(claim));
  });
  body.push(`SE*${body.length + 1}*${control}`);
  return body;
}

/** A whole interchange (ISA, GS, transactions of up to `perTransaction` claims, GE, IEA). */
export function build837p(claims: readonly SampleClaim[], perTransaction = 100, terminator = '~\n'): string {
  const parts: string[] = [isaHeader(), 'GS*HC*SUBMITTER*RECEIVER*20261102*0930*1*X*005010X222A1'];
  let transactions = 0;
  for (let i = 0; i < claims.length; i += perTransaction) {
    transactions++;
    parts.push(...transactionSegments(claims.slice(i, i + perTransaction), String(transactions).padStart(4, '0')));
  }
  parts.push(`GE*${transactions}*1`, 'IEA*1*000000001');
  return parts.map((segment, i) => (i === 0 ? `${segment.slice(0, -1)}${terminator}` : `${segment}${terminator}`)).join('');
}

/** The billing provider level (HL 20) of the test interchanges, with a valid NPI. */
export const BILLING_LEVEL: readonly string[] = ['HL*1**20*1', 'PRV*BI*PXC*207Q00000X', 'NM1*85*2*RIVERSIDE*****XX*1234567893', 'N3*1 MAIN', 'N4*X*IL*62701', 'REF*EI*123456789'];

/** A subscriber level (HL 22) under HL 1 who is the patient, with Medicare as payer. */
export const SUBSCRIBER_LEVEL: readonly string[] = ['HL*2*1*22*0', 'SBR*P*18*******MB', 'NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72', 'DMG*D8*19800402*F', 'NM1*PR*2*MEDICARE*****PI*MEDICARE'];

/** A valid claim of one office visit (loop 2300 and one 2400), before any rendering provider. */
export const CLAIM_SEGMENTS: readonly string[] = ['CLM*C-1*125***11:B:1*Y*A*Y*Y', 'HI*ABK:E119*ABF:I10'];

/** One valid service line (loop 2400). */
export const LINE_SEGMENTS: readonly string[] = ['LX*1', 'SV1*HC:99213*125*UN*1***1:2', 'DTP*472*D8*20261102'];

/**
 * An interchange holding one transaction with the given body (the segments after BHT and the
 * submitter and receiver names), each segment ended by `~` and a line break.
 */
export function x12Text(body: readonly string[], version = '005010X222A1'): string {
  const transaction = [`ST*837*0001*${version}`, 'BHT*0019*00*0123*20261102*0930*CH', 'NM1*41*2*CLINIC*****46*12345', 'NM1*40*2*CH*****46*99999', ...body];
  transaction.push(`SE*${transaction.length + 1}*0001`);
  const segments = [`GS*HC*S*R*20261102*0930*1*X*${version}`, ...transaction, 'GE*1*1', 'IEA*1*000000001'];
  return `${isaHeader()}\n${segments.map((segment) => `${segment}~\n`).join('')}`;
}
