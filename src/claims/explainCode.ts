import { match, P } from 'ts-pattern';
import { MedofficeUsageError } from '../core/result.js';
import { isCalendarDate } from './calendarDay.js';
import { icd10Children, lookupIcd10cm, type Icd10Lookup } from './icd10cm/lookup.js';
import type { Icd10Tables } from './icd10cm/tables.js';
import { placeOfServiceOn, type PlaceOfService } from './placeOfService.js';
import { describeProcedureFormat, normalizeProcedure, procedureFormat, type ProcedureFormat } from './procedures/procedureFormat.js';
import { kindOf, requireText } from './usageChecks.js';

/** A code read as an ICD-10-CM diagnosis: its lookup, and a header's billable children. */
export type Icd10Explanation = { readonly kind: 'icd10'; readonly lookup: Icd10Lookup; readonly children: readonly Icd10Lookup[] };

/** A code read as a procedure: the code as tables spell it, its format class and that class's description. */
export type ProcedureExplanation = { readonly kind: 'procedure'; readonly code: string; readonly format: ProcedureFormat; readonly description: string };

/** What `explainCode` found a code to be. */
export type CodeExplanation =
  | Icd10Explanation
  | ProcedureExplanation
  | { readonly kind: 'ambiguous'; readonly code: string; readonly procedure: ProcedureExplanation; readonly icd10: Icd10Explanation }
  | { readonly kind: 'place-of-service'; readonly place: PlaceOfService }
  | { readonly kind: 'unknown'; readonly code: string };

/**
 * Explains a code on a date: an ICD-10-CM code (billable or a header with its billable children,
 * description, dates), a procedure code's format class, or a place of service.
 *
 * A HCPCS Level II code (a letter and four digits) can also be an ICD-10-CM code written without its
 * dot, as claims carry diagnoses: `J0131` is acetaminophen injection and, read as a diagnosis,
 * J01.31. The package ships no HCPCS code list to settle it, so such a code comes back `ambiguous`,
 * with both readings. A dotted code (`J01.31`) is only a diagnosis.
 *
 * @param code - any code, dotted or not, any case
 * @param date - the date of service, `YYYY-MM-DD`
 * @param tables - ICD-10-CM tables, default the bundled ones
 * @returns the explanation, by `kind`
 * @throws MedofficeUsageError when `code` is not a string or `date` is not a `YYYY-MM-DD` date (a code
 *   means nothing without the date it is used on)
 * @example
 * ```ts
 * explainCode('E11', '2026-11-02').kind;    // 'icd10' (a header, with its children)
 * explainCode('0591T', '2026-11-02').kind;  // 'procedure'
 * explainCode('J0131', '2026-11-02').kind;  // 'ambiguous' (HCPCS J0131, or diagnosis J01.31)
 * explainCode('J01.31', '2026-11-02').kind; // 'icd10'
 * ```
 */
export function explainCode(code: string, date: string, tables?: Icd10Tables): CodeExplanation {
  requireText(code, 'explainCode: code');
  if (!isCalendarDate(date)) throw new MedofficeUsageError(`explainCode: date must be a date of service YYYY-MM-DD, not ${kindOf(date)}`);
  const icd10 = diagnosisReading(code, date, tables);
  const format = procedureFormat(code);
  const procedure = format === undefined ? undefined : { kind: 'procedure' as const, code: normalizeProcedure(code), format, description: describeProcedureFormat(format) };
  const place = /^\d{2}$/.test(code.trim()) ? placeOfServiceOn(code.trim(), date) : undefined;
  return match({ icd10, procedure, place })
    .with({ icd10: P.not(undefined), procedure: P.not(undefined) }, (both) => ({ kind: 'ambiguous' as const, code: both.procedure.code, procedure: both.procedure, icd10: both.icd10 }))
    .with({ icd10: P.not(undefined) }, ({ icd10: found }) => found)
    .with({ procedure: P.not(undefined) }, ({ procedure: found }) => found)
    .with({ place: P.not(undefined) }, ({ place: found }) => ({ kind: 'place-of-service' as const, place: found }))
    .otherwise(() => ({ kind: 'unknown' as const, code }));
}

function diagnosisReading(code: string, date: string, tables: Icd10Tables | undefined): Icd10Explanation | undefined {
  const lookup = tables === undefined ? lookupIcd10cm(code, date) : lookupIcd10cm(code, date, tables);
  if (lookup === undefined) return undefined;
  const children = lookup.billable ? [] : tables === undefined ? icd10Children(code, date) : icd10Children(code, date, tables);
  return { kind: 'icd10', lookup, children };
}
