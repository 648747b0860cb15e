import { DateTime } from 'luxon';
import { z } from 'zod';
import { issuesFromZod } from '../core/parse.js';
import { hasLoneSurrogate } from './canonicalJson.js';
import { fail, ok, type Checked } from '../core/result.js';
import { isIsoDate } from '../core/time.js';
import { PurposeOfUseSchema, type AccessContext } from './context.js';
import { runOperation, type OperationScope } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { step, type Steps } from './steps.js';
import { mergedIntoRecord } from './mergedRecords.js';
import { readCallerInput } from './callerInput.js';
import { unreadable } from './writeVersion.js';

const isCalendarDate = (text: string): boolean => isIsoDate(text);

/** A non-empty text of at most `max` characters, in well-formed Unicode (canonical JSON cannot hold a lone surrogate). */
const text = (max: number) => z.string().min(1).max(max).refine((value) => !hasLoneSurrogate(value), { message: 'not well-formed Unicode (a lone surrogate)' });

/**
 * A disclosure of protected health information, as HIPAA 164.528(b)(2) asks it to be accounted for:
 * the date, the recipient (and address if known), a brief description and the purpose.
 *
 * @example
 * ```ts
 * DisclosureSchema.parse({ date: '2026-11-02', recipient: 'County Health Dept', description: 'TB test result', purpose: 'PUBHLTH' });
 * ```
 */
export const DisclosureSchema = z.object({
  date: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD'),
  recipient: text(500),
  recipientAddress: text(1000).optional(),
  description: text(2000),
  purpose: PurposeOfUseSchema,
  purposeStatement: text(2000).optional(),
});

/**
 * A disclosure (see {@link DisclosureSchema}).
 *
 * @example
 * ```ts
 * const d: Disclosure = { date: '2026-11-02', recipient: 'Acme Life', description: 'labs 2025', purpose: 'LEGAL' };
 * ```
 */
export type Disclosure = z.infer<typeof DisclosureSchema>;

/**
 * The purposes of use ({@link PurposeOfUseSchema}, HL7 v3 PurposeOfUse) whose disclosures HIPAA
 * 164.528(a)(1) leaves out of an accounting of disclosures. Each code is here for one reason:
 *
 * - `TREAT` (treatment): 164.528(a)(1)(i), treatment.
 * - `ETREAT` (emergency treatment, a specialization of `TREAT` in HL7 v3 ActReason): 164.528(a)(1)(i),
 *   treatment.
 * - `COC` (coordination of care, a specialization of `TREAT` in HL7 v3 ActReason): 164.528(a)(1)(i),
 *   treatment, which 164.501 defines as "the provision, coordination, or management of health care".
 * - `HPAYMT` (healthcare payment): 164.528(a)(1)(i), payment.
 * - `HOPERAT` (healthcare operations): 164.528(a)(1)(i), health care operations.
 * - `PATRQT` (patient requested): 164.528(a)(1)(ii), a disclosure to the individual of information
 *   about them, and 164.528(a)(1)(iv), one made under the individual's authorization (164.508). A
 *   disclosure records no other field that could say either, so this code is the only way to.
 *
 * Disclosures for every other accepted code stay in the accounting: `PUBHLTH` (public health,
 * 164.512(b)), `LEGAL` (judicial and administrative proceedings, 164.512(e)) and `HRESCH` (research
 * without an authorization, 164.512(i)) are the disclosures an accounting exists for; `HMARKT`
 * (marketing) stays because the code cannot show the authorization marketing needs
 * (164.508(a)(3)), and a disclosure made without one must be accounted for. The HL7 sub-codes that
 * {@link PurposeOfUseSchema} does not accept (such as `POPHLTH`, `CAREMGT`, `COVERAGE`) cannot reach
 * an accounting. Frozen, so no importer can change what every accounting leaves out.
 *
 * @example
 * ```ts
 * UNACCOUNTED_PURPOSES.includes('COC');     // true: coordination of care is treatment
 * UNACCOUNTED_PURPOSES.includes('PUBHLTH'); // false: public health disclosures are accounted for
 * ```
 */
export const UNACCOUNTED_PURPOSES: readonly string[] = Object.freeze(['TREAT', 'ETREAT', 'COC', 'HPAYMT', 'HOPERAT', 'PATRQT']);

