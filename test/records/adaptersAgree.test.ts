import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { EntryRow, HeadRow, StorageAdapter } from '../../src/records/adapter.js';
import { memoryAdapter, type MemoryAdapter } from '../../src/records/adapters/memory.js';
import { postgresAdapter } from '../../src/records/adapters/postgres.js';
import { sqliteAdapter } from '../../src/records/adapters/sqlite.js';
import type { AccessContext, AccessPolicy } from '../../src/records/context.js';
import { foldAmendments, type Amendment, type AmendmentEvent } from '../../src/records/amendmentLog.js';
import type { AmendmentDecision } from '../../src/records/amendments.js';
import type { JsonPatch } from '../../src/records/jsonPatch.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { createRecordStore, type RecordStore } from '../../src/records/store.js';
import type { ViewPolicy } from '../../src/records/views.js';
import { clerk, doctor, patient } from './fixtures.js';

// Who acts: every role is refused something by the policy below, so denials are compared too.
const contexts = {
  clerk,
  doctor,
  scribe: { actor: 'scribe-1', role: 'physician', purposeOfUse: 'TREAT', onBehalfOf: 'dr-lee', reason: 'dictation' },
  officer: { actor: 'privacy-1', role: 'privacy-officer', purposeOfUse: 'HOPERAT', reason: 'court order' },
  patient: { actor: 'patient-a', role: 'patient', purposeOfUse: 'PATRQT' },
} satisfies Record<string, AccessContext>;
type Who = keyof typeof contexts;

const policy: AccessPolicy = {
  assistant: ['read', 'write', 'delete', 'disclose', 'merge', 'audit', 'amend'],
  physician: ['read', 'write', 'delete', 'merge', 'audit', 'amend-decide'],
  // May decide amendments but not write: accepting with a patch is refused.
  'privacy-officer': ['read', 'audit', 'expunge', 'amend-decide', 'disclose'],
  patient: ['read', 'amend'],
};

const goodView: ViewPolicy = [
  { role: 'assistant', purposes: ['TREAT'], fields: ['/name/*/family', '/birthDate'] },
  { role: 'physician', purposes: ['TREAT'], fields: [''] },
  { role: 'privacy-officer', purposes: ['HOPERAT'], fields: ['/gender', '/name/0/given', '/telecom'] },
];
const badView: ViewPolicy = [
  { role: 'assistant', purposes: ['TREAT'], fields: ['name'] },
  { role: 'physician', purposes: ['TREAT'], fields: ['/name/0', '/name/~2'] },
];

const START = DateTime.fromISO('2026-11-02T12:30:00.000Z', { zone: 'utc' });
const at = (seconds: number): DateTime => START.plus({ seconds }) as DateTime;

const k = <K extends string>(kind: K): fc.Arbitrary<K> => fc.constant(kind);
const w = <T,>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({ weight, arbitrary });

/** A version number, or one relative to the record's head when the operation starts (so that writes can succeed). */
type Ref = 'head' | 'head-1' | number;
const ref: fc.Arbitrary<Ref> = fc.oneof(w(5, fc.constant<Ref>('head')), w(1, fc.constant<Ref>('head-1')), w(2, fc.integer({ min: 0, max: 6 })));
// Each run starts with a, b and c created; d is unknown until some operation creates it.
const ids = fc.constantFrom('a', 'b', 'c', 'd');
const family = fc.constantFrom('Ames', 'Baker', 'Muñoz');
const who = fc.constantFrom<Who>('clerk', 'clerk', 'doctor', 'doctor', 'scribe', 'officer', 'patient');
const seconds = fc.nat({ max: 60 });
const maybe = <T,>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });
// Mostly an amendment of the record itself, sometimes one of another record.
const amendmentOf = fc.oneof(w(4, fc.constant(undefined)), w(1, ids));
// Which of its amendments: mostly 'head', the newest one ready for the operation when it starts (see resolve).
const amendment = fc.oneof(w(3, fc.constant<Ref>('head')), w(1, fc.integer({ min: 1, max: 3 })));

// Mostly a role the policy lets do the operation, sometimes anyone (to compare refusals too).
const as = (...allowed: Who[]): fc.Arbitrary<Who> => fc.oneof(w(4, fc.constantFrom(...allowed)), w(1, who));
const writer = as('clerk', 'doctor', 'scribe');
// Amendment workflows (request, decision, disagreement, rebuttal) mostly concern record a, so that they get far.
const amended = fc.oneof(w(4, fc.constant('a' as const)), w(1, ids));
const reader = who;

