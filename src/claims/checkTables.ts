import { MedofficeUsageError } from '../core/result.js';
import { kindOf } from './usageChecks.js';

/** Each loaded table and the member whose kind shows it is that table. */
const TABLE_SHAPES = {
  icd10: { member: 'codeSets', is: Array.isArray, what: 'ICD-10-CM tables (bundledIcd10Tables(), mergeIcd10Tables(...))' },
  hcpcs: { member: 'procedures', is: isMap, what: 'a HCPCS table (loadHcpcsAnweb(text).value)' },
  ptp: { member: 'edits', is: isMap, what: 'a PTP table (loadNcciPtp(text).value)' },
  mue: { member: 'periods', is: Array.isArray, what: 'an MUE table (loadNcciMue(text, period).value)' },
  addOn: { member: 'edits', is: isMap, what: 'an add-on table (loadNcciAddOn(text).value)' },
} as const;

function isMap(value: unknown): boolean {
  return value instanceof Map;
}

/**
 * Refuses `options.tables` members that are not the tables their loaders make, before any claim is
 * read, naming the member: a loader's result passed whole instead of its `.value`, a CPT list that is
 * an array instead of a Set, or anything else of the wrong kind. Without this a wrong table would
 * fail inside every claim.
 *
 * @param tables - `options.tables` as passed
 * @throws MedofficeUsageError naming the member and what it should be
 * @example
 * ```ts
 * checkTables({ cpt: new Set(['99213']) }); // returns
 * checkTables({ cpt: ['99213'] });           // throws: options.tables.cpt must be a Set of CPT codes
 * ```
 */
export function checkTables(tables: unknown): void {
  if (tables === undefined) return;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    throw new MedofficeUsageError(`options.tables must be an object of loaded tables such as { ptp }, not ${kindOf(tables)}`);
  }
  const given = tables as Readonly<Record<string, unknown>>;
  for (const [name, shape] of Object.entries(TABLE_SHAPES)) {
    const table = given[name];
    if (table === undefined) continue;
    const member = typeof table === 'object' && table !== null ? (table as Readonly<Record<string, unknown>>)[shape.member] : undefined;
    if (shape.is(member)) continue;
    const wrapped = typeof table === 'object' && table !== null && 'ok' in table && ('value' in table || 'issues' in table);
    const hint = wrapped ? ' (a loader\'s result was passed; pass its .value once it is ok)' : '';
    throw new MedofficeUsageError(`options.tables.${name} must be ${shape.what}, not ${kindOf(table)}${hint}`);
  }
  const cpt = given['cpt'];
  const hasCodes = typeof cpt === 'object' && cpt !== null && typeof (cpt as { has?: unknown }).has === 'function';
  if (cpt !== undefined && !hasCodes) throw new MedofficeUsageError(`options.tables.cpt must be a Set of CPT codes, not ${kindOf(cpt)}`);
}
