import { dayNumber, fiscalYearOf, isoDate } from './calendarDays.js';
import { billableDescendantsOn, billableSpanOn, codeSetOn, headerSpanOn, sourceOn, type SpanOnDay } from './inForce.js';
import { MCE_FLAGS, type MceFlag } from './mceFlags.js';
import { formatIcd10, normalizeIcd10 } from './normalize.js';
import { bundledIcd10Tables, type Icd10CodeSet, type Icd10Tables } from './tables.js';

/** What the code set in force on a date says about one ICD-10-CM code. */
export interface Icd10Lookup {
  /** The code, dotted (`E11.9`). */
  readonly code: string;
  /** True for a billable code, false for a header (a category or subcategory with codes below it). */
  readonly billable: boolean;
  /** The long title, when the tables carry one. */
  readonly description?: string;
  /** First day (`YYYY-MM-DD`) of the span in force around the date asked about. */
  readonly effectiveFrom: string;
  /** Last day of that span; absent while the code is in force to the end of the tables. */
  readonly effectiveTo?: string;
  /** The fiscal year of the date asked about (FY2027 runs 2026-10-01 to 2027-09-30). */
  readonly fiscalYear: number;
  /** The release the answer comes from, e.g. `ICD-10-CM FY2026 (CMS MCE v43.1)`. */
  readonly source: string;
  /** MCE edit flags in force on the date (billable codes only), e.g. `['maternity', 'female']`. */
  readonly mceFlags: readonly MceFlag[];
}

/**
 * Looks a diagnosis code up in the ICD-10-CM code set in force on a date of service.
 *
 * @param code - the code, dotted or undotted, any case
 * @param dateOfService - `YYYY-MM-DD`
 * @param tables - the tables to use; default {@link bundledIcd10Tables}
 * @returns what the code set says (headers come back with `billable: false`), or `undefined` when the
 *   code is not in force that day, the date is not a date, no code set covers it, or either is not a string
 * @example
 * ```ts
 * lookupIcd10cm('u07.1', '2020-04-01')?.billable; // true
 * lookupIcd10cm('U071', '2020-03-31'); // undefined: added 2020-04-01
 * lookupIcd10cm('E11', '2026-11-02')?.billable; // false
 * ```
 */
export function lookupIcd10cm(code: string, dateOfService: string, tables: Icd10Tables = bundledIcd10Tables()): Icd10Lookup | undefined {
  if (typeof code !== 'string' || typeof dateOfService !== 'string') return undefined;
  const day = dayNumber(dateOfService);
  if (day === undefined) return undefined;
  const set = codeSetOn(tables, day);
  if (set === undefined) return undefined;
  const plain = normalizeIcd10(code);
  const billable = billableSpanOn(set, plain, day);
  if (billable !== undefined) return describeCode(set, plain, day, billable, true);
  const header = headerSpanOn(set, plain, day);
  return header === undefined ? undefined : describeCode(set, plain, day, header, false);
}

/**
 * The billable codes below a header that are in force on a date of service.
 *
 * @param code - a header such as `E11` or `E11.6` (dotted or not); a billable code has no children
 * @param dateOfService - `YYYY-MM-DD`
 * @param tables - the tables to use; default {@link bundledIcd10Tables}
 * @returns the children in code order, empty when there are none, the date is not covered, or either is not a string
 * @example
 * ```ts
 * icd10Children('U07', '2020-04-01').map((child) => child.code); // ['U07.0', 'U07.1']
 * ```
 */
export function icd10Children(code: string, dateOfService: string, tables: Icd10Tables = bundledIcd10Tables()): Icd10Lookup[] {
  if (typeof code !== 'string' || typeof dateOfService !== 'string') return [];
  const day = dayNumber(dateOfService);
  const set = day === undefined ? undefined : codeSetOn(tables, day);
  if (day === undefined || set === undefined) return [];
  const plain = normalizeIcd10(code);
  if (plain.length < 3 || billableSpanOn(set, plain, day) !== undefined) return [];
  return billableDescendantsOn(set, plain, day).flatMap((child) => {
    const span = billableSpanOn(set, child, day);
    return span === undefined ? [] : [describeCode(set, child, day, span, true)];
  });
}

function describeCode(set: Icd10CodeSet, plain: string, day: number, span: SpanOnDay, billable: boolean): Icd10Lookup {
  const description = set.descriptions.describe(plain);
  return {
    code: formatIcd10(plain),
    billable,
    ...(description === undefined ? {} : { description }),
    effectiveFrom: isoDate(span.from),
    ...(span.to >= set.to ? {} : { effectiveTo: isoDate(span.to) }),
    fiscalYear: fiscalYearOf(day),
    source: sourceOn(set, day),
    mceFlags: MCE_FLAGS.filter((_, bit) => (span.flags & (1 << bit)) !== 0),
  };
}
