import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/calendarDay.js';
import { errorIssue, warningIssue, type Issue } from '../../src/core/issue.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import { csvRows, decimalCell } from '../../src/inventory/csvRows.js';
import { forecastDemand, parseCsv, planInventory, readItemsCsv, readUsageCsv } from '../../src/inventory/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('reading items and usage files', () => {
  it('points a bad nested field at its own column', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,lead_time_sd_days,service,service_level,policy,review_days,par_level';
    const row = (cells: string) => readItemsCsv(`${header}\n${cells}\n`).issues.map((issue) => issue.path[2]);
    expect(row('g,G,u,10,0.5,s,3,1,often,0.9,periodic,7,')).toEqual(['service']);
    expect(row('g,G,u,10,0.5,s,3,-1,fill,0.9,periodic,7,')).toEqual(['lead_time_sd_days']);
    expect(row('g,G,u,10,0.5,s,3,1,fill,0.9,periodic,0,')).toEqual(['review_days']);
    expect(row('g,G,u,10,0.5,s,3,1,fill,0.9,par,7,')).toEqual(['par_level']);
  });

  it('reads the trend flag and the holding rate, and points bad ones at their columns', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,trend,holding_rate';
    expect(readItemsCsv(`${header}\ng,G,u,10,0.5,s,3,yes,0.3\n`).items[0]).toMatchObject({ trend: true, holdingRatePerYear: 0.3 });
    expect(readItemsCsv(`${header}\ng,G,u,10,0.5,s,3,,\n`).items[0]).toMatchObject({ trend: false, holdingRatePerYear: 0.25 });
    expect(readItemsCsv(`${header}\ng,G,u,10,0.5,s,3,maybe,-1\n`).issues.map((issue) => [issue.code, issue.path[2]])).toEqual([
      ['inventory.item_schema', 'trend'],
      ['inventory.item_schema', 'holding_rate'],
    ]);
  });

  it('reads the stocking day, and points a bad one at its column', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,stocked_since';
    expect(readItemsCsv(`${header}\ng,G,u,10,0.5,s,3,2026-07-25\n`).items[0]?.stockedSince).toBe('2026-07-25');
    expect(readItemsCsv(`${header}\ng,G,u,10,0.5,s,3,\n`).items[0]?.stockedSince).toBeNull();
    expect(readItemsCsv(`${header}\ng,G,u,10,0.5,s,3,2026-02-30\n`).issues.map((issue) => [issue.code, issue.path[2]])).toEqual([['inventory.item_schema', 'stocked_since']]);
  });

  it('reports every bad item row by line and column and keeps the good ones', () => {
    const { items, stock, issues } = readItemsCsv(fixture('items.csv'));
    expect(items.map((item) => item.id)).toEqual(['gloves-m', 'flu-vax', 'masks']);
    expect(items[1]?.name).toBe('Flu vaccine "quadrivalent"');
    expect(items[0]?.unitCostCents).toBe(9);
    expect(items[2]?.replenishment).toEqual({ kind: 'sQ' });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['inventory.item_schema', ['items.csv', 5, 'pack_size']],
      ['money.invalid_amount', ['items.csv', 6, 'unit_cost']],
      ['time.invalid_date', ['items.csv', 7, 'expiring_on']],
    ]);
    const flu = stock.get(items[1]!.id);
    expect(flu?.allocated).toBe(10);
    expect(flu?.lots.map((lot) => [lot.quantity, lot.expires])).toEqual([[18, null], [12, '2026-11-10']]);
  });

  it('reports every bad cell of a row whose item fields fail, its stock columns included, in one pass', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,on_hand,on_order,stocked_since';
    const { items, issues } = readItemsCsv(`${header}\ng1,Gloves,glove,-5,0.09,med,3,abc,-2,2026-02-30\n`);
    expect(items).toEqual([]);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['inventory.item_schema', ['items.csv', 2, 'pack_size']],
      ['inventory.item_schema', ['items.csv', 2, 'stocked_since']],
      ['inventory.csv_number', ['items.csv', 2, 'on_hand']],
      ['inventory.negative_quantity', ['items.csv', 2, 'on_order']],
    ]);
  });

  it('property: a bad item cell never hides a bad stock cell of the same row', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,on_hand,on_order,allocated';
    const stockCell = fc.constantFrom('', '5', '-1', 'abc', '2.5');
    const bad = (cell: string): boolean => cell !== '' && cell !== '5';
    fc.assert(
      fc.property(fc.constantFrom('10', '-5', 'x'), fc.constantFrom('0.50', 'abc'), stockCell, stockCell, stockCell, (pack, cost, onHand, onOrder, allocated) => {
        const { issues } = readItemsCsv(`${header}\ng,G,u,${pack},${cost},s,3,${onHand},${onOrder},${allocated}\n`);
        const columns = new Set(issues.map((issue) => issue.path[2]));
        expect(columns.has('pack_size')).toBe(pack !== '10');
        expect(columns.has('unit_cost')).toBe(cost !== '0.50');
        expect(columns.has('on_hand')).toBe(bad(onHand));
        expect(columns.has('on_order')).toBe(bad(onOrder));
        expect(columns.has('allocated')).toBe(bad(allocated));
      }),
    );
  });

  it('gives each item its row, [file, line], for plan issue paths', () => {
    const text = '\uFEFFid,name,unit,pack_size,unit_cost,supplier,lead_time_days\r\ng1,G,u,1,1,s,3\r\n\r\nbad,B,u,0,1,s,3\r\ng2,G,u,1,1,s,3\r\n';
    const { items, paths } = readItemsCsv(text, 'supplies.csv');
    expect(items.map((item) => [item.id, paths.get(item.id)])).toEqual([['g1', ['supplies.csv', 2]], ['g2', ['supplies.csv', 5]]]);
  });

  it('reports a negative on-hand count once, without a follow-on expiry issue', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,on_hand,expiring_quantity';
    const { issues } = readItemsCsv(`${header}\ngloves,Gloves,glove,100,0.09,medline,3,-10,0\n`);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.negative_quantity', ['items.csv', 2, 'on_hand']]]);
  });

  it('reports missing columns and rows with the wrong field count', () => {
    expect(readItemsCsv('id,name\nx,y\n').issues.map((i) => i.code)).toContain('csv.missing_column');
    const short = readUsageCsv('item_id,date,quantity\ngloves,2026-01-01\n', new Set(['gloves']), '2026-11-02');
    expect(short.issues.map((i) => [i.code, i.path])).toEqual([['csv.field_count', ['usage.csv', 2]]]);
  });

  it('reports bad usage rows by line and column and builds daily series from the good ones', () => {
    const { usage, issues } = readUsageCsv(fixture('usage.csv'), new Set(['gloves-m', 'flu-vax', 'masks']), '2026-11-02');
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['time.invalid_date', ['usage.csv', 6, 'date']],
      ['inventory.unknown_item', ['usage.csv', 10, 'item_id']],
      ['inventory.negative_quantity', ['usage.csv', 13, 'quantity']],
      ['inventory.csv_number', ['usage.csv', 16, 'quantity']],
    ]);
    const gloves = usage.get('gloves-m' as never);
    expect(gloves?.length).toBe(365);
    expect(gloves?.[0]).toBe(135);
    expect(usage.get('flu-vax' as never)?.[1]).toBe(0);
  });

  it('spans every item over the whole file, so an item used once is forecast as rare, not busy', () => {
    const { usage } = readUsageCsv('item_id,date,quantity\ngloves,2025-11-02,100\nsuture-kit,2026-10-28,10\n', new Set(['gloves', 'suture-kit']), '2026-11-02');
    expect(usage.get('suture-kit' as never)?.length).toBe(365);
    expect(forecastDemand(usage.get('suture-kit' as never) ?? []).perDay).toBeLessThan(0.1);
  });

  it('skips lines of spaces as blank, and reads only decimal numbers (0x10 is not 16)', () => {
    const { usage, issues } = readUsageCsv('item_id,date,quantity\ng,2026-10-01,4\n   \ng,2026-10-02,0x10\ng,2026-10-03,1e1\n', new Set(['g']), '2026-11-02');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['inventory.csv_number', ['usage.csv', 4, 'quantity']]]);
    expect(usage.get('g' as never)?.[2]).toBe(10);
    expect([decimalCell('12'), decimalCell('-0.5'), decimalCell('.5'), decimalCell('3e2')]).toEqual([12, -0.5, 0.5, 300]);
    expect(['0x10', '0b1', '', ' ', 'Infinity', '1,000'].map(decimalCell).every(Number.isNaN)).toBe(true);
  });

  it('ignores, with a warning, usage on or after the planning day', () => {
    const { usage, issues } = readUsageCsv('item_id,date,quantity\ng,2026-11-01,4\ng,2026-11-02,9\n', new Set(['g']), '2026-11-02');
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([['inventory.usage_after_as_of', 'warning', ['usage.csv', 3, 'date']]]);
    expect([...(usage.get('g' as never) ?? [])]).toEqual([4]);
  });

  it('leaves out, with a warning, rows more than ten years before the planning day (a mistyped year)', () => {
    const text = 'item_id,date,quantity\ng,0026-11-01,3\ng,2016-10-31,5\ng,2026-11-01,4\n';
    const { usage, issues } = readUsageCsv(text, new Set(['g']), '2026-11-02');
    // 2016-10-31 is 3,654 days before 2026-11-02, within the 3,660 allowed (and far before the rest).
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['inventory.usage_too_old', 'warning', ['usage.csv', 2, 'date']],
      ['inventory.usage_date_outlier', 'warning', ['usage.csv', 3, 'date']],
    ]);
    const series = usage.get('g' as never) ?? new Float64Array(0);
    expect(series.length).toBe(3654);
    expect([series[0], series[1], series.at(-1)]).toEqual([5, 0, 4]);
    expect(readUsageCsv('item_id,date,quantity\ng,2016-10-24,1\n', new Set(['g']), '2026-11-02').issues.map((i) => i.code)).toEqual(['inventory.usage_too_old']);
    expect(readUsageCsv('item_id,date,quantity\ng,2016-10-25,1\n', new Set(['g']), '2026-11-02').issues).toEqual([]);
  });
});