const operation = fc.oneof(
  w(3, fc.record({ kind: k('create'), id: ids, family, who: writer })),
  w(2, fc.record({ kind: k('update'), id: ids, family, expected: ref, who: writer })),
  w(2, fc.record({ kind: k('patch'), id: ids, family, expected: ref, who: writer })),
  w(2, fc.record({ kind: k('delete'), id: ids, expected: ref, who: writer })),
  w(2, fc.record({ kind: k('undelete'), id: ids, who: writer })),
  w(1, fc.record({ kind: k('expunge'), id: ids, who: as('officer') })),
  w(1, fc.record({ kind: k('read'), id: ids, who: reader })),
  w(1, fc.record({ kind: k('readVersion'), id: ids, version: ref, who: reader })),
  w(1, fc.record({ kind: k('readAsOf'), id: ids, seconds, who: reader })),
  w(1, fc.record({ kind: k('history'), id: ids, pageSize: fc.integer({ min: 1, max: 4 }), before: maybe(fc.integer({ min: 1, max: 7 })), since: maybe(seconds), at: maybe(seconds), who: reader })),
  w(1, fc.record({ kind: k('diff'), id: ids, from: ref, to: ref, who: reader })),
  w(1, fc.record({ kind: k('readView'), id: ids, bad: fc.boolean(), who: reader })),
  w(1, fc.record({ kind: k('merge'), id: ids, into: ids, who: writer })),
  w(1, fc.record({
    kind: k('auditTrail'), id: ids, pageSize: fc.integer({ min: 1, max: 4 }), since: maybe(seconds), until: maybe(seconds), before: maybe(fc.integer({ min: 1, max: 80 })),
    who: as('clerk', 'doctor', 'officer'),
  })),
  w(2, fc.record({ kind: k('correct'), id: ids, errorVersion: ref, expected: ref, family, reason: fc.constantFrom('wrong patient', 'wrong patient — chart mix-up', ' '), who: writer })),
  w(1, fc.record({ kind: k('corrections'), id: ids, who: reader })),
  w(4, fc.record({
    kind: k('requestAmendment'), id: amended, version: ref, description: fc.constantFrom('my birth date is wrong', 'my birth date is wrong', 'my birth date is wrong', ''),
    proposal: fc.constantFrom('none', 'birthDate', 'birthDate', 'birthDate', 'badPointer'), who: as('patient', 'clerk'),
  })),
  w(3, fc.record({
    kind: k('decideAmendment'), id: amended, of: amendmentOf, n: amendment, family, expected: ref, who: as('doctor', 'scribe', 'officer'),
    decision: fc.constantFrom('deny', 'deny', 'deny', 'denyBlank', 'accept', 'acceptPatch', 'acceptPatch', 'acceptBadPatch'),
  })),
  w(2, fc.record({ kind: k('statement'), id: amended, of: amendmentOf, n: amendment, statementKind: k('disagreement'), who: as('patient', 'clerk') })),
  w(2, fc.record({ kind: k('statement'), id: amended, of: amendmentOf, n: amendment, statementKind: k('rebuttal'), who: as('doctor', 'officer') })),
  w(1, fc.record({ kind: k('amendments'), id: amended, who: reader })),
  w(2, fc.record({
    kind: k('disclose'), id: ids, date: fc.constantFrom('2019-06-01', '2024-03-15', '2026-11-02', '2026-11-03', '2026-11-04'),
    purpose: fc.constantFrom('PUBHLTH', 'LEGAL', 'TREAT', 'HPAYMT'), who: as('clerk', 'officer'),
  })),
  w(1, fc.record({ kind: k('accounting'), id: ids, asOf: fc.constantFrom('2026-11-02', '2025-06-30', '2032-11-03'), who: reader })),
);
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

/** A step is one operation awaited on its own, or several started together with Promise.all. */
const steps = fc.array(
  fc.oneof(w(3, operation.map((op) => [op])), w(1, fc.array(operation, { minLength: 2, maxLength: 4 }))),
  { minLength: 1, maxLength: 30, size: 'max' },
);
/**
 * How the store clock moves from one operation to the next, in seconds, used in turn: mostly forward, sometimes
 * standing still or going back (the chain then keeps the previous entry's time, so versions and audit
 * events share times and the searches by time meet ties).
 */
