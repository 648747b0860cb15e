import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryCommand } from '../../src/cli/inventory.js';
import type { Issue } from '../../src/core/issue.js';
import { ITEM_COLUMNS, readItemsCsv, readUsageCsv } from '../../src/inventory/index.js';
import { fakeIo } from '../cli/fakeIo.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const required = ITEM_COLUMNS.join(',');
const row = 'vax,Vaccine,dose,10,18.00,sanofi,5';
const optional = ['lead_time_sd_days', 'minimum_order', 'shelf_life_days', 'order_cost', 'service', 'service_level', 'policy', 'review_days', 'par_level', 'seasonal', 'trend', 'holding_rate', 'shortage_cost', 'criticality', 'stocked_since', 'on_hand', 'on_order', 'allocated', 'expiring_quantity', 'expiring_on'];
const unknown = (issues: readonly Issue[]): Issue[] => issues.filter((issue) => issue.code === 'csv.unknown_column');
/** The column a `csv.unknown_column` warning suggests, read from its message. */
const suggested = (message: string | undefined): string | undefined => /did you mean '([^']+)'\?/.exec(message ?? '')?.[1];

describe('csv.unknown_column: a column the reader ignores is warned about', () => {
  it("the review's items file: shelf_life and review_period are warned about at their header cells, and the row is still read", () => {
    const { items, issues } = readItemsCsv(`${required},shelf_life,review_period,service_level\n${row},10,28,0.95\n`);
    expect(unknown(issues).map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ['csv.unknown_column', 'warning', ['items.csv', 1, 'shelf_life']],
      ['csv.unknown_column', 'warning', ['items.csv', 1, 'review_period']],
    ]);
    expect(suggested(unknown(issues)[0]?.message)).toBe('shelf_life_days');
    // review_period is no near match of review_days: the message lists the columns instead.
    expect(suggested(unknown(issues)[1]?.message)).toBeUndefined();
    expect(unknown(issues)[1]?.message).toContain('review_days');
    expect(items.map((item) => [item.id, item.shelfLifeDays, item.service.target])).toEqual([['vax', null, 0.95]]);
  });

  it('suggests the documented column a misspelling nearly matches, and none when nothing is near or two are', () => {
    const cases: [string, string | undefined][] = [
      ['Shelf-Life-Days', 'shelf_life_days'],
      ['review days', 'review_days'],
      ['polcy', 'policy'],
      ['shelf_lif_days', 'shelf_life_days'],
      ['on_hand_units', 'on_hand'],
      ['par', 'par_level'],
      ['x', undefined],
      ['notes', undefined],
    ];
    for (const [name, near] of cases) {
      const warnings = unknown(readItemsCsv(`${required},${name}\n${row},1\n`).issues);
      expect(warnings.map((issue) => issue.path)).toEqual([['items.csv', 1, name.toLowerCase()]]);
      expect([name, suggested(warnings[0]?.message)]).toEqual([name, near]);
    }
  });

  it('says nothing about documented columns, in any case, or about blank ones', () => {
    expect(unknown(readItemsCsv(`${required},${optional.join(',')}\n${row}${',0'.repeat(optional.length)}\n`).issues)).toEqual([]);
    expect(unknown(readItemsCsv(`${required.toUpperCase()},Shelf_Life_Days,\n${row},10,\n`).issues)).toEqual([]);
    expect(unknown(readItemsCsv(readFileSync(join(fixtures, 'items.csv'), 'utf8')).issues)).toEqual([]);
  });

  it('property: a documented column written with hyphens or spaces for its underscores is warned about and suggested back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...optional.filter((name) => name.includes('_'))), fc.constantFrom('-', ' '), (name, separator) => {
        const written = name.replaceAll('_', separator);
        const warnings = unknown(readItemsCsv(`${required},${written}\n${row},1\n`).issues);
        expect(warnings.map((issue) => issue.path)).toEqual([['items.csv', 1, written]]);
        expect(suggested(warnings[0]?.message)).toBe(name);
      }),
    );
  });

  it('usage files: a column besides item_id, date and quantity is warned about; every row is still read', () => {
    const { usage, issues } = readUsageCsv('item_id,date,qty_used,quantity\ng,2026-10-30,9,4\ng,2026-10-31,9,6\n', new Set(['g']), '2026-11-02');
    expect(issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([['csv.unknown_column', 'warning', ['usage.csv', 1, 'qty_used']]]);
    expect([...(usage.get('g' as never) ?? [])]).toEqual([4, 6, 0]);
  });

  it('the command line prints the warning and still plans the item cleanly (exit 0)', async () => {
    const io = fakeIo({ 'items.csv': `${required},shelf_life\n${row},10\n`, 'usage.csv': 'item_id,date,quantity\nvax,2026-10-31,6\nvax,2026-11-01,5\n' });
    expect(await inventoryCommand.run(['plan', '--items', 'items.csv', '--usage', 'usage.csv', '--as-of', '2026-11-02'], io)).toBe(0);
    expect(io.stderr()).toContain('warning csv.unknown_column at items.csv[1].shelf_life');
  });
});

describe('money.not_integer_cents: a dollar amount with a fraction of a cent', () => {
  const itemsWith = (cost: string) => readItemsCsv(`${required},shortage_cost,order_cost\nswab,Cotton swab,swab,1000,"${cost}",acme,3,"${cost}","${cost}"\n`);

  it('reports a unit cost finer than a cent as not whole cents, advising a larger unit, at each dollar cell', () => {
    const { items, issues } = itemsWith('0.004');
    expect(items).toEqual([]);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['money.not_integer_cents', ['items.csv', 2, 'unit_cost']],
      ['money.not_integer_cents', ['items.csv', 2, 'order_cost']],
      ['money.not_integer_cents', ['items.csv', 2, 'shortage_cost']],
    ]);
    expect(issues[0]?.message).toMatch(/whole cents.*larger unit/);
    expect(issues[0]?.message).not.toContain('is not a dollar amount');
  });

  it('reads zeros past the cent as whole cents, and still calls text that is no amount no amount', () => {
    expect(itemsWith('1.500').items.map((item) => [item.unitCostCents, item.orderCostCents, item.shortageCostCents])).toEqual([[150, 150, 150]]);
    expect(itemsWith('$1,250.0000').items[0]?.unitCostCents).toBe(125_000);
    expect(itemsWith('12.5.0').issues.map((issue) => issue.code)).toEqual(['money.invalid_amount', 'money.invalid_amount', 'money.invalid_amount']);
  });
});