/** The usage reading as it was done before streaming: every row parsed, kept and summed at the end. */
function usageByTable(text: string, known: ReadonlySet<string>, asOf: string): { usage: Map<string, Float64Array>; issues: Issue[] } {
  // A usage file has no optional columns: any other column (the property's `notes`) is warned about.
  const { rows, issues } = csvRows(parseCsv(text, 'usage.csv'), 'usage.csv', ['item_id', 'date', 'quantity'], []);
  const asOfDay = dayNumber(asOf) as number;
  const good: { itemId: string; day: number; quantity: number }[] = [];
  for (const row of rows) {
    const [itemId, date, quantityText] = [row.text('item_id'), row.text('date'), row.text('quantity')];
    const quantity = decimalCell(quantityText);
    const day = dayNumber(date);
    const found: Issue[] = [];
    if (!known.has(itemId)) found.push(errorIssue('inventory.unknown_item', row.at('item_id'), `no item '${itemId}'`));
    if (day === undefined) found.push(errorIssue('time.invalid_date', row.at('date'), `'${date}' is not a calendar date (YYYY-MM-DD)`));
    if (quantityText === '' || !Number.isFinite(quantity)) found.push(errorIssue('inventory.csv_number', row.at('quantity'), `'${quantityText}' is not a number`));
    else if (quantity < 0) found.push(errorIssue('inventory.negative_quantity', row.at('quantity'), `${quantity} is negative`));
    if (found.length > 0 || day === undefined) issues.push(...found);
    else if (!(day < asOfDay)) issues.push(warningIssue('inventory.usage_after_as_of', row.at('date'), `${date} is not before the planning day ${asOf}`));
    else if (asOfDay - day > 3660) issues.push(warningIssue('inventory.usage_too_old', row.at('date'), `${date} is more than 3660 days before the planning day ${asOf}; the row is left out (is the year right?)`));
    else good.push({ itemId, day, quantity });
  }
  const usage = new Map<string, Float64Array>();
  if (good.length === 0) return { usage, issues };
  const start = Math.min(...good.map((row) => row.day));
  // Only items with a row get a series.
  for (const id of known) if (good.some((row) => row.itemId === id)) usage.set(id, new Float64Array(asOfDay - start));
  for (const row of good) {
    const series = usage.get(row.itemId) as Float64Array;
    series[row.day - start] = (series[row.day - start] as number) + row.quantity;
  }
  return { usage, issues };
}