const moves = fc.array(fc.constantFrom(1, 1, 1, 1, 0, -1, -3), { minLength: 1, maxLength: 40 });
const setup: Operation[][] = (['a', 'b', 'c'] as const).map((id) => [{ kind: 'create', id, family: 'Ames', who: 'clerk' }]);

/** A plan that reaches the success path of every operation (run first, before the random ones). */
const tourAlone: Operation[] = [
  { kind: 'update', id: 'a', family: 'Baker', expected: 'head', who: 'doctor' },
  { kind: 'patch', id: 'a', family: 'Muñoz', expected: 'head', who: 'scribe' },
  { kind: 'correct', id: 'a', errorVersion: 'head', expected: 'head', family: 'Ames', reason: 'wrong patient', who: 'doctor' },
  { kind: 'corrections', id: 'a', who: 'patient' },
  { kind: 'requestAmendment', id: 'a', version: 'head', description: 'my birth date is wrong', proposal: 'birthDate', who: 'patient' },
  { kind: 'decideAmendment', id: 'a', of: undefined, n: 'head', family: 'Ames', expected: 'head', decision: 'deny', who: 'officer' },
  { kind: 'statement', id: 'a', of: undefined, n: 'head', statementKind: 'disagreement', who: 'patient' },
  { kind: 'statement', id: 'a', of: undefined, n: 'head', statementKind: 'rebuttal', who: 'doctor' },
  { kind: 'requestAmendment', id: 'a', version: 'head', description: 'my birth date is wrong', proposal: 'none', who: 'clerk' },
  { kind: 'decideAmendment', id: 'a', of: undefined, n: 'head', family: 'Baker', expected: 'head', decision: 'acceptPatch', who: 'doctor' },
  { kind: 'amendments', id: 'a', who: 'clerk' },
  { kind: 'readVersion', id: 'a', version: 2, who: 'doctor' },
  { kind: 'diff', id: 'a', from: 1, to: 'head', who: 'doctor' },
  { kind: 'readView', id: 'a', bad: false, who: 'clerk' },
  { kind: 'history', id: 'a', pageSize: 2, before: undefined, since: undefined, at: undefined, who: 'clerk' },
  { kind: 'readAsOf', id: 'a', seconds: 4, who: 'clerk' },
  { kind: 'auditTrail', id: 'a', pageSize: 3, since: undefined, until: undefined, before: undefined, who: 'officer' },
  { kind: 'disclose', id: 'b', date: '2026-11-02', purpose: 'PUBHLTH', who: 'clerk' },
  { kind: 'merge', id: 'b', into: 'c', who: 'doctor' },
  { kind: 'accounting', id: 'c', asOf: '2026-11-02', who: 'officer' },
  { kind: 'delete', id: 'c', expected: 'head', who: 'clerk' },
  { kind: 'undelete', id: 'c', who: 'clerk' },
  { kind: 'expunge', id: 'a', who: 'officer' },
  { kind: 'read', id: 'a', who: 'clerk' },
  { kind: 'create', id: 'd', family: 'Muñoz', who: 'scribe' },
  // Past SNAPSHOT_INTERVAL (32): version 33 of d is a full snapshot, and reading 34 starts from it.
  ...Array.from({ length: 34 }, (_, i): Operation => ({ kind: 'patch', id: 'd', family: i % 2 === 0 ? 'Ames' : 'Baker', expected: 'head', who: 'clerk' })),
  { kind: 'readVersion', id: 'd', version: 33, who: 'doctor' },
  { kind: 'readVersion', id: 'd', version: 34, who: 'doctor' },
  { kind: 'diff', id: 'd', from: 2, to: 'head', who: 'doctor' },
  { kind: 'readAsOf', id: 'd', seconds: 60, who: 'clerk' },
  { kind: 'history', id: 'd', pageSize: 4, before: 35, since: 40, at: 60, who: 'clerk' },
  { kind: 'auditTrail', id: 'd', pageSize: 4, since: 50, until: 62, before: undefined, who: 'officer' },
  { kind: 'expunge', id: 'd', who: 'officer' },
];
const tour: Operation[][] = [...tourAlone.map((op) => [op]), [
  // Started together: the two updates race for version 5 of c.
  { kind: 'update', id: 'c', family: 'Baker', expected: 'head', who: 'clerk' },
  { kind: 'update', id: 'c', family: 'Muñoz', expected: 'head', who: 'doctor' },
  { kind: 'read', id: 'c', who: 'patient' },
  { kind: 'disclose', id: 'c', date: '2026-11-03', purpose: 'LEGAL', who: 'officer' },
]];

