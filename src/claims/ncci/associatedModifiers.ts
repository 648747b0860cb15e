/**
 * The NCCI-associated modifiers that may bypass a PTP edit whose modifier indicator is 1 (NCCI
 * Policy Manual for Medicare Services, Chapter I, section E): anatomic (E1–E4, FA, F1–F9, LC, LD,
 * LM, LT, RC, RI, RT, TA, T1–T9), global surgery (24, 25, 57, 58, 78, 79) and others (27, 59, 91,
 * XE, XS, XP, XU).
 *
 * @example
 * ```ts
 * NCCI_ASSOCIATED_MODIFIERS.has('XU'); // true
 * ```
 */
export const NCCI_ASSOCIATED_MODIFIERS: ReadonlySet<string> = new Set([
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'LC', 'LD', 'LM', 'LT', 'RC', 'RI', 'RT', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9',
  '24', '25', '57', '58', '78', '79', '27', '59', '91', 'XE', 'XS', 'XP', 'XU',
]);

/**
 * The anatomic NCCI-associated modifiers: they bypass a PTP edit only when they show the two
 * services were on different sites, so the same site on both lines (RT with RT) bypasses nothing.
 *
 * @example
 * ```ts
 * NCCI_ANATOMIC_MODIFIERS.has('RT'); // true
 * NCCI_ANATOMIC_MODIFIERS.has('59'); // false
 * ```
 */
export const NCCI_ANATOMIC_MODIFIERS: ReadonlySet<string> = new Set([
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'LC', 'LD', 'LM', 'LT', 'RC', 'RI', 'RT', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9',
]);