const dailyRows = (itemId: string, from: string, days: number, quantity = 10): string[] =>
  Array.from({ length: days }, (_, t) => `${itemId},${new Date(Date.parse(from) + t * 86_400_000).toISOString().slice(0, 10)},${quantity}`);

describe('reading usage files row by row', () => {
  it('keeps every good usage row around a stray quote and reports the one bad row', () => {
    const text = 'item_id,date,quantity\n"g1,2026-10-01,5\ng1,2026-10-02,3\ng1,2026-10-03,4\ng2,2026-10-04,6\n"g2",2026-10-05,7\n';
    const { usage, issues } = readUsageCsv(text, new Set(['g1', 'g2']), '2026-11-02');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['csv.unterminated_quote', ['usage.csv', 2, 1]]]);
    const total = (id: string) => [...(usage.get(id as never) ?? [])].reduce((a, b) => a + b, 0);
    expect([total('g1'), total('g2')]).toEqual([7, 13]);
  });

  it('property: reads the same series and issues as summing the parsed table row by row', () => {
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom('g1', 'g2', ' g3 ', 'nope'), fc.constantFrom('2026-10-01', '2026-10-20', '2026-09-15', '2026-11-01', '2026-11-02', '2026-12-01', '2026-02-30', '', '0026-10-01', '2016-10-24', '2016-10-25'), fc.constantFrom('1', '2.5', '0', '-1', 'x', '', '1e3', '0x10')).map((cells) => cells.join(',')) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', 'g1,2026-10-05', 'g1,2026-10-05,1,9', '"g1",2026-10-06,"4"', 'g1,"2026-10-07",2"', '"g2,2026-10-08,3') },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('item_id,date,quantity', 'quantity,item_id,date', 'date,quantity,item_id,notes'), (lines, header) => {
        const reorder = (row: string): string => {
          const cells = row.split(',');
          if (cells.length !== 3 || header.startsWith('item_id')) return row;
          const [item, date, quantity] = cells;
          return header.startsWith('quantity') ? `${quantity},${item},${date}` : `${date},${quantity},${item},`;
        };
        const text = [header, ...lines.map(reorder)].join('\n');
        const known = new Set(['g1', 'g2', 'g3']);
        const streamed = readUsageCsv(text, known, '2026-11-02');
        const table = usageByTable(text, known, '2026-11-02');
        // The outlier warnings (a rule of their own, tested below) come after the row issues.
        expect(streamed.issues.filter((issue) => issue.code !== 'inventory.usage_date_outlier')).toEqual(table.issues);
        expect([...streamed.usage].map(([id, series]) => [id, [...series]])).toEqual([...table.usage].map(([id, series]) => [id, [...series]]));
      }),
    );
  });

  it('reads 400,000 rows in a 96 MB heap, keeping nothing per row', () => {
    const reader = join(dirname(fileURLToPath(import.meta.url)), '../../src/inventory/readUsageCsv.ts');
    const script = `
      const { readUsageCsv } = await import(process.argv[1]);
      const block = Array.from({ length: 1000 }, (_, i) => 'item' + (i % 100) + ',2025-' + String(1 + (i % 12)).padStart(2, '0') + '-' + String(1 + (i % 28)).padStart(2, '0') + ',' + (i % 7) + '\\n').join('');
      const { usage } = readUsageCsv('item_id,date,quantity\\n' + block.repeat(400), new Set(Array.from({ length: 100 }, (_, i) => 'item' + i)), '2026-11-02');
      console.log([...usage.values()].reduce((sum, series) => sum + series.reduce((a, b) => a + b, 0), 0));`;
    const run = spawnSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', '--input-type=module', '--eval', script, reader], { cwd: join(fixtures, '../../..'), encoding: 'utf8' });
    expect(run.stderr.slice(0, 300)).toBe('');
    expect(run.stdout.trim()).toBe(String(400 * 2997));
  }, 60_000);

  it('warns about each row dated far before the rest of the file, naming it and stockedSince', () => {
    const rows = ['item_id,date,quantity', ...dailyRows('g1', '2025-11-02', 365), 'g2,2017-11-01,3', 'g2,2017-11-04,1'];
    const { usage, issues } = readUsageCsv(rows.join('\n'), new Set(['g1', 'g2']), '2026-11-02');
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['inventory.usage_date_outlier', 'warning', ['usage.csv', 367, 'date']],
      ['inventory.usage_date_outlier', 'warning', ['usage.csv', 368, 'date']],
    ]);
    expect(issues[0]?.message).toMatch(/stockedSince/);
    expect(issues[0]?.message).toMatch(/2017-11-01 is 2923 days before the rest of the usage \(from 2025-11-02\)/);
    // The rows still count: the warning explains the series, it does not change them.
    expect(usage.get('g1' as never)?.length).toBe(3288);
  });

  it('does not warn about a gap of 90 days or less, or about early rows that are more than 1% of the file', () => {
    const known = new Set(['g1', 'g2']);
    const outliers = (rows: string[]) => readUsageCsv(['item_id,date,quantity', ...rows].join('\n'), known, '2026-11-02').issues.map((i) => i.path[1]);
    const year = dailyRows('g1', '2025-11-02', 365);
    expect(outliers([...year, 'g2,2025-08-04,1'])).toEqual([]);
    expect(outliers([...year, 'g2,2025-08-03,1'])).toEqual([367]);
    // A clinic closed for four months: the year before the closure is history, not a typo.
    expect(outliers([...dailyRows('g1', '2024-05-01', 60), ...year])).toEqual([]);
  });

  it('reports a row past the daily limit and a day whose total would pass it, and keeps the rest of the day', () => {
    const rows = ['g1,2026-11-01,1e200', 'g1,2026-11-01,6e8', 'g1,2026-11-01,6e8', 'g1,2026-11-01,4e8', 'g1,2026-10-31,2'];
    const { usage, issues } = readUsageCsv(['item_id,date,quantity', ...rows].join('\n'), new Set(['g1']), '2026-11-02');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['inventory.csv_number', ['usage.csv', 2, 'quantity']], ['inventory.usage_overflow', ['usage.csv', 4, 'quantity']]]);
    expect([...(usage.get('g1' as never) ?? [])]).toEqual([2, 1e9]);
  });

  it('throws a usage error for a planning day that is not YYYY-MM-DD, instead of warning on every row', () => {
    for (const asOf of ['2026-11-2', '11/02/2026', '2026-11-02T00:00:00Z']) {
      expect(() => readUsageCsv('item_id,date,quantity\ng1,2026-11-01,5\n', new Set(['g1']), asOf)).toThrow(MedofficeUsageError);
    }
  });
});

