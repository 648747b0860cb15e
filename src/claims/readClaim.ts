import type { IssuePath } from '../core/issue.js';
import type { Claim, ClaimLine } from './claim.js';
import type { ClaimIssue } from './claimIssue.js';
import { readClaimFast } from './readClaimFast.js';
import { FieldReader } from './readFields.js';

/** What the structural reader makes of untrusted input: a plain copy of the claim, or schema issues. */
export type ReadClaimResult =
  | { readonly ok: true; readonly claim: Claim }
  | { readonly ok: false; readonly issues: readonly ClaimIssue[] };

const ROOT: IssuePath = [];
const BILLING: IssuePath = ['billingProvider'];
const RENDERING: IssuePath = ['renderingProvider'];
const PATIENT: IssuePath = ['patient'];
const PAYER: IssuePath = ['payer'];
const DIAGNOSES: IssuePath = ['diagnoses'];
const LINES: IssuePath = ['lines'];

/**
 * Reads untrusted input as a {@link Claim} by hand: the same verdict as `ClaimSchema` (a property
 * test holds them together) with the path of each bad field, at a fraction of the cost, touching
 * every field once so hostile getters and proxies are reported as `claim.schema` instead of
 * thrown. The claim it returns is a fresh plain copy; unknown keys are left out.
 *
 * @param input - anything
 * @returns the copy, or `claim.schema` issues with the path of each bad field
 * @example
 * ```ts
 * const read = readClaim({ id: 'C-1' });
 * if (!read.ok) console.log(read.issues.map((i) => i.path)); // [['billingProvider'], ...]
 * ```
 */
export function readClaim(input: unknown): ReadClaimResult {
  const fast = readClaimFast(input);
  return fast !== undefined ? { ok: true, claim: fast } : readClaimCarefully(input);
}

/**
 * The careful half of {@link readClaim}: every read guarded, every problem named with its path.
 *
 * @param input - anything
 * @example
 * ```ts
 * readClaimCarefully({ id: '' }).ok; // false, with claim.schema at ['id'] and the missing fields
 * ```
 */
export function readClaimCarefully(input: unknown): ReadClaimResult {
  const fields = new FieldReader();
  const root = fields.object(input, ROOT, undefined, true);
  if (root === undefined) return { ok: false, issues: fields.issues };
  const claim = {
    id: fields.text(root, ROOT, 'id', true, 1),
    billingProvider: readBillingProvider(fields, fields.get(root, 'billingProvider')),
    renderingProvider: readRenderingProvider(fields, fields.get(root, 'renderingProvider')),
    referringProvider: readNpiProvider(fields, root, ROOT, 'referringProvider'),
    patient: readPatient(fields, fields.get(root, 'patient')),
    payer: readPayer(fields, fields.get(root, 'payer')),
    placeOfService: fields.text(root, ROOT, 'placeOfService', true),
    frequency: fields.text(root, ROOT, 'frequency', false),
    originalClaimId: fields.text(root, ROOT, 'originalClaimId', false),
    diagnoses: readDiagnoses(fields, fields.get(root, 'diagnoses')),
    lines: readLines(fields, fields.get(root, 'lines')),
    totalChargeCents: fields.number(root, ROOT, 'totalChargeCents', true),
  };
  if (fields.issues.length > 0) return { ok: false, issues: fields.issues };
  return { ok: true, claim: claim as unknown as Claim };
}

function readBillingProvider(fields: FieldReader, value: unknown): object | undefined {
  const owner = fields.object(value, ROOT, 'billingProvider', true);
  if (owner === undefined) return undefined;
  return {
    npi: fields.text(owner, BILLING, 'npi', true),
    taxId: fields.text(owner, BILLING, 'taxId', false),
    taxonomy: fields.text(owner, BILLING, 'taxonomy', false),
  };
}

function readRenderingProvider(fields: FieldReader, value: unknown): object | undefined {
  const owner = fields.object(value, ROOT, 'renderingProvider', false);
  if (owner === undefined) return undefined;
  return { npi: fields.text(owner, RENDERING, 'npi', true), taxonomy: fields.text(owner, RENDERING, 'taxonomy', false) };
}

/** An optional provider named by its NPI alone: the claim's referring provider, a line's ordering or referring one. */
function readNpiProvider(fields: FieldReader, owner: object, parent: IssuePath, key: string): object | undefined {
  const provider = fields.object(fields.get(owner, key), parent, key, false);
  if (provider === undefined) return undefined;
  return { npi: fields.text(provider, [...parent, key], 'npi', true) };
}

function readPatient(fields: FieldReader, value: unknown): object | undefined {
  const owner = fields.object(value, ROOT, 'patient', true);
  if (owner === undefined) return undefined;
  const sex = fields.get(owner, 'sex');
  if (sex !== undefined && sex !== 'F' && sex !== 'M' && sex !== 'U') fields.fail(PATIENT, 'sex', 'must be F, M or U');
  return { birthDate: fields.date(owner, PATIENT, 'birthDate', false), sex };
}

function readPayer(fields: FieldReader, value: unknown): object | undefined {
  const owner = fields.object(value, ROOT, 'payer', true);
  if (owner === undefined) return undefined;
  return { id: fields.text(owner, PAYER, 'id', true, 1) };
}

function readDiagnoses(fields: FieldReader, value: unknown): string[] | undefined {
  const items = fields.array(value, ROOT, 'diagnoses', true, 1);
  if (items === undefined) return undefined;
  for (let i = 0; i < items.length; i++) items[i] = fields.textValue(items[i], DIAGNOSES, i, true, 1) ?? '';
  return items as string[];
}

function readLines(fields: FieldReader, value: unknown): ClaimLine[] | undefined {
  const items = fields.array(value, ROOT, 'lines', true, 1);
  if (items === undefined) return undefined;
  for (let i = 0; i < items.length; i++) items[i] = readLine(fields, items[i], i);
  return items as ClaimLine[];
}

function readLine(fields: FieldReader, value: unknown, index: number): ClaimLine {
  const owner = fields.object(value, LINES, index, true);
  if (owner === undefined) return {} as ClaimLine;
  const path: IssuePath = ['lines', index];
  const modifiers = fields.array(fields.get(owner, 'modifiers'), path, 'modifiers', false);
  if (modifiers !== undefined) for (let m = 0; m < modifiers.length; m++) modifiers[m] = fields.textValue(modifiers[m], [...path, 'modifiers'], m, true) ?? '';
  const pointers = fields.array(fields.get(owner, 'diagnosisPointers'), path, 'diagnosisPointers', true);
  if (pointers !== undefined) for (let p = 0; p < pointers.length; p++) pointers[p] = fields.numberValue(pointers[p], [...path, 'diagnosisPointers'], p, true) ?? 0;
  return {
    procedure: fields.text(owner, path, 'procedure', true, 1),
    modifiers,
    units: fields.number(owner, path, 'units', false),
    unitBasis: fields.text(owner, path, 'unitBasis', false),
    chargeCents: fields.number(owner, path, 'chargeCents', false),
    serviceDate: fields.date(owner, path, 'serviceDate', true),
    serviceDateTo: fields.date(owner, path, 'serviceDateTo', false),
    diagnosisPointers: pointers,
    placeOfService: fields.text(owner, path, 'placeOfService', false),
    orderingProvider: readNpiProvider(fields, owner, path, 'orderingProvider'),
    referringProvider: readNpiProvider(fields, owner, path, 'referringProvider'),
  } as unknown as ClaimLine;
}
