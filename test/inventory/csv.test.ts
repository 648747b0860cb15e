import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalCell } from '../../src/inventory/csvRows.js';
import { forecastDemand, parseCsv, readItemsCsv, readUsageCsv } from '../../src/inventory/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('parseCsv (RFC 4180)', () => {
  it('reads quotes, doubled quotes, embedded commas and line breaks, CRLF and LF', () => {
    const table = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,,3\n\n', 'f.csv');
    expect(table.issues).toEqual([]);
    expect(table.records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['x, y', 'say "hi"', 'two\r\nlines']],
      [4, ['1', '', '3']],
    ]);
  });

  it('counts a lone CR as a line break inside quotes as it does outside them', () => {
    const table = parseCsv('a\r"x\ry"\rb\r', 'f.csv');
    expect(table.records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [2, ['x\ry']],
      [4, ['b']],
    ]);
  });

  it('reports malformed records with line and column and keeps reading', () => {
    const table = parseCsv('a,b\nok,1\nbad,1"2\n"x"y,2\nfine,3\n"open,4', 'f.csv');
    expect(table.issues.map((i) => [i.code, i.path])).toEqual([
      ['csv.stray_quote', ['f.csv', 3, 2]],
      ['csv.text_after_quote', ['f.csv', 4, 1]],
      ['csv.unterminated_quote', ['f.csv', 6, 1]],
    ]);
    expect(table.records.filter((r) => !r.malformed).map((r) => r.fields[0])).toEqual(['a', 'ok', 'fine']);
  });

  it('keeps reading the rows after a quote that is never closed', () => {
    const table = parseCsv('id,name\ng1,"open quote\ng2,Gauze\ng3,Tape\n', 'items.csv');
    expect(table.issues.map((i) => [i.code, i.path])).toEqual([['csv.unterminated_quote', ['items.csv', 2, 2]]]);
    expect(table.records.filter((r) => !r.malformed).map((r) => [r.line, r.fields])).toEqual([
      [1, ['id', 'name']],
      [3, ['g2', 'Gauze']],
      [4, ['g3', 'Tape']],
    ]);
  });

  it('property: fields written the RFC 4180 way read back unchanged', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r\n', '\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n', '\n'), (rows, eol) => {
        const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;
        const text = rows.map((row) => row.map(quote).join(',')).join(eol) + eol;
        const table = parseCsv(text, 'p.csv');
        expect(table.issues).toEqual([]);
        expect(table.records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});

describe('reading items and usage files', () => {
  it('points a bad nested field at its own column', () => {
    const header = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,lead_time_sd_days,service,service_level,policy,review_days,par_level';
    const row = (cells: string) => readItemsCsv(`${header}\n${cells}\n`).issues.map((issue) => issue.path[2]);
    expect(row('g,G,u,10,0.5,s,3,1,often,0.9,periodic,7,')).toEqual(['service']);
    expect(row('g,G,u,10,0.5,s,3,-1,fill,0.9,periodic,7,')).toEqual(['lead_time_sd_days']);
    expect(row('g,G,u,10,0.5,s,3,1,fill,0.9,periodic,0,')).toEqual(['review_days']);
    expect(row('g,G,u,10,0.5,s,3,1,fill,0.9,par,7,')).toEqual(['par_level']);
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
});
