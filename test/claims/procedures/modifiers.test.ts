import { describe, expect, it } from 'vitest';
import { validateClaim } from '../../../src/claims/validateClaim.js';
import { claimWith, line } from '../fixtures.js';

const conflicts = (procedure: string, modifiers: string[]) =>
  validateClaim(claimWith([line({ procedure, modifiers })])).issues.filter((i) => i.code === 'modifier.conflict').map((i) => [i.path, i.message]);

describe('modifier.conflict', () => {
  it('refuses GA (ABN on file) with GZ (expected denial, no ABN) on one line, in either order and any case', () => {
    expect(conflicts('97110', ['GA', 'GZ'])).toEqual([[['lines', 0, 'modifiers', 1], expect.stringMatching(/^GA and GZ cannot both be on one line: /)]]);
    expect(conflicts('97110', ['gz', 'GP', 'ga']).map(([path]) => path)).toEqual([['lines', 0, 'modifiers', 2]]);
    expect(conflicts('97110', ['GA', 'GP'])).toEqual([]);
  });

  it('refuses 76 (repeat by the same physician) with 77 (by another) on one line', () => {
    expect(conflicts('93010', ['76', '77'])).toEqual([[['lines', 0, 'modifiers', 1], expect.stringMatching(/^76 and 77 cannot both be on one line: /)]]);
    expect(conflicts('93010', ['77', '76']).map(([path]) => path)).toEqual([['lines', 0, 'modifiers', 1]]);
    expect(conflicts('93010', ['76'])).toEqual([]);
  });
});
