import type { Icd10Tables } from './icd10cm/tables.js';
import type { AddOnTable } from './ncci/addOnTable.js';
import type { MueTable } from './ncci/mueTable.js';
import type { PtpTable } from './ncci/ptpTable.js';
import type { HcpcsTable } from './procedures/hcpcsTable.js';

/** What a payer makes of an edit: keep it as an error, downgrade it to a warning, or turn it off. */
export type EditSeverity = 'error' | 'warning' | 'off';

/**
 * One payer's rules: its timely-filing limit and how it treats each issue code.
 *
 * @example
 * ```ts
 * const acme: PayerRules = { timelyFilingDays: 90, severity: { 'line.duplicate': 'warning', 'pointer.unused': 'off' } };
 * ```
 */
export interface PayerRules {
  /**
   * Days from the date of service within which the claim must be filed. `null` says there is no
   * limit in days: a payer giving `null` for both limits (or `null` and leaving the other out) has no
   * filing limit, whatever the rules below it say (see `payerRulesFor`).
   */
  readonly timelyFilingDays?: number | null;
  /**
   * Calendar months from the date of service within which the claim must be filed: the last day is
   * the same day of the month that many months later (the month's last day when it is shorter).
   * `null` says there is no limit in months.
   */
  readonly timelyFilingMonths?: number | null;
  /** Severity per issue code, overriding the default. */
  readonly severity?: Readonly<Record<string, EditSeverity>>;
}

/**
 * Medicare's rules: claims are filed within 12 months, one calendar year, of the date of service
 * (42 CFR 424.44): a service on 2023-03-01 may be filed through 2024-03-01, one on 2024-02-29
 * through 2025-02-28.
 *
 * @example
 * ```ts
 * validateClaim(claim, { asOf: '2026-11-02', payers: { MEDICARE: MEDICARE_PAYER_RULES } });
 * ```
 */
export const MEDICARE_PAYER_RULES: PayerRules = { timelyFilingMonths: 12 };

/**
 * Tables the user loads for edits the library cannot ship: HCPCS, NCCI PTP, MUE, add-on, a licensed
 * CPT code list, and extra ICD-10-CM years.
 *
 * @example
 * ```ts
 * const tables: ClaimTables = { ptp: loadNcciPtp(text).value, cpt: new Set(['99213', '99214']) };
 * ```
 */
export interface ClaimTables {
  /** ICD-10-CM tables used instead of the bundled ones (see `mergeIcd10Tables`). */
  readonly icd10?: Icd10Tables;
  /** The HCPCS Level II file (codes and modifiers with their dates). */
  readonly hcpcs?: HcpcsTable;
  /** NCCI procedure-to-procedure edits. */
  readonly ptp?: PtpTable;
  /** NCCI medically unlikely edits. */
  readonly mue?: MueTable;
  /** NCCI add-on code edits. */
  readonly addOn?: AddOnTable;
  /** A licensed list of CPT codes; without it CPT codes are judged on format only. */
  readonly cpt?: ReadonlySet<string>;
}

/**
 * Options of `validateClaim` and `validateClaims`.
 *
 * @example
 * ```ts
 * const options: ValidateClaimOptions = { asOf: '2026-11-02', payers: { ACME: { timelyFilingDays: 90 } } };
 * ```
 */
export interface ValidateClaimOptions {
  /** The day the claim is checked (`YYYY-MM-DD`): needed for `date.future` and `date.timely_filing`. */
  readonly asOf?: string;
  /** Loaded tables. */
  readonly tables?: ClaimTables;
  /** Rules by payer id (`claim.payer.id`), each merged over `defaultPayerRules` (see `payerRulesFor`). */
  readonly payers?: Readonly<Record<string, PayerRules>>;
  /** Rules every payer starts from, merged over Medicare's (see `payerRulesFor`). */
  readonly defaultPayerRules?: PayerRules;
}

/**
 * A payer's rules as they apply (see {@link payerRulesFor}): its limits are numbers or absent (no
 * limit), never `null`.
 *
 * @example
 * ```ts
 * const rules: ResolvedPayerRules = payerRulesFor('MEDICARE', {}); // { timelyFilingMonths: 12 }
 * ```
 */
export interface ResolvedPayerRules extends PayerRules {
  readonly timelyFilingDays?: number;
  readonly timelyFilingMonths?: number;
}

/**
 * The rules that apply to a payer id, built up field by field: Medicare's rules
 * ({@link MEDICARE_PAYER_RULES}), then `defaultPayerRules` over them, then the payer's own rules in
 * `payers` over those. A layer that gives a filing limit (`timelyFilingDays`, `timelyFilingMonths`
 * or both; `null` for no limit) replaces the limit below it as a whole; one that gives none keeps it. Severity maps are
 * merged by issue code, the upper layer winning for a code both name.
 *
 * @param payerId - the claim's `payer.id`
 * @param options - the options of `validateClaim` or `validateClaims`
 * @returns the payer's rules
 * @example
 * ```ts
 * payerRulesFor('MEDICARE', {}).timelyFilingMonths; // 12
 * payerRulesFor('MEDICARE', { payers: { MEDICARE: { severity: { 'pointer.unused': 'off' } } } }).timelyFilingMonths; // 12
 * payerRulesFor('ACME', { payers: { ACME: { timelyFilingDays: 90 } } }); // { timelyFilingDays: 90 }
 * payerRulesFor('SELF', { payers: { SELF: { timelyFilingMonths: null } } }); // {}: no filing limit
 * ```
 */
export function payerRulesFor(payerId: string, options: ValidateClaimOptions): ResolvedPayerRules {
  const base = mergePayerRules(MEDICARE_PAYER_RULES, options.defaultPayerRules ?? {});
  const listed = options.payers !== undefined && Object.hasOwn(options.payers, payerId) ? options.payers[payerId] : undefined;
  return listed === undefined ? base : mergePayerRules(base, listed);
}

function mergePayerRules(below: PayerRules, given: PayerRules): ResolvedPayerRules {
  const limit = given.timelyFilingDays !== undefined || given.timelyFilingMonths !== undefined ? given : below;
  const severity = given.severity === undefined ? below.severity : below.severity === undefined ? given.severity : { ...below.severity, ...given.severity };
  return {
    ...(typeof limit.timelyFilingDays === 'number' ? { timelyFilingDays: limit.timelyFilingDays } : {}),
    ...(typeof limit.timelyFilingMonths === 'number' ? { timelyFilingMonths: limit.timelyFilingMonths } : {}),
    ...(severity === undefined ? {} : { severity }),
  };
}
