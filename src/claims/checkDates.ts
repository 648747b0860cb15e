import { errorIssue } from '../core/issue.js';
import { dayNumber } from '../core/calendarDay.js';
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
  const days = limit.timelyFilingDays;
  if (days !== undefined && !(line.serviceDate.slice(0, 4) >= asOf.slice(0, 4) && days >= 365)) {
    const age = (dayNumber(asOf) ?? Number.NaN) - (dayNumber(line.serviceDate) ?? Number.NaN);
    if (age > days) {
      issues.push({
        ...errorIssue('date.timely_filing', ['lines', index, 'serviceDate'], `service on ${line.serviceDate} is ${age} days before ${asOf}, past the ${days}-day filing limit`),
        source: `payer timely-filing limit, ${days} days`,
      });
      return;
    }
  }
  const months = limit.timelyFilingMonths;
  if (months === undefined) return;
  // Compared as numbers (month index, then day); the due date is written out only for the message.
  const service = line.serviceDate;
  const dueMonth = digits(service, 0, 4) * 12 + digits(service, 5, 7) - 1 + months;
  const asOfMonth = digits(asOf, 0, 4) * 12 + digits(asOf, 5, 7) - 1;
  const late = asOfMonth > dueMonth || (asOfMonth === dueMonth && digits(asOf, 8, 10) > Math.min(digits(service, 8, 10), daysInMonth(dueMonth)));
  if (late) {
    const due = sameDayMonthsLater(line.serviceDate, months);
    issues.push({
      ...errorIssue('date.timely_filing', ['lines', index, 'serviceDate'], `service on ${line.serviceDate} had to be filed by ${due}, ${months} months later; ${asOf} is past it`),
      source: `payer timely-filing limit, ${months} calendar months`,
    });
  }
}

// The number written by the digits of text[from, to) (no substring made: this runs for every line).
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

// Days in a month given as year × 12 + (month − 1), proleptic Gregorian.
function daysInMonth(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The same day of the month `months` months after a date, or that month's last day when it is
 * shorter (a service on 2024-02-29 is due 2025-02-28 under a 12-month limit).
 *
 * @example
 * ```ts
 * sameDayMonthsLater('2023-03-01', 12); // '2024-03-01'
 * ```
 */
export function sameDayMonthsLater(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (month % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
