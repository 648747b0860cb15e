import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inventoryCommand } from '../../src/cli/inventory.js';
import { parseCsv } from '../../src/inventory/index.js';
import { fakeIo } from '../cli/fakeIo.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const files = { 'items.csv': readFileSync(join(fixtures, 'items.csv'), 'utf8'), 'usage.csv': readFileSync(join(fixtures, 'usage.csv'), 'utf8') };
const plan = ['plan', '--items', 'items.csv', '--usage', 'usage.csv', '--as-of', '2026-11-02'];

describe('medoffice inventory plan', () => {
  it('plans the good rows, reports every bad row with line and column, and exits 1', async () => {
    const io = fakeIo(files);
    const code = await inventoryCommand.run([...plan, '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.stdout()) as { items: { itemId: string; order: { quantity: number; packs: number } }[]; issues: { code: string; path: unknown[] }[] };
    expect(report.items.map((item) => item.itemId)).toEqual(['gloves-m', 'flu-vax', 'masks']);
    expect(report.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['inventory.item_schema', ['items.csv', 5, 'pack_size']],
      ['money.invalid_amount', ['items.csv', 6, 'unit_cost']],
      ['time.invalid_date', ['items.csv', 7, 'expiring_on']],
      ['time.invalid_date', ['usage.csv', 6, 'date']],
      ['inventory.unknown_item', ['usage.csv', 10, 'item_id']],
      ['inventory.negative_quantity', ['usage.csv', 13, 'quantity']],
      ['inventory.csv_number', ['usage.csv', 16, 'quantity']],
      ['inventory.seasonal_history', ['items.csv', 2]],
      ['inventory.seasonal_history', ['items.csv', 3]],
    ]);
    expect(io.stderr()).toContain('usage.csv[13].quantity');
  });

  it('names the input that is a folder', async () => {
    const base = fakeIo(files);
    const folder = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
    const err: string[] = [];
    const io = { ...base, readText: (path: string) => (path === 'items.csv' ? Promise.reject(folder) : base.readText(path)), err: (t: string) => err.push(t) };
    expect(await inventoryCommand.run(plan, io)).toBe(2);
    expect(err.join('')).toContain('items.csv is a folder, not a file');
  });

  it('writes one CSV row per item and keeps the budget', async () => {
    const io = fakeIo(files);
    await inventoryCommand.run([...plan, '--budget', '60', '--format', 'csv'], io);
    const table = parseCsv(io.stdout(), 'out.csv');
    expect(table.issues).toEqual([]);
    expect(table.records[0]?.fields[0]).toBe('item_id');
    expect(table.records.length).toBe(4);
    const costs = table.records.slice(1).map((r) => Number((r.fields[12] ?? '').replace(/[$,]/g, '')));
    expect(costs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60);
  });

  it('text output shows every item the budget cut, an item cut to nothing included, with its budget_cut reason', async () => {
    // $100 funds the gloves (medline, $99) and nothing of the vaccine: flu-vax has no purchase-order line.
    const io = fakeIo(files);
    await inventoryCommand.run([...plan, '--budget', '100'], io);
    const json = fakeIo(files);
    await inventoryCommand.run([...plan, '--budget', '100', '--format', 'json'], json);
    const report = JSON.parse(json.stdout()) as { items: { itemId: string; order: { quantity: number }; reasons: { code: string; text: string }[] }[] };
    const cutToNothing = report.items.filter((item) => item.order.quantity === 0 && item.reasons.some((reason) => reason.code === 'budget_cut'));
    expect(cutToNothing.map((item) => item.itemId)).toEqual(['flu-vax']);
    const out = io.stdout();
    expect(out).not.toMatch(/Purchase order for sanofi/);
    const line = out.split('\n').find((text) => text.trimStart().startsWith('flu-vax: budget cut'));
    expect(line).toBe(`  flu-vax: ${cutToNothing[0]?.reasons.find((reason) => reason.code === 'budget_cut')?.text ?? ''}`);
    expect(line).toMatch(/budget cut \d+ dose \(\d+ → 0\): expected fill rate [\d.]+% → [\d.]+%, cycle service [\d.]+% → [\d.]+%/);
  });

  it('names the CSV line of an item in plan warnings, not its index among the good rows', async () => {
    // A byte-order mark, CRLF, a blank line and a bad row before g2: g2 is on line 4 and g3 on line 6, the 2nd and 3rd good rows.
    const items = '\uFEFFid,name,unit,pack_size,unit_cost,supplier,lead_time_days,on_hand\r\ng1,Gloves,glove,100,0.09,med,3,500\r\n\r\ng2,Masks,mask,50,0.12,med,3,10\r\nbad,Bad,each,-1,0.5,med,3,5\r\ng3,Tape,roll,1,0.5,med,3,4\r\n';
    const io = fakeIo({ 'items.csv': items, 'usage.csv': 'item_id,date,quantity\ng1,2026-10-01,10\ng1,2026-10-02,12\n' });
    expect(await inventoryCommand.run([...plan, '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.stdout()) as { issues: { code: string; path: unknown[] }[] };
    expect(report.issues.filter((issue) => issue.code === 'inventory.no_usage').map((issue) => issue.path)).toEqual([['items.csv', 4], ['items.csv', 6]]);
    expect(io.stderr()).toContain('warning inventory.no_usage at items.csv[4]');
    expect(io.stderr()).not.toContain('items[1]');
  });

  it('prints purchase orders with reasons as text', async () => {
    const io = fakeIo(files);
    await inventoryCommand.run([...plan, '--format=text'], io);
    expect(io.stdout()).toMatch(/Purchase order for medline/);
  });

  it('exits 0 on clean input and 2 on bad usage or unreadable files', async () => {
    const clean = fakeIo({ 'items.csv': 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,on_hand\ng,Gloves,glove,100,0.09,medline,3,50\n', 'usage.csv': 'item_id,date,quantity\ng,2026-11-01,40\n' });
    expect(await inventoryCommand.run(plan, clean)).toBe(0);
    expect(await inventoryCommand.run(['plan', '--items', 'items.csv'], fakeIo(files))).toBe(2);
    expect(await inventoryCommand.run([...plan.slice(0, 5), '--as-of', '2026-02-30'], fakeIo(files))).toBe(2);
    expect(await inventoryCommand.run([...plan, '--budget', 'lots'], fakeIo(files))).toBe(2);
    expect(await inventoryCommand.run([...plan, '--format', 'xml'], fakeIo(files))).toBe(2);
    expect(await inventoryCommand.run(plan, fakeIo({}))).toBe(2);
    const help = fakeIo();
    expect(await inventoryCommand.run(['plan', '--help'], help)).toBe(0);
    expect(help.stdout()).toContain('--budget');
    expect(help.stdout()).toContain('stocked_since');
  });

  it('exits 2 when a file yields no row at all (empty, or a required column missing), naming the file', async () => {
    const items = files['items.csv'];
    for (const broken of [{ 'items.csv': '', 'usage.csv': files['usage.csv'] }, { 'items.csv': items, 'usage.csv': '' }, { 'items.csv': items, 'usage.csv': 'item,day,qty\ng,2026-11-01,1\n' }]) {
      const io = fakeIo(broken);
      expect(await inventoryCommand.run(plan, io)).toBe(2);
      expect(io.stderr()).toMatch(/csv\.(empty|missing_column) at (items|usage)\.csv/);
      expect(io.stdout()).toBe('');
    }
  });

  it('names csv among the formats, and refuses words that are not options', async () => {
    const bad = fakeIo(files);
    expect(await inventoryCommand.run([...plan, '--format', 'CSV'], bad)).toBe(2);
    expect(bad.stderr()).toContain("--format must be text, json or csv, not 'CSV'");
    const extra = fakeIo(files);
    expect(await inventoryCommand.run([...plan, '--budget', '600', '700'], extra)).toBe(2);
    expect(extra.stderr()).toContain("unexpected '700'");
  });

  it('reports one bad cell of an item row once, never its usage rows as usage of an unknown item', async () => {
    const items = (files['items.csv'] as string).replace('masks,Surgical masks,mask,50,0.12,', 'masks,Surgical masks,mask,50,abc,');
    const io = fakeIo({ ...files, 'items.csv': items });
    expect(await inventoryCommand.run([...plan, '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.stdout()) as { items: { itemId: string }[]; issues: { code: string; path: unknown[] }[] };
    expect(report.items.map((item) => item.itemId)).toEqual(['gloves-m', 'flu-vax']);
    expect(report.issues.filter((issue) => issue.path[0] === 'items.csv' && issue.path[1] === 4)).toEqual([expect.objectContaining({ code: 'money.invalid_amount', path: ['items.csv', 4, 'unit_cost'] })]);
    expect(report.issues.filter((issue) => issue.code === 'inventory.unknown_item').map((issue) => issue.path)).toEqual([['usage.csv', 10, 'item_id']]);
    expect(io.stderr()).not.toContain("no item 'masks'");
  });

  it('takes the last --format given, as every other option does', async () => {
    for (const [formats, looksLike] of [
      [['--format', 'csv', '--format', 'json'], /^\{/],
      [['--format=json', '--format', 'csv'], /^item_id,/],
      [['--format', 'csv', '--format=text'], /^Supply plan for/],
      [['--format', 'xml', '--format', 'csv'], /^item_id,/],
    ] as const) {
      const io = fakeIo(files);
      expect(await inventoryCommand.run([...plan, ...formats], io), formats.join(' ')).toBe(1);
      expect(io.stdout(), formats.join(' ')).toMatch(looksLike);
    }
    const bad = fakeIo(files);
    expect(await inventoryCommand.run([...plan, '--format', 'csv', '--format', 'xml'], bad)).toBe(2);
    expect(bad.stderr()).toContain("--format must be text, json or csv, not 'xml'");
  });

  it('reads a --format before `--` and leaves the words after it alone', async () => {
    const io = fakeIo(files);
    expect(await inventoryCommand.run([...plan, '--format', 'json', '--'], io)).toBe(1);
    expect(io.stdout()).toMatch(/^\{/);
  });
});
