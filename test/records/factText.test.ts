import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditEvent, auditEventText } from '../../src/records/auditEvent.js';
import { canonicalJson } from '../../src/records/canonicalJson.js';
import { fail, ok } from '../../src/core/result.js';
import { recordIssue } from '../../src/records/recordIssue.js';
import { versionFactText, type VersionFact } from '../../src/records/versionFact.js';

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const maybe = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

describe('hand-written fact texts', () => {
  it('write a denied audit event with its issue codes', () => {
    const event = auditEvent('update', 'Patient/p1', { actor: 'a', role: 'clerk', purposeOfUse: 'TREAT' }, fail([recordIssue('records.forbidden', ['context', 'role'], 'no')]), undefined);
    expect(auditEventText(event)).toBe('{"action":"update","actor":"a","issues":["records.forbidden"],"outcome":"denied","purposeOfUse":"TREAT","recordId":"Patient/p1","role":"clerk"}');
  });

  describe('properties', () => {
    it('a version fact text is exactly canonicalJson of the fact', () => {
      fc.assert(
        fc.property(
          fc.record({ recordId: text, version: fc.nat(), at: text, author: text, documentHash: text, onBehalfOf: maybe(text), reason: maybe(text), replacedBy: maybe(text), replaces: maybe(text) }),
          fc.constantFrom('create', 'update', 'patch', 'delete', 'undelete', 'correct', 'amend', 'merge' as const),
          fc.constantFrom('active', 'deleted', 'merged' as const),
          fc.oneof(fc.record({ snapshot: fc.jsonValue() }), fc.record({ patch: fc.array(fc.record({ op: fc.constant('replace' as const), path: text, value: fc.jsonValue() })) })),
          (fields, operation, state, content) => {
            const fact = withoutUndefined({ ...fields, operation, state, ...content }) as VersionFact;
            const documentText = fact.snapshot === undefined ? '' : canonicalJson(fact.snapshot);
            expect(versionFactText(fact, documentText)).toBe(canonicalJson(fact));
          },
        ),
        { numRuns: 300 },
      );
    });

    it('an audit event text is exactly canonicalJson of the event', () => {
      fc.assert(
        fc.property(
          text, text, fc.record({ actor: text, role: text, purposeOfUse: fc.constant('TREAT' as const), onBehalfOf: maybe(text) }), fc.boolean(), maybe(fc.nat()),
          (action, key, context, succeeded, version) => {
            const event = auditEvent(action, key, withoutUndefined(context), succeeded ? ok(1) : fail([recordIssue('records.not_found', ['id'], 'none')]), version);
            expect(auditEventText(event)).toBe(canonicalJson(event));
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
