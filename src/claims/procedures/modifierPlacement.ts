import { isEvaluationAndManagement } from './evaluationAndManagement.js';
import { procedureFormat } from './procedureFormat.js';

/** Modifiers for a separate visit (24, 25, 57): they go on the visit's code, never on the procedure's. */
const VISIT_MODIFIERS: ReadonlyMap<string, string> = new Map([
  ['24', 'an unrelated visit in a postoperative period'],
  ['25', 'a separate visit on the day of a procedure'],
  ['57', 'the visit at which surgery was decided'],
]);

/** Modifiers for distinct procedures, which CMS does not use on evaluation and management codes. */
const DISTINCT_SERVICE: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);

/**
 * True for the services modifiers 24, 25 and 57 are appended to: evaluation and management codes
 * (99202–99499, and from 2025 the telemedicine services 98000–98016; see
 * {@link isEvaluationAndManagement}) and the general ophthalmological services 92002–92014, which
 * CMS treats as visits for these modifiers.
 *
 * @param code - a procedure code, trimmed
 * @param dateOfService - `YYYY-MM-DD`
 * @returns whether the code is a visit on that date
 * @example
 * ```ts
 * isVisit('99213', '2026-11-02'); // true
 * isVisit('98002', '2026-11-02'); // true
 * isVisit('92012', '2026-11-02'); // true
 * isVisit('67028', '2026-11-02'); // false
 * ```
 */
export function isVisit(code: string, dateOfService: string): boolean {
  if (isEvaluationAndManagement(code, dateOfService)) return true;
  const value = /^\d{5}$/.test(code) ? Number(code) : NaN;
  return value >= 92002 && value <= 92014;
}

/**
 * Why a modifier does not belong on a line's procedure, or undefined when it may be there: 24, 25
 * and 57 belong on a visit ({@link isVisit}), and 59 and X{EPSU} never on an evaluation and
 * management code (CMS NCCI Policy Manual, chapter I: 25 or 57 marks a separate visit, not 59).
 * A misplaced modifier is reported (`modifier.misplaced`) and bypasses no NCCI PTP edit. Modifiers
 * not named here, and procedures that are not a well-formed code, are never misplaced.
 *
 * @param modifier - the modifier, trimmed and upper-cased
 * @param procedure - the line's procedure code, trimmed
 * @param dateOfService - the line's date of service, `YYYY-MM-DD`
 * @returns the reason, or undefined
 * @example
 * ```ts
 * misplacement('25', '11042', '2026-11-02'); // '25 marks a separate visit on the day of a procedure, ...'
 * misplacement('25', '99213', '2026-11-02'); // undefined
 * misplacement('59', '99213', '2026-11-02'); // '59 marks a distinct procedure, ...'
 * ```
 */
export function misplacement(modifier: string, procedure: string, dateOfService: string): string | undefined {
  const visit = VISIT_MODIFIERS.get(modifier);
  if (visit === undefined && !DISTINCT_SERVICE.has(modifier)) return undefined;
  if (procedureFormat(procedure) === undefined) return undefined;
  if (visit !== undefined) {
    return isVisit(procedure, dateOfService)
      ? undefined
      : `${modifier} marks ${visit}, and goes on the visit's code (99202–99499, 98000–98016 from 2025, or 92002–92014), not on ${procedure}`;
  }
  return isEvaluationAndManagement(procedure, dateOfService)
    ? `${modifier} marks a distinct procedure, not an evaluation and management service such as ${procedure} (use 25)`
    : undefined;
}
