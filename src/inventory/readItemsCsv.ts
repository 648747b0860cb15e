import { errorIssue, type Issue, type IssuePath } from '../core/issue.js';
import { parseDollars } from '../core/money.js';
import { issuesFromZod } from '../core/parse.js';
import { isIsoDate } from '../core/time.js';
import { parseCsv } from '../core/csv.js';
import { csvRows, decimalCell, type CsvRow } from './csvRows.js';
import type { LotStock } from './fefo.js';
import { ItemSchema, type Item, type ItemId, type LocationId, type LotId } from './model.js';
import type { ItemStock } from './planItem.js';

/** Columns an items file must have. */
export const ITEM_COLUMNS = ['id', 'name', 'unit', 'pack_size', 'unit_cost', 'supplier', 'lead_time_days'] as const;

/** The other columns an items file may have; any column besides these and `ITEM_COLUMNS` is warned about (`csv.unknown_column`). */
const ITEM_OPTIONAL_COLUMNS = [
  'lead_time_sd_days', 'minimum_order', 'shelf_life_days', 'order_cost', 'service', 'service_level', 'policy', 'review_days', 'par_level',
  'seasonal', 'trend', 'holding_rate', 'shortage_cost', 'criticality', 'stocked_since', 'on_hand', 'on_order', 'allocated', 'expiring_quantity', 'expiring_on',
] as const;

/** Which column each item field comes from, so schema issues point at the cell. */
const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  id: 'id', name: 'name', unit: 'unit', packSize: 'pack_size', unitCostCents: 'unit_cost', minimumOrder: 'minimum_order',
  supplier: 'supplier', leadTime: 'lead_time_days', shelfLifeDays: 'shelf_life_days', orderCostCents: 'order_cost',
  service: 'service_level', replenishment: 'policy', shortageCostCents: 'shortage_cost', criticality: 'criticality',
  stockedSince: 'stocked_since', trend: 'trend', holdingRatePerYear: 'holding_rate',
};

/** Columns of nested item fields, by `field.member`. */
const MEMBER_COLUMNS: Readonly<Record<string, string>> = {
  'service.kind': 'service', 'service.target': 'service_level', 'leadTime.meanDays': 'lead_time_days', 'leadTime.sdDays': 'lead_time_sd_days',
  'replenishment.kind': 'policy', 'replenishment.reviewDays': 'review_days', 'replenishment.parLevel': 'par_level',
};

function columnOf(path: readonly PropertyKey[]): string {
  const field = String(path[0]);
  return MEMBER_COLUMNS[`${field}.${String(path[1])}`] ?? FIELD_COLUMNS[field] ?? field;
}

/**
 * Reads an items CSV: one item per row with its stock. Required columns: `id, name, unit, pack_size,
 * unit_cost` (dollars), `supplier, lead_time_days`. Optional: `lead_time_sd_days, minimum_order,
 * shelf_life_days, order_cost` (dollars), `service` (`fill` or `cycle`), `service_level` (e.g. 0.98),
 * `policy` (`periodic`, `sQ`, `sS`, `par`), `review_days, par_level, seasonal, trend` (yes/no,
 * true/false, 1/0 or blank for no), `holding_rate` (a fraction of unit cost per year, e.g. 0.25),
 * `shortage_cost` (dollars), `criticality, stocked_since` (YYYY-MM-DD), `on_hand,
 * on_order, allocated, expiring_quantity, expiring_on`. A `service` other than `fill` needs a
 * `service_level`; without either the target is a 98% fill rate. Any other column is warned about
 * (`csv.unknown_column`, at its header cell, naming the documented column it nearly matches) and
 * its cells are ignored, so a misspelled optional column is not silently left at its default.
 * Every bad row is reported with its line and column, every bad cell of it (the stock columns too
 * when item fields fail), and left out; the good rows are returned. A row whose cells are all blank
 * (`,,,,,,`, a spreadsheet row cleared but not deleted) is skipped as a blank line is. A row whose
 * id was on an earlier row, good or bad, is reported (`inventory.duplicate_item`) and left out. `paths` gives each item's row as `[source, line]`;
 * pass it to `planInventory` so its warnings name the row instead of an index into `items`.
 *
 * @param text - the file's contents
 * @param source - the file's name for issue paths (default `items.csv`)
 * @throws MedofficeUsageError when `text` is not a string (decode a Buffer first)
 * @example
 * ```ts
 * const { items, stock, paths, issues } = readItemsCsv(await readFile('items.csv', 'utf8'));
 * planInventory({ items, usage, stock, paths }, { asOf: '2026-11-02' }); // warnings at ['items.csv', line]
 * ```
 */