function num(value: Ref | undefined): number {
  if (typeof value !== 'number') throw new Error(`unresolved version ${String(value)}`);
  return value;
}

/** Whether an amendment is in the state an operation needs to go on with it. */
const ready: Record<string, (a: Amendment) => boolean> = {
  decideAmendment: (a) => a.status === 'requested',
  disagreement: (a) => a.status === 'denied' && a.disagreement === undefined,
  rebuttal: (a) => a.status === 'denied' && a.disagreement !== undefined && a.rebuttal === undefined,
};

/**
 * Replaces 'head' and 'head-1' by the numbers they stand for in the model's state when the step starts:
 * the record's current version or, for an amendment, the newest one ready for the operation (else the newest).
 */
function resolve(op: Operation, model: MemoryAdapter): Operation {
  const { heads, entries } = model.snapshot();
  const head = heads.find((h) => h.recordId === `Patient/${op.id}`)?.version ?? 0;
  const resolved = Object.fromEntries(Object.entries(op).map(([key, value]) => [key, value === 'head' ? head : value === 'head-1' ? head - 1 : value])) as Operation;
  if ((op.kind !== 'decideAmendment' && op.kind !== 'statement') || op.n !== 'head') return resolved;
  const key = `Patient/${op.of ?? op.id}`;
  const amendments = foldAmendments(entries.flatMap((e) =>
    e.kind === 'amendment' && e.recordId === key && e.data !== null ? [{ ...(JSON.parse(e.data) as AmendmentEvent), by: '', at: e.at }] : []));
  const wanted = ready[op.kind === 'statement' ? op.statementKind : op.kind] ?? (() => false);
  const chosen = amendments.findLast(wanted) ?? amendments[amendments.length - 1];
  return { ...resolved, n: chosen === undefined ? 1 : Number(chosen.id.slice(chosen.id.lastIndexOf('-') + 1)) } as Operation;
}

function decisionOf(op: Extract<Operation, { kind: 'decideAmendment' }>): AmendmentDecision {
  switch (op.decision) {
    case 'deny': return { outcome: 'denied', reason: 'the record is accurate and complete' };
    case 'denyBlank': return { outcome: 'denied', reason: ' ' };
    case 'accept': return { outcome: 'accepted' };
    case 'acceptPatch': return { outcome: 'accepted', expectedVersion: num(op.expected), patch: [{ op: 'replace', path: '/name/0/family', value: op.family }] };
    case 'acceptBadPatch': return { outcome: 'accepted', expectedVersion: num(op.expected), patch: [{ op: 'remove', path: '/telecom' }] };
  }
}

const proposals: Record<'birthDate' | 'badPointer', JsonPatch> = {
  birthDate: [{ op: 'replace', path: '/birthDate', value: '1981-04-02' }],
  badPointer: [{ op: 'replace', path: 'birthDate', value: '1981-04-02' }],
};

