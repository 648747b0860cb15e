import { lineModifiers, MAX_MODIFIERS } from './lineModifiers.js';
import { errorIssue, warningIssue } from '../../core/issue.js';
import { misplacement } from './modifierPlacement.js';
import type { ClaimLine } from '../claim.js';
import type { ClaimIssue } from '../claimIssue.js';
import { inForce, type HcpcsTable } from './hcpcsTable.js';

/** Pairs of modifiers that contradict each other on one line, and why. */
const CONFLICTS: readonly (readonly [string, string, string])[] = [
  ['LT', 'RT', 'a line is one side: report both sides as 50 or on two lines'],
  ['26', 'TC', 'the professional and the technical component together are the global service, reported without either'],
  ['50', 'LT', '50 already says both sides (CMS: RT and LT are not used when 50 applies)'],
  ['50', 'RT', '50 already says both sides (CMS: RT and LT are not used when 50 applies)'],
  ...['XE', 'XS', 'XP', 'XU'].map((x) => ['59', x, `${x} is a more specific form of 59 (CMS CR 8863: not both on one line)`] as const),
  ['GA', 'GZ', 'GA says an ABN is on file and GZ that none was given for an expected denial (CMS IOM 100-04 ch. 30): a line is one or the other'],
  ['76', '77', '76 is a repeat by the same physician and 77 by another: a line is one or the other'],
];

export { MAX_MODIFIERS } from './lineModifiers.js';

/**
 * Checks a line's modifiers: two alphanumeric characters each (`modifier.format`), at most four
 * (`modifier.too_many`, reported once; the rest are not read), none repeated or contradicting another (`modifier.conflict`: LT with RT,
 * 26 with TC, 50 with LT or RT, 59 with an X{EPSU}, GA with GZ, 76 with 77), each on the kind of service it is for
 * (`modifier.misplaced`, a warning: 24, 25 and 57 only on a visit's code, 59 and X{EPSU} never on
 * an evaluation and management code; see {@link misplacement}), and, when a HCPCS table listing modifiers is loaded, in force on the date of service
 * (`modifier.terminated`) and, for a modifier beginning with a letter, listed at all
 * (`modifier.unknown`). HCPCS Level II modifiers begin with a letter; modifiers beginning with a
 * digit (25, 59, and the Category II 1P, 2P, 3P, 8P) are CPT's, licensed by the AMA and absent from
 * the HCPCS file, so they are judged on format only.
 *
 * @param line - the line
 * @param index - its position in the claim
 * @param hcpcs - the loaded HCPCS file, if any
 * @param issues - where findings are added
 * @example
 * ```ts
 * checkModifiers({ ...line, modifiers: ['LT', 'RT'] }, 0, undefined, found); // modifier.conflict
 * ```
 */
export function checkModifiers(line: ClaimLine, index: number, hcpcs: HcpcsTable | undefined, issues: ClaimIssue[]): void {
  const modifiers = line.modifiers ?? [];
  const read = lineModifiers(line);
  const seen: string[] = [];
  for (let m = 0; m < read.length; m++) {
    const path = ['lines', index, 'modifiers', m];
    const modifier = read[m] as string;
    // lineModifiers upper-cases ASCII only, so 'ſt' stays as written (not 'ST') and fails here.
    if (!/^[0-9A-Z]{2}$/.test(modifier)) {
      issues.push(errorIssue('modifier.format', path, `'${modifiers[m] ?? ''}' is not a two-character modifier`));
      continue;
    }
    const conflict = conflictWith(modifier, seen);
    if (conflict !== undefined) issues.push(errorIssue('modifier.conflict', path, conflict));
    const misplaced = misplacement(modifier, line.procedure.trim(), line.serviceDate);
    if (misplaced !== undefined) issues.push(warningIssue('modifier.misplaced', path, misplaced));
    seen.push(modifier);
    const period = hcpcs?.modifiers.get(modifier);
    if (period === undefined && hcpcs !== undefined && hcpcs.modifiers.size > 0 && !isDigit(modifier.charCodeAt(0))) {
      issues.push({ ...errorIssue('modifier.unknown', path, `${modifier} is not a modifier of the loaded HCPCS Level II file`), source: 'HCPCS Level II file' });
    } else if (period !== undefined && !inForce(period, line.serviceDate)) {
      const when = period.effective > line.serviceDate ? `only from ${period.effective}` : `ended ${period.terminated ?? ''}`;
      issues.push({ ...errorIssue('modifier.terminated', path, `modifier ${modifier} is not in force on ${line.serviceDate} (${when})`), source: 'HCPCS Level II file' });
    }
  }
  if (modifiers.length > MAX_MODIFIERS) {
    issues.push(errorIssue('modifier.too_many', ['lines', index, 'modifiers', MAX_MODIFIERS], `a line carries at most ${MAX_MODIFIERS} modifiers, not ${modifiers.length}; the rest are not read`));
  }
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57;
}

// Each modifier's conflicting partners, so a line's check looks only at the pairs its modifiers are in.
const CONFLICTS_BY_MODIFIER: ReadonlyMap<string, readonly (readonly [string, string, string])[]> = (() => {
  const byModifier = new Map<string, (readonly [string, string, string])[]>();
  for (const pair of CONFLICTS) for (const side of [pair[0], pair[1]]) byModifier.set(side, [...(byModifier.get(side) ?? []), pair]);
  return byModifier;
})();

function conflictWith(modifier: string, seen: readonly string[]): string | undefined {
  if (seen.length === 0) return undefined;
  if (seen.includes(modifier)) return `modifier ${modifier} is repeated`;
  for (const [a, b, why] of CONFLICTS_BY_MODIFIER.get(modifier) ?? []) {
    if (seen.includes(modifier === a ? b : a)) return `${a} and ${b} cannot both be on one line: ${why}`;
  }
  return undefined;
}
