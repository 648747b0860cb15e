import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv, type CsvRecord } from '../../src/core/csv.js';
import { MedofficeUsageError } from '../../src/core/result.js';

const good = (records: readonly CsvRecord[]) => records.filter((r) => !r.malformed).map((r) => [r.line, r.fields]);
const codes = (text: string) => parseCsv(text, 'f.csv').issues.map((i) => [i.code, i.path]);
const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;

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

  it('reads a trailing comma as an empty last field, and skips a BOM', () => {
    expect(parseCsv('\uFEFFa,b,\n1,2,', 'f.csv').records.map((r) => r.fields)).toEqual([['a', 'b', ''], ['1', '2', '']]);
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
    expect(good(table.records)).toEqual([
      [1, ['id', 'name']],
      [3, ['g2', 'Gauze']],
      [4, ['g3', 'Tape']],
    ]);
  });

  it('ends a stray quote at its line when its closing quote, lines later, is followed by text', () => {
    const table = parseCsv('item_id,date,quantity\n"g1,2026-10-01,5\ng1,2026-10-02,3\ng1,2026-10-03,4\ng2,2026-10-04,6\n"g2",2026-10-05,7\n', 'usage.csv');
    expect(table.issues.map((i) => [i.code, i.path])).toEqual([['csv.unterminated_quote', ['usage.csv', 2, 1]]]);
    expect(good(table.records).map(([line]) => line)).toEqual([1, 3, 4, 5, 6]);
    expect(table.records.at(-1)?.fields).toEqual(['g2', '2026-10-05', '7']);
  });

  it('ends a stray quote at its line when the record it would make has the wrong number of fields', () => {
    const table = parseCsv('a,b\n"x\ny,1\nz"\nw,2\n', 'f.csv');
    expect(table.issues.map((i) => [i.code, i.path])).toEqual([
      ['csv.unterminated_quote', ['f.csv', 2, 1]],
      ['csv.stray_quote', ['f.csv', 4, 1]],
    ]);
    expect(good(table.records)).toEqual([
      [1, ['a', 'b']],
      [3, ['y', '1']],
      [5, ['w', '2']],
    ]);
    // Issues met inside the swallowed lines are dropped with the first reading, then found again.
    expect(codes('a,b,c\nx,"open,1\ny,2,3\nz,",w",4\n')).toEqual([['csv.unterminated_quote', ['f.csv', 2, 2]]]);
  });

  it('keeps a quoted field over several lines when its record has the header\'s width', () => {
    const table = parseCsv('id,note,qty\ng1,"first\nsecond",3\ng2,x,4\n', 'f.csv');
    expect(table.issues).toEqual([]);
    expect(good(table.records)).toEqual([
      [1, ['id', 'note', 'qty']],
      [2, ['g1', 'first\nsecond', '3']],
      [4, ['g2', 'x', '4']],
    ]);
  });

  it('streams the same records and issues as it parses', () => {
    const text = 'a,b\n"x\ny,1\nz"\nw,2\n';
    const seen: CsvRecord[] = [];
    const issues = readCsv(text, 'f.csv', (record) => seen.push(record));
    expect({ records: seen, issues }).toEqual(parseCsv(text, 'f.csv'));
  });

  it('a line holding only "" is a record with one empty field; blank lines are skipped', () => {
    expect(parseCsv('a\n""\nb\n', 'f.csv')).toEqual({
      records: [
        { line: 1, fields: ['a'], malformed: false },
        { line: 2, fields: [''], malformed: false },
        { line: 3, fields: ['b'], malformed: false },
      ],
      issues: [],
    });
    expect(parseCsv('a\r\n\r\n\nb\r\n', 'f.csv').records.map((r) => [r.line, r.fields])).toEqual([[1, ['a']], [4, ['b']]]);
  });

  it('throws a usage error for text that is not a string', () => {
    expect(() => parseCsv(undefined as unknown as string, 'f.csv')).toThrow(MedofficeUsageError);
    expect(() => parseCsv(new Uint8Array([97, 10]) as unknown as string, 'f.csv')).toThrow(/decode/);
  });

  it('property: fields written the RFC 4180 way read back unchanged', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r\n', '\n', ' ', 'é') });
    const file = fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(file, fc.constantFrom('\r\n', '\n'), (rows, eol) => {
        const text = rows.map((row) => row.map(quote).join(',')).join(eol) + eol;
        const table = parseCsv(text, 'p.csv');
        expect(table.issues).toEqual([]);
        // Every field is quoted, so a row of one empty field is "" and is a record, not a blank line.
        expect(table.records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('property: rows of different widths read back unchanged when no field spans lines', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', ' ') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const table = parseCsv(rows.map((row) => row.map(quote).join(',')).join('\n'), 'p.csv');
        expect(table.issues).toEqual([]);
        expect(table.records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('property: stray quotes spoil only the rows they are on', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '1', ' '), minLength: 1, maxLength: 4 });
    const file = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.record({
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 12 }),
        strays: fc.array(fc.record({ row: fc.nat(), column: fc.nat(), at: fc.nat() }), { minLength: 1, maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(file, fc.constantFrom('\r\n', '\n'), ({ rows, strays }, eol) => {
        const lines = rows.map((row) => [...row]);
        const spoiled = new Set<number>();
        for (const stray of strays) {
          const row = 1 + (stray.row % (lines.length - 1));
          const cells = lines[row] as string[];
          const column = stray.column % cells.length;
          const text = cells[column] as string;
          const at = stray.at % text.length;
          cells[column] = `${text.slice(0, at)}"${text.slice(at)}`;
          spoiled.add(row + 1);
        }
        const table = parseCsv(lines.map((row) => row.join(',')).join(eol) + eol, 'p.csv');
        const kept = rows.map((row, i) => [i + 1, row] as const).filter(([line]) => !spoiled.has(line));
        expect(good(table.records)).toEqual(kept);
        for (const issue of table.issues) expect(spoiled.has(issue.path[1] as number)).toBe(true);
        for (const line of spoiled) expect(table.issues.some((issue) => issue.path[1] === line)).toBe(true);
      }),
    );
  });
});