/**
 * Records a disclosure of a record, by the actor who made it. A deleted record's disclosures may still
 * be recorded; a merged one answers `records.merged` with the survivor's id, where the disclosure
 * belongs. A disclosure cannot be dated after the store clock's day (UTC, with a day's grace for
 * clinics east of it, whose local date runs ahead of UTC's).
 *
 * @example
 * ```ts
 * await recordDisclosure(settings, 'p1', { date: '2026-11-02', recipient: 'County Health Dept', description: 'TB result', purpose: 'PUBHLTH' }, context);
 * ```
 */
export function recordDisclosure<S extends z.ZodType>(settings: StoreSettings<S>, id: string, disclosure: Disclosure, context: AccessContext): Promise<Checked<Disclosure, RecordIssue>> {
  return runOperation(settings, { action: 'disclose', permission: 'disclose' }, id, context, function* (scope) {
    // The parsed disclosure is zod's copy: the caller's object is read once, here.
    const parsed = readCallerInput(['disclosure'], () => {
      const result = DisclosureSchema.safeParse(disclosure);
      return result.success ? ok(result.data) : fail(issuesFromZod(result.error, 'records.invalid_input', ['disclosure']));
    });
    if (!parsed.ok) return parsed;
    const latest = addDays(scope.chain.at.slice(0, 10), 1);
    if (parsed.value.date > latest) return fail([recordIssue('records.invalid_input', ['disclosure', 'date'], `a disclosure cannot be dated after ${latest}`)]);
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    const merged = head.state === 'merged' ? unreadable(head, ['id']) : undefined;
    if (merged !== undefined) return fail([merged]);
    scope.chain.add('disclosure', scope.key, null, { ...parsed.value, recordId: scope.key, by: scope.context.actor });
    return ok(parsed.value);
  });
}

function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

// A calendar day as stored dates compare: years past 9999 after every stored date, before year 1 before.
function dateBound(at: DateTime): string {
  if (at.year > 9999) return '9999-12-31~';
  if (at.year < 1) return '0000-00-00';
  return at.toISODate() ?? '';
}

/** The record's key and the keys of every record merged into it, following merges of merges. */
function* mergedInto(scope: OperationScope, key: string, seen: Set<string>): Steps<string[]> {
  if (seen.has(key)) return [];
  seen.add(key);
  const keys = [key];
  for (const replaces of yield* mergedIntoRecord(scope.tx, key)) keys.push(...(yield* mergedInto(scope, replaces, seen)));
  return keys;
}

/**
 * The accounting of disclosures for an individual (HIPAA 164.528): every disclosure dated in the six
 * years up to `asOf`, newest first, leaving out those whose purpose is in {@link UNACCOUNTED_PURPOSES}
 * (treatment, including coordination of care, payment and operations; disclosures to the individual
 * or under their authorization, `PATRQT`). A
 * survivor's accounting includes the disclosures of every record merged into it; an expunged record
 * keeps its disclosures; an id that never existed is `records.not_found`.
 *
 * @example
 * ```ts
 * const report = await accountingOfDisclosures(settings, 'p1', DateTime.fromISO('2026-11-02', { zone }), context);
 * ```
 */
export function accountingOfDisclosures<S extends z.ZodType>(settings: StoreSettings<S>, id: string, asOf: DateTime, context: AccessContext): Promise<Checked<Disclosure[], RecordIssue>> {
  return runOperation(settings, { action: 'accounting', permission: 'read' }, id, context, function* (scope) {
    const window = readCallerInput(['asOf'], () =>
      DateTime.isDateTime(asOf) && asOf.isValid ? ok({ last: dateBound(asOf), first: dateBound(asOf.minus({ years: 6 })) }) : fail([recordIssue('records.invalid_input', ['asOf'], 'the date is not valid')]));
    if (!window.ok) return window;
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined) return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    const { last, first } = window.value;
    const all: Disclosure[] = [];
    for (const key of yield* mergedInto(scope, scope.key, new Set())) {
      const rows = yield* step(scope.tx.entriesOf(key, 'disclosure'));
      for (const row of rows) if (row.data !== null) all.push(DisclosureSchema.parse(JSON.parse(row.data)));
    }
    const inWindow = all.filter((d) => d.date > first && d.date <= last && !UNACCOUNTED_PURPOSES.includes(d.purpose));
    return ok(inWindow.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)));
  });
}
