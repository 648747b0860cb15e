import { describe, expect, it } from 'vitest';
import { contextCache } from '../../src/records/contextCache.js';

describe('contextCache', () => {
  it('parses a context once and answers with the same parsed form while it is unchanged', () => {
    const contexts = contextCache();
    const context = { actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT', extra: 'dropped' };
    const first = contexts.check(context);
    expect(first).toEqual({ ok: true, value: { actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT' }, warnings: [] });
    expect(contexts.check(context)).toBe(first);
  });

  it('checks a context again after one of its fields changed', () => {
    const contexts = contextCache();
    const context: Record<string, unknown> = { actor: 'dr-lee', role: 'physician', purposeOfUse: 'TREAT' };
    expect(contexts.check(context).ok).toBe(true);
    context['purposeOfUse'] = 'SHOPPING';
    const changed = contexts.check(context);
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.issues[0]).toMatchObject({ code: 'records.invalid_input', path: ['context', 'purposeOfUse'] });
    context['purposeOfUse'] = 'HPAYMT';
    context['reason'] = 'billing';
    const again = contexts.check(context);
    expect(again.ok && again.value).toEqual({ actor: 'dr-lee', role: 'physician', purposeOfUse: 'HPAYMT', reason: 'billing' });
  });

  it('answers bad shapes with issues under context', () => {
    const contexts = contextCache();
    for (const bad of [null, 'dr-lee', 42, { actor: '', role: 'x', purposeOfUse: 'TREAT' }]) {
      const checked = contexts.check(bad);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.issues[0]?.path[0]).toBe('context');
    }
  });
});
