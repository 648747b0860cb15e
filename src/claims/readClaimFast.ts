import type { Claim, ClaimLine } from './claim.js';
import { isCalendarDate } from './calendarDay.js';

type Loose = Record<string, unknown>;

/**
 * The fast path of the structural reader: copies a claim that is entirely well formed using plain
 * named property reads (monomorphic for claims of one shape, such as those from `JSON.parse`), and
 * gives up with `undefined` at the first thing out of place or any exception, leaving the careful
 * reader to find and name every problem. It accepts exactly what `readClaim` accepts.
 *
 * @param input - anything
 * @returns a plain copy of a well-formed claim, or undefined
 * @example
 * ```ts
 * const claim = readClaimFast(JSON.parse(line)) ?? undefined; // then readClaim for the issues
 * ```
 */
export function readClaimFast(input: unknown): Claim | undefined {
  try {
    if (!isObject(input)) return undefined;
    const id = input['id'];
    const placeOfService = input['placeOfService'];
    const frequency = input['frequency'];
    const originalClaimId = input['originalClaimId'];
    const total = input['totalChargeCents'];
    if (typeof id !== 'string' || id.length === 0 || typeof placeOfService !== 'string' || !optionalText(frequency) || !optionalText(originalClaimId) || !Number.isSafeInteger(total)) return undefined;
    const billing = billingProvider(input['billingProvider']);
    const rendering = input['renderingProvider'];
    const renderingCopy = rendering === undefined ? undefined : renderingProvider(rendering);
    const referring = input['referringProvider'];
    const referringCopy = referring === undefined ? undefined : npiProvider(referring);
    const patientCopy = patient(input['patient']);
    const payer = input['payer'];
    if (billing === undefined || (rendering !== undefined && renderingCopy === undefined) || (referring !== undefined && referringCopy === undefined) || patientCopy === undefined || !isObject(payer)) return undefined;
    const payerId = payer['id'];
    const diagnoses = diagnosisList(input['diagnoses']);
    const lines = lineList(input['lines']);
    if (typeof payerId !== 'string' || payerId.length === 0 || diagnoses === undefined || lines === undefined) return undefined;
    const claim = { id, billingProvider: billing, renderingProvider: renderingCopy, referringProvider: referringCopy, patient: patientCopy, payer: { id: payerId }, placeOfService, frequency, originalClaimId, diagnoses, lines, totalChargeCents: total };
    return claim as unknown as Claim;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function billingProvider(value: unknown): object | undefined {
  if (!isObject(value)) return undefined;
  const npi = value['npi'];
  const taxId = value['taxId'];
  const taxonomy = value['taxonomy'];
  return typeof npi === 'string' && optionalText(taxId) && optionalText(taxonomy) ? { npi, taxId, taxonomy } : undefined;
}

function renderingProvider(value: unknown): object | undefined {
  if (!isObject(value)) return undefined;
  const npi = value['npi'];
  const taxonomy = value['taxonomy'];
  return typeof npi === 'string' && optionalText(taxonomy) ? { npi, taxonomy } : undefined;
}

/** A provider named by its NPI alone (a referring or ordering provider). */
function npiProvider(value: unknown): object | undefined {
  if (!isObject(value)) return undefined;
  const npi = value['npi'];
  return typeof npi === 'string' ? { npi } : undefined;
}

function patient(value: unknown): object | undefined {
  if (!isObject(value)) return undefined;
  const birthDate = value['birthDate'];
  const sex = value['sex'];
  if (birthDate !== undefined && !isCalendarDate(birthDate)) return undefined;
  return sex === undefined || sex === 'F' || sex === 'M' || sex === 'U' ? { birthDate, sex } : undefined;
}

function diagnosisList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const copy: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const code: unknown = value[i];
    if (typeof code !== 'string' || code.length === 0) return undefined;
    copy.push(code);
  }
  return copy;
}

function lineList(value: unknown): ClaimLine[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const copy: ClaimLine[] = [];
  for (let i = 0; i < value.length; i++) {
    const line = serviceLine(value[i]);
    if (line === undefined) return undefined;
    copy.push(line);
  }
  return copy;
}

function serviceLine(value: unknown): ClaimLine | undefined {
  if (!isObject(value)) return undefined;
  const procedure = value['procedure'];
  const units = value['units'];
  const chargeCents = value['chargeCents'];
  const serviceDate = value['serviceDate'];
  const serviceDateTo = value['serviceDateTo'];
  const placeOfService = value['placeOfService'];
  const unitBasis = value['unitBasis'];
  if (typeof procedure !== 'string' || procedure.length === 0 || !Number.isFinite(units) || !Number.isFinite(chargeCents)) return undefined;
  if (!isCalendarDate(serviceDate) || (serviceDateTo !== undefined && !isCalendarDate(serviceDateTo)) || !optionalText(placeOfService) || !optionalText(unitBasis)) return undefined;
  const modifiers = textList(value['modifiers']);
  const diagnosisPointers = integerList(value['diagnosisPointers']);
  if (modifiers === null || diagnosisPointers === undefined) return undefined;
  const ordering = value['orderingProvider'];
  const referring = value['referringProvider'];
  const orderingProvider = ordering === undefined ? undefined : npiProvider(ordering);
  const referringProvider = referring === undefined ? undefined : npiProvider(referring);
  if ((ordering !== undefined && orderingProvider === undefined) || (referring !== undefined && referringProvider === undefined)) return undefined;
  return { procedure, modifiers, units, unitBasis, chargeCents, serviceDate, serviceDateTo, diagnosisPointers, placeOfService, orderingProvider, referringProvider } as unknown as ClaimLine;
}

/** The strings of an optional array: undefined when absent, null when malformed. */
function textList(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return null;
  const copy: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string') return null;
    copy.push(item);
  }
  return copy;
}

function integerList(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const copy: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!Number.isSafeInteger(item)) return undefined;
    copy.push(item as number);
  }
  return copy;
}
