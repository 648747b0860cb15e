import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isJsonObject, type JsonObject, type JsonValue } from '../../src/records/json.js';
import { redactForView, type ViewPolicy } from '../../src/records/views.js';
import { clinicalNoteSchema } from '../../src/records/schemas/clinicalNote.js';
import { patientSchema } from '../../src/records/schemas/patient.js';
import { patient } from './fixtures.js';

describe('redactForView', () => {
  const doc = { name: [{ family: 'Rivera', given: ['Ana'] }, { family: 'Lopez' }], birthDate: '1980-04-02', allergies: ['latex'] };
  it('keeps only the listed fields, with * over array items', () => {
    const policy = [{ role: 'front-desk', purposes: ['HOPERAT' as const], fields: ['/name/*/family', '/nothing/here'] }];
    expect(redactForView(doc, policy, 'front-desk', 'HOPERAT')).toMatchObject({ ok: true, value: { name: [{ family: 'Rivera' }, { family: 'Lopez' }] } });
  });
  it('refuses a role or purpose without a rule, and unsafe pointers in the policy', () => {
    expect(redactForView(doc, [], 'x', 'TREAT')).toMatchObject({ ok: false, issues: [{ code: 'records.forbidden' }] });
    expect(redactForView(doc, [{ role: 'x', purposes: ['TREAT'], fields: ['/__proto__'] }], 'x', 'TREAT')).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_unsafe', path: ['policy', 0, 'fields', 0] }] });
  });
  it('the whole document for the pointer ""', () => {
    expect(redactForView(doc, [{ role: 'dr', purposes: ['TREAT'], fields: [''] }], 'dr', 'TREAT')).toMatchObject({ ok: true, value: doc });
  });

  const view = (document: JsonValue, fields: string[]) => redactForView(document, [{ role: 'r', purposes: ['TREAT'], fields }], 'r', 'TREAT');
  const expectView = (document: JsonValue, fields: string[], value: JsonValue) => expect(view(document, fields)).toStrictEqual({ ok: true, value, warnings: [] });
  it('the first matching rule wins, and a bad pointer is reported at its place in that rule', () => {
    const policy: ViewPolicy = [
      { role: 'r', purposes: ['HPAYMT'], fields: ['/allergies'] },
      { role: 'r', purposes: ['TREAT'], fields: ['/birthDate'] },
      { role: 'r', purposes: ['TREAT'], fields: ['/name'] },
    ];
    expect(redactForView(doc, policy, 'r', 'TREAT')).toStrictEqual({ ok: true, value: { birthDate: '1980-04-02' }, warnings: [] });
    const bad: ViewPolicy = [{ role: 'a', purposes: ['TREAT'], fields: ['name'] }, { role: 'r', purposes: ['TREAT'], fields: ['/name', 'name'] }];
    expect(redactForView(doc, bad, 'r', 'TREAT')).toMatchObject({ ok: false, issues: [{ code: 'records.pointer_invalid', path: ['policy', 1, 'fields', 1] }] });
  });

  describe('the view is a deep copy (finding 8)', () => {
    it('editing a view made with /name leaves the document unchanged', () => {
      const document = { name: [{ given: ['Ana'] }, { family: 'Lopez', given: ['B'] }] };
      const before = JSON.stringify(document);
      const result = view(document, ['/name']);
      if (!result.ok) throw new Error('expected a view');
      const name = (result.value as { name: { family?: string; given: string[] }[] }).name;
      name[1]!.family = 'CHANGED';
      name[1]!.given.push('C');
      name.push({ given: [] });
      expect(JSON.stringify(document)).toBe(before);
    });
    it("the pointer '' gives an equal document that is not the same object", () => {
      const result = view(doc, ['']);
      if (!result.ok) throw new Error('expected a view');
      expect(result.value).toStrictEqual(doc);
      expect(result.value).not.toBe(doc);
      expect((result.value as typeof doc).name).not.toBe(doc.name);
      expect((result.value as typeof doc).name[0]).not.toBe(doc.name[0]);
    });
    it('a member named __proto__ is copied as a member, without touching any prototype', () => {
      const document = JSON.parse('{"a":{"__proto__":{"polluted":true},"b":[{"__proto__":1}]}}') as JsonValue;
      for (const fields of [[''], ['/a'], ['/a/b']]) {
        const result = view(document, fields);
        if (!result.ok) throw new Error('expected a view');
        const a = (result.value as { a: JsonObject }).a;
        expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
        expect((a as { polluted?: unknown }).polluted).toBeUndefined();
        expect(Object.getPrototypeOf((a['b'] as JsonObject[])[0])).toBe(Object.prototype);
      }
      expect(JSON.stringify((view(document, ['']) as { value: JsonValue }).value)).toBe(JSON.stringify(document));
      expect(JSON.stringify((view(document, ['/a/b']) as { value: JsonValue }).value)).toBe('{"a":{"b":[{"__proto__":1}]}}');
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  });

  describe('items that do not match keep their place as empty containers (finding 9)', () => {
    const record = { name: [{ given: ['Ana'] }, { family: 'Lopez', given: ['B'] }], telecom: [[{ v: 1, secret: 'x' }, { secret: 'y' }], []], tags: ['x', { code: 1 }], list: [] };
    it('an object item without the field is {}', () => {
      expectView(record, ['/name/*/family'], { name: [{}, { family: 'Lopez' }] });
    });
    it('an array item without the field is [], including an empty nested array', () => {
      expectView(record, ['/telecom/*/*/v'], { telecom: [[{ v: 1 }, {}], []] });
    });
    it('a scalar item, which cannot hold the field, is null', () => {
      expectView(record, ['/tags/*/code'], { tags: [null, { code: 1 }] });
    });
    it('a member none of whose items holds the field is left out', () => {
      expectView(record, ['/name/*/use', '/telecom/*/*/nothing', '/list/*', '/name/5'], {});
    });
    it('an empty array selected as a whole stays []', () => {
      expectView(record, ['/list'], { list: [] });
      expectView(record, ['/telecom/1'], { telecom: [[], []] });
    });
    it('an index keeps its position, with the items before it as empty containers', () => {
      expectView(record, ['/name/1/family'], { name: [{}, { family: 'Lopez' }] });
      expectView(record, ['/tags/1/code'], { tags: [null, { code: 1 }] });
    });
    it('later fields fill the places earlier fields left empty', () => {
      expectView(record, ['/name/0/given', '/name/*/family'], { name: [{ given: ['Ana'] }, { family: 'Lopez' }] });
      expectView(record, ['/tags/*/code', '/tags/0'], { tags: ['x', { code: 1 }] });
      expectView(record, ['/name/*/family', '/name'], { name: record.name });
    });
    it('a view of nothing is an empty container of the document type', () => {
      expectView(record, ['/missing'], {});
      expectView([{ a: 1 }], ['/0/b'], []);
      expectView('text', ['/a'], null);
    });
  });

  describe('the policy is validated (finding 10)', () => {
    const bad = (policy: unknown) => redactForView(doc, policy as ViewPolicy, 'r', 'TREAT');
    it('a string of purposes does not match by substring', () => {
      expect(bad([{ role: 'r', purposes: 'ETREAT', fields: [''] }])).toStrictEqual({
        ok: false,
        issues: [{ code: 'records.invalid_input', severity: 'error', path: ['policy', 0, 'purposes'], message: expect.any(String) }],
      });
    });
    it('wrong shapes are records.invalid_input with their path, not exceptions', () => {
      const cases: [unknown, (string | number)[]][] = [
        [null, ['policy']],
        [{ role: 'r', purposes: ['TREAT'], fields: [''] }, ['policy']],
        [[null], ['policy', 0]],
        [[{ role: 'r', purposes: ['TREAT'], fields: '/name' }], ['policy', 0, 'fields']],
        [[{ role: 'r', purposes: ['TREAT'], fields: [7] }], ['policy', 0, 'fields', 0]],
        [[{ role: 'r', purposes: ['CURIOSITY'], fields: [''] }], ['policy', 0, 'purposes', 0]],
        [[{ role: 'r', purposes: [], fields: [''] }], ['policy', 0, 'purposes']],
        [[{ purposes: ['TREAT'], fields: [''] }], ['policy', 0, 'role']],
        [[{ role: 'r', purposes: ['TREAT'], fields: [''] }, { role: '', purposes: ['TREAT'], fields: [] }], ['policy', 1, 'role']],
      ];
      for (const [policy, path] of cases) expect(bad(policy)).toMatchObject({ ok: false, issues: [{ code: 'records.invalid_input', path }] });
    });
  });
  describe('properties', () => {
    const key = fc.constantFrom('a', 'b', 'c', '__proto__');
    const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 2 }));
    const { json } = fc.letrec<{ json: JsonValue; array: JsonValue[]; object: JsonObject }>((tie) => ({
      json: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
      array: fc.array(tie('json'), { maxLength: 4 }),
      object: fc.array(fc.tuple(key, tie('json')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries) as JsonObject),
    }));
    const pointer = fc.array(fc.constantFrom('a', 'b', 'c', '*', '0', '1'), { maxLength: 4 }).map((tokens) => tokens.map((t) => `/${t}`).join(''));
    const containers = (value: JsonValue, into: (readonly JsonValue[] | JsonObject)[] = []): (readonly JsonValue[] | JsonObject)[] => {
      if (Array.isArray(value) || isJsonObject(value)) {
        into.push(value as readonly JsonValue[] | JsonObject);
        for (const child of Object.values(value)) containers(child as JsonValue, into);
      }
      return into;
    };
    const at = (value: JsonValue, path: readonly string[]): { found: boolean; value?: JsonValue } => {
      let here: JsonValue = value;
      for (const step of path) {
        if ((!Array.isArray(here) && !isJsonObject(here)) || !Object.hasOwn(here, step)) return { found: false };
        here = (here as JsonObject)[step] as JsonValue;
      }
      return { found: true, value: here };
    };
    const leavesMatch = (document: JsonValue, value: JsonValue, path: string[] = [], underArray = false): void => {
      const there = at(document, path);
      expect(there.found).toBe(true);
      if (Array.isArray(value) || isJsonObject(value)) {
        expect(Array.isArray(there.value)).toBe(Array.isArray(value));
        expect(isJsonObject(there.value)).toBe(isJsonObject(value));
        for (const [k, child] of Object.entries(value)) leavesMatch(document, child as JsonValue, [...path, k], Array.isArray(value));
        return;
      }
      const placeholder = value === null && (underArray || path.length === 0) && !Array.isArray(there.value) && !isJsonObject(there.value);
      if (!placeholder) expect(there.value).toBe(value);
    };
    it('a view shares no object or array with the document, and every leaf comes from the same path', () => {
      fc.assert(
        fc.property(json, fc.array(pointer, { maxLength: 4 }), (document, fields) => {
          const before = JSON.stringify(document);
          const result = view(document, fields);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const original = new Set(containers(document));
          const copies = containers(result.value);
          expect(copies.filter((c) => original.has(c))).toEqual([]);
          leavesMatch(document, result.value);
          if (fields.includes('')) expect(JSON.stringify(result.value)).toBe(before);
          for (const c of copies) {
            if (Array.isArray(c)) (c as JsonValue[]).push('mutated');
            else Object.defineProperty(c, 'mutated', { value: true, enumerable: true });
          }
          expect(JSON.stringify(document)).toBe(before);
        }),
        { numRuns: 500 },
      );
    });
    it('a malformed policy is an issue, never an exception', () => {
      fc.assert(
        fc.property(fc.anything(), (policy) => {
          const result = redactForView(doc, policy as ViewPolicy, 'r', 'TREAT');
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['records.invalid_input', 'records.forbidden']).toContain(result.issues[0]?.code);
        }),
      );
    });
    it('a view never shows a member the policy does not list, and never changes the document', () => {
      fc.assert(fc.property(fc.subarray(['/name', '/birthDate', '/allergies']), (fields) => {
        const before = JSON.stringify(doc);
        const view = redactForView(doc, [{ role: 'r', purposes: ['TREAT'], fields }], 'r', 'TREAT');
        expect(view.ok).toBe(true);
        if (view.ok) expect(Object.keys(view.value ?? {}).sort()).toEqual(fields.map((f) => f.slice(1)).sort());
        expect(JSON.stringify(doc)).toBe(before);
      }));
    });
  });
});

describe('shipped schemas', () => {
  it('the Patient schema accepts a FHIR-like patient and refuses unknown members and impossible dates', () => {
    expect(patientSchema.safeParse(patient('Rivera')).success).toBe(true);
    expect(patientSchema.safeParse({ ...patient('Rivera'), ssn: '123' }).success).toBe(false);
    expect(patientSchema.safeParse({ ...patient('Rivera'), birthDate: '1980-02-30' }).success).toBe(false);
  });
  it('the clinical-note schema checks the encounter time and ICD-10-CM code shapes', () => {
    const note = { resourceType: 'ClinicalNote', patientId: 'p1', encounterDate: '2026-11-02T09:15:00.000-05:00', author: 'dr-lee', status: 'signed', sections: { assessment: 'Viral URI' }, diagnoses: ['J06.9'] };
    expect(clinicalNoteSchema.safeParse(note).success).toBe(true);
    expect(clinicalNoteSchema.safeParse({ ...note, diagnoses: ['j069'] }).success).toBe(false);
    expect(clinicalNoteSchema.safeParse({ ...note, encounterDate: '2026-11-02 09:15' }).success).toBe(false);
  });
});
