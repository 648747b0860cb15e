import { describe, expect, it } from 'vitest';
import { nearestIssueCode } from '../../src/claims/nearestIssueCode.js';

describe('nearestIssueCode', () => {
  const known = ['date.timely_filing', 'date.future', 'pointer.unused', 'pointer.invalid', 'npi.invalid'];

  it('names the one code within two edits, whatever the case', () => {
    expect(nearestIssueCode('date.timely-filing', known)).toBe('date.timely_filing');
    expect(nearestIssueCode('POINTER.UNSUED', known)).toBe('pointer.unused');
  });

  it('names none when nothing is near or two are equally near', () => {
    expect(nearestIssueCode('timely', known)).toBeUndefined();
    expect(nearestIssueCode('x', ['y'])).toBeUndefined();
    expect(nearestIssueCode('npi.invalix', ['npi.invalid', 'npi.invalia'])).toBeUndefined();
  });
});
