import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorIssue, formatPath, hasErrors, prefixIssues, warningIssue } from '../../src/core/issue.js';
import { fail, fromIssues, issuesOf, MedofficeUsageError, ok } from '../../src/core/result.js';
import { parseWith } from '../../src/core/parse.js';

describe('issues and results', () => {
  it('prefix paths and format them for people', () => {
    const nested = prefixIssues([errorIssue('line.units', ['units'], 'must be positive')], ['lines', 2]);
    expect(nested[0]?.path).toEqual(['lines', 2, 'units']);
    expect(formatPath(['lines', 2, 'modifiers', 0])).toBe('lines[2].modifiers[0]');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['', 'a'])).toBe('[""].a');
    expect(formatPath(['a', '', 0])).toBe('a[""][0]');
    expect(formatPath([''])).not.toBe(formatPath([]));
  });

  it('a result fails exactly when an issue is an error', () => {
    expect(fromIssues(1, [warningIssue('w', [], 'x')]).ok).toBe(true);
    expect(fromIssues(1, [warningIssue('w', [], 'x'), errorIssue('e', [], 'y')]).ok).toBe(false);
    expect(hasErrors([])).toBe(false);
    expect(issuesOf(ok(1, [warningIssue('w', [], 'x')]))).toHaveLength(1);
    expect(() => fail([])).toThrow(MedofficeUsageError);
  });

  it('parseWith reports zod failures with their paths and code', () => {
    const schema = z.object({ lines: z.array(z.object({ units: z.number().int().positive() })) });
    const r = parseWith(schema, { lines: [{ units: 1 }, { units: -2 }] }, 'claim.schema');
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'claim.schema', path: ['lines', 1, 'units'], severity: 'error' }] });
    expect(parseWith(schema, { lines: [] }, 'claim.schema').ok).toBe(true);
  });
});
