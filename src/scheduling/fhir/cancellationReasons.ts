/**
 * The codes of HL7's appointment-cancellation-reason code system
 * (`http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason`, 32 concepts): a
 * cancellation reason among them goes to FHIR as a coding, any other reason as text.
 *
 * @example
 * ```ts
 * CANCELLATION_REASON_CODES.has('pat-fb'); // true: "Patient: Feeling Better"
 * ```
 */
export const CANCELLATION_REASON_CODES: ReadonlySet<string> = new Set([
  'pat', 'pat-crs', 'pat-cpp', 'pat-dec', 'pat-fb', 'pat-lt', 'pat-mt', 'pat-mv', 'pat-preg', 'pat-swl', 'pat-ucp',
  'prov', 'prov-pers', 'prov-dch', 'prov-edu', 'prov-hosp', 'prov-labs', 'prov-mri', 'prov-onc',
  'maint', 'meds-inc',
  'other', 'oth-cms', 'oth-err', 'oth-fin', 'oth-iv', 'oth-int', 'oth-mu', 'oth-room', 'oth-oerr', 'oth-swie', 'oth-weath',
]);
