import { errorIssue, type Issue } from '../core/issue.js';
import type { WeeklyRule } from './availabilityRules.js';
import { minutesOfWallTime } from './wallTime.js';

const OPEN_END = '9999-12-31';

/**
 * Finds weekly rules of one provider that claim the same weekday hours over overlapping effective
 * ranges (a sign of a data-entry mistake: which of the two is meant?). Rules that merely touch
 * (one ends at 12:00, the next starts at 12:00) are fine.
 *
 * @param rules - the clinic's weekly rules
 * @returns one `schedule.overlapping_rules` issue per later rule that overlaps an earlier one
 * @example
 * ```ts
 * overlappingRules(file.rules); // [] when every provider's week is consistent
 * ```
 */
export function overlappingRules(rules: readonly WeeklyRule[]): Issue[] {
  const issues: Issue[] = [];
  // Only rules of one provider on one weekday can overlap, so each is compared within its group.
  const groups = new Map<string, WeeklyRule[]>();
  rules.forEach((rule, index) => {
    const key = `${rule.providerId}\u0000${rule.weekday}`;
    const group = groups.get(key) ?? [];
    const earlier = group.find((other) => rulesOverlap(other, rule));
    if (earlier !== undefined) {
      issues.push(errorIssue('schedule.overlapping_rules', ['rules', index], `rule ${rule.id} overlaps rule ${earlier.id}`));
    }
    group.push(rule);
    groups.set(key, group);
  });
  return issues;
}

function rulesOverlap(a: WeeklyRule, b: WeeklyRule): boolean {
  if (a.providerId !== b.providerId || a.weekday !== b.weekday) return false;
  const datesMeet = a.effectiveFrom <= (b.effectiveTo ?? OPEN_END) && b.effectiveFrom <= (a.effectiveTo ?? OPEN_END);
  const hoursMeet = minutesOfWallTime(a.start) < minutesOfWallTime(b.end) && minutesOfWallTime(b.start) < minutesOfWallTime(a.end);
  return datesMeet && hoursMeet;
}
