import type { PayerRules } from './claimOptions.js';
import type { ClaimIssue } from './claimIssue.js';

/**
 * Applies a payer's severity rules to a claim's issues: each code the payer names becomes an error, a
 * warning, or is dropped (`'off'`); the claim is valid when no error is left.
 *
 * @param issues - the issues found, in order
 * @param rules - the payer's rules
 * @returns the issues as the payer sees them, and whether the claim is valid
 * @example
 * ```ts
 * applyPayerSeverity(found, { severity: { 'pointer.unused': 'off' } }); // { valid: true, issues: [] } when that was all
 * ```
 */
export function applyPayerSeverity(issues: readonly ClaimIssue[], rules: PayerRules): { valid: boolean; issues: readonly ClaimIssue[] } {
  const severity = rules.severity;
  if (severity === undefined) return { valid: !issues.some((found) => found.severity === 'error'), issues };
  const adjusted: ClaimIssue[] = [];
  let valid = true;
  for (const found of issues) {
    const wanted = Object.hasOwn(severity, found.code) ? severity[found.code] : undefined;
    if (wanted === 'off') continue;
    const kept = wanted === undefined || wanted === found.severity ? found : { ...found, severity: wanted };
    if (kept.severity === 'error') valid = false;
    adjusted.push(kept);
  }
  return { valid, issues: adjusted };
}
