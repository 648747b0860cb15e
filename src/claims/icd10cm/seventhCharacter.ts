import { anyBillableOn, billableFlagsOn, descendantsOf } from './inForce.js';
import type { Icd10CodeSet, SeventhCharacterRule } from './tables.js';

/** Why a code under a 7th-character rule is not a billable code. */
export type SeventhCharacterProblem =
  | { readonly kind: 'missing'; readonly rule: SeventhCharacterRule; readonly ruleAt: string }
  | { readonly kind: 'invalid'; readonly rule: SeventhCharacterRule; readonly ruleAt: string }
  | { readonly kind: 'placeholder'; readonly rule: SeventhCharacterRule; readonly ruleAt: string; readonly suggestion: string };

/**
 * Explains a code that is not billable on a day through the 7th-character rule (`sevenChrDef`)
 * inherited from its nearest ancestor: the 7th character is missing (`T14.91`), not one the rule
 * allows (`S72.001Z`), or given without the placeholder `X` (`T14.91A` for `T14.91XA`).
 *
 * @param set - the code set in force
 * @param code - undotted, upper-case, not billable on `day`
 * @param day - the day number of the date of service
 * @param rules - the 7th-character rules by the code they sit at
 * @returns the problem, or `undefined` when no rule applies or the code is wrong in another way
 * @example
 * ```ts
 * seventhCharacterProblem(set, 'T1491A', day, rules)?.kind; // 'placeholder' (T14.91XA)
 * ```
 */
export function seventhCharacterProblem(
  set: Icd10CodeSet,
  code: string,
  day: number,
  rules: ReadonlyMap<string, SeventhCharacterRule>,
): SeventhCharacterProblem | undefined {
  const found = ruleFor(code, rules);
  if (found === undefined) return undefined;
  const { rule, ruleAt } = found;
  if (code.length === 7) {
    return rule.characters.includes(code[6] ?? '') ? undefined : { kind: 'invalid', rule, ruleAt };
  }
  const last = code.at(-1) ?? '';
  if (rule.characters.includes(last)) {
    const suggestion = code.slice(0, -1).padEnd(6, 'X') + last;
    if (billableFlagsOn(set, suggestion, day) >= 0) return { kind: 'placeholder', rule, ruleAt, suggestion };
  }
  return awaitsSeventh(set, code, day) ? { kind: 'missing', rule, ruleAt } : undefined;
}

function ruleFor(code: string, rules: ReadonlyMap<string, SeventhCharacterRule>): { rule: SeventhCharacterRule; ruleAt: string } | undefined {
  for (let length = Math.min(code.length, 6); length >= 3; length -= 1) {
    const ruleAt = code.slice(0, length);
    const rule = rules.get(ruleAt);
    if (rule !== undefined) return { rule, ruleAt };
  }
  return undefined;
}

/** True when the code, padded with placeholders to six characters, has 7-character codes below it in force. */
function awaitsSeventh(set: Icd10CodeSet, code: string, day: number): boolean {
  const below = descendantsOf(set, code.padEnd(6, 'X'));
  return below !== undefined && anyBillableOn(below, day);
}
