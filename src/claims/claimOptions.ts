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
  /** Days from the date of service within which the claim must be filed. */
  readonly timelyFilingDays?: number;
  /**
   * Calendar months from the date of service within which the claim must be filed: the last day is
   * the same day of the month that many months later (the month's last day when it is shorter).
   */
  readonly timelyFilingMonths?: number;
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
  /** Rules by payer id (`claim.payer.id`). */
  readonly payers?: Readonly<Record<string, PayerRules>>;
  /** Rules for payers not listed in `payers`; Medicare's by default. */
  readonly defaultPayerRules?: PayerRules;
}

/**
 * The rules that apply to a payer id.
 *
 * @example
 * ```ts
 * payerRulesFor('MEDICARE', {}).timelyFilingMonths; // 12
 * ```
 */
export function payerRulesFor(payerId: string, options: ValidateClaimOptions): PayerRules {
  const listed = options.payers !== undefined && Object.hasOwn(options.payers, payerId) ? options.payers[payerId] : undefined;
  return listed ?? options.defaultPayerRules ?? MEDICARE_PAYER_RULES;
}
