import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSchema, planItem } from '../../src/inventory/index.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const docs = read('../../docs/inventory.md');
/** docs/inventory.md with its line breaks as spaces, so a sentence can be found whatever its wrapping. */
const prose = docs.replace(/\s+/g, ' ');

describe('docs/inventory.md states what the code and the tests do', () => {
  it('the max-usable formula is the one planItem computes: the position subtracted as it is, a negative one too', () => {
    // The formula as the docs must write it, and the same formula as a function of the demand over L + shelf life and the position.
    const documented = 'max(0, forecast demand over (L + shelf life) − position)';
    const formula = (demand: number, position: number): number => Math.max(0, demand - position);
    expect(/^ {4}max usable = (.+)$/m.exec(docs)?.[1]).toBe(documented);
    const item = ItemSchema.parse({ id: 'v', name: 'Vaccine', unit: 'dose', packSize: 1, unitCostCents: 1000, supplier: 's', leadTime: { meanDays: 5, sdDays: 0 }, shelfLifeDays: 10, replenishment: { kind: 'periodic', reviewDays: 7 } });
    const usage = Float64Array.from({ length: 120 }, () => 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (onHand, allocated) => {
        const lots = onHand === 0 ? [] : [{ itemId: item.id, lotId: 'L' as never, locationId: 'c' as never, expires: null, quantity: onHand }];
        const plan = planItem(item, usage, { lots, onOrder: 0, allocated }, { asOf: '2026-11-02' });
        expect(plan.maxUsable).toBeCloseTo(formula(plan.forecast.perDay * 15, plan.position.position), 6);
      }),
      { numRuns: 40 },
    );
  });

  it('the simulation property tests run as long, and check as closely, as the docs say', () => {
    const tests = read('./simulatePolicy.test.ts');
    const years = (constant: string): number => Number(new RegExp(`const ${constant} = 365 \\* (\\d+);`).exec(tests)?.[1]);
    // The (R, S) cycle-service property: its run length and its two bounds.
    const periodic = /it\('property: over (\d+)-year runs the achieved cycle service level matches the \(R, S\) target'[\s\S]*?days: (YEARS_\d+)[\s\S]*?toBeLessThan\(([\d.]+)\)[\s\S]*?toBeGreaterThan\(target - ([\d.]+)\)/.exec(tests);
    expect(periodic).not.toBeNull();
    const [, titled, constant, within, slack] = periodic as RegExpExecArray;
    expect(years(constant as string)).toBe(Number(titled));
    expect(prose).toContain(`over ${titled}-year runs the achieved cycle service of an (R, S) rule is within ${within} of the analytic service`);
    expect(prose).toContain(`above its target − ${slack}`);
    // The (s, Q) and (s, S) properties.
    const continuous = /it\('property: over (\d+)-year runs \(s, Q\) and \(s, S\) reviewed daily meet their cycle-service target within ([\d.]+)'[\s\S]*?days: (YEARS_\d+)/.exec(tests);
    expect(continuous).not.toBeNull();
    const [, longTitled, cycleWithin, longConstant] = continuous as RegExpExecArray;
    expect(years(longConstant as string)).toBe(Number(longTitled));
    expect(prose).toContain(`over ${longTitled}-year runs that (s, Q) and (s, S) reach their cycle-service target within ${cycleWithin}`);
  });
});