describe('items without usage rows', () => {
  it('get no series, so the planner warns inventory.no_usage instead of planning years of zeros', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days';
    const { items, stock } = readItemsCsv(`${header}\ngloves-m,Gloves,glove,100,0.09,medline,3\nmasks,Masks,mask,50,0.12,medline,3\n`);
    const { usage, issues } = readUsageCsv(['item_id,date,quantity', ...dailyRows('gloves-m', '2026-09-01', 30, 150)].join('\n'), new Set(items.map((item) => item.id)), '2026-10-03');
    expect(issues).toEqual([]);
    expect([...usage.keys()]).toEqual(['gloves-m']);
    const plan = planInventory({ items, usage, stock }, { asOf: '2026-10-03' });
    expect(plan.issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.no_usage', ['items', 1]]]);
  });
});

describe('item file checks', () => {
  const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days';
  const found = (text: string) => readItemsCsv(text).issues.map((i) => [i.code, i.path]);

  it('reports a column named twice in the header and reads no rows', () => {
    const { items, issues } = readItemsCsv(`${header},ID\ng1,A,u,1,1,s,3,g2\n`);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['csv.duplicate_column', ['items.csv', 1, 'id']]]);
    expect(items).toEqual([]);
    expect(readUsageCsv('item_id,date,quantity,date\ng1,2026-10-01,1,2026-10-02\n', new Set(['g1']), '2026-11-02').issues.map((i) => i.code)).toEqual(['csv.duplicate_column']);
  });

  it('needs a service_level for a cycle service target instead of quietly using a 98% fill rate', () => {
    expect(found(`${header},service\ng1,A,u,1,1,s,3,cycle\n`)).toEqual([['inventory.item_schema', ['items.csv', 2, 'service_level']]]);
    expect(readItemsCsv(`${header},service\ng1,A,u,1,1,s,3,fill\n`).items[0]?.service).toEqual({ kind: 'fill', target: 0.98 });
    expect(readItemsCsv(`${header},service,service_level\ng1,A,u,1,1,s,3,cycle,0.9\n`).items[0]?.service).toEqual({ kind: 'cycle', target: 0.9 });
  });

  it('reads seasonal as yes/no, true/false, 1/0 or blank, and reports anything else', () => {
    const seasonal = (value: string) => readItemsCsv(`${header},seasonal\ng1,A,u,1,1,s,3,${value}\n`);
    expect(['yes', 'TRUE', '1', 'no', 'False', '0', ''].map((value) => seasonal(value).items[0]?.seasonal)).toEqual([true, true, true, false, false, false, false]);
    expect(seasonal('Y').issues.map((i) => [i.code, i.path])).toEqual([['inventory.item_schema', ['items.csv', 2, 'seasonal']]]);
    expect(seasonal('Y').items).toEqual([]);
  });

  it('reports a repeated id even when the row it repeats was bad', () => {
    expect(found(`${header}\ng1,A,u,0,1,s,3\ng1,B,u,1,1,s,3\n`)).toEqual([
      ['inventory.item_schema', ['items.csv', 2, 'pack_size']],
      ['inventory.duplicate_item', ['items.csv', 3, 'id']],
    ]);
  });

  it('throws a usage error for text that is not a string', () => {
    expect(() => readItemsCsv(undefined as unknown as string)).toThrow(MedofficeUsageError);
    expect(() => readItemsCsv(Buffer.from(`${header}\n`) as unknown as string)).toThrow(MedofficeUsageError);
  });
});
