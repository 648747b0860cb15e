/**
 * The known issue code a misspelt one most likely meant: the single nearest by edit distance,
 * ignoring case, when it is within 2 edits and a third of the name's length (`date.timely-filing` →
 * `date.timely_filing`, `pointer.unsued` → `pointer.unused`); undefined when none is that near or two
 * are equally near.
 *
 * @param name - the unknown code as given
 * @param known - the codes it may have meant
 * @returns the suggestion, or undefined
 * @example
 * ```ts
 * nearestIssueCode('date.timely-filing', ['date.timely_filing', 'date.future']); // 'date.timely_filing'
 * nearestIssueCode('timely', ['date.timely_filing']); // undefined
 * ```
 */
export function nearestIssueCode(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(2, lower.length / 3);
  let best = Number.POSITIVE_INFINITY;
  let nearest: string[] = [];
  for (const code of known) {
    const distance = editDistance(lower, code);
    if (distance > limit || distance > best) continue;
    nearest = distance < best ? [code] : [...nearest, code];
    best = distance;
  }
  return nearest.length === 1 ? nearest[0] : undefined;
}

/** Levenshtein distance: the fewest one-character insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
