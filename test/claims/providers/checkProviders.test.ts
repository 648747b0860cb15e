import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimSchema } from '../../../src/claims/claim.js';
import { readClaim, readClaimCarefully } from '../../../src/claims/readClaim.js';
import { validateClaim } from '../../../src/claims/validateClaim.js';
import { goodClaim } from '../fixtures.js';

/** The good claim with two lines and the given referring provider and line providers. */
function withReferrals(referring: unknown, lines: readonly Record<string, unknown>[]) {
  const base = goodClaim().lines[0];
  const twoLines = [
    { ...base, ...lines[0] },
    { ...base, procedure: '36415', modifiers: [], chargeCents: 1000, ...lines[1] },
  ];
  return { ...goodClaim(), referringProvider: referring, lines: twoLines, totalChargeCents: 13500 };
}

const issuesOf = (claim: unknown) => validateClaim(claim, { asOf: '2026-11-02' }).issues.map((i) => [i.code, i.path]);

describe('checkProviders: referring and ordering providers', () => {
  it('keeps the claim\'s referring provider and the lines\' ordering and referring providers, and accepts valid NPIs', () => {
    const valid = { npi: '1234567893' };
    const claim = withReferrals(valid, [{ orderingProvider: valid, referringProvider: valid }, { orderingProvider: valid }]);
    for (const read of [readClaim(claim), readClaimCarefully(claim)]) {
      if (!read.ok) throw new Error('unreadable');
      expect(read.claim.referringProvider).toEqual(valid);
      expect(read.claim.lines.map((l) => [l.orderingProvider, l.referringProvider])).toEqual([[valid, valid], [valid, undefined]]);
    }
    expect(ClaimSchema.parse(claim).lines[0]).toMatchObject({ orderingProvider: valid, referringProvider: valid });
    expect(issuesOf(claim)).toEqual([]);
  });

  it('checks each NPI as the billing and rendering ones are, at its own path', () => {
    const claim = withReferrals({ npi: '1234567890' }, [{ orderingProvider: { npi: '3000000000' } }, { orderingProvider: { npi: '123' }, referringProvider: { npi: '1234567890' } }]);
    expect(issuesOf(claim)).toEqual([
      ['npi.invalid', ['referringProvider', 'npi']],
      ['npi.first_digit', ['lines', 0, 'orderingProvider', 'npi']],
      ['npi.invalid', ['lines', 1, 'orderingProvider', 'npi']],
      ['npi.invalid', ['lines', 1, 'referringProvider', 'npi']],
    ]);
  });

  it('refuses a provider that is not an object with a string NPI (claim.schema at its path)', () => {
    const claim = withReferrals({ npi: 1234567893 }, [{ orderingProvider: '1234567893' }, { referringProvider: {} }]);
    expect(issuesOf(claim)).toEqual([
      ['claim.schema', ['referringProvider', 'npi']],
      ['claim.schema', ['lines', 0, 'orderingProvider']],
      ['claim.schema', ['lines', 1, 'referringProvider', 'npi']],
    ]);
  });

  describe('properties', () => {
    it('an NPI with one digit changed, in any of the three places, is npi.invalid at that path and nowhere else', () => {
      const slots = [['referringProvider', 'npi'], ['lines', 0, 'orderingProvider', 'npi'], ['lines', 1, 'referringProvider', 'npi'], ['lines', 1, 'orderingProvider', 'npi']] as const;
      fc.assert(
        fc.property(fc.constantFrom(...slots), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (slot, digit, shift) => {
          const good = '1234567893';
          const bad = `${good.slice(0, digit)}${(Number(good[digit]) + shift) % 10}${good.slice(digit + 1)}`;
          const npiAt = (path: readonly (string | number)[]) => ({ npi: slot.join() === path.join() ? bad : good });
          const claim = withReferrals(npiAt(slots[0]), [{ orderingProvider: npiAt(slots[1]) }, { referringProvider: npiAt(slots[2]), orderingProvider: npiAt(slots[3]) }]);
          expect(issuesOf(claim)).toEqual([['npi.invalid', slot]]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
