import { MedofficeUsageError } from '../core/result.js';
import { isCalendarDate } from './calendarDay.js';
import { checkTables } from './checkTables.js';
import type { ValidateClaimOptions } from './claimOptions.js';
import { ICD10_CLAIM_ISSUE_CODES } from './icd10cm/icd10IssueCodes.js';
import { CLAIM_ISSUE_CODES } from './issueCodes.js';
import { nearestIssueCode } from './nearestIssueCode.js';
import { kindOf } from './usageChecks.js';

const SEVERITIES: readonly unknown[] = ['error', 'warning', 'off'];

/** The codes a payer's severity map may name: every code a claim's report can carry. */
const KNOWN_CODES: ReadonlySet<string> = new Set([...Object.keys(CLAIM_ISSUE_CODES), ...ICD10_CLAIM_ISSUE_CODES]);

/**
 * Refuses options a caller could only pass by mistake, before any claim is read: options that are
 * not an object (`undefined` and `null` mean none), an `asOf` that is not a `YYYY-MM-DD` date, loaded
 * tables that are not what their loaders make (see `checkTables`), payer
 * rules that are not objects, a filing limit that is not a whole number from 1, a severity other
 * than `'error'`, `'warning'` or `'off'` (so a typo such as `'Error'` cannot keep an issue while
 * calling the claim valid), and a severity for a code no claim issue has (so a typo such as
 * `'date.timely-filing'` cannot be silently ignored; the message names the nearest known code).
 *
 * @param options - what the caller passed to `validateClaim` or `validateClaims`
 * @throws MedofficeUsageError naming the option and the value found (or saying the options could not be read)
 * @example
 * ```ts
 * checkOptions({ asOf: '2026-11-02', payers: { ACME: { severity: { 'pointer.unused': 'off' } } } }); // returns
 * checkOptions({ payers: { ACME: { severity: { 'pointer.unused': 'Off' } } } }); // throws MedofficeUsageError
 * checkOptions({ payers: { ACME: { severity: { 'pointer.unsued': 'off' } } } }); // throws: did you mean 'pointer.unused'?
 * ```
 */
export function checkOptions(options: unknown): asserts options is ValidateClaimOptions | null | undefined {
  if (options === undefined || options === null) return;
  try {
    checkOptionFields(options);
  } catch (error) {
    if (error instanceof MedofficeUsageError) throw error;
    throw new MedofficeUsageError('options could not be read (a getter or proxy threw)');
  }
}

function checkOptionFields(options: unknown): void {
  if (!isPlainObject(options)) throw new MedofficeUsageError(`options must be an object such as { asOf: '2026-11-02' }, not ${kindOf(options)}`);
  const { asOf, payers, defaultPayerRules, tables } = options as ValidateClaimOptions;
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new MedofficeUsageError(`options.asOf must be a date YYYY-MM-DD, not ${kindOf(asOf)}`);
  checkTables(tables);
  if (defaultPayerRules !== undefined) checkPayerRules(defaultPayerRules, 'options.defaultPayerRules');
  if (payers === undefined) return;
  if (!isPlainObject(payers)) throw new MedofficeUsageError(`options.payers must be an object of payer rules by payer id, not ${kindOf(payers)}`);
  for (const [payerId, rules] of Object.entries(payers)) checkPayerRules(rules, `options.payers['${payerId}']`);
}

function checkPayerRules(rules: unknown, name: string): void {
  if (!isPlainObject(rules)) throw new MedofficeUsageError(`${name} must be payer rules (an object), not ${kindOf(rules)}`);
  const { timelyFilingDays, timelyFilingMonths, severity } = rules as { timelyFilingDays?: unknown; timelyFilingMonths?: unknown; severity?: unknown };
  for (const [key, value] of [['timelyFilingDays', timelyFilingDays], ['timelyFilingMonths', timelyFilingMonths]] as const) {
    if (value !== undefined && value !== null && (!Number.isSafeInteger(value) || (value as number) < 1)) {
      throw new MedofficeUsageError(`${name}.${key} must be a whole number from 1, or null for no limit, not ${kindOf(value)}`);
    }
  }
  if (severity === undefined) return;
  if (!isPlainObject(severity)) throw new MedofficeUsageError(`${name}.severity must be an object of severities by issue code, not ${kindOf(severity)}`);
  for (const [code, wanted] of Object.entries(severity)) {
    if (!KNOWN_CODES.has(code)) throw new MedofficeUsageError(unknownCodeMessage(`${name}.severity`, code));
    if (!SEVERITIES.includes(wanted)) throw new MedofficeUsageError(`${name}.severity['${code}'] must be 'error', 'warning' or 'off', not ${kindOf(wanted)}`);
  }
}

function unknownCodeMessage(name: string, code: string): string {
  const near = nearestIssueCode(code, [...KNOWN_CODES]);
  return `${name} names '${code}', which is no claim issue code${near === undefined ? ' (see CLAIM_ISSUE_CODES and the icd10.* codes)' : `; did you mean '${near}'?`}`;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
