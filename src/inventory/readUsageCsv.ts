import { errorIssue, warningIssue, type Issue } from '../core/issue.js';
import { parseCsv } from '../core/csv.js';
import { csvRows, decimalCell } from './csvRows.js';
import { dayNumber } from '../core/calendarDay.js';
import type { ItemId } from './model.js';

/** Columns a usage file must have. */
export const USAGE_COLUMNS = ['item_id', 'date', 'quantity'] as const;

/**
 * Reads a usage CSV (`item_id, date, quantity`: units used on a day) into one daily series per
 * item, from the earliest date in the file to the day before `asOf`; days without a row count as
 * zero and repeated rows add up. Rows for unknown items (`inventory.unknown_item`), with malformed
 * dates (`time.invalid_date`) or negative or non-numeric quantities (`inventory.negative_quantity`,
 * `inventory.csv_number`) are reported with line and column and skipped; rows on or after `asOf`
 * are warned about (`inventory.usage_after_as_of`) and ignored.
 *
 * @param text - the file's contents
 * @param known - the item ids to accept
 * @param asOf - the planning day, `YYYY-MM-DD`
 * @param source - the file's name for issue paths (default `usage.csv`)
 * @example
 * ```ts
 * const { usage } = readUsageCsv(text, new Set(items.map((item) => item.id)), '2026-11-02');
 * ```
 */
export function readUsageCsv(text: string, known: ReadonlySet<string>, asOf: string, source = 'usage.csv'): { usage: Map<ItemId, Float64Array>; issues: Issue[] } {
  const { rows, issues } = csvRows(parseCsv(text, source), source, USAGE_COLUMNS);
  const good: { itemId: ItemId; day: number; quantity: number }[] = [];
  const asOfDay = dayNumber(asOf) ?? Number.NaN;
  for (const row of rows) {
    const itemId = row.text('item_id');
    const date = row.text('date');
    const quantityText = row.text('quantity');
    const quantity = decimalCell(quantityText);
    const day = dayNumber(date);
    const found: Issue[] = [];
    if (!known.has(itemId)) found.push(errorIssue('inventory.unknown_item', row.at('item_id'), `no item '${itemId}'`));
    if (day === undefined) found.push(errorIssue('time.invalid_date', row.at('date'), `'${date}' is not a calendar date (YYYY-MM-DD)`));
    if (quantityText === '' || !Number.isFinite(quantity)) found.push(errorIssue('inventory.csv_number', row.at('quantity'), `'${quantityText}' is not a number`));
    else if (quantity < 0) found.push(errorIssue('inventory.negative_quantity', row.at('quantity'), `${quantity} is negative`));
    if (found.length > 0 || day === undefined) {
      issues.push(...found);
      continue;
    }
    if (!(day < asOfDay)) {
      issues.push(warningIssue('inventory.usage_after_as_of', row.at('date'), `${date} is not before the planning day ${asOf}`));
      continue;
    }
    good.push({ itemId: itemId as ItemId, day, quantity });
  }
  const usage = new Map<ItemId, Float64Array>();
  if (good.length === 0) return { usage, issues };
  const start = good.reduce((earliest, row) => Math.min(earliest, row.day), asOfDay);
  const length = asOfDay - start;
  for (const id of known) usage.set(id as ItemId, new Float64Array(length));
  for (const row of good) {
    const series = usage.get(row.itemId) as Float64Array;
    const index = row.day - start;
    series[index] = (series[index] as number) + row.quantity;
  }
  return { usage, issues };
}
