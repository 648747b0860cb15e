import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryCommand } from '../../src/cli/inventory.js';
import { namedItemIds } from '../../src/inventory/namedItemIds.js';
import { fakeIo } from '../cli/fakeIo.js';

const HEADER = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days';
const ROWS = ['gauze,Gauze 4x4,pad,10,0.20,medline,3', 'gloves,Gloves,box,1,5.00,medline,3', 'tape,Tape,roll,1,0.50,medline,3'];
const usage = `item_id,date,quantity\n${Array.from({ length: 10 }, (_, day) => ['gauze', 'gloves', 'tape'].map((id) => `${id},2026-10-${String(day + 10)},${3 + (day % 4)}\n`).join('')).join('')}nope,2026-10-20,1\n`;
const plan = ['plan', '--items', 'items.csv', '--usage', 'usage.csv', '--as-of', '2026-11-02', '--format', 'json'];

interface Report {
  readonly items: readonly { readonly itemId: string }[];
  readonly issues: readonly { readonly code: string; readonly severity: string; readonly path: readonly unknown[] }[];
}

async function run(items: string): Promise<{ code: number; report: Report }> {
  const io = fakeIo({ 'items.csv': items, 'usage.csv': usage });
  const code = await inventoryCommand.run(plan, io);
  return { code, report: JSON.parse(io.stdout()) as Report };
}

const errorsOf = (report: Report) => report.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.path.slice(0, 2)]);

describe('an items row that fails CSV parsing gives one error, not one more per usage row of its item', () => {
  it('a stray quote in a name (Gauze 4"x4"): csv.stray_quote only', async () => {
    const { code, report } = await run([HEADER, 'gauze,Gauze 4"x4",pad,10,0.20,medline,3', ...ROWS.slice(1)].join('\n'));
    expect(code).toBe(1);
    expect(errorsOf(report)).toEqual([['csv.stray_quote', ['items.csv', 2]], ['inventory.unknown_item', ['usage.csv', 32]]]);
    expect(report.items.map((item) => item.itemId)).toEqual(['gloves', 'tape']);
  });

  it('an unquoted comma in a name: csv.field_count only', async () => {
    const { report } = await run([HEADER, 'gauze,Gauze, sterile,pad,10,0.20,medline,3', ...ROWS.slice(1)].join('\n'));
    expect(errorsOf(report)).toEqual([['csv.field_count', ['items.csv', 2]], ['inventory.unknown_item', ['usage.csv', 32]]]);
  });

  it('a quote that opens the id cell and never closes, and a comma before an id that is not the first column', async () => {
    const opened = await run([HEADER, '"gauze,Gauze,pad,10,0.20,medline,3', ...ROWS.slice(1)].join('\n'));
    expect(errorsOf(opened.report)).toEqual([['csv.unterminated_quote', ['items.csv', 2]], ['inventory.unknown_item', ['usage.csv', 32]]]);
    const nameFirst = 'name,id,unit,pack_size,unit_cost,supplier,lead_time_days';
    const shifted = await run([nameFirst, 'Gauze, sterile,gauze,pad,10,0.20,medline,3', 'Gloves,gloves,box,1,5.00,medline,3', 'Tape,tape,roll,1,0.50,medline,3'].join('\n'));
    expect(errorsOf(shifted.report)).toEqual([['csv.field_count', ['items.csv', 2]], ['inventory.unknown_item', ['usage.csv', 32]]]);
  });

  it('namedItemIds reads the id cell of a malformed or wrong-width row when nothing before it can have moved it', () => {
    expect([...namedItemIds(`${HEADER}\ngauze,Gauze 4"x4",pad,10,0.20,medline,3\ngloves,Gloves, nitrile,box,1,5.00,medline,3\n`, 'items.csv')]).toEqual(['gauze', 'gloves']);
    expect(namedItemIds(`${HEADER}\ngau"ze,Gauze,pad,10,0.20,medline,3\n`, 'items.csv').has('gauze')).toBe(true);
    expect(namedItemIds('', 'items.csv').size).toBe(0);
    expect(namedItemIds('name,unit\nGauze,pad\n', 'items.csv').size).toBe(0);
  });

  it('property: whatever one CSV fault spoils a row, that row gives one error and only the truly unknown item is reported in usage', async () => {
    const fault = fc.record({ row: fc.integer({ min: 0, max: 2 }), kind: fc.constantFrom('stray', 'comma', 'open'), field: fc.integer({ min: 0, max: 6 }), at: fc.integer({ min: 1, max: 3 }) });
    await fc.assert(
      fc.asyncProperty(fault, async ({ row, kind, field, at }) => {
        const cells = (ROWS[row] as string).split(',');
        const cell = cells[field] as string;
        const cut = Math.min(at, cell.length - 1);
        cells[field] = kind === 'open' ? `"${cell}` : `${cell.slice(0, cut)}${kind === 'stray' ? '"' : ','}${cell.slice(cut)}`;
        // A comma in the middle of the id makes it another id: that row's usage is then that of an unknown item, rightly.
        fc.pre(!(kind === 'comma' && field === 0));
        const rows = ROWS.map((text, i) => (i === row ? cells.join(',') : text));
        const { report } = await run([HEADER, ...rows].join('\n'));
        const errors = errorsOf(report);
        expect(errors.filter(([, path]) => (path as unknown[])[0] === 'items.csv')).toEqual([[expect.stringMatching(/^csv\./), ['items.csv', row + 2]]]);
        expect(errors.filter(([code]) => code === 'inventory.unknown_item')).toEqual([['inventory.unknown_item', ['usage.csv', 32]]]);
      }),
      { numRuns: 60 },
    );
  });
});