export function readItemsCsv(text: string, source = 'items.csv'): { items: Item[]; stock: Map<ItemId, ItemStock>; paths: Map<ItemId, IssuePath>; issues: Issue[] } {
  const { rows, issues } = csvRows(parseCsv(text, source), source, ITEM_COLUMNS, ITEM_OPTIONAL_COLUMNS);
  const items: Item[] = [];
  const stock = new Map<ItemId, ItemStock>();
  const paths = new Map<ItemId, IssuePath>();
  const ids = new Set<string>();
  for (const row of rows) {
    const id = row.text('id');
    const repeated = id !== '' && ids.has(id);
    ids.add(id);
    const found: Issue[] = [];
    const raw = rawItem(row, found);
    const parsed = ItemSchema.safeParse(raw);
    if (!parsed.success) {
      const flagged = new Set(found.map((issue) => issue.path[2]));
      for (const issue of issuesFromZod(parsed.error, 'inventory.item_schema')) {
        const column = columnOf(issue.path);
        if (!flagged.has(column)) found.push({ ...issue, path: row.at(column) });
      }
    }
    // The stock cells are checked even when the item fields fail, so one pass reports every bad cell of the row.
    const held = rowStock(row, (parsed.success ? parsed.data.id : id) as ItemId, found);
    if (found.length > 0 || !parsed.success || held === undefined) {
      issues.push(...found);
      continue;
    }
    if (repeated) {
      issues.push(errorIssue('inventory.duplicate_item', row.at('id'), `item ${parsed.data.id} appears on an earlier row too`));
      continue;
    }
    items.push(parsed.data);
    stock.set(parsed.data.id, held);
    paths.set(parsed.data.id, [source, row.line]);
  }
  return { items, stock, paths, issues };
}

function numberCell(row: CsvRow, column: string, found: Issue[]): number | undefined {
  const text = row.text(column);
  if (text === '') return undefined;
  const value = decimalCell(text);
  if (!Number.isFinite(value)) {
    found.push(errorIssue('inventory.csv_number', row.at(column), `'${text}' is not a number`));
    return undefined;
  }
  return value;
}

/** A yes/no cell: yes, true or 1 (any case) is true; no, false, 0 or blank is false; anything else is reported. */
function flagCell(row: CsvRow, column: string, found: Issue[]): boolean {
  const text = row.text(column).toLowerCase();
  if (text === 'yes' || text === 'true' || text === '1') return true;
  if (!(text === '' || text === 'no' || text === 'false' || text === '0')) {
    found.push(errorIssue('inventory.item_schema', row.at(column), `'${row.text(column)}' is not yes or no (yes/no, true/false, 1/0, or blank for no)`));
  }
  return false;
}

/** A dollar amount written past the cent, as `parseDollars` would read it but for that: its digits after the second decimal. */
const PAST_THE_CENT = /^(?:-?\$|\$-|-)?(?:\d{1,3}(?:,\d{3})+|\d+)?\.\d{2}(\d+)$/;

/** Columns priced per unit, where a cost finer than a cent calls for pricing a larger unit. */
const PER_UNIT_COSTS: ReadonlySet<string> = new Set(['unit_cost', 'shortage_cost']);

/**
 * A dollar cell in cents. Zeros past the cent are whole cents (`1.500`); other digits there
 * (`0.004`) are reported as `money.not_integer_cents`, which for a cost per unit says to price a
 * larger unit, such as a box, instead.
 */
