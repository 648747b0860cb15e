import { errorIssue } from '../core/issue.js';
import { addCalendarMonths, dayNumber } from '../core/calendarDay.js';
import type { Claim, ClaimLine } from './claim.js';
import type { ClaimIssue } from './claimIssue.js';

/**
 * Checks the dates of service: `date.range` (to before from), `date.before_birth`, and, when
 * `asOf` is given, `date.future` (service or birth after it) and `date.timely_filing` (more than
 * the payer's `timelyFilingDays` days, or past its `timelyFilingMonths` calendar months, from the
 * date of service to `asOf`).
 *
 * @param claim - a claim that passed the schema
 * @param asOf - the day of checking, `YYYY-MM-DD`, if known
 * @param limit - the payer's limits
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkDates(claim, '2026-11-02', { timelyFilingMonths: 12 }, found);
 * ```
 */
export function checkDates(claim: Claim, asOf: string | undefined, limit: FilingLimit, issues: ClaimIssue[]): void {
  const birth = claim.patient.birthDate;
  if (asOf !== undefined && birth !== undefined && birth > asOf) {
    issues.push(errorIssue('date.future', ['patient', 'birthDate'], `birth date ${birth} is after ${asOf}`));
  }
  for (let i = 0; i < claim.lines.length; i++) {
    const line = claim.lines[i] as ClaimLine;
    const to = line.serviceDateTo;
    if (to !== undefined && to < line.serviceDate) {
      issues.push(errorIssue('date.range', ['lines', i, 'serviceDateTo'], `service ends ${to}, before it starts ${line.serviceDate}`));
    }
    if (birth !== undefined && line.serviceDate < birth) {
      issues.push(errorIssue('date.before_birth', ['lines', i, 'serviceDate'], `service on ${line.serviceDate} is before the birth date ${birth}`));
    }
    if (asOf !== undefined) checkAgainstAsOf(line, i, asOf, limit, issues);
  }
}

/** A payer's timely-filing limits (either, both or none). */
export interface FilingLimit {
  readonly timelyFilingDays?: number | undefined;
  readonly timelyFilingMonths?: number | undefined;
}

function checkAgainstAsOf(line: ClaimLine, index: number, asOf: string, limit: FilingLimit, issues: ClaimIssue[]): void {
  const last = line.serviceDateTo !== undefined && line.serviceDateTo > line.serviceDate ? line.serviceDateTo : line.serviceDate;
  if (last > asOf) {
    const field = last === line.serviceDate ? 'serviceDate' : 'serviceDateTo';
    issues.push(errorIssue('date.future', ['lines', index, field], `service on ${last} is after ${asOf}`));
    return;
  }
  const age = (dayNumber(asOf) ?? Number.NaN) - (dayNumber(line.serviceDate) ?? Number.NaN);
  const days = limit.timelyFilingDays;
  if (days !== undefined && age > days) {
    issues.push({
      ...errorIssue('date.timely_filing', ['lines', index, 'serviceDate'], `service on ${line.serviceDate} is ${age} days before ${asOf}, past the ${days}-day filing limit`),
      source: `payer timely-filing limit, ${days} days`,
    });
    return;
  }
  const months = limit.timelyFilingMonths;
  // A month has at least 28 days, so a service that recent is on time without working out the due date.
  if (months === undefined || age <= 28 * months) return;
  const due = addCalendarMonths(line.serviceDate, months);
  if (asOf > due) {
    issues.push({
      ...errorIssue('date.timely_filing', ['lines', index, 'serviceDate'], `service on ${line.serviceDate} had to be filed by ${due}, ${months} months later; ${asOf} is past it`),
      source: `payer timely-filing limit, ${months} calendar months`,
    });
  }
}
