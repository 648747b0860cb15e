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
});
