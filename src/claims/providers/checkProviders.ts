import { errorIssue, type IssuePath } from '../../core/issue.js';
import type { Claim, ClaimLine } from '../claim.js';
import type { ClaimIssue } from '../claimIssue.js';
import { isValidNpi } from './npi.js';

const TAX_ID = /^(?:\d{9}|\d{2}-\d{7}|\d{3}-\d{2}-\d{4})$/;
// ASCII letters in either case only: `i` without `u` never folds ſ or K (Kelvin) onto S or K.
const TAXONOMY = /^\d{3}[0-9A-Z]{6}X$/i;

/**
 * Checks the providers' identifiers: each NPI's check digit (`npi.invalid`) and first digit, 1 or 2
 * (`npi.first_digit`), of the billing and rendering providers, the claim's referring provider and
 * each line's ordering and referring providers; the billing
 * provider's tax id (`provider.tax_id`: nine digits, EIN `12-3456789` or SSN `123-45-6789`) and
 * NUCC taxonomy codes (`provider.taxonomy`: ten characters ending in X, e.g. `207Q00000X`, in any case
 * as other codes are).
 *
 * @param claim - a claim that passed the schema
 * @param issues - where findings are added
 * @example
 * ```ts
 * const found: ClaimIssue[] = [];
 * checkProviders(claim, found);
 * ```
 */
export function checkProviders(claim: Claim, issues: ClaimIssue[]): void {
  const billing = claim.billingProvider;
  checkNpi(billing.npi, ['billingProvider', 'npi'], issues);
  if (billing.taxId !== undefined && !isTaxId(billing.taxId)) {
    issues.push(errorIssue('provider.tax_id', ['billingProvider', 'taxId'], `'${billing.taxId}' is not a nine-digit EIN or SSN`));
  }
  if (billing.taxonomy !== undefined && !isTaxonomy(billing.taxonomy)) {
    issues.push(errorIssue('provider.taxonomy', ['billingProvider', 'taxonomy'], `'${billing.taxonomy}' is not a NUCC taxonomy code`));
  }
  const rendering = claim.renderingProvider;
  if (rendering !== undefined) {
    checkNpi(rendering.npi, ['renderingProvider', 'npi'], issues);
    if (rendering.taxonomy !== undefined && !isTaxonomy(rendering.taxonomy)) {
      issues.push(errorIssue('provider.taxonomy', ['renderingProvider', 'taxonomy'], `'${rendering.taxonomy}' is not a NUCC taxonomy code`));
    }
  }
  if (claim.referringProvider !== undefined) checkNpi(claim.referringProvider.npi, ['referringProvider', 'npi'], issues);
  checkLineProviders(claim.lines, issues);
}

function checkLineProviders(lines: readonly ClaimLine[], issues: ClaimIssue[]): void {
  for (let i = 0; i < lines.length; i++) {
    const { orderingProvider, referringProvider } = lines[i] as ClaimLine;
    if (orderingProvider !== undefined) checkNpi(orderingProvider.npi, ['lines', i, 'orderingProvider', 'npi'], issues);
    if (referringProvider !== undefined) checkNpi(referringProvider.npi, ['lines', i, 'referringProvider', 'npi'], issues);
  }
}

function checkNpi(npi: string, path: IssuePath, issues: ClaimIssue[]): void {
  if (!isValidNpi(npi)) issues.push(errorIssue('npi.invalid', path, `'${npi}' is not a valid NPI (10 digits with a Luhn check digit)`));
  // NPPES issues NPIs beginning with 1 or 2 (the NPI Final Rule, 69 FR 3434): a convention of issuance,
  // not of the check digit, so it has a code of its own that a payer may relax.
  else if (npi[0] !== '1' && npi[0] !== '2') issues.push(errorIssue('npi.first_digit', path, `'${npi}' has a valid check digit, but NPIs are issued beginning with 1 or 2`));
}

function isTaxId(taxId: string): boolean {
  return TAX_ID.test(taxId) && /[1-9]/.test(taxId);
}

function isTaxonomy(taxonomy: string): boolean {
  return TAXONOMY.test(taxonomy.trim());
}
