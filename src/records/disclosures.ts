import { DateTime } from 'luxon';
import { z } from 'zod';
import { isIsoDate } from '../core/time.js';

const isCalendarDate = (text: string): boolean => isIsoDate(text);
import { issuesFromZod } from '../core/parse.js';
import { fail, ok, type Checked } from '../core/result.js';
import { PurposeOfUseSchema, type AccessContext } from './context.js';
import { runOperation } from './operation.js';
import { recordIssue, type RecordIssue } from './recordIssue.js';
import type { StoreSettings } from './settings.js';
import { step } from './steps.js';

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
  recipient: z.string().min(1).max(500),
  recipientAddress: z.string().min(1).max(1000).optional(),
  description: z.string().min(1).max(2000),
  purpose: PurposeOfUseSchema,
  purposeStatement: z.string().min(1).max(2000).optional(),
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

/** Purposes HIPAA 164.528(a)(1)(i) leaves out of an accounting: treatment, payment, health care operations. */
export const UNACCOUNTED_PURPOSES: readonly string[] = ['TREAT', 'ETREAT', 'HPAYMT', 'HOPERAT'];

/**
 * Records a disclosure of a record, by the actor who made it.
 *
 * @example
 * ```ts
 * await recordDisclosure(settings, 'p1', { date: '2026-11-02', recipient: 'County Health Dept', description: 'TB result', purpose: 'PUBHLTH' }, context);
 * ```
 */
export function recordDisclosure<S extends z.ZodType>(settings: StoreSettings<S>, id: string, disclosure: Disclosure, context: AccessContext): Promise<Checked<Disclosure, RecordIssue>> {
  return runOperation(settings, { action: 'disclose', permission: 'disclose' }, id, context, function* (scope) {
    const parsed = DisclosureSchema.safeParse(disclosure);
    if (!parsed.success) return fail(issuesFromZod(parsed.error, 'records.invalid_input', ['disclosure']));
    const head = yield* step(scope.tx.head(scope.key));
    if (head === undefined || head.state === 'expunged') return fail([recordIssue('records.not_found', ['id'], 'no such record')]);
    scope.chain.add('disclosure', scope.key, null, { ...parsed.data, recordId: scope.key, by: scope.context.actor });
    return ok(parsed.data);
  });
}

/**
 * The accounting of disclosures for an individual (HIPAA 164.528): every disclosure dated in the six
 * years up to `asOf`, newest first, leaving out those for treatment, payment and operations.
 *
 * @example
 * ```ts
 * const report = await accountingOfDisclosures(settings, 'p1', DateTime.fromISO('2026-11-02', { zone }), context);
 * ```
 */
export function accountingOfDisclosures<S extends z.ZodType>(settings: StoreSettings<S>, id: string, asOf: DateTime, context: AccessContext): Promise<Checked<Disclosure[], RecordIssue>> {
  return runOperation(settings, { action: 'accounting', permission: 'read' }, id, context, function* (scope) {
    if (!DateTime.isDateTime(asOf) || !asOf.isValid) return fail([recordIssue('records.invalid_input', ['asOf'], 'the date is not valid')]);
    const last = asOf.toISODate() ?? '';
    const first = asOf.minus({ years: 6 }).toISODate() ?? '';
    const rows = yield* step(scope.tx.entriesOf(scope.key, 'disclosure'));
    const all = rows.flatMap((row) => (row.data === null ? [] : [DisclosureSchema.parse(JSON.parse(row.data))]));
    const inWindow = all.filter((d) => d.date > first && d.date <= last && !UNACCOUNTED_PURPOSES.includes(d.purpose));
    return ok(inWindow.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)));
  });
}
