import { match, P } from 'ts-pattern';
import { MedofficeUsageError } from '../core/result.js';
import { isCalendarDate } from './calendarDay.js';
import { icd10Children, lookupIcd10cm, type Icd10Lookup } from './icd10cm/lookup.js';
import type { Icd10Tables } from './icd10cm/tables.js';
import { placeOfServiceOn, type PlaceOfService } from './placeOfService.js';
import { describeProcedureFormat, normalizeProcedure, procedureFormat, type ProcedureFormat } from './procedures/procedureFormat.js';
import { kindOf, requireText } from './usageChecks.js';

/** What `explainCode` found a code to be. */
export type CodeExplanation =
  | { readonly kind: 'icd10'; readonly lookup: Icd10Lookup; readonly children: readonly Icd10Lookup[] }
  | { readonly kind: 'procedure'; readonly code: string; readonly format: ProcedureFormat; readonly description: string }
  | { readonly kind: 'place-of-service'; readonly place: PlaceOfService }
  | { readonly kind: 'unknown'; readonly code: string };

/**
 * Explains a code on a date: an ICD-10-CM code (billable or a header with its billable children,
 * description, dates), a procedure code's format class, or a place of service. ICD-10-CM wins
 * when a string is both (the ICD-10-CM set is checked first; procedure formats need five characters).
 *
 * @param code - any code, dotted or not, any case
 * @param date - the date of service, `YYYY-MM-DD`
 * @param tables - ICD-10-CM tables, default the bundled ones
 * @throws MedofficeUsageError when `code` is not a string or `date` is not a `YYYY-MM-DD` date (a code
 *   means nothing without the date it is used on)
 * @example
 * ```ts
 * explainCode('E11', '2026-11-02').kind;   // 'icd10' (a header, with its children)
 * explainCode('0591T', '2026-11-02').kind; // 'procedure'
 * ```
 */
export function explainCode(code: string, date: string, tables?: Icd10Tables): CodeExplanation {
  requireText(code, 'explainCode: code');
  if (!isCalendarDate(date)) throw new MedofficeUsageError(`explainCode: date must be a date of service YYYY-MM-DD, not ${kindOf(date)}`);
  const lookup = tables === undefined ? lookupIcd10cm(code, date) : lookupIcd10cm(code, date, tables);
  if (lookup !== undefined) {
    const children = lookup.billable ? [] : tables === undefined ? icd10Children(code, date) : icd10Children(code, date, tables);
    return { kind: 'icd10', lookup, children };
  }
  const format = procedureFormat(code);
  const place = /^\d{2}$/.test(code.trim()) ? placeOfServiceOn(code.trim(), date) : undefined;
  return match({ format, place })
    .with({ format: P.string }, ({ format: found }) => ({ kind: 'procedure' as const, code: normalizeProcedure(code), format: found, description: describeProcedureFormat(found) }))
    .with({ place: P.not(undefined) }, ({ place: found }) => ({ kind: 'place-of-service' as const, place: found }))
    .otherwise(() => ({ kind: 'unknown' as const, code }));
}