function run(store: RecordStore<unknown>, op: Operation): Promise<unknown> {
  const as = contexts[op.who];
  switch (op.kind) {
    case 'create': return store.create(op.id, patient(op.family), as);
    case 'update': return store.update(op.id, patient(op.family, { gender: 'female' }), num(op.expected), as);
    case 'patch': return store.patch(op.id, [{ op: 'replace', path: '/name/0/family', value: op.family }], num(op.expected), as);
    case 'delete': return store.delete(op.id, num(op.expected), as);
    case 'undelete': return store.undelete(op.id, as);
    case 'expunge': return store.expunge(op.id, as);
    case 'read': return store.read(op.id, as);
    case 'readVersion': return store.readVersion(op.id, num(op.version), as);
    case 'readAsOf': return store.readAsOf(op.id, at(op.seconds), as);
    case 'history': return store.history(op.id, {
      pageSize: op.pageSize, ...(op.before === undefined ? {} : { before: op.before }),
      ...(op.since === undefined ? {} : { since: at(op.since) }), ...(op.at === undefined ? {} : { at: at(op.at) }),
    }, as);
    case 'diff': return store.diff(op.id, num(op.from), num(op.to), as);
    case 'readView': return store.readView(op.id, op.bad ? badView : goodView, as);
    case 'merge': return store.merge(op.id, op.into, as);
    case 'auditTrail': return store.auditTrail(op.id, {
      pageSize: op.pageSize, ...(op.since === undefined ? {} : { since: at(op.since) }), ...(op.until === undefined ? {} : { until: at(op.until) }),
      ...(op.before === undefined ? {} : { before: op.before }),
    }, as);
    case 'correct': return store.correct(op.id, { errorVersion: num(op.errorVersion), expectedVersion: num(op.expected), document: patient(op.family, { gender: 'male' }), reason: op.reason }, as);
    case 'corrections': return store.corrections(op.id, as);
    case 'requestAmendment': return store.requestAmendment(op.id, {
      version: num(op.version), description: op.description, ...(op.proposal === 'none' ? {} : { proposedPatch: proposals[op.proposal] }),
    }, as);
    case 'decideAmendment': return store.decideAmendment(op.id, `${op.of ?? op.id}-amendment-${num(op.n)}`, decisionOf(op), as);
    case 'statement': return store.fileAmendmentStatement(op.id, `${op.of ?? op.id}-amendment-${num(op.n)}`, op.statementKind,
      op.statementKind === 'disagreement' ? 'I still think it is wrong' : 'the entry stands', as);
    case 'amendments': return store.amendments(op.id, as);
    case 'disclose': return store.recordDisclosure(op.id, { date: op.date, recipient: 'County Health Dept', description: 'TB test result', purpose: op.purpose }, as);
    case 'accounting': return store.accountingOfDisclosures(op.id, DateTime.fromISO(op.asOf, { zone: 'utc' }), as);
  }
}

const url = inject('medofficePgUrl');
const folder = mkdtempSync(join(tmpdir(), 'medoffice-agree-'));
let opened = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function adapters(): Promise<[MemoryAdapter, StorageAdapter, StorageAdapter]> {
  if (url === '') throw new Error('no PostgreSQL server: install postgresql or set MEDOFFICE_PG_URL');
  opened++;
  return [
    memoryAdapter(),
    await sqliteAdapter({ path: join(folder, `agree-${opened}.db`) }),
    await postgresAdapter({ connectionString: url, schema: `agree_${process.pid}_${opened}`, maxConnections: 2 }),
  ];
}

const byRecord = (heads: readonly HeadRow[]): HeadRow[] => [...heads].sort((x, y) => (x.recordId < y.recordId ? -1 : x.recordId > y.recordId ? 1 : 0));
const text = (value: unknown): string => JSON.stringify(value);
const chainOf = (adapter: StorageAdapter): Promise<EntryRow[]> => adapter.scan(1, 100_000);

/** Every order of 0..n-1, the identity first. */
function* orders(prefix: readonly number[], rest: readonly number[]): Generator<number[]> {
  if (rest.length === 0) yield [...prefix];
  for (const [i, next] of rest.entries()) yield* orders([...prefix, next], [...rest.slice(0, i), ...rest.slice(i + 1)]);
}

interface Lane<A extends StorageAdapter = StorageAdapter> {
  readonly adapter: A;
  readonly store: RecordStore<unknown>;
}

/** Successes and failures per operation kind over every run (the generator must reach each kind's success path). */
const outcomes = new Map<string, { ok: number; failed: number }>();

