import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimSchema } from '../../src/claims/claim.js';
import { readClaim, readClaimCarefully } from '../../src/claims/readClaim.js';
import { readClaimFast } from '../../src/claims/readClaimFast.js';
import { validateClaim } from '../../src/claims/validateClaim.js';
import { claimArbitrary, cleanClaimArbitrary } from './arbitraries.js';
import { goodClaim } from './fixtures.js';

function exists(input: unknown, path: readonly (string | number)[]): boolean {
  let at: unknown = input;
  for (const part of path) {
    if (typeof at !== 'object' || at === null || !(part in at)) return false;
    at = (at as Record<string | number, unknown>)[part];
  }
  return true;
}

/** The good claim with a referring provider and a line's ordering and referring providers, so mutations reach them too. */
function fullClaim() {
  const claim = goodClaim();
  const provider = () => ({ npi: '1234567893' });
  return { ...claim, referringProvider: provider(), lines: claim.lines.map((l) => ({ ...l, orderingProvider: provider(), referringProvider: provider() })) };
}

/** Mutates one random field of a good claim into something else, to exercise the schema. */
const mutatedClaim = fc.tuple(fc.constantFrom(...paths(fullClaim())), fc.anything()).map(([path, replacement]) => {
  const claim: Record<string, unknown> = structuredClone(fullClaim());
  let at: Record<string | number, unknown> = claim;
  for (const part of path.slice(0, -1)) at = at[part] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = replacement;
  return claim;
});

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key]))].filter((p) => p.length > 0);
}

describe('validateClaim properties', () => {
  it('never throws and is valid exactly when no issue is an error, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), claimArbitrary, mutatedClaim), (input) => {
        const report = validateClaim(input, { asOf: '2026-11-02' });
        expect(report.valid).toBe(!report.issues.some((i) => i.severity === 'error'));
        expect(report.issues.map((i) => i.code)).not.toContain('claim.check_failed');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on hostile objects: throwing getters, proxies, revoked proxies, cycles, huge numbers', () => {
    const throwing = Object.defineProperty(goodClaim(), 'lines', { get: () => { throw new Error('boom'); } });
    const proxy = new Proxy(goodClaim(), { get: (target, key) => (key === 'patient' ? (() => { throw new Error('trap'); })() : Reflect.get(target, key)) });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const cyclic: Record<string, unknown> = goodClaim();
    cyclic['self'] = cyclic;
    (cyclic['patient'] as Record<string, unknown>)['parent'] = cyclic;
    const arrayProxy = { ...goodClaim(), diagnoses: new Proxy(['E11.9'], { get: (t, k) => (k === 'length' ? 1e12 : Reflect.get(t, k)) }) };
    const huge = { ...goodClaim(), totalChargeCents: 1e308, lines: [{ ...goodClaim().lines[0], units: Number.MAX_VALUE, chargeCents: 2 ** 60 }] };
    expect(validateClaim(cyclic).valid).toBe(true);
    for (const input of [throwing, proxy, revocable.proxy, arrayProxy, huge]) {
      const report = validateClaim(input);
      expect(report.valid).toBe(false);
      for (const found of report.issues) expect(typeof found.code).toBe('string');
    }
    expect(validateClaim(throwing).issues.map((i) => i.path)).toEqual([['lines']]);
    expect(validateClaim(proxy).issues.map((i) => i.path)).toEqual([['patient']]);
  });

  it('the hand-written readers (fast and careful) and ClaimSchema agree on validity', () => {
    fc.assert(
      fc.property(fc.oneof(claimArbitrary, mutatedClaim, fc.anything()), (input) => {
        const verdict = ClaimSchema.safeParse(input).success;
        expect(readClaim(input).ok).toBe(verdict);
        expect(readClaimCarefully(input).ok).toBe(verdict);
        const fast = readClaimFast(input);
        expect(fast !== undefined).toBe(verdict);
        // The fast path gives exactly what the careful reader gives, absent optional fields included.
        const careful = readClaimCarefully(input);
        if (fast !== undefined && careful.ok) expect(fast).toStrictEqual(careful.claim);
      }),
      { numRuns: 1000 },
    );
  });

  it('every issue path points at something in the input (a missing field: at its parent object)', () => {
    fc.assert(
      fc.property(fc.oneof(claimArbitrary, mutatedClaim), (input) => {
        for (const found of validateClaim(input, { asOf: '2026-11-02' }).issues) {
          // A missing field is named by its path: the schema's required fields, and a replacement's originalClaimId.
          const missing = (found.code === 'claim.schema' || found.code === 'claim.original_reference') && !exists(input, found.path);
          const path = missing ? found.path.slice(0, -1) : found.path;
          expect(exists(input, path), `${found.code} at ${JSON.stringify(found.path)}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reordering lines, or diagnoses with pointers remapped, changes neither validity nor which checks fire', () => {
    const verdict = (claim: unknown) => {
      const report = validateClaim(claim, { asOf: '2026-11-02' });
      return { valid: report.valid, codes: [...new Set(report.issues.map((i) => i.code))].sort() };
    };
    fc.assert(
      fc.property(fc.oneof(claimArbitrary, cleanClaimArbitrary), fc.integer(), (claim, seed) => {
        const before = verdict(claim);
        const lines = rotate(claim.lines, seed);
        expect(verdict({ ...claim, lines })).toEqual(before);
        const order = rotate(claim.diagnoses.map((_, i) => i), seed);
        const diagnoses = order.map((i) => claim.diagnoses[i] as string);
        const remap = (p: number) => (p >= 1 && p <= order.length ? order.indexOf(p - 1) + 1 : p);
        const remapped = claim.lines.map((l) => ({ ...l, diagnosisPointers: l.diagnosisPointers.map(remap) }));
        expect(verdict({ ...claim, diagnoses, lines: remapped })).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('the clean generator yields valid claims often enough for the reordering property to mean something', () => {
    const valid = fc.sample(cleanClaimArbitrary, { numRuns: 200, seed: 7 }).filter((claim) => validateClaim(claim, { asOf: '2026-11-02' }).valid);
    expect(valid.length).toBeGreaterThan(100);
  });
});

function rotate<T>(items: readonly T[], seed: number): T[] {
  const k = Math.abs(seed) % Math.max(1, items.length);
  return [...items.slice(k), ...items.slice(0, k)].reverse();
}
