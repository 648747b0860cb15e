import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryCommand } from '../../src/cli/inventory.js';
import { csvRows, parseCsv, readItemsCsv, readUsageCsv } from '../../src/inventory/index.js';
import { fakeIo } from '../cli/fakeIo.js';

const ITEMS_HEADER = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days';
const asOf = '2026-11-02';

/** A row of `width` cells that are empty or spaces, as a spreadsheet saves a row cleared but not deleted. */
const blankRow = (width: number): fc.Arbitrary<string> => fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: width, maxLength: width }).map((cells) => cells.join(','));

describe('a row whose cells are all blank is skipped like an empty line', () => {
  it('items: `,,,,,,` gives no issue, not one inventory.item_schema per required column', () => {
    const { items, issues } = readItemsCsv(`${ITEMS_HEADER}\ng,Gloves,box,1,1.00,s,3\n,,,,,,\n , , ,,,, \nm,Masks,box,1,2.00,s,3\n`);
    expect(issues).toEqual([]);
    expect(items.map((item) => item.id)).toEqual(['g', 'm']);
  });

  it('usage: `,,` gives no unknown_item, invalid_date or csv_number, and the rows around it still count', () => {
    const { usage, issues } = readUsageCsv('item_id,date,quantity\ng,2026-10-01,3\n,,\n  ,  ,  \ng,2026-10-02,4\n', new Set(['g']), asOf);
    expect(issues).toEqual([]);
    expect([...(usage.get('g' as never) ?? [])].slice(0, 2)).toEqual([3, 4]);
  });

  it('an all-blank row of another width is skipped too, but a row with one cell filled is still checked', () => {
    expect(readItemsCsv(`${ITEMS_HEADER}\ng,Gloves,box,1,1.00,s,3\n,,,\n`).issues).toEqual([]);
    expect(readItemsCsv(`${ITEMS_HEADER}\n,,,,,,x\n`).issues.length).toBeGreaterThan(0);
    expect(readUsageCsv('item_id,date,quantity\n,,5\n', new Set(['g']), asOf).issues.map((issue) => issue.code)).toEqual(['inventory.unknown_item', 'time.invalid_date']);
  });

  it('through the command line, a cleared row in each file leaves a clean run (exit 0)', async () => {
    const io = fakeIo({
      'items.csv': `${ITEMS_HEADER},on_hand\ng,Gloves,glove,100,0.09,medline,3,50\n,,,,,,,\n`,
      'usage.csv': 'item_id,date,quantity\ng,2026-11-01,40\n,,\n',
    });
    expect(await inventoryCommand.run(['plan', '--items', 'items.csv', '--usage', 'usage.csv', '--as-of', asOf], io)).toBe(0);
    expect(io.stderr()).not.toMatch(/^error/m);
  });

  it('property: blank rows anywhere (after the header) change neither the rows read nor the issues', () => {
    const good = fc.constantFrom('g,Gloves,box,1,1.00,s,3', 'm,Masks,box,10,0.50,s,2', 'bad,Bad,box,-1,1.00,s,3', 'x,X,box,1,abc,s,3', 'g,Again,box,1,1.00,s,3');
    const line = fc.oneof({ weight: 3, arbitrary: good.map((text) => ({ text, blank: false })) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }).chain(blankRow).map((text) => ({ text, blank: true })) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const withBlanks = readItemsCsv([ITEMS_HEADER, ...lines.map((entry) => entry.text)].join('\n'));
        const without = readItemsCsv([ITEMS_HEADER, ...lines.filter((entry) => !entry.blank).map((entry) => entry.text)].join('\n'));
        expect(withBlanks.items).toEqual(without.items);
        expect(withBlanks.issues.map((issue) => [issue.code, issue.path[2]])).toEqual(without.issues.map((issue) => [issue.code, issue.path[2]]));
        const rows = csvRows(parseCsv([ITEMS_HEADER, ...lines.map((entry) => entry.text)].join('\n'), 'f.csv'), 'f.csv', ['id']);
        expect(rows.rows.length).toBe(lines.filter((entry) => !entry.blank).length);
      }),
    );
  });
});
