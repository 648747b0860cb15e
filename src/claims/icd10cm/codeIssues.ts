import { match } from 'ts-pattern';
import { errorIssue, warningIssue } from '../../core/issue.js';
import type { ClaimIssue } from '../claimIssue.js';
import { isoDate } from './calendarDays.js';
import type { CodeVerdict, DiagnosisEntry } from './diagnosisEntry.js';
import { billableDescendantsOn, sourceOn } from './inForce.js';
import { formatIcd10 } from './normalize.js';
import type { Icd10Tables } from './tables.js';

const CHILDREN_NAMED = 5;

/**
 * The issues about each diagnosis code on its own: `icd10.format`, `icd10.unknown`,
 * `icd10.not_billable`, `icd10.seventh_character` and `icd10.no_code_set`, at most one of each per
 * diagnosis (on its earliest date with that finding).
 *
 * @param entry - the diagnosis as read
 * @param raw - the diagnosis as given, for the message
 * @param tables - the tables, to name their coverage
 * @example
 * ```ts
 * codeIssues(readDiagnosis('E11', 0, ['2026-11-02'], tables), 'E11', tables)[0]?.code; // 'icd10.not_billable'
 * ```
 */
export function codeIssues(entry: DiagnosisEntry, raw: unknown, tables: Icd10Tables): ClaimIssue[] {
  if (entry.code !== undefined && entry.verdicts.length === 1 && entry.verdicts[0]?.kind === 'billable') return [];
  const path = ['diagnoses', entry.index];
  if (entry.code === undefined) {
    const shown = typeof raw === 'string' ? `'${raw}'` : `a ${typeof raw}`;
    return [{
      ...errorIssue('icd10.format', path, `${shown} is not an ICD-10-CM code: a letter, then 2 to 6 letters or digits, with any dot after the third character`),
      source: 'ICD-10-CM code structure',
    }];
  }
  let issues: ClaimIssue[] | undefined;
  const reported: CodeVerdict['kind'][] = [];
  for (const verdict of entry.verdicts) {
    if (verdict.kind === 'billable' || reported.includes(verdict.kind)) continue;
    reported.push(verdict.kind);
    (issues ??= []).push(verdictIssue(verdict, entry.code, path, tables));
  }
  return issues ?? [];
}

function verdictIssue(verdict: Exclude<CodeVerdict, { kind: 'billable' }>, code: string, path: readonly (string | number)[], tables: Icd10Tables): ClaimIssue {
  const shown = formatIcd10(code);
  return match(verdict)
    .with({ kind: 'unknown' }, (v) => ({
      ...errorIssue('icd10.unknown', path, `${shown} is not in the ICD-10-CM code set in force on ${v.date}`),
      source: sourceOn(v.set, v.day),
    }))
    .with({ kind: 'header' }, (v) => ({
      ...errorIssue('icd10.not_billable', path, notBillableMessage(shown, billableDescendantsOn(v.set, code, v.day), v.date)),
      source: sourceOn(v.set, v.day),
    }))
    .with({ kind: 'seventh' }, (v) => ({
      ...errorIssue('icd10.seventh_character', path, seventhMessage(shown, v)),
      source: `${sourceOn(v.set, v.day)}, 7th characters at ${formatIcd10(v.problem.ruleAt)}`,
    }))
    .with({ kind: 'noCodeSet' }, (v) => ({
      ...warningIssue('icd10.no_code_set', path, `no ICD-10-CM code set is loaded for ${v.date}, so ${shown} was not checked; covered: ${coverage(tables)}`),
      source: 'medoffice ICD-10-CM tables',
    }))
    .exhaustive();
}

function notBillableMessage(shown: string, children: readonly string[], date: string): string {
  const named = children.slice(0, CHILDREN_NAMED).map(formatIcd10).join(', ');
  const more = children.length > CHILDREN_NAMED ? ` and ${children.length - CHILDREN_NAMED} more` : '';
  return `${shown} is a header on ${date}, not a billable code; bill one of its ${children.length} codes: ${named}${more}`;
}

function seventhMessage(shown: string, verdict: Extract<CodeVerdict, { kind: 'seventh' }>): string {
  const { problem } = verdict;
  const allowed = [...problem.rule.characters].map((char, i) => `${char} (${problem.rule.meanings[i] ?? ''})`).join(', ');
  return match(problem)
    .with({ kind: 'missing' }, () => `${shown} needs a 7th character: ${allowed}`)
    .with({ kind: 'invalid' }, () => `${shown} ends in a 7th character that ${formatIcd10(problem.ruleAt)} does not allow; allowed: ${allowed}`)
    .with({ kind: 'placeholder' }, (p) => `${shown} lacks the placeholder X before its 7th character: write ${formatIcd10(p.suggestion)}`)
    .exhaustive();
}

function coverage(tables: Icd10Tables): string {
  return tables.codeSets.map((set) => `${isoDate(set.from)} to ${isoDate(set.to)}`).join(', ') || 'none';
}
