import { errorIssue } from '../../core/issue.js';
import type { ClaimLine } from '../claim.js';
import type { ClaimIssue } from '../claimIssue.js';
import { isAnesthesia } from '../procedures/anesthesia.js';
import { unitBasisOf } from '../procedures/unitBasis.js';
import { dateOfDayNumber } from '../../core/calendarDay.js';
import { mueEditOn, type MueEdit, type MueTable } from './mueTable.js';
import { spanOf, type ServiceSpan } from './serviceSpan.js';

// Units are summed in thousandths (a line carries at most three decimals), so 0.1 + 2.7 + 0.2 is 3 exactly.
const THOUSANDTHS = 1000;
// A line spread over several days gives each day a share that need not be a whole thousandth.
const SHARE_TOLERANCE = 1e-6;

/**
 * The units of service a line counts for MUE, in thousandths. A line whose units are minutes
 * (`unitBasis` MJ in any case, anesthesia time) is one service: its minutes measure time, not services.
 */
function mueThousandths(line: ClaimLine): number {
  return unitBasisOf(line) === 'MJ' && isAnesthesia(line.procedure) ? THOUSANDTHS : Math.round(line.units * THOUSANDTHS);
}

function unitsText(thousandths: number): string {
  return String(Math.round(thousandths) / THOUSANDTHS);
}

/** One line under a date-of-service MUE (adjudication indicator 2 or 3). */
interface DatedLine {
  readonly index: number;
  readonly edit: MueEdit;
  readonly span: ServiceSpan;
  /** Its units per day of its span, in thousandths. */
  readonly perDay: number;
}

/**
 * Checks units against the loaded MUE table (`ncci.mue`). Adjudication indicator 1 is a line edit:
 * a line's units against the MUE (times its days when it spans several). Indicators 2 and 3 are
 * date-of-service edits: the units of every line with the code are added up per date, a line that
 * spans several days (`serviceDateTo`) counting its units spread evenly over them, and the line at
 * which a date's total first passes the MUE is reported. Each line is judged by the edit in force on
 * its first day.
 *
 * @param lines - the claim's lines
 * @param codes - their procedure codes, normalized
 * @param table - the loaded MUE table
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkMue(claim.lines, codes, mue, found);
 * ```
 */
export function checkMue(lines: readonly ClaimLine[], codes: readonly string[], table: MueTable, issues: ClaimIssue[]): void {
  const byCode = new Map<string, DatedLine[]>();
  const found: { index: number; issue: ClaimIssue }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ClaimLine;
    const code = codes[i] ?? '';
    const edit = mueEditOn(table, code, line.serviceDate);
    if (edit === undefined) continue;
    const span = spanOf(line);
    const days = span.last - span.first + 1;
    const units = mueThousandths(line);
    if (edit.indicator === 1) {
      if (units > edit.value * THOUSANDTHS * days) {
        const per = days > 1 ? `per line of ${days} days (${edit.value} a day)` : 'per line';
        found.push({ index: i, issue: { ...errorIssue('ncci.mue', ['lines', i, 'units'], `${unitsText(units)} units of ${code} exceed the MUE of ${edit.value} ${per}`), source: sourceOf(code, edit) } });
      }
      continue;
    }
    const group = byCode.get(code);
    const dated: DatedLine = { index: i, edit, span, perDay: units / days };
    if (group === undefined) byCode.set(code, [dated]);
    else group.push(dated);
  }
  for (const [code, group] of byCode) found.push(...(group.some((line) => line.span.last > line.span.first) ? overSpans(code, group) : overDates(code, group)));
  found.sort((a, b) => a.index - b.index);
  for (const { issue } of found) issues.push(issue);
}

function sourceOf(code: string, edit: MueEdit): string {
  return `NCCI MUE ${code}: ${edit.value}, adjudication indicator ${edit.indicator}`;
}

function overIssue(code: string, line: DatedLine, total: number, day: number): { index: number; issue: ClaimIssue } {
  const date = dateOfDayNumber(day);
  const spread = line.span.last > line.span.first ? ' (lines spanning several days count their units spread evenly over them)' : '';
  return {
    index: line.index,
    issue: { ...errorIssue('ncci.mue', ['lines', line.index, 'units'], `${unitsText(total)} units of ${code} on ${date} exceed the MUE of ${line.edit.value} per date of service${spread}`), source: sourceOf(code, line.edit) },
  };
}

// Every line one day: the running total per date, in whole thousandths.
function overDates(code: string, group: readonly DatedLine[]): { index: number; issue: ClaimIssue }[] {
  const perDate = new Map<number, number>();
  const found: { index: number; issue: ClaimIssue }[] = [];
  for (const line of group) {
    const limit = line.edit.value * THOUSANDTHS;
    const previous = perDate.get(line.span.first) ?? 0;
    const total = previous + line.perDay;
    perDate.set(line.span.first, total);
    if (total > limit && previous <= limit) found.push(overIssue(code, line, total, line.span.first));
  }
  return found;
}

// Some line spans several days: the totals are constant between the days where a span starts or
// ends, so each stretch between those days is judged once, adding the lines in claim order; a line
// is reported on the first day its share takes the total past the MUE.
function overSpans(code: string, group: readonly DatedLine[]): { index: number; issue: ClaimIssue }[] {
  const cuts = [...new Set(group.flatMap((line) => [line.span.first, line.span.last + 1]))].sort((a, b) => a - b);
  const reported = new Set<number>();
  const found: { index: number; issue: ClaimIssue }[] = [];
  for (const day of cuts) {
    let total = 0;
    for (const line of group) {
      if (day < line.span.first || day > line.span.last) continue;
      const limit = line.edit.value * THOUSANDTHS + SHARE_TOLERANCE;
      const previous = total;
      total += line.perDay;
      if (total > limit && previous <= limit && !reported.has(line.index)) {
        reported.add(line.index);
        found.push(overIssue(code, line, total, day));
      }
    }
  }
  return found;
}
