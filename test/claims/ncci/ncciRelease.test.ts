import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ncciReleaseOf, newestNcciRelease } from '../../../src/claims/index.js';

describe('NCCI PTP releases', () => {
  it('reads the release from CMS file names', () => {
    expect(ncciReleaseOf('ccipra-v322r0-f1.txt')).toEqual({ version: 322, revision: 0 });
    expect(ncciReleaseOf('CCINRA-V321R1-F4.TXT')).toEqual({ version: 321, revision: 1 });
    expect(ncciReleaseOf('ptp.txt')).toBeUndefined();
  });

  it('keeps every part of the newest release (revision included) and names the others', () => {
    const picked = newestNcciRelease(['ccipra-v321r0-f1.txt', 'ccipra-v322r0-f1.txt', 'ccipra-v322r1-f1.txt', 'ccipra-v322r1-f2.txt', 'my-ptp.txt']);
    expect(picked.kept).toEqual(['ccipra-v322r1-f1.txt', 'ccipra-v322r1-f2.txt', 'my-ptp.txt']);
    expect(picked.replaced).toEqual(['ccipra-v321r0-f1.txt', 'ccipra-v322r0-f1.txt']);
    expect(picked.release).toEqual({ version: 322, revision: 1 });
    expect(newestNcciRelease(['a-ptp.txt'])).toEqual({ kept: ['a-ptp.txt'], replaced: [] });
  });

  it('properties: every name is either kept or replaced, and every kept release is the newest', () => {
    const name = fc.tuple(fc.integer({ min: 300, max: 330 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 4 })).map(([v, r, f]) => `ccipra-v${v}r${r}-f${f}.txt`);
    fc.assert(fc.property(fc.uniqueArray(name, { maxLength: 12 }), (names) => {
      const picked = newestNcciRelease(names);
      expect([...picked.kept, ...picked.replaced].sort()).toEqual([...names].sort());
      const releases = picked.kept.map((n) => JSON.stringify(ncciReleaseOf(n)));
      expect(new Set(releases).size).toBeLessThanOrEqual(1);
      for (const replaced of picked.replaced) {
        const r = ncciReleaseOf(replaced);
        const newest = picked.release;
        expect(r !== undefined && newest !== undefined && (r.version < newest.version || (r.version === newest.version && r.revision < newest.revision))).toBe(true);
      }
    }));
  });
});