describe('adapters agree (model-based)', () => {
  it('memory, SQLite and PostgreSQL give the same answers and the same chain for every random sequence of operations, alone or started together', async () => {
    await fc.assert(
      fc.asyncProperty(steps, moves, async (generated, clockMoves) => {
        const plan = [...setup, ...generated];
        const [memory, sqlite, postgres] = await adapters();
        // The stores share one clock, set before each operation starts (each reads it once, synchronously, when called).
        const clock: { now: DateTime } = { now: START };
        const storeOn = (adapter: StorageAdapter): RecordStore<unknown> => createRecordStore({ schema: patientSchema, resourceType: 'Patient', adapter, clock: () => clock.now, policy });
        const start = (store: RecordStore<unknown>, ops: readonly Operation[], times: readonly DateTime[]): Promise<unknown[]> =>
          Promise.all(ops.map((op, i) => {
            clock.now = times[i] as DateTime;
            return run(store, op);
          }));
        const m: Lane<MemoryAdapter> = { adapter: memory, store: storeOn(memory) };
        const s: Lane = { adapter: sqlite, store: storeOn(sqlite) };
        const p: Lane = { adapter: postgres, store: storeOn(postgres) };
        // The model of PostgreSQL: a memory adapter that follows the order in which PostgreSQL serialised operations started together.
        const model = memoryAdapter();
        let q: Lane<MemoryAdapter> = { adapter: model, store: storeOn(model) };
        let seconds = -1;
        let moved = 0;
        let followed = true;
        try {
          for (const [n, step] of plan.entries()) {
            const ops = step.map((op) => resolve(op, m.adapter));
            const times = ops.map(() => at((seconds += clockMoves[moved++ % clockMoves.length] ?? 1)));
            const where = (i: number): string => `step ${n}, operation ${i} of ${ops.length}: ${text(ops[i])}`;
            const [ms = [], ss = [], ps = []] = await Promise.all([m, s, p].map((lane) => start(lane.store, ops, times)));
            // Memory and SQLite run transactions in the order they were started: every answer agrees.
            for (const [i, answer] of ms.entries()) {
              expect(text(ss[i]), `SQLite, ${where(i)}`).toBe(text(answer));
              const tally = outcomes.get(ops[i]?.kind ?? '?') ?? { ok: 0, failed: 0 };
              if ((answer as { ok: boolean }).ok) tally.ok++;
              else tally.failed++;
              outcomes.set(ops[i]?.kind ?? '?', tally);
            }
            const pg = ps.map(text);
            if (ops.length === 1) {
              clock.now = times[0] as DateTime;
              expect(pg[0], `PostgreSQL, ${where(0)}`).toBe(text(await run(q.store, ops[0] as Operation)));
              continue;
            }
            // PostgreSQL runs each transaction on its own pooled connection, so operations started together
            // may take the chain's lock in another order: its answers, chain and heads must be those of
            // running them one after another in some order.
            const before = q.adapter.snapshot();
            const tail = text(await postgres.scan(before.entries.length + 1, 100_000));
            const heads = text(byRecord(await postgres.heads()));
            let found: number[] | undefined;
            let identity: string[] = [];
            for (const order of orders([], [...ops.keys()])) {
              const candidate = memoryAdapter({ from: before });
              const store = storeOn(candidate);
              const answers: string[] = [];
              for (const i of order) {
                clock.now = times[i] as DateTime;
                answers[i] = text(await run(store, ops[i] as Operation));
              }
              if (identity.length === 0) identity = answers;
              const after = candidate.snapshot();
              if (answers.every((answer, i) => answer === pg[i]) && text(after.entries.slice(before.entries.length)) === tail && text(byRecord(after.heads)) === heads) {
                found = order;
                q = { adapter: candidate, store };
                break;
              }
            }
            expect(found, `PostgreSQL, step ${n}: no serial order of ${text(ops)} gives its answers ${text(pg)} (in the order started: ${text(identity)})`).toBeDefined();
            if (found?.some((i, position) => i !== position)) followed = false;
          }
          const [mc, sc, pc, qc] = await Promise.all([m, s, p, q].map((lane) => chainOf(lane.adapter)));
          const [mh, sh, ph, qh] = await Promise.all([m, s, p, q].map(async (lane) => byRecord(await lane.adapter.heads())));
          expect(text(sc), 'SQLite chain').toBe(text(mc));
          expect(text(sh), 'SQLite heads').toBe(text(mh));
          expect(text(pc), 'PostgreSQL chain').toBe(text(qc));
          expect(text(ph), 'PostgreSQL heads').toBe(text(qh));
          // When PostgreSQL kept the order operations were started in, its model is the memory adapter itself.
          if (followed) expect(text(qc), 'PostgreSQL model chain').toBe(text(mc));
          const [mv, sv, pv, qv] = await Promise.all([m, s, p, q].map((lane) => lane.store.verify()));
          for (const [name, verified] of [['memory', mv], ['SQLite', sv], ['PostgreSQL', pv]] as const) expect(verified?.ok, `${name} verify: ${text(verified)}`).toBe(true);
          expect(text(sv)).toBe(text(mv));
          expect(text(pv)).toBe(text(qv));
        } finally {
          for (const adapter of [sqlite, postgres]) await adapter.close();
        }
      }),
      { numRuns: 50, examples: [[tour, [1]]] },
    );
    // The generator reaches the success path of every kind of operation.
    for (const [kind, tally] of outcomes) expect(tally.ok, `${kind}: ${text(tally)}`).toBeGreaterThan(0);
    expect(outcomes.size).toBe(22);
  }, 120_000); // about 5 s on a 2-core machine; the margin is for one busy with other test files
});