function dollarCell(row: CsvRow, column: string, found: Issue[]): number | undefined {
  const text = row.text(column);
  if (text === '') return undefined;
  const pastCent = PAST_THE_CENT.exec(text)?.[1];
  if (pastCent !== undefined && /[1-9]/.test(pastCent)) {
    const advice = PER_UNIT_COSTS.has(column)
      ? 'price a larger unit instead (a box, say, with pack_size, stock and usage counted in boxes)'
      : 'round it to the cent';
    found.push(errorIssue('money.not_integer_cents', row.at(column), `'${text}' has a fraction of a cent, and ${column} must be in whole cents: ${advice}`));
    return undefined;
  }
  const parsed = parseDollars(pastCent === undefined ? text : text.slice(0, text.length - pastCent.length), row.at(column));
  if (!parsed.ok) found.push(...parsed.issues);
  return parsed.ok ? parsed.value : undefined;
}

function rawItem(row: CsvRow, found: Issue[]): Record<string, unknown> {
  const defined = (entries: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  const policy = row.text('policy') || 'periodic';
  const reviewDays = numberCell(row, 'review_days', found) ?? 7;
  const serviceKind = row.text('service');
  const serviceLevel = numberCell(row, 'service_level', found);
  if (serviceKind !== '' && serviceKind !== 'fill' && row.text('service_level') === '') {
    found.push(errorIssue('inventory.item_schema', row.at('service_level'), `service '${serviceKind}' needs a service_level, such as 0.95`));
  }
  return defined({
    id: row.text('id'),
    name: row.text('name'),
    unit: row.text('unit'),
    packSize: numberCell(row, 'pack_size', found),
    unitCostCents: dollarCell(row, 'unit_cost', found),
    minimumOrder: numberCell(row, 'minimum_order', found),
    supplier: row.text('supplier'),
    leadTime: defined({ meanDays: numberCell(row, 'lead_time_days', found), sdDays: numberCell(row, 'lead_time_sd_days', found) }),
    shelfLifeDays: numberCell(row, 'shelf_life_days', found),
    orderCostCents: dollarCell(row, 'order_cost', found),
    service: serviceLevel === undefined ? (serviceKind === '' || serviceKind === 'fill' ? undefined : { kind: serviceKind }) : { kind: serviceKind || 'fill', target: serviceLevel },
    replenishment: policy === 'par' ? { kind: 'par', reviewDays, parLevel: numberCell(row, 'par_level', found) } : policy === 'periodic' ? { kind: 'periodic', reviewDays } : { kind: policy },
    seasonal: flagCell(row, 'seasonal', found),
    trend: flagCell(row, 'trend', found),
    holdingRatePerYear: numberCell(row, 'holding_rate', found),
    shortageCostCents: dollarCell(row, 'shortage_cost', found),
    criticality: numberCell(row, 'criticality', found),
    stockedSince: row.text('stocked_since') || undefined,
  });
}

function rowStock(row: CsvRow, itemId: ItemId, found: Issue[]): ItemStock | undefined {
  const count = (column: string): number => {
    const value = numberCell(row, column, found) ?? 0;
    if (!Number.isInteger(value) || value < 0) found.push(errorIssue('inventory.negative_quantity', row.at(column), `${value} is not a whole number of units at least zero`));
    return value;
  };
  const onHand = count('on_hand');
  const expiring = count('expiring_quantity');
  const expiringOn = row.text('expiring_on');
  if (onHand >= 0 && expiring > onHand) found.push(errorIssue('inventory.expiring_exceeds_on_hand', row.at('expiring_quantity'), `${expiring} expiring but only ${onHand} on hand`));
  if (expiring > 0 && !isIsoDate(expiringOn)) found.push(errorIssue('time.invalid_date', row.at('expiring_on'), `'${expiringOn}' is not a calendar date (YYYY-MM-DD)`));
  const onOrder = count('on_order');
  const allocated = count('allocated');
  if (found.length > 0) return undefined;
  const lot = (lotId: string, quantity: number, expires: string | null): LotStock => ({ itemId, lotId: lotId as LotId, locationId: 'main' as LocationId, expires: expires as LotStock['expires'], quantity });
  const lots = [lot('on-hand', onHand - expiring, null)];
  if (expiring > 0) lots.push(lot('expiring', expiring, expiringOn));
  return { lots: lots.filter((entry) => entry.quantity > 0), onOrder, allocated };
}
