/** When a HCPCS code or modifier is in force: from `effective` through `terminated` (inclusive), ISO dates. */
export interface HcpcsPeriod {
  /** First day in force. */
  readonly effective: string;
  /** Last day in force, when it has been terminated. */
  readonly terminated?: string;
  /** The short description from the file. */
  readonly description: string;
}

/**
 * The HCPCS Level II file as loaded: procedure codes and modifiers with their dates.
 *
 * @example
 * ```ts
 * const table = loadHcpcsAnweb(csvText);
 * if (table.ok) table.value.modifiers.get('GD')?.terminated; // '2019-12-31'
 * ```
 */
export interface HcpcsTable {
  /** Level II procedure codes by upper-case code. */
  readonly procedures: ReadonlyMap<string, HcpcsPeriod>;
  /** Modifiers by upper-case code. */
  readonly modifiers: ReadonlyMap<string, HcpcsPeriod>;
}

/**
 * True when a HCPCS period covers a date (`YYYY-MM-DD`; ISO strings compare as dates).
 *
 * @example
 * ```ts
 * inForce({ effective: '2008-01-01', terminated: '2019-12-31', description: '' }, '2026-01-05'); // false
 * ```
 */
export function inForce(period: HcpcsPeriod, date: string): boolean {
  return period.effective <= date && (period.terminated === undefined || date <= period.terminated);
}
