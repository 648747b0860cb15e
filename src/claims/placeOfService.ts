import { errorIssue } from '../core/issue.js';
import type { Claim, ClaimLine } from './claim.js';
import type { ClaimIssue } from './claimIssue.js';
import { PLACE_OF_SERVICE_ROWS } from './data/placeOfService.js';

/** A place-of-service code with its name and the first day it may be used. */
export interface PlaceOfService {
  /** Two digits, e.g. `11`. */
  readonly code: string;
  /** CMS's name, e.g. `Office`. */
  readonly name: string;
  /** First day in force when created after 2015-10-01. */
  readonly effective?: string;
}

let byCode: ReadonlyMap<string, PlaceOfService> | undefined;

function table(): ReadonlyMap<string, PlaceOfService> {
  byCode ??= new Map(
    PLACE_OF_SERVICE_ROWS.map(([code, name, effective]) => [code, effective === undefined ? { code, name } : { code, name, effective }]),
  );
  return byCode;
}

/**
 * The CMS place-of-service code in force on a date, if any.
 *
 * @param code - two digits
 * @param date - `YYYY-MM-DD`
 * @returns the place, or undefined (also when either is not a string)
 * @example
 * ```ts
 * placeOfServiceOn('66', '2024-07-31'); // undefined: PACE Center starts 2024-08-01
 * placeOfServiceOn('11', '2026-11-02')?.name; // 'Office'
 * ```
 */
export function placeOfServiceOn(code: string, date: string): PlaceOfService | undefined {
  if (typeof code !== 'string' || typeof date !== 'string') return undefined;
  const found = table().get(code);
  return found !== undefined && (found.effective === undefined || found.effective <= date) ? found : undefined;
}

/**
 * Checks the claim's and each line's place of service against the CMS list in force on each
 * line's date of service (`pos.invalid`); a line's place overrides the claim's. The claim's own
 * place is checked even when every line names one (on the earliest date of service).
 *
 * @param claim - a claim that passed the schema
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkPlaceOfService({ ...claim, placeOfService: '48' }, found); // pos.invalid at ['placeOfService']
 * ```
 */
export function checkPlaceOfService(claim: Claim, issues: ClaimIssue[]): void {
  let claimLevelReported = false;
  let claimLevelUsed = false;
  let earliest = '';
  for (let i = 0; i < claim.lines.length; i++) {
    const line = claim.lines[i] as ClaimLine;
    const own = line.placeOfService !== undefined;
    if (!own) claimLevelUsed = true;
    if (earliest === '' || line.serviceDate < earliest) earliest = line.serviceDate;
    const code = own ? (line.placeOfService as string) : claim.placeOfService;
    if (placeOfServiceOn(code, line.serviceDate) !== undefined || (!own && claimLevelReported)) continue;
    const path = own ? ['lines', i, 'placeOfService'] : ['placeOfService'];
    issues.push({ ...errorIssue('pos.invalid', path, `'${code}' is not a CMS place-of-service code on ${line.serviceDate}`), source: 'CMS Place of Service Code Set' });
    if (!own) claimLevelReported = true;
  }
  // CLM05-1 is required and read by payers' front ends even when every line names its own place.
  if (!claimLevelUsed && earliest !== '' && placeOfServiceOn(claim.placeOfService, earliest) === undefined) {
    issues.push({ ...errorIssue('pos.invalid', ['placeOfService'], `'${claim.placeOfService}' is not a CMS place-of-service code on ${earliest}`), source: 'CMS Place of Service Code Set' });
  }
}
